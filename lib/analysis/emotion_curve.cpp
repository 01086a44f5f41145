// The emotion curve: the most likely path by Dijkstra on -log p, then the points and stage runs.
#include "journey/analysis/emotion_curve.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace journey {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// The fallback without a reachable exit: the most likely branch each time, never repeating.
LikelyPath greedy_walk(const JourneyGraph &graph) {
  LikelyPath path;
  Flags seen(graph.size(), 0);
  path.probability = 1;
  std::size_t at = JourneyGraph::entry;
  while (true) {
    path.steps.push_back(at);
    seen[at] = 1;
    const Edge *best = nullptr;
    for (const Edge &e : graph.out(at)) {
      if (seen[e.to] == 0 && e.p > 0 && (best == nullptr || e.p > best->p)) {
        best = &e;
      }
    }
    if (best == nullptr) {
      return path;
    }
    path.probability *= best->p;
    at = best->to;
  }
}

void add_stage_runs(EmotionCurve &curve) {
  bool any = false;
  for (const EmotionPoint &p : curve.points) {
    any = any || !p.stage.empty();
  }
  if (!any) {
    return;
  }
  for (std::size_t i = 0; i < curve.points.size(); ++i) {
    const EmotionPoint &p = curve.points[i];
    if (curve.stages.empty() || curve.stages.back().stage != p.stage) {
      curve.stages.push_back(StageEmotion{p.stage, i, i, std::nullopt, 0});
    }
    curve.stages.back().last = i;
  }
  for (StageEmotion &run : curve.stages) {
    double sum = 0;
    std::size_t rated = 0;
    for (std::size_t i = run.first; i <= run.last; ++i) {
      const EmotionPoint &p = curve.points[i];
      run.pains += p.pain.empty() ? 0 : 1;
      if (p.emotion) {
        sum += *p.emotion;
        ++rated;
      }
    }
    if (rated > 0) {
      run.mean = sum / static_cast<double>(rated);
    }
  }
}

} // namespace

LikelyPath most_likely_path(const JourneyGraph &graph) {
  if (graph.size() == 0) {
    return {};
  }
  const std::size_t none = graph.size();
  std::vector<double> cost(graph.size(), kInfinity);
  std::vector<std::size_t> via(graph.size(), none);
  Flags done(graph.size(), 0);
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  cost[JourneyGraph::entry] = 0;
  queue.emplace(0.0, JourneyGraph::entry);
  while (!queue.empty()) {
    const auto [c, s] = queue.top();
    queue.pop();
    if (done[s] != 0) {
      continue;
    }
    done[s] = 1;
    for (const Edge &e : graph.out(s)) {
      if (e.p <= 0) {
        continue;
      }
      const double next = c - std::log(e.p);
      if (next < cost[e.to]) {
        cost[e.to] = next;
        via[e.to] = s;
        queue.emplace(next, e.to);
      }
    }
  }
  std::size_t exit = none;
  for (std::size_t s = 0; s < graph.size(); ++s) {
    if (done[s] != 0 && graph.leaves(s) && (exit == none || cost[s] < cost[exit])) {
      exit = s;
    }
  }
  if (exit == none) {
    return greedy_walk(graph);
  }
  LikelyPath path;
  path.probability = std::exp(-cost[exit]);
  for (std::size_t s = exit; s != none; s = via[s]) {
    path.steps.push_back(s);
  }
  std::reverse(path.steps.begin(), path.steps.end());
  return path;
}

EmotionCurve emotion_curve(const JourneyGraph &graph, std::span<const std::string> stage_of_step) {
  EmotionCurve curve;
  curve.path = most_likely_path(graph);
  double sum = 0;
  for (const std::size_t s : curve.path.steps) {
    const Step &step = graph.step(s);
    EmotionPoint &p = curve.points.emplace_back();
    p.step = s;
    p.emotion = step.emotion;
    p.pain = step.pain;
    if (s < stage_of_step.size()) {
      p.stage = stage_of_step[s];
    }
    curve.pains += p.pain.empty() ? 0 : 1;
    if (p.emotion) {
      sum += *p.emotion;
      ++curve.rated;
      const std::size_t i = curve.points.size() - 1;
      if (!curve.lowest || *p.emotion < *curve.points[*curve.lowest].emotion) {
        curve.lowest = i;
      }
    }
  }
  if (curve.rated > 0) {
    curve.mean = sum / static_cast<double>(curve.rated);
  }
  add_stage_runs(curve);
  return curve;
}

} // namespace journey
