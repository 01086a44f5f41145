// Path bounds: the smallest and largest sum of step weights over paths from the entry to an end.
#pragma once

#include "journey/analysis/journey_graph.h"

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
/// the acyclic part. `max`: the longest path of the acyclic part (the walk's back edges left out),
/// by dynamic programming in topological order; ties are broken deterministically. Paths run from
/// the entry to the steps with an `end`; `weight` has one figure per step.
PathBounds path_bounds(const JourneyGraph &graph, const std::vector<double> &weight);

/// Sums of non-negative step weights over the paths that stay inside one part of the graph.
struct PartBounds {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<double> min; ///< per step: smallest sum from a root to it, its own weight included
                           ///< (Dijkstra; +inf where no root reaches it)
  std::vector<double> max; ///< per step: largest such sum over the acyclic part (-inf if unreached)
  std::vector<std::size_t> first_in; ///< per step: the first edge the topological sweep reached
                                     ///< it by (`none` for roots and unreached steps)
};

/// Bounds over the paths that start at one of `roots` and stay inside the part of their root
/// (`part[s]` numbers the part of each step, `PartBounds::none` for steps in none): how long a
/// customer spends in a group of steps drawn as one box. All parts at once, in linear time.
PartBounds part_bounds(const JourneyGraph &graph, const std::vector<std::size_t> &part,
                       const std::vector<std::size_t> &roots, const std::vector<double> &weight);

} // namespace journey
