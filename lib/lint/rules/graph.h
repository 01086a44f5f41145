// The steps as a directed graph, and the iterative graph algorithms the path rules share.
#pragma once

#include "model/journey.h"

#include <cstdint>
#include <span>
#include <vector>

namespace journey::rules {

/// One `next` edge: the step it leads to and the transition (index in `Step::next`) it comes from.
struct Edge {
  Index target = npos;
  Index transition = npos;
};

/// Successors of every step by resolved `next` targets, in file order, each target once per step.
/// Unresolved targets (npos or out of range) are left out.
class StepGraph {
public:
  explicit StepGraph(const Journey &journey);

  std::size_t size() const { return offsets_.size() - 1; }
  std::span<const Edge> edges(Index step) const {
    return {edges_.data() + offsets_[step], edges_.data() + offsets_[step + 1]};
  }

private:
  std::vector<std::size_t> offsets_;
  std::vector<Edge> edges_;
};

/// A flag per element (step, channel, ...); `std::vector<bool>` is avoided for plain references.
using Flags = std::vector<std::uint8_t>;

/// Steps some path from the entry (the first step) reaches, the entry included.
Flags reachable_from_entry(const StepGraph &graph);

/// Steps from which some path reaches a step flagged in `goals` (the goals included).
Flags can_reach(const StepGraph &graph, const Flags &goals);

/// Strongly connected components (iterative Tarjan): a component number per step; the count is
/// written to `count`.
std::vector<Index> strongly_connected_components(const StepGraph &graph, Index &count);

/// Steps where the customer can leave the graph for good: an `end`, no `next` at all (a dead
/// end, reported by `dead-end`), or a `next` naming no step (reported by `unknown-reference`).
/// Path rules treat all of them as exits, so one mistake gives one finding.
Flags exits(const Journey &journey);

/// True when `i` indexes an element of a container of `size` elements.
inline bool valid_index(Index i, std::size_t size) {
  return i >= 0 && static_cast<std::size_t>(i) < size;
}

} // namespace journey::rules
