// Snapshot: the served journeys as one immutable state (findings, figures and diagrams), built
// from a check run, keeping each journey's last good diagrams while its file has errors.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/check/check.h"
#include "journey/model/diagnostic.h"
#include "journey/model/expected.h"
#include "journey/render/views.h"
#include "journey/serve/served_files.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// The views a journey page switches between, in the order of the switch; compare first.
inline constexpr std::array<View, 3> kServedViews = {View::Compare, View::OutsideIn,
                                                     View::InsideOut};

/// Position of `view` in kServedViews.
std::size_t served_view_index(View view);

/// One diagram of a journey as Graphviz SVG, or why there is none.
struct ServedDiagram {
  std::shared_ptr<const std::string> svg; ///< null until drawn, or when it could not be
  std::string error;                      ///< why it could not be drawn
};

/// What a journey page shows.
struct ServedJourney {
  std::string key;     ///< its URL key (served_files.h)
  std::string path;    ///< as findings name it
  std::string heading; ///< title, else id, else the file
  std::string id;
  std::vector<Diagnostic> findings; ///< of the file as it is now
  bool unreadable = false;          ///< the file could not be read at all
  bool blocked = false;             ///< the file as it is now cannot be measured or drawn
  /// The last version that could be measured: the current one unless `blocked`.
  std::optional<JourneyMetrics> metrics;
  std::array<ServedDiagram, kServedViews.size()> diagrams; ///< of that version, by kServedViews
  std::string checked_at; ///< local time the file was last checked, `HH:MM:SS`
  std::string good_at;    ///< local time of the version shown in `diagrams`; empty if none
  bool has_good() const { return metrics.has_value(); }
  std::size_t count(Severity severity) const;
};

/// The whole site at one moment.
struct Snapshot {
  std::uint64_t version = 0;            ///< increases with every published change
  std::vector<ServedJourney> journeys;  ///< in the order the files were found
  std::vector<Diagnostic> input_errors; ///< missing paths, bad configuration
  std::vector<std::string> refused;     ///< files left out: they lead outside their PATH
  /// The shared catalogs the journeys name (resolved as the workspace resolves them), sorted:
  /// they may lie outside the PATHs, and a change to one changes the journeys.
  std::vector<std::string> catalogs;

  /// The journey with URL key `key`; nullptr when there is none.
  const ServedJourney *find(std::string_view key) const;
};

/// Builds snapshots from check runs. Keeps, per journey, its last good state and the DOT each
/// diagram was drawn from, so only a diagram whose DOT changed is laid out again.
class SnapshotBuilder {
public:
  /// Lays out DOT text as SVG, or says why it could not.
  using DrawSvg = std::function<Expected<std::string>(std::string_view dot)>;

  /// Draws with `draw_svg`; by default with Graphviz in this process.
  explicit SnapshotBuilder(DrawSvg draw_svg = {});

  /// Checks `files` (measuring every journey fit for it) and returns the next snapshot with
  /// findings and figures; diagrams are those of the previous snapshot where the DOT did not
  /// change, else null (to be drawn by `draw`). `now` is the local time to stamp, `HH:MM:SS`.
  Snapshot check(const ServedFiles &files, const std::optional<std::string> &config,
                 std::string_view now);

  /// Draws, for every journey of `snapshot`, the diagrams of `view` not drawn yet. Returns
  /// true when one was drawn. Serialised by Graphviz; call from one thread.
  bool draw(Snapshot &snapshot, View view);

  /// A new version number, for a snapshot changed by `draw` after it was published.
  std::uint64_t next_version() { return ++version_; }

private:
  struct Entry {
    ServedJourney good; ///< the last good state (metrics and diagrams)
    std::array<std::string, kServedViews.size()> dot; ///< what each diagram was drawn from
  };
  DrawSvg draw_svg_;
  std::map<std::string, Entry> entries_; ///< by key
  std::uint64_t version_ = 0;
};

} // namespace journey
