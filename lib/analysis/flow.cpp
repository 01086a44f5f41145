// Flow of customers: edge traversals, passages through steps out of sight, largest-remainder shares.
#include "journey/analysis/flow.h"

#include "journey/analysis/markov.h"
#include "journey/analysis/union_find.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace journey {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// The hidden steps of one group that can get out of sight's reach: a path of edges with p > 0,
/// inside the group, to a shown step or to a step that leaves the graph. The others trap
/// customers, so the chain gives them no way on (they absorb what reaches them: it is lost).
Flags live_members(const JourneyGraph &graph, const Flags &shown,
                   const std::vector<std::size_t> &members, const std::vector<std::size_t> &local) {
  Flags live(members.size(), 0);
  std::vector<std::size_t> queue;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const std::size_t h = members[k];
    const auto out = graph.out(h);
    if (graph.leaves(h) || std::any_of(out.begin(), out.end(), [&](const Edge &e) {
          return e.p > 0 && shown[e.to];
        })) {
      live[k] = 1;
      queue.push_back(k);
    }
  }
  while (!queue.empty()) {
    const std::size_t v = members[queue.back()];
    queue.pop_back();
    for (const std::size_t e : graph.in(v)) {
      const Edge &edge = graph.edge(e);
      if (edge.p > 0 && !shown[edge.from] && local[edge.from] != none && !live[local[edge.from]]) {
        live[local[edge.from]] = 1;
        queue.push_back(local[edge.from]);
      }
    }
  }
  return live;
}

} // namespace

std::vector<double> edge_flow(const JourneyGraph &graph) {
  const Chain chain = step_chain(graph);
  const Visits visits = expected_visits(chain, JourneyGraph::entry);
  if (!visits.solved) {
    return {};
  }
  std::vector<double> flow(graph.edge_count(), 0.0);
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge &edge = graph.edge(e);
    flow[e] = edge.p > 0 ? visits.visits[edge.from] * edge.p : 0.0;
  }
  return flow;
}

std::vector<std::vector<Passage>> passages_out_of_sight(const JourneyGraph &graph,
                                                        const Flags &shown) {
  const std::size_t n = graph.size();
  std::vector<std::vector<Passage>> passages(n);
  Flags entered(n, 0);
  if (n > 0 && !shown[JourneyGraph::entry]) {
    entered[JourneyGraph::entry] = 1;
  }
  UnionFind groups(n);
  for (std::size_t u = 0; u < n; ++u) {
    for (const Edge &e : graph.out(u)) {
      if (shown[e.to]) {
        continue;
      }
      if (shown[u]) {
        entered[e.to] = 1;
      } else {
        groups.unite(u, e.to);
      }
    }
  }
  std::vector<std::vector<std::size_t>> members(n);
  Flags group_entered(n, 0);
  for (std::size_t h = 0; h < n; ++h) {
    if (!shown[h]) {
      members[groups.find(h)].push_back(h);
      group_entered[groups.find(h)] |= entered[h];
    }
  }
  std::vector<std::size_t> local(n, none);    // hidden member -> its state
  std::vector<std::size_t> target(n, none);   // shown step -> its absorbing state
  for (std::size_t g = 0; g < n; ++g) {
    if (!group_entered[g]) {
      continue;
    }
    const std::vector<std::size_t> &group = members[g];
    for (std::size_t k = 0; k < group.size(); ++k) {
      local[group[k]] = k;
    }
    const Flags live = live_members(graph, shown, group, local);
    std::vector<std::size_t> targets; // shown steps, by state - group.size()
    Chain chain;
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (!live[k]) {
        chain.close_state();
        continue;
      }
      for (const Edge &e : graph.out(group[k])) {
        if (!shown[e.to]) {
          chain.add_edge(local[e.to], e.p);
          continue;
        }
        if (target[e.to] == none) {
          target[e.to] = group.size() + targets.size();
          targets.push_back(e.to);
        }
        chain.add_edge(target[e.to], e.p);
      }
      chain.close_state();
    }
    for (std::size_t t = 0; t < targets.size(); ++t) {
      chain.close_state();
    }
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (!entered[group[k]]) {
        continue;
      }
      const Visits visits = expected_visits(chain, k);
      if (!visits.solved) {
        continue;
      }
      std::vector<Passage> &out = passages[group[k]];
      for (std::size_t t = 0; t < targets.size(); ++t) {
        const double p = visits.visits[group.size() + t];
        if (p > 0) {
          out.push_back(Passage{targets[t], p});
        }
      }
      std::sort(out.begin(), out.end(),
                [](const Passage &a, const Passage &b) { return a.to < b.to; });
    }
    for (const std::size_t h : group) {
      local[h] = none;
    }
    for (const std::size_t s : targets) {
      target[s] = none;
    }
  }
  return passages;
}

std::vector<long> largest_remainder(std::span<const double> shares, long total) {
  std::vector<long> parts(shares.size(), 0);
  auto usable = [](double x) { return std::isfinite(x) && x > 0 ? x : 0.0; };
  double sum = 0;
  for (const double s : shares) {
    sum += usable(s);
  }
  if (!(sum > 0) || total <= 0) {
    return parts;
  }
  std::vector<double> remainder(shares.size(), 0.0);
  long given = 0;
  for (std::size_t i = 0; i < shares.size(); ++i) {
    const double exact = usable(shares[i]) / sum * static_cast<double>(total);
    parts[i] = static_cast<long>(std::floor(exact));
    remainder[i] = exact - static_cast<double>(parts[i]);
    given += parts[i];
  }
  std::vector<std::size_t> order(shares.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; given < total && k < order.size(); ++k) {
    ++parts[order[k]];
    ++given;
  }
  return parts;
}

} // namespace journey
