// Views: the outside-in, inside-out and compare diagrams of a journey, as DOT graphs.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/model/journey.h"
#include "journey/model/names.h"
#include "journey/render/dot_graph.h"

#include <optional>
#include <string>
#include <string_view>

namespace journey {

/// Which diagram to draw.
enum class View { OutsideIn, InsideOut, Compare, Blueprint };

/// The names of the views.
inline constexpr Named<View> kViewNames[] = {
    {"outside-in", View::OutsideIn}, {"inside-out", View::InsideOut}, {"compare", View::Compare},
    {"blueprint", View::Blueprint}};

/// `outside-in`, `inside-out`, `compare`, `blueprint`.
std::string_view to_string(View view);
/// Parses a name of `kViewNames`; nullopt when unknown.
std::optional<View> parse_view(std::string_view text);

/// What a view can draw as one box instead of its steps (`--collapse`): each process. Kept for
/// scripts written before `--detail`: `--collapse process` is `--detail processes`, the default.
enum class Collapse { Process };

/// The names of the collapse levels.
inline constexpr Named<Collapse> kCollapseNames[] = {{"process", Collapse::Process}};

/// How much of the organisation the inside-out view draws (`--detail`).
enum class Detail {
  Processes, ///< one box per process, and per run of linked steps of a team outside any process
  Steps,     ///< every step, in process clusters inside team clusters
};

/// The names of the detail levels.
inline constexpr Named<Detail> kDetailNames[] = {{"processes", Detail::Processes},
                                                 {"steps", Detail::Steps}};

/// Drawing options shared by the views.
struct ViewOptions {
  Detail detail = Detail::Processes; ///< inside-out (alone or in compare)
  bool stacked = false;              ///< compare: the organisation above the customer, not beside
  bool emotion_lane = true;          ///< outside-in: the emotion lane, when steps have emotions
};

/// Where a view draws into a graph: inside `parent`, with every node name prefixed.
struct ViewTarget {
  ClusterId parent = no_cluster;
  std::string prefix;
};

/// What a view drew, for its line of headline figures.
struct ViewCounts {
  std::size_t steps = 0;     ///< steps drawn by name
  std::size_t processes = 0; ///< inside-out: process boxes
  std::size_t runs = 0;      ///< inside-out: boxes of linked steps outside any process
  std::size_t teams = 0;     ///< inside-out: teams with steps
  std::size_t handoffs = 0; ///< inside-out: handoff edges
  std::size_t handoffs_not_drawn = 0;  ///< inside-out: dashed handoffs left out (too many)
  bool not_drawn_via_customer = false; ///< all of those pass through the customer
  std::size_t channels = 0; ///< outside-in: channels the customer uses
  std::size_t switches = 0; ///< outside-in: channel-switch edges
  std::size_t waits = 0;    ///< outside-in: wait nodes
};

/// Sets the fonts, defaults and layout attributes every diagram shares.
void set_diagram_defaults(DotGraph &graph);

/// Builds the DOT graph of one view of a journey, with its heading and the legend. `metrics` are
/// the journey's figures for the headings when it has been measured already (else measured here).
DotGraph build_view(const Journey &journey, View view, const ViewOptions &options = {},
                    const JourneyMetrics *metrics = nullptr);

} // namespace journey
