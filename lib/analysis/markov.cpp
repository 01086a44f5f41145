// Absorbing Markov chains: iterative Tarjan components and a block-by-block sparse solve.
#include "journey/analysis/markov.h"

#include "journey/analysis/journey_graph.h"

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>

namespace journey {
namespace {

constexpr std::size_t kDenseLimit = 48;

/// Solves (I - Q_C)^T x = b (forward: visits) or, when `backward`, (I - Q_C) x = b (hitting
/// probabilities) for the states of one component; false if the system is singular.
bool solve_component(const Chain &chain, const Components &comps, std::size_t c,
                     const std::vector<double> &inflow, std::vector<double> &x,
                     bool backward = false) {
  const std::size_t begin = comps.first[c];
  const std::size_t n = comps.first[c + 1] - begin;
  // Position of each state inside the component, via a sorted copy (n log n, no hashing).
  std::vector<std::pair<std::size_t, std::size_t>> where;
  where.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    where.emplace_back(comps.states[begin + k], k);
  }
  std::sort(where.begin(), where.end());
  auto local = [&](std::size_t state) {
    auto it = std::lower_bound(where.begin(), where.end(), std::make_pair(state, std::size_t{0}));
    return static_cast<Eigen::Index>(it->second);
  };
  Eigen::VectorXd b(static_cast<Eigen::Index>(n));
  for (std::size_t k = 0; k < n; ++k) {
    b(static_cast<Eigen::Index>(k)) = inflow[comps.states[begin + k]];
  }
  Eigen::VectorXd solution;
  if (n <= kDenseLimit) {
    Eigen::MatrixXd a =
        Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t u = comps.states[begin + k];
      for (std::size_t e = chain.first[u]; e < chain.first[u + 1]; ++e) {
        if (chain.p[e] > 0 && comps.component[chain.to[e]] == c) {
          const Eigen::Index row = local(chain.to[e]);
          const auto col = static_cast<Eigen::Index>(k);
          (backward ? a(col, row) : a(row, col)) -= chain.p[e];
        }
      }
    }
    Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
    if (!lu.isInvertible()) {
      return false;
    }
    solution = lu.solve(b);
  } else {
    std::vector<Eigen::Triplet<double>> entries;
    for (std::size_t k = 0; k < n; ++k) {
      const auto col = static_cast<Eigen::Index>(k);
      entries.emplace_back(col, col, 1.0);
      const std::size_t u = comps.states[begin + k];
      for (std::size_t e = chain.first[u]; e < chain.first[u + 1]; ++e) {
        if (chain.p[e] > 0 && comps.component[chain.to[e]] == c) {
          const Eigen::Index row = local(chain.to[e]);
          entries.emplace_back(backward ? col : row, backward ? row : col, -chain.p[e]);
        }
      }
    }
    Eigen::SparseMatrix<double> a(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    a.setFromTriplets(entries.begin(), entries.end());
    a.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(a);
    if (lu.info() != Eigen::Success) {
      return false;
    }
    solution = lu.solve(b);
    if (lu.info() != Eigen::Success) {
      return false;
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    const double v = solution(static_cast<Eigen::Index>(k));
    if (!std::isfinite(v)) {
      return false;
    }
    x[comps.states[begin + k]] = std::max(0.0, v);
  }
  return true;
}

} // namespace

Components reachable_components(const Chain &chain, std::size_t start) {
  Components comps;
  comps.component.assign(chain.size, Components::none);
  if (start >= chain.size) {
    return comps;
  }
  constexpr std::size_t unvisited = static_cast<std::size_t>(-1);
  std::vector<std::size_t> index(chain.size, unvisited);
  std::vector<std::size_t> low(chain.size, 0);
  std::vector<bool> on_stack(chain.size, false);
  std::vector<std::size_t> stack;
  struct Frame {
    std::size_t state;
    std::size_t edge;
  };
  std::vector<Frame> calls;
  // Tarjan emits sinks first; collect, then reverse the component order.
  std::vector<std::size_t> emitted;
  std::vector<std::size_t> emitted_first{0};
  std::size_t counter = 0;
  auto visit = [&](std::size_t u) {
    index[u] = low[u] = counter++;
    stack.push_back(u);
    on_stack[u] = true;
    calls.push_back({u, chain.first[u]});
  };
  visit(start);
  while (!calls.empty()) {
    Frame &top = calls.back();
    const std::size_t u = top.state;
    if (top.edge < chain.first[u + 1]) {
      const std::size_t e = top.edge++;
      if (!(chain.p[e] > 0)) {
        continue;
      }
      const std::size_t v = chain.to[e];
      if (index[v] == unvisited) {
        visit(v);
      } else if (on_stack[v]) {
        low[u] = std::min(low[u], index[v]);
      }
      continue;
    }
    calls.pop_back();
    if (!calls.empty()) {
      const std::size_t parent = calls.back().state;
      low[parent] = std::min(low[parent], low[u]);
    }
    if (low[u] == index[u]) {
      std::size_t v = 0;
      do {
        v = stack.back();
        stack.pop_back();
        on_stack[v] = false;
        emitted.push_back(v);
      } while (v != u);
      emitted_first.push_back(emitted.size());
    }
  }
  const std::size_t count = emitted_first.size() - 1;
  comps.states.reserve(emitted.size());
  comps.first.reserve(count + 1);
  for (std::size_t k = count; k-- > 0;) {
    const std::size_t c = count - 1 - k;
    for (std::size_t i = emitted_first[k]; i < emitted_first[k + 1]; ++i) {
      comps.states.push_back(emitted[i]);
      comps.component[emitted[i]] = c;
    }
    comps.first.push_back(comps.states.size());
  }
  return comps;
}

Visits expected_visits(const Chain &chain, std::size_t start) {
  Visits result;
  result.visits.assign(chain.size, 0.0);
  if (start >= chain.size) {
    return result;
  }
  const Components comps = reachable_components(chain, start);
  std::vector<double> inflow(chain.size, 0.0);
  inflow[start] = 1.0;
  for (std::size_t c = 0; c < comps.count(); ++c) {
    const std::size_t begin = comps.first[c];
    const std::size_t end = comps.first[c + 1];
    bool loops = end - begin > 1;
    bool exits = false;
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t u = comps.states[k];
      if (chain.first[u] == chain.first[u + 1]) {
        exits = true; // absorbing
      }
      for (std::size_t e = chain.first[u]; e < chain.first[u + 1]; ++e) {
        if (!(chain.p[e] > 0)) {
          continue;
        }
        if (comps.component[chain.to[e]] == c) {
          loops = true;
        } else {
          exits = true;
        }
      }
    }
    if (loops && !exits) {
      result.trap.assign(comps.states.begin() + static_cast<std::ptrdiff_t>(begin),
                         comps.states.begin() + static_cast<std::ptrdiff_t>(end));
      std::sort(result.trap.begin(), result.trap.end());
      return result;
    }
    if (!loops) {
      const std::size_t u = comps.states[begin];
      result.visits[u] = inflow[u];
    } else if (!solve_component(chain, comps, c, inflow, result.visits)) {
      result.trap.assign(comps.states.begin() + static_cast<std::ptrdiff_t>(begin),
                         comps.states.begin() + static_cast<std::ptrdiff_t>(end));
      std::sort(result.trap.begin(), result.trap.end());
      return result;
    }
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t u = comps.states[k];
      for (std::size_t e = chain.first[u]; e < chain.first[u + 1]; ++e) {
        if (chain.p[e] > 0 && comps.component[chain.to[e]] != c) {
          inflow[chain.to[e]] += result.visits[u] * chain.p[e];
        }
      }
    }
  }
  result.solved = true;
  return result;
}

std::vector<double> absorption_probabilities(const Chain &chain, std::size_t start,
                                             const std::vector<std::uint8_t> &goal) {
  std::vector<double> h(chain.size, 0.0);
  if (start >= chain.size) {
    return h;
  }
  const Components comps = reachable_components(chain, start);
  std::vector<double> rhs(chain.size, 0.0);
  // Sinks first: every edge out of a component leads to one already solved.
  for (std::size_t c = comps.count(); c-- > 0;) {
    const std::size_t begin = comps.first[c];
    const std::size_t end = comps.first[c + 1];
    bool loops = end - begin > 1;
    for (std::size_t k = begin; k < end; ++k) {
      const std::size_t u = comps.states[k];
      if (chain.first[u] == chain.first[u + 1]) {
        rhs[u] = u < goal.size() && goal[u] != 0 ? 1.0 : 0.0;
        continue;
      }
      for (std::size_t e = chain.first[u]; e < chain.first[u + 1]; ++e) {
        if (!(chain.p[e] > 0)) {
          continue;
        }
        if (comps.component[chain.to[e]] == c) {
          loops = true;
        } else {
          rhs[u] += chain.p[e] * h[chain.to[e]];
        }
      }
    }
    if (!loops) {
      h[comps.states[begin]] = rhs[comps.states[begin]];
    } else if (!solve_component(chain, comps, c, rhs, h, true)) {
      return {};
    }
  }
  for (double &x : h) {
    x = std::min(x, 1.0);
  }
  return h;
}

Chain step_chain(const JourneyGraph &graph) {
  Chain chain;
  for (std::size_t u = 0; u < graph.size(); ++u) {
    for (const Edge &e : graph.out(u)) {
      chain.add_edge(e.to, e.p);
    }
    chain.close_state();
  }
  return chain;
}

} // namespace journey
