// Step graph: a journey's resolved transitions with branch probabilities, and its depth-first walk.
#pragma once

#include "model/journey.h"

#include <cstddef>
#include <vector>

namespace journey {

/// Branch probabilities of a step's transitions, in the order written (0 for unresolved targets).
/// Unresolved targets are left out; branches with `p` keep it, branches without share the
/// remainder equally; given probabilities summing to more than 1 are scaled down to 1 (the others
/// then get 0); if they sum to less than 1 and no branch is left to take the rest, they are scaled
/// up to 1; if nothing can be scaled (all given `p` are 0), the branches share equally.
std::vector<double> branch_probabilities(const Step &step);

/// The steps as nodes and their resolved transitions as edges, in compressed sparse row form.
/// End steps have no outgoing edges: a walk stops at the first end it reaches.
struct StepGraph {
  std::size_t size = 0;
  std::vector<std::size_t> first; ///< edges of node u are [first[u], first[u + 1])
  std::vector<std::size_t> to;
  std::vector<double> p; ///< branch probability of each edge

  std::size_t begin(std::size_t u) const { return first[u]; }
  std::size_t end(std::size_t u) const { return first[u + 1]; }
};

/// Builds the graph of a journey; unresolved transitions are ignored.
StepGraph build_step_graph(const Journey &journey);

/// An iterative depth-first walk from one node, following edges in the order they were written.
struct DepthFirst {
  std::vector<std::size_t> order; ///< reached nodes in topological order of the acyclic part
  std::vector<bool> reached;      ///< per node
  std::vector<bool> back; ///< per edge: closes a cycle (leads to a node on the walk's stack)
  bool has_cycles = false;
};

/// Walks `graph` from `entry`; dropping the back edges leaves an acyclic graph.
DepthFirst depth_first(const StepGraph &graph, std::size_t entry);

} // namespace journey
