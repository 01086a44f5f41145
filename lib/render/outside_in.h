// Outside-in view: the customer's timeline, in lanes by channel, with the back office as waits.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/render/dot_graph.h"
#include "journey/render/views.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace journey {

/// The outside-in view as data: what is drawn, before any DOT.
///
/// Steps the customer does or sees (`customer`, `frontstage`) are boxes, in a lane per channel;
/// so are `backstage` and `system` steps that end the journey, since the customer lives their
/// outcome. Every other step is out of sight: each group of them (steps linked to each other)
/// becomes one wait box per customer-visible step it leads to, with the time spent out of sight
/// on the way: the group's `wait + time` (a range when paths differ; the longest path skips
/// loop-back edges) and how many of its steps one customer passes. The next step's own `wait`
/// stays on that step's box, so no wait is drawn twice. An arrow into a wait carries the branch
/// names on the way and the share of customers leaving its box who next reach that step (solved
/// through the hidden steps, loops included), so the shares out of every box add up to 100%. A
/// group entered from many places and leading to many steps gets one merged wait, so arrows stay
/// linear in the journey; its arrows out carry the share of the customers who reach it.
///
/// When steps name stages, every box has a band (see `stage_columns`): a step its stage's, a
/// wait the earliest stage of the steps out of sight that lead into it. An arrow into an earlier
/// band is `backward`, and so is one that closes a loop within a band. `emotion` follows the
/// most likely path (`most_likely_path`): one point per step on it drawn as a box, and none when
/// no step on it states an emotion.
struct OutsideInView {
  enum class BoxKind { Start, Step, Wait };
  struct Box {
    BoxKind kind = BoxKind::Step;
    std::size_t step = 0;   ///< `Step`: the step drawn
    int lane = -1;          ///< index in `lanes`, or -1 outside any lane
    double wait_min = 0;    ///< `Wait`: the customer's wait, seconds
    double wait_max = 0;
    std::size_t hidden_min = 0; ///< `Wait`: steps out of sight one customer passes, without
    std::size_t hidden_max = 0; ///< repeats
    int band = -1;              ///< index in `bands`; -1 without stages, and for the start
  };
  struct Arrow {
    std::size_t from = 0; ///< box indexes
    std::size_t to = 0;
    std::string label;    ///< plain text: branch names and share (when the box has more ways out)
    bool channel_switch = false;
    double share = 0; ///< of the customers leaving `from`, those who take this arrow (exact)
    bool backward = false; ///< into an earlier band, or closing a loop within one: drawn from
                           ///< its head, so the arrows as drawn never form a cycle
  };
  /// A step of the most likely path drawn as a box, with its emotion.
  struct Point {
    std::size_t box = 0;
    std::optional<int> emotion; ///< absent when the step states none
    std::vector<std::string> pain;
  };
  std::vector<std::size_t> lanes; ///< channel index of each lane, in order of first use
  std::vector<Box> boxes;         ///< the start box first, then steps, then waits
  std::vector<Arrow> arrows;
  std::vector<std::string> bands; ///< stage names in order; empty when no step names a stage
  std::vector<Point> emotion;     ///< along the most likely path
  ViewCounts counts;
};

/// The text of a wait box: `wait 3d`, or `wait 1d–3d` when paths differ.
std::string wait_text(double min, double max);
/// What one customer passes out of sight: `3 steps out of sight` or `2–3 steps out of sight`.
std::string hidden_text(std::size_t min, std::size_t max);

/// Computes the outside-in view of a journey's graph.
OutsideInView outside_in_view(const JourneyGraph &graph);

/// What the outside-in view draws beside its boxes (the view alone, not within `compare`).
struct OutsideInExtras {
  bool bands = false;        ///< stage bands, when the view has them
  bool emotion_lane = false; ///< the emotion lane, when the view has points
};

/// Draws an outside-in view into `graph`. Node names: `<prefix>start`, `<prefix>s_<step id>`
/// (see `step_node_names`), `<prefix>w<n>`; with extras `<prefix>band<n>` (stage headings, in
/// a column of their own), `<prefix>emotion` and `<prefix>emotion<n>` (the emotion lane's
/// heading and one spacer per point, level with its box). Bands and the lane are drawn after
/// layout from the node attributes of `render/overlay.h`.
void draw_outside_in(DotGraph &graph, const OutsideInView &view, const Journey &journey,
                     const ViewTarget &target, const OutsideInExtras &extras = {});

} // namespace journey
