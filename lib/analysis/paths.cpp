// Path bounds: Dijkstra for the shortest path, a topological sweep for the longest.
#include "analysis/paths.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace journey {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::vector<double> dijkstra(const StepGraph &graph, std::size_t entry,
                             const std::vector<double> &weight) {
  std::vector<double> dist(graph.size, kInf);
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  dist[entry] = weight[entry];
  queue.emplace(dist[entry], entry);
  while (!queue.empty()) {
    const auto [d, u] = queue.top();
    queue.pop();
    if (d > dist[u]) {
      continue;
    }
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      const std::size_t v = graph.to[e];
      if (d + weight[v] < dist[v]) {
        dist[v] = d + weight[v];
        queue.emplace(dist[v], v);
      }
    }
  }
  return dist;
}

/// Best sums over the acyclic part, in topological order; `better` picks min or max.
template <typename Better>
std::vector<double> sweep(const StepGraph &graph, const DepthFirst &walk, std::size_t entry,
                          const std::vector<double> &weight, double worst, Better better,
                          std::vector<std::size_t> *pred) {
  std::vector<double> best(graph.size, worst);
  if (pred != nullptr) {
    pred->assign(graph.size, kNone);
  }
  best[entry] = weight[entry];
  for (std::size_t u : walk.order) {
    if (best[u] == worst) {
      continue;
    }
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      if (walk.back[e]) {
        continue;
      }
      const std::size_t v = graph.to[e];
      const double candidate = best[u] + weight[v];
      if (better(candidate, best[v])) {
        best[v] = candidate;
        if (pred != nullptr) {
          (*pred)[v] = u;
        }
      }
    }
  }
  return best;
}

} // namespace

PathBounds path_bounds(const StepGraph &graph, const DepthFirst &walk, std::size_t entry,
                       const std::vector<bool> &is_end, const std::vector<double> &weight) {
  PathBounds bounds;
  if (entry >= graph.size) {
    return bounds;
  }
  const bool non_negative =
      std::all_of(weight.begin(), weight.end(), [](double w) { return w >= 0; });
  const std::vector<double> shortest =
      non_negative ? dijkstra(graph, entry, weight)
                   : sweep(graph, walk, entry, weight, kInf, std::less<>(), nullptr);
  std::vector<std::size_t> pred;
  const std::vector<double> longest =
      sweep(graph, walk, entry, weight, -kInf, std::greater<>(), &pred);
  std::size_t last = kNone;
  for (std::size_t u = 0; u < graph.size; ++u) {
    if (!is_end[u] || !walk.reached[u]) {
      continue;
    }
    if (!bounds.found || shortest[u] < bounds.min) {
      bounds.min = shortest[u];
    }
    if (!bounds.found || longest[u] > bounds.max) {
      bounds.max = longest[u];
      last = u;
    }
    bounds.found = true;
  }
  for (std::size_t u = last; u != kNone; u = pred[u]) {
    bounds.max_path.push_back(u);
  }
  std::reverse(bounds.max_path.begin(), bounds.max_path.end());
  return bounds;
}

} // namespace journey
