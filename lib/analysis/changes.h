// Changes along paths: handoffs between teams and switches between channels, on (step, last)
// states.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/model/journey.h"

#include <cstddef>
#include <vector>

namespace journey {

/// How often the marker (a team, a channel) changes along the journey's paths.
struct ChangeCounts {
  bool found = false; ///< false when no end can be reached
  double min = 0;
  double max = 0;
  bool expected_defined = false;
  double expected = 0;
  std::vector<std::size_t> trap; ///< steps of a loop with no way out, when expected is undefined
};

/// Counts, along a walk, the adjacent pairs of differing markers in the sequence of steps that
/// carry one (`marker[s] != npos`); steps without a marker are skipped and keep the last one. Works
/// on the states (step, last marker seen), built from the entry:
/// - `min`: a 0-1 breadth-first search on the whole state graph (exact over the paths that repeat
///   no step: cutting a loop out of a walk never adds a change);
/// - `max`: the longest path of the acyclic part (the walk's back edges left out);
/// - `expected`: the absorbing chain on the states reachable with positive probability. When each
///   reachable step has a single state (e.g. every step has a team) that chain is the step chain,
///   and `step_visits` (expected visits per step, if given) is used instead of solving it again.
ChangeCounts count_changes(const JourneyGraph &graph, const std::vector<Index> &marker,
                           const std::vector<double> *step_visits = nullptr);

/// One change of marker between two marked steps `from` and `to` that follow each other in the
/// sequence of marked steps of some walk: a handoff (team marker) or a channel switch (channel
/// marker), the same changes `count_changes` counts.
struct MarkerChange {
  std::size_t from = 0;
  std::size_t to = 0;
  bool direct = true;          ///< `to` follows `from` by one edge; else through unmarked steps
  bool via_customer = false;   ///< the unmarked steps in between include a customer step
};

/// Every change of `marker`, once per (from, to) pair: direct ones in edge order, then the ones
/// through unmarked steps in the order of the steps they start from. Groups of linked unmarked
/// steps are found with a union-find; the work is linear but for entries x exits per group.
std::vector<MarkerChange> marker_changes(const JourneyGraph &graph, const std::vector<Index> &marker);

} // namespace journey
