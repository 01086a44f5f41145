// Path bounds: Dijkstra for the shortest path, a topological sweep for the longest.
#include "journey/analysis/paths.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace journey {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// True when an edge from `u` to `v` stays inside one part (always, when `part` is null).
bool inside(const std::vector<std::size_t> *part, std::size_t u, std::size_t v) {
  return part == nullptr || ((*part)[u] != PartBounds::none && (*part)[u] == (*part)[v]);
}

/// Shortest sums from `sources` over every edge inside one part (any edge when `part` is null).
std::vector<double> dijkstra(const JourneyGraph &graph, const std::vector<std::size_t> &sources,
                             const std::vector<double> &weight,
                             const std::vector<std::size_t> *part) {
  std::vector<double> dist(graph.size(), kInf);
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  for (const std::size_t s : sources) {
    dist[s] = weight[s];
    queue.emplace(dist[s], s);
  }
  while (!queue.empty()) {
    const auto [d, u] = queue.top();
    queue.pop();
    if (d > dist[u]) {
      continue;
    }
    for (const Edge &e : graph.out(u)) {
      if (inside(part, u, e.to) && d + weight[e.to] < dist[e.to]) {
        dist[e.to] = d + weight[e.to];
        queue.emplace(dist[e.to], e.to);
      }
    }
  }
  return dist;
}

/// Best sums from `sources` over the acyclic part (the walk's back edges left out), in
/// topological order; `better` picks min or max. `pred` gets the best predecessor of each step,
/// `first_in` the first edge the sweep reached each step by.
template <typename Better>
std::vector<double> sweep(const JourneyGraph &graph, const std::vector<std::size_t> &sources,
                          const std::vector<double> &weight, double worst, Better better,
                          const std::vector<std::size_t> *part, std::vector<std::size_t> *pred,
                          std::vector<std::size_t> *first_in) {
  const DepthFirst &walk = graph.walk();
  std::vector<double> best(graph.size(), worst);
  if (pred != nullptr) {
    pred->assign(graph.size(), kNone);
  }
  if (first_in != nullptr) {
    first_in->assign(graph.size(), kNone);
  }
  for (const std::size_t s : sources) {
    best[s] = weight[s];
  }
  for (std::size_t u : walk.order) {
    if (best[u] == worst) {
      continue;
    }
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      const std::size_t v = graph.edge(e).to;
      if (walk.back[e] || !inside(part, u, v)) {
        continue;
      }
      if (first_in != nullptr && (*first_in)[v] == kNone) {
        (*first_in)[v] = e;
      }
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

PathBounds path_bounds(const JourneyGraph &graph, const std::vector<double> &weight) {
  PathBounds bounds;
  const std::size_t entry = JourneyGraph::entry;
  if (entry >= graph.size()) {
    return bounds;
  }
  const DepthFirst &walk = graph.walk();
  const std::vector<std::size_t> sources{entry};
  const bool non_negative =
      std::all_of(weight.begin(), weight.end(), [](double w) { return w >= 0; });
  const std::vector<double> shortest =
      non_negative ? dijkstra(graph, sources, weight, nullptr)
                   : sweep(graph, sources, weight, kInf, std::less<>(), nullptr, nullptr, nullptr);
  std::vector<std::size_t> pred;
  const std::vector<double> longest =
      sweep(graph, sources, weight, -kInf, std::greater<>(), nullptr, &pred, nullptr);
  std::size_t last = kNone;
  for (std::size_t u = 0; u < graph.size(); ++u) {
    if (!graph.is_end(u) || !walk.reached[u]) {
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

namespace journey {

PartBounds part_bounds(const JourneyGraph &graph, const std::vector<std::size_t> &part,
                       const std::vector<std::size_t> &roots, const std::vector<double> &weight) {
  PartBounds out;
  out.min = dijkstra(graph, roots, weight, &part);
  out.max = sweep(graph, roots, weight, -kInf, std::greater<>(), &part, nullptr, &out.first_in);
  return out;
}

} // namespace journey
