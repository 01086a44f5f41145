// Changes along paths: handoffs between teams and switches between channels, on (step, last)
// states.
#pragma once

#include "analysis/graph.h"
#include "model/journey.h"

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
/// - `max`: the longest path of the acyclic part (`walk`'s back edges left out);
/// - `expected`: the absorbing chain on the states reachable with positive probability. When each
///   reachable step has a single state (e.g. every step has a team) that chain is the step chain,
///   and `step_visits` (expected visits per step, if given) is used instead of solving it again.
ChangeCounts count_changes(const StepGraph &graph, const DepthFirst &walk, std::size_t entry,
                           const std::vector<bool> &is_end, const std::vector<Index> &marker,
                           const std::vector<double> *step_visits = nullptr);

} // namespace journey
