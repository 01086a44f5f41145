// Path bounds: the smallest and largest sum of step weights over paths from the entry to an end.
#pragma once

#include "analysis/graph.h"

#include <cstddef>
#include <vector>

namespace journey {

/// Bounds of an additive measure over the paths that repeat no step.
struct PathBounds {
  bool found = false; ///< false when no end can be reached
  double min = 0;
  double max = 0;
  std::vector<std::size_t> max_path; ///< the nodes of one path with the largest sum, entry first
};

/// `min`: with non-negative weights, Dijkstra on the whole graph, exact over the paths that repeat
/// no step (a shortest walk never gains from a loop); with a negative weight, the shortest path of
/// the acyclic part. `max`: the longest path of the acyclic part (`walk`'s back edges left out), by
/// dynamic programming in topological order; ties are broken deterministically.
PathBounds path_bounds(const StepGraph &graph, const DepthFirst &walk, std::size_t entry,
                       const std::vector<bool> &is_end, const std::vector<double> &weight);

} // namespace journey
