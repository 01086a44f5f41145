// The resolved journey graph: steps and their `next` edges, resolved once and read by every lint
// rule, measure and view (no other code walks `Step::next`).
#pragma once

#include "journey/model/journey.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace journey {

/// A flag per element (step, edge, ...); `std::vector<bool>` is avoided for plain references.
using Flags = std::vector<std::uint8_t>;

/// Branch probabilities of a step's transitions, in the order written (0 for unresolved targets).
/// Unresolved targets are left out; branches with `p` keep it, branches without share the
/// remainder equally; given probabilities summing to more than 1 are scaled down to 1 (the others
/// then get 0); if they sum to less than 1 and no branch is left to take the rest, they are scaled
/// up to 1; if nothing can be scaled (all given `p` are 0), the branches share equally.
std::vector<double> branch_probabilities(const Step &step);

/// One edge of the graph: a resolved transition of a step that does not end the journey.
struct Edge {
  std::size_t from = 0;
  std::size_t to = 0;
  std::size_t transition = 0; ///< index in `Step::next` of `from`
  double p = 0;               ///< branch probability (`branch_probabilities`)
  bool branch = false;        ///< `from` has more than one way on, so `p` is worth showing
  bool repeat = false;        ///< `from` already has an edge to `to` (a target written twice)
};

/// The depth-first walk from the entry, following edges in the order they were written.
struct DepthFirst {
  std::vector<std::size_t> order; ///< reached steps in topological order of the acyclic part
  Flags reached;                  ///< per step
  Flags back; ///< per edge: closes a cycle (leads to a step on the walk's stack)
  bool has_cycles = false;
};

/// A journey's steps as a directed graph, with the analyses every reader shares.
///
/// The rules, stated once:
/// - the entry is the first step;
/// - an edge is a transition whose target names a step; unresolved targets are left out;
/// - a step with an `end` has no edges: the journey ends there (an `end` written next to a `next`
///   is the lint error `end-with-next`);
/// - a step *leaves* the graph when it ends, has no `next` at all (a dead end) or has a `next`
///   naming no step: path rules treat all of them as exits, so one mistake gives one finding.
class JourneyGraph {
public:
  static constexpr std::size_t entry = 0;

  explicit JourneyGraph(const Journey &journey);
  JourneyGraph(const JourneyGraph &) = delete;
  JourneyGraph &operator=(const JourneyGraph &) = delete;

  const Journey &journey() const { return journey_; }
  const Step &step(std::size_t s) const { return journey_.steps[s]; }
  std::size_t size() const { return first_.size() - 1; }
  std::size_t edge_count() const { return edges_.size(); }

  /// Edge ids of step `s` are [begin(s), end(s)), in the order written.
  std::size_t begin(std::size_t s) const { return first_[s]; }
  std::size_t end(std::size_t s) const { return first_[s + 1]; }
  const Edge &edge(std::size_t e) const { return edges_[e]; }
  std::span<const Edge> out(std::size_t s) const {
    return {edges_.data() + first_[s], edges_.data() + first_[s + 1]};
  }
  /// Ids of the edges into step `s`, in edge order.
  std::span<const std::size_t> in(std::size_t s) const {
    return {in_edges_.data() + in_first_[s], in_edges_.data() + in_first_[s + 1]};
  }
  /// The transition an edge stands for.
  const Transition &transition(const Edge &e) const { return step(e.from).next[e.transition]; }

  /// The step has an `end`.
  bool is_end(std::size_t s) const { return step(s).end != EndKind::None; }
  /// The step leaves the graph (see the rules above).
  bool leaves(std::size_t s) const { return leaves_[s] != 0; }

  /// The depth-first walk from the entry.
  const DepthFirst &walk() const { return walk_; }
  /// Steps some path from the entry reaches, the entry included.
  const Flags &reachable() const { return walk_.reached; }
  /// Steps from which some path reaches a step that leaves the graph.
  const Flags &can_leave() const { return can_leave_; }
  /// Strongly connected component of each step, numbered in reverse topological order.
  const std::vector<std::size_t> &component() const { return component_; }
  std::size_t component_count() const { return component_count_; }

  /// Effective team of each step (npos when none): the marker whose changes are handoffs.
  const std::vector<Index> &team_marker() const { return team_; }
  /// Channel of each customer-visible step (npos otherwise): the marker whose changes are channel
  /// switches.
  const std::vector<Index> &channel_marker() const { return channel_; }

  /// Walks depth-first again and calls `visit(edge, loop)` for each back edge, in the order the
  /// walk finds them; `loop` is the part of the walk's path the edge closes, from the edge's
  /// target to its source.
  void for_each_back_edge(
      const std::function<void(const Edge &, std::span<const std::size_t>)> &visit) const;

private:
  const Journey &journey_;
  std::vector<std::size_t> first_;
  std::vector<Edge> edges_;
  std::vector<std::size_t> in_first_;
  std::vector<std::size_t> in_edges_;
  Flags leaves_;
  DepthFirst walk_;
  Flags can_leave_;
  std::vector<std::size_t> component_;
  std::size_t component_count_ = 0;
  std::vector<Index> team_;
  std::vector<Index> channel_;
};

/// One key for a pair of indexes (steps, boxes, groups), for hashing pairs seen once.
inline std::uint64_t pair_key(std::size_t a, std::size_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}

/// Steps from which some path of `graph` reaches a step flagged in `goals` (the goals included).
Flags can_reach(const JourneyGraph &graph, const Flags &goals);

} // namespace journey
