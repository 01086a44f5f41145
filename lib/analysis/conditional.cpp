// Outcome-conditional figures: hitting probabilities per end kind, then h-weighted visit sums.
#include "journey/analysis/conditional.h"

#include "journey/analysis/effort.h"
#include "journey/analysis/markov.h"

#include <cmath>

namespace journey {
namespace {

double finite_or_zero(double x) {
  return std::isfinite(x) ? x : 0.0;
}

} // namespace

std::vector<OutcomeFigures> outcome_figures(const JourneyGraph &graph,
                                            const std::vector<double> &visits,
                                            const std::vector<double> &wait) {
  std::vector<OutcomeFigures> out;
  if (visits.size() != graph.size() || wait.size() != graph.size() || graph.size() == 0) {
    return out;
  }
  const Journey &journey = graph.journey();
  const Chain chain = step_chain(graph);
  for (EndKind kind : {EndKind::Success, EndKind::Abandon, EndKind::Failure}) {
    std::vector<std::uint8_t> goal(graph.size(), 0);
    bool any = false;
    for (std::size_t u = 0; u < graph.size(); ++u) {
      if (graph.step(u).end == kind && graph.begin(u) == graph.end(u) && visits[u] > 0) {
        goal[u] = 1;
        any = true;
      }
    }
    if (!any) {
      continue;
    }
    const std::vector<double> h = absorption_probabilities(chain, JourneyGraph::entry, goal);
    if (h.empty() || !(h[JourneyGraph::entry] > 0)) {
      continue;
    }
    OutcomeFigures f;
    f.outcome = kind;
    f.probability = h[JourneyGraph::entry];
    for (std::size_t u = 0; u < graph.size(); ++u) {
      const double weight = visits[u] * h[u];
      if (!(weight > 0)) {
        continue;
      }
      const Step &s = graph.step(u);
      const double w = finite_or_zero(wait[u]);
      f.lead_time += weight * (w + finite_or_zero(s.time));
      f.wait_time += weight * w;
      f.customer_effort += weight * customer_effort(journey, s, w);
      f.cost += weight * finite_or_zero(journey.step_cost(s));
    }
    for (double *x : {&f.lead_time, &f.wait_time, &f.customer_effort, &f.cost}) {
      *x /= f.probability;
    }
    out.push_back(f);
  }
  return out;
}

} // namespace journey
