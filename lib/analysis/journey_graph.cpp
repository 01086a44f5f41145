// The resolved journey graph: branch probabilities, adjacency both ways, the depth-first walk,
// reachability and strongly connected components, all iterative and linear.
#include "journey/analysis/journey_graph.h"

#include <algorithm>
#include <cmath>

namespace journey {
namespace {

/// The depth-first walk from the entry; `on_back` (may be empty) sees each back edge with the part
/// of the path it closes.
DepthFirst depth_first(
    const JourneyGraph &graph,
    const std::function<void(const Edge &, std::span<const std::size_t>)> &on_back) {
  DepthFirst walk;
  const std::size_t n = graph.size();
  walk.reached.assign(n, 0);
  walk.back.assign(graph.edge_count(), 0);
  if (n == 0) {
    return walk;
  }
  constexpr std::size_t off_path = static_cast<std::size_t>(-1);
  std::vector<std::size_t> depth(n, off_path); // position on `path` while the step is on it
  std::vector<std::size_t> postorder;
  std::vector<std::size_t> path{JourneyGraph::entry};
  std::vector<std::size_t> next_edge{graph.begin(JourneyGraph::entry)};
  walk.reached[JourneyGraph::entry] = 1;
  depth[JourneyGraph::entry] = 0;
  while (!path.empty()) {
    const std::size_t u = path.back();
    if (next_edge.back() == graph.end(u)) {
      depth[u] = off_path;
      postorder.push_back(u);
      path.pop_back();
      next_edge.pop_back();
      continue;
    }
    const std::size_t e = next_edge.back()++;
    const std::size_t v = graph.edge(e).to;
    if (depth[v] != off_path) {
      walk.back[e] = 1;
      walk.has_cycles = true;
      if (on_back) {
        on_back(graph.edge(e), std::span<const std::size_t>(path).subspan(depth[v]));
      }
    } else if (!walk.reached[v]) {
      walk.reached[v] = 1;
      depth[v] = path.size();
      path.push_back(v);
      next_edge.push_back(graph.begin(v));
    }
  }
  walk.order.assign(postorder.rbegin(), postorder.rend());
  return walk;
}

/// Iterative Tarjan over every step; components come out sinks first.
std::size_t strongly_connected(const JourneyGraph &graph, std::vector<std::size_t> &component) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const std::size_t n = graph.size();
  std::vector<std::size_t> order(n, none);
  std::vector<std::size_t> low(n, 0);
  component.assign(n, none);
  Flags on_stack(n, 0);
  std::vector<std::size_t> stack;
  struct Frame {
    std::size_t step;
    std::size_t edge;
  };
  std::vector<Frame> frames;
  std::size_t counter = 0;
  std::size_t count = 0;
  auto enter = [&](std::size_t s) {
    order[s] = low[s] = counter++;
    stack.push_back(s);
    on_stack[s] = 1;
    frames.push_back(Frame{s, graph.begin(s)});
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (order[root] != none) {
      continue;
    }
    enter(root);
    while (!frames.empty()) {
      const std::size_t s = frames.back().step;
      if (frames.back().edge < graph.end(s)) {
        const std::size_t t = graph.edge(frames.back().edge++).to;
        if (order[t] == none) {
          enter(t);
        } else if (on_stack[t]) {
          low[s] = std::min(low[s], order[t]);
        }
        continue;
      }
      if (low[s] == order[s]) {
        std::size_t member = none;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = 0;
          component[member] = count;
        } while (member != s);
        ++count;
      }
      frames.pop_back();
      if (!frames.empty()) {
        const std::size_t parent = frames.back().step;
        low[parent] = std::min(low[parent], low[s]);
      }
    }
  }
  return count;
}

} // namespace

std::vector<double> branch_probabilities(const Step &step) {
  std::vector<double> p(step.next.size(), 0.0);
  double given = 0;
  std::size_t free = 0;
  std::size_t resolved = 0;
  auto has_p = [](const Transition &t) { return t.p && std::isfinite(*t.p) && *t.p >= 0; };
  for (const Transition &t : step.next) {
    if (t.target == npos) {
      continue;
    }
    ++resolved;
    if (has_p(t)) {
      given += *t.p;
    } else {
      ++free;
    }
  }
  if (resolved == 0) {
    return p;
  }
  const bool share_rest = free > 0 && given <= 1.0;
  const bool scale = !share_rest && given > 0;
  const double rest = share_rest ? (1.0 - given) / static_cast<double>(free) : 0.0;
  for (std::size_t i = 0; i < step.next.size(); ++i) {
    const Transition &t = step.next[i];
    if (t.target == npos) {
      continue;
    }
    if (!scale && !share_rest) {
      p[i] = 1.0 / static_cast<double>(resolved);
    } else if (has_p(t)) {
      p[i] = scale ? *t.p / given : *t.p;
    } else {
      p[i] = rest;
    }
  }
  return p;
}

JourneyGraph::JourneyGraph(const Journey &journey) : journey_(journey) {
  const std::size_t n = journey.steps.size();
  auto valid = [n](Index t) { return valid_index(t, n); };
  first_.reserve(n + 1);
  first_.push_back(0);
  leaves_.assign(n, 0);
  team_.assign(n, npos);
  channel_.assign(n, npos);
  std::vector<std::size_t> last_source(n, static_cast<std::size_t>(-1));
  for (std::size_t s = 0; s < n; ++s) {
    const Step &step = journey.steps[s];
    bool unresolved = false;
    for (const Transition &t : step.next) {
      unresolved = unresolved || !valid(t.target);
    }
    leaves_[s] = step.end != EndKind::None || step.next.empty() || unresolved;
    team_[s] = valid_index(step.team_index, journey.teams.size()) ? step.team_index : npos;
    if (customer_visible(step.actor) && valid_index(step.channel_index, journey.channels.size())) {
      channel_[s] = step.channel_index;
    }
    if (step.end == EndKind::None) {
      const std::vector<double> p = branch_probabilities(step);
      for (std::size_t i = 0; i < step.next.size(); ++i) {
        const Index target = step.next[i].target;
        if (!valid(target)) {
          continue;
        }
        const auto to = static_cast<std::size_t>(target);
        edges_.push_back(Edge{s, to, i, p[i], step.next.size() > 1, last_source[to] == s});
        last_source[to] = s;
      }
    }
    first_.push_back(edges_.size());
  }
  in_first_.assign(n + 1, 0);
  for (const Edge &e : edges_) {
    ++in_first_[e.to + 1];
  }
  for (std::size_t s = 0; s < n; ++s) {
    in_first_[s + 1] += in_first_[s];
  }
  in_edges_.resize(edges_.size());
  std::vector<std::size_t> fill(in_first_.begin(), in_first_.end() - 1);
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    in_edges_[fill[edges_[e].to]++] = e;
  }
  walk_ = depth_first(*this, {});
  can_leave_ = can_reach(*this, leaves_);
  component_count_ = strongly_connected(*this, component_);
}

void JourneyGraph::for_each_back_edge(
    const std::function<void(const Edge &, std::span<const std::size_t>)> &visit) const {
  depth_first(*this, visit);
}

Flags can_reach(const JourneyGraph &graph, const Flags &goals) {
  Flags seen(graph.size(), 0);
  std::vector<std::size_t> stack;
  for (std::size_t s = 0; s < graph.size(); ++s) {
    if (goals[s]) {
      seen[s] = 1;
      stack.push_back(s);
    }
  }
  while (!stack.empty()) {
    const std::size_t s = stack.back();
    stack.pop_back();
    for (const std::size_t e : graph.in(s)) {
      const std::size_t from = graph.edge(e).from;
      if (!seen[from]) {
        seen[from] = 1;
        stack.push_back(from);
      }
    }
  }
  return seen;
}

} // namespace journey
