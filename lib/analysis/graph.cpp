// Step graph: branch probabilities, compressed adjacency and an iterative depth-first walk.
#include "analysis/graph.h"

#include <cmath>

namespace journey {

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

StepGraph build_step_graph(const Journey &journey) {
  StepGraph g;
  g.size = journey.steps.size();
  g.first.reserve(g.size + 1);
  g.first.push_back(0);
  for (const Step &s : journey.steps) {
    if (s.end == EndKind::None) {
      const std::vector<double> p = branch_probabilities(s);
      for (std::size_t i = 0; i < s.next.size(); ++i) {
        const Index target = s.next[i].target;
        if (target != npos && static_cast<std::size_t>(target) < g.size) {
          g.to.push_back(static_cast<std::size_t>(target));
          g.p.push_back(p[i]);
        }
      }
    }
    g.first.push_back(g.to.size());
  }
  return g;
}

DepthFirst depth_first(const StepGraph &graph, std::size_t entry) {
  DepthFirst walk;
  walk.reached.assign(graph.size, false);
  walk.back.assign(graph.to.size(), false);
  if (entry >= graph.size) {
    return walk;
  }
  std::vector<bool> on_stack(graph.size, false);
  std::vector<std::size_t> postorder;
  struct Frame {
    std::size_t node;
    std::size_t edge;
  };
  std::vector<Frame> stack;
  stack.push_back({entry, graph.begin(entry)});
  walk.reached[entry] = true;
  on_stack[entry] = true;
  while (!stack.empty()) {
    Frame &top = stack.back();
    if (top.edge == graph.end(top.node)) {
      on_stack[top.node] = false;
      postorder.push_back(top.node);
      stack.pop_back();
      continue;
    }
    const std::size_t e = top.edge++;
    const std::size_t v = graph.to[e];
    if (on_stack[v]) {
      walk.back[e] = true;
      walk.has_cycles = true;
    } else if (!walk.reached[v]) {
      walk.reached[v] = true;
      on_stack[v] = true;
      stack.push_back({v, graph.begin(v)});
    }
  }
  walk.order.assign(postorder.rbegin(), postorder.rend());
  return walk;
}

} // namespace journey
