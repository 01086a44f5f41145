// The step graph and its iterative algorithms: no recursion, linear in steps plus transitions.
#include "lint/rules/graph.h"

#include <algorithm>

namespace journey::rules {

StepGraph::StepGraph(const Journey &journey) {
  const std::size_t n = journey.steps.size();
  offsets_.reserve(n + 1);
  offsets_.push_back(0);
  std::vector<Index> last_source(n, npos);
  for (std::size_t s = 0; s < n; ++s) {
    const auto &next = journey.steps[s].next;
    for (std::size_t t = 0; t < next.size(); ++t) {
      const Index target = next[t].target;
      if (!valid_index(target, n) || last_source[target] == static_cast<Index>(s)) {
        continue;
      }
      last_source[target] = static_cast<Index>(s);
      edges_.push_back(Edge{target, static_cast<Index>(t)});
    }
    offsets_.push_back(edges_.size());
  }
}

Flags reachable_from_entry(const StepGraph &graph) {
  Flags seen(graph.size(), 0);
  if (graph.size() == 0) {
    return seen;
  }
  std::vector<Index> stack{0};
  seen[0] = 1;
  while (!stack.empty()) {
    const Index s = stack.back();
    stack.pop_back();
    for (const Edge &e : graph.edges(s)) {
      if (!seen[e.target]) {
        seen[e.target] = 1;
        stack.push_back(e.target);
      }
    }
  }
  return seen;
}

Flags can_reach(const StepGraph &graph, const Flags &goals) {
  const std::size_t n = graph.size();
  std::vector<std::size_t> in_offsets(n + 1, 0);
  for (std::size_t s = 0; s < n; ++s) {
    for (const Edge &e : graph.edges(static_cast<Index>(s))) {
      ++in_offsets[e.target + 1];
    }
  }
  for (std::size_t s = 0; s < n; ++s) {
    in_offsets[s + 1] += in_offsets[s];
  }
  std::vector<Index> sources(in_offsets[n]);
  std::vector<std::size_t> fill(in_offsets.begin(), in_offsets.end() - 1);
  for (std::size_t s = 0; s < n; ++s) {
    for (const Edge &e : graph.edges(static_cast<Index>(s))) {
      sources[fill[e.target]++] = static_cast<Index>(s);
    }
  }
  Flags seen(n, 0);
  std::vector<Index> stack;
  for (std::size_t s = 0; s < n; ++s) {
    if (goals[s]) {
      seen[s] = 1;
      stack.push_back(static_cast<Index>(s));
    }
  }
  while (!stack.empty()) {
    const Index s = stack.back();
    stack.pop_back();
    for (std::size_t i = in_offsets[s]; i < in_offsets[s + 1]; ++i) {
      if (!seen[sources[i]]) {
        seen[sources[i]] = 1;
        stack.push_back(sources[i]);
      }
    }
  }
  return seen;
}

std::vector<Index> strongly_connected_components(const StepGraph &graph, Index &count) {
  const std::size_t n = graph.size();
  std::vector<Index> order(n, npos);
  std::vector<Index> low(n, 0);
  std::vector<Index> component(n, npos);
  Flags on_stack(n, 0);
  std::vector<Index> stack;
  struct Frame {
    Index step;
    std::size_t edge;
  };
  std::vector<Frame> frames;
  Index counter = 0;
  count = 0;
  for (std::size_t root = 0; root < n; ++root) {
    if (order[root] != npos) {
      continue;
    }
    auto enter = [&](Index s) {
      order[s] = low[s] = counter++;
      stack.push_back(s);
      on_stack[s] = 1;
      frames.push_back(Frame{s, 0});
    };
    enter(static_cast<Index>(root));
    while (!frames.empty()) {
      const Index s = frames.back().step;
      const auto edges = graph.edges(s);
      if (frames.back().edge < edges.size()) {
        const Index t = edges[frames.back().edge++].target;
        if (order[t] == npos) {
          enter(t);
        } else if (on_stack[t]) {
          low[s] = std::min(low[s], order[t]);
        }
        continue;
      }
      if (low[s] == order[s]) {
        Index member = npos;
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
        const Index parent = frames.back().step;
        low[parent] = std::min(low[parent], low[s]);
      }
    }
  }
  return component;
}

Flags exits(const Journey &journey) {
  const std::size_t n = journey.steps.size();
  Flags out(n, 0);
  for (std::size_t s = 0; s < n; ++s) {
    const Step &step = journey.steps[s];
    out[s] = step.end != EndKind::None || step.next.empty() ||
             std::any_of(step.next.begin(), step.next.end(),
                         [&](const Transition &t) { return !valid_index(t.target, n); });
  }
  return out;
}

} // namespace journey::rules
