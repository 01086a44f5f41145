// Absorbing Markov chains: expected visits to each state from one start state, solved sparsely.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace journey {

/// A Markov chain in compressed sparse row form; a state with no outgoing edge is absorbing.
/// Outgoing probabilities of a transient state should sum to 1.
struct Chain {
  std::size_t size = 0;
  std::vector<std::size_t> first{0}; ///< edges of state u are [first[u], first[u + 1])
  std::vector<std::size_t> to;
  std::vector<double> p;

  /// Adds an edge from the state being built (states are built in order, 0 first).
  void add_edge(std::size_t target, double probability) {
    to.push_back(target);
    p.push_back(probability);
  }
  /// Ends the state being built.
  void close_state() {
    first.push_back(to.size());
    ++size;
  }
};

/// Expected number of visits to each state, or why there is no finite answer.
struct Visits {
  bool solved = false;
  std::vector<double> visits;    ///< per state; for an absorbing state, its absorption probability
  std::vector<std::size_t> trap; ///< when unsolved: states of a loop with no way out
};

/// Expected visits N(start, .) = e_start (I - Q)^-1, restricted to the states reachable with
/// positive probability. The chain is cut into strongly connected components, solved one after the
/// other in topological order: each loop is one small sparse system ((I - Q_C)^T x = inflow,
/// Eigen's SparseLU), so the work stays near-linear. Never recurses; edges with p <= 0 are ignored.
Visits expected_visits(const Chain &chain, std::size_t start);

class JourneyGraph;

/// The chain of a journey's steps: one state per step, moving along the graph's edges with their
/// branch probabilities.
Chain step_chain(const JourneyGraph &graph);

/// The probability h(u) of ending in a state flagged in `goal` (an absorbing one) from each state
/// u reachable from `start`, 0 for the others: h = Q h + r, solved component by component from
/// the sinks up, each loop one small system (I - Q_C) h_C = b as in `expected_visits`. Empty when
/// a loop's system is singular (a loop with no way out: no end is reached from it, so h = 0 would
/// do, but `expected_visits` has already refused such a chain).
std::vector<double> absorption_probabilities(const Chain &chain, std::size_t start,
                                             const std::vector<std::uint8_t> &goal);

/// Strongly connected components of the states reachable from `start` over edges with p > 0,
/// found iteratively (Tarjan), in topological order (sources first).
struct Components {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> states; ///< component c is states[first[c]] .. states[first[c + 1] - 1]
  std::vector<std::size_t> first{0};
  std::vector<std::size_t> component; ///< per state: its component, or `none` if not reachable

  std::size_t count() const { return first.size() - 1; }
};
Components reachable_components(const Chain &chain, std::size_t start);

} // namespace journey
