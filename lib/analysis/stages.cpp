// Stages in the numbers: the most likely path and the per-stage sums over expected visits.
#include "journey/analysis/stages.h"

#include <cmath>
#include <utility>
#include <limits>
#include <unordered_map>

namespace journey {
namespace {

double finite_or_zero(double x) { return std::isfinite(x) ? x : 0.0; }

} // namespace

std::vector<std::size_t> main_path(const JourneyGraph &graph) {
  std::vector<std::size_t> path;
  if (graph.size() == 0) {
    return path;
  }
  Flags on_path(graph.size(), 0);
  std::size_t u = JourneyGraph::entry;
  while (true) {
    path.push_back(u);
    on_path[u] = 1;
    std::size_t best = graph.end(u);
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      const Edge &edge = graph.edge(e);
      if (graph.walk().back[e] || on_path[edge.to] || edge.p <= 0) {
        continue;
      }
      if (best == graph.end(u) || edge.p > graph.edge(best).p) {
        best = e;
      }
    }
    if (best == graph.end(u)) {
      return path;
    }
    u = graph.edge(best).to;
  }
}

bool has_stages(const Journey &journey) {
  for (const Step &s : journey.steps) {
    if (!s.stage.empty()) {
      return true;
    }
  }
  return false;
}

std::vector<StageFigures> stage_figures(const JourneyGraph &graph,
                                        const std::vector<double> &visits,
                                        const std::vector<double> &wait) {
  const Journey &journey = graph.journey();
  std::vector<StageFigures> rows;
  std::unordered_map<std::string, std::size_t> row_of;
  for (const Stage &s : journey.stages) {
    row_of.emplace(s.name, rows.size());
    StageFigures row;
    row.stage = s.name;
    row.declared = true;
    rows.push_back(std::move(row));
  }
  std::vector<std::size_t> step_row(graph.size());
  bool unstaged = false;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const std::string &name = graph.step(i).stage;
    if (name.empty()) {
      unstaged = true;
      continue;
    }
    auto [it, added] = row_of.emplace(name, rows.size());
    if (added) {
      StageFigures row;
      row.stage = name;
      rows.push_back(std::move(row));
    }
    step_row[i] = it->second;
  }
  const std::size_t none = rows.size();
  if (unstaged) {
    rows.push_back(StageFigures{});
  }
  std::vector<double> felt(rows.size(), 0.0); // visits to steps with an emotion
  std::vector<double> feeling(rows.size(), 0.0);
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const Step &s = graph.step(i);
    const std::size_t r = s.stage.empty() ? none : step_row[i];
    StageFigures &row = rows[r];
    ++row.steps;
    const double v = i < visits.size() ? visits[i] : 0.0;
    if (v <= 0) {
      continue;
    }
    const double w = i < wait.size() ? finite_or_zero(wait[i]) : 0.0;
    row.visits += v;
    row.wait_time += v * w;
    row.lead_time += v * (w + finite_or_zero(s.time));
    row.cost += v * finite_or_zero(journey.step_cost(s));
    row.pain += v * static_cast<double>(s.pain.size());
    if (s.emotion) {
      felt[r] += v;
      feeling[r] += v * *s.emotion;
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r].emotion = felt[r] > 0 ? feeling[r] / felt[r] : std::numeric_limits<double>::quiet_NaN();
  }
  return rows;
}

} // namespace journey
