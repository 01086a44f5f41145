// Changes along paths: 0-1 search, topological sweep and Markov chain on (step, last marker)
// states.
#include "journey/analysis/changes.h"

#include "journey/analysis/markov.h"
#include "journey/analysis/union_find.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace journey {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// The marker carried after entering `v` with `last` as the last one seen.
Index carried(const std::vector<Index> &marker, std::size_t v, Index last) {
  return marker[v] != npos ? marker[v] : last;
}

/// 1 when entering `v` with `last` seen before is a change.
int change(const std::vector<Index> &marker, std::size_t v, Index last) {
  return marker[v] != npos && last != npos && marker[v] != last ? 1 : 0;
}

/// Numbers (step, last marker) states on first sight.
class StateTable {
public:
  explicit StateTable(std::size_t expected) { ids_.reserve(expected); }

  /// The state's number and whether it is new.
  std::pair<std::size_t, bool> add(std::size_t step, Index last) {
    const std::uint64_t key =
        (static_cast<std::uint64_t>(step) << 32) | static_cast<std::uint32_t>(last);
    auto [it, fresh] = ids_.emplace(key, steps_.size());
    if (fresh) {
      steps_.push_back(step);
      lasts_.push_back(last);
    }
    return {it->second, fresh};
  }
  std::size_t size() const { return steps_.size(); }
  std::size_t step(std::size_t state) const { return steps_[state]; }
  Index last(std::size_t state) const { return lasts_[state]; }

private:
  std::unordered_map<std::uint64_t, std::size_t> ids_;
  std::vector<std::size_t> steps_;
  std::vector<Index> lasts_;
};

void minimum(const JourneyGraph &graph, std::size_t entry, const std::vector<Index> &marker,
             ChangeCounts &out) {
  StateTable states(graph.size());
  std::vector<std::size_t> dist;
  std::deque<std::size_t> queue;
  states.add(entry, marker[entry]);
  dist.push_back(0);
  queue.push_back(0);
  std::vector<bool> done;
  while (!queue.empty()) {
    const std::size_t s = queue.front();
    queue.pop_front();
    done.resize(states.size(), false);
    if (done[s]) {
      continue;
    }
    done[s] = true;
    const std::size_t u = states.step(s);
    if (graph.is_end(u)) {
      if (!out.found || static_cast<double>(dist[s]) < out.min) {
        out.min = static_cast<double>(dist[s]);
      }
      out.found = true;
      continue;
    }
    const Index last = states.last(s);
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      const std::size_t v = graph.edge(e).to;
      const int w = change(marker, v, last);
      const auto [t, fresh] = states.add(v, carried(marker, v, last));
      if (fresh) {
        dist.push_back(kNone);
      }
      if (dist[s] + static_cast<std::size_t>(w) < dist[t]) {
        dist[t] = dist[s] + static_cast<std::size_t>(w);
        if (w == 0) {
          queue.push_front(t);
        } else {
          queue.push_back(t);
        }
      }
    }
  }
}

void maximum(const JourneyGraph &graph, std::size_t entry, const std::vector<Index> &marker,
             ChangeCounts &out) {
  const DepthFirst &walk = graph.walk();
  struct Best {
    Index last;
    double count;
  };
  std::vector<std::vector<Best>> best(graph.size());
  best[entry].push_back({marker[entry], 0});
  for (std::size_t u : walk.order) {
    for (const Best &b : best[u]) {
      if (graph.is_end(u)) {
        if (!out.found || b.count > out.max) {
          out.max = b.count;
        }
        out.found = true;
      }
      for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
        if (walk.back[e]) {
          continue;
        }
        const std::size_t v = graph.edge(e).to;
        const Index last = carried(marker, v, b.last);
        const double count = b.count + change(marker, v, b.last);
        auto &slots = best[v];
        auto it =
            std::find_if(slots.begin(), slots.end(), [&](const Best &x) { return x.last == last; });
        if (it == slots.end()) {
          slots.push_back({last, count});
        } else {
          it->count = std::max(it->count, count);
        }
      }
    }
    std::vector<Best>().swap(best[u]);
  }
}

void expectation(const JourneyGraph &graph, std::size_t entry, const std::vector<Index> &marker,
                 const std::vector<double> *step_visits, ChangeCounts &out) {
  StateTable states(graph.size());
  Chain chain;
  std::vector<double> reward; // per chain edge
  states.add(entry, marker[entry]);
  for (std::size_t s = 0; s < states.size(); ++s) {
    const std::size_t u = states.step(s);
    const Index last = states.last(s);
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      if (!(graph.edge(e).p > 0)) {
        continue;
      }
      const std::size_t v = graph.edge(e).to;
      chain.add_edge(states.add(v, carried(marker, v, last)).first, graph.edge(e).p);
      reward.push_back(change(marker, v, last));
    }
    chain.close_state();
  }
  std::vector<bool> seen(graph.size(), false);
  bool one_state_per_step = step_visits != nullptr;
  for (std::size_t s = 0; s < states.size() && one_state_per_step; ++s) {
    one_state_per_step = !seen[states.step(s)];
    seen[states.step(s)] = true;
  }
  Visits visits;
  if (one_state_per_step) {
    visits.solved = true;
    visits.visits.resize(states.size());
    for (std::size_t s = 0; s < states.size(); ++s) {
      visits.visits[s] = (*step_visits)[states.step(s)];
    }
  } else {
    visits = expected_visits(chain, 0);
  }
  if (!visits.solved) {
    for (std::size_t s : visits.trap) {
      out.trap.push_back(states.step(s));
    }
    std::sort(out.trap.begin(), out.trap.end());
    out.trap.erase(std::unique(out.trap.begin(), out.trap.end()), out.trap.end());
    return;
  }
  double total = 0;
  for (std::size_t s = 0; s < chain.size; ++s) {
    for (std::size_t e = chain.first[s]; e < chain.first[s + 1]; ++e) {
      total += visits.visits[s] * chain.p[e] * reward[e];
    }
  }
  out.expected_defined = true;
  out.expected = total;
}

} // namespace

ChangeCounts count_changes(const JourneyGraph &graph, const std::vector<Index> &marker,
                           const std::vector<double> *step_visits) {
  ChangeCounts out;
  const std::size_t entry = JourneyGraph::entry;
  if (entry >= graph.size()) {
    return out;
  }
  minimum(graph, entry, marker, out);
  out.found = false;
  maximum(graph, entry, marker, out);
  expectation(graph, entry, marker, step_visits, out);
  return out;
}

std::vector<MarkerChange> marker_changes(const JourneyGraph &graph,
                                         const std::vector<Index> &marker) {
  const std::size_t n = graph.size();
  auto marked = [&](std::size_t s) { return marker[s] != npos; };
  std::vector<MarkerChange> out;
  std::unordered_set<std::uint64_t> seen;
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge &edge = graph.edge(e);
    if (marked(edge.from) && marked(edge.to) && marker[edge.from] != marker[edge.to] &&
        seen.insert(pair_key(edge.from, edge.to)).second) {
      out.push_back(MarkerChange{edge.from, edge.to, true, false});
    }
  }
  // Groups of linked unmarked steps, the marked steps they lead to, and whether a customer is in.
  UnionFind groups(n);
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge &edge = graph.edge(e);
    if (!marked(edge.from) && !marked(edge.to)) {
      groups.unite(edge.from, edge.to);
    }
  }
  std::vector<std::vector<std::size_t>> exits(n);
  Flags has_customer(n, 0);
  std::unordered_set<std::uint64_t> exit_seen;
  for (std::size_t h = 0; h < n; ++h) {
    if (marked(h)) {
      continue;
    }
    const std::size_t g = groups.find(h);
    has_customer[g] = has_customer[g] || graph.step(h).actor == Actor::Customer;
    for (const Edge &edge : graph.out(h)) {
      if (marked(edge.to) && exit_seen.insert(pair_key(g, edge.to)).second) {
        exits[g].push_back(edge.to);
      }
    }
  }
  for (std::size_t u = 0; u < n; ++u) {
    if (!marked(u)) {
      continue;
    }
    for (const Edge &edge : graph.out(u)) {
      if (marked(edge.to)) {
        continue;
      }
      const std::size_t g = groups.find(edge.to);
      for (const std::size_t v : exits[g]) {
        if (marker[v] != marker[u] && seen.insert(pair_key(u, v)).second) {
          out.push_back(MarkerChange{u, v, false, has_customer[g] != 0});
        }
      }
    }
  }
  return out;
}

} // namespace journey
