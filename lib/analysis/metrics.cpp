// Journey metrics: step weights, path bounds, the absorbing chain and the report figures.
#include "analysis/metrics.h"

#include "analysis/changes.h"
#include "analysis/journey_graph.h"
#include "analysis/markov.h"
#include "analysis/paths.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace journey {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kTopWaits = 5;
constexpr std::size_t kNamed = 5;

double finite_or_zero(double x) {
  return std::isfinite(x) ? x : 0.0;
}

/// "`a`, `b` and `c`", naming at most kNamed steps.
std::string name_steps(const Journey &journey, const std::vector<std::size_t> &steps) {
  std::string out;
  const std::size_t shown = std::min(steps.size(), kNamed);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      out += i + 1 == shown && shown == steps.size() ? " and " : ", ";
    }
    out += fmt::format("`{}`", journey.steps[steps[i]].id);
  }
  if (shown < steps.size()) {
    out += fmt::format(" and {} more", steps.size() - shown);
  }
  return out;
}

void add_problem(std::string &problem, const std::string &text) {
  if (!problem.empty()) {
    problem += "; ";
  }
  problem += text;
}

/// Per-step figures each measure adds up along a walk.
struct Weights {
  std::vector<double> lead, wait, touch, customer, cost, contacts;
};

Weights step_weights(const Journey &journey) {
  Weights w;
  for (const Step &s : journey.steps) {
    const double wait = finite_or_zero(s.wait);
    const double time = finite_or_zero(s.time);
    const Channel *channel = journey.channel_of(s);
    w.lead.push_back(wait + time);
    w.wait.push_back(wait);
    w.touch.push_back(time);
    w.customer.push_back(s.actor == Actor::Customer ? time : 0.0);
    w.cost.push_back(finite_or_zero(journey.step_cost(s)));
    w.contacts.push_back(channel != nullptr && is_contact(channel->kind) ? 1.0 : 0.0);
  }
  return w;
}

double weighted_sum(const std::vector<double> &visits, const std::vector<double> &weight) {
  double total = 0;
  for (std::size_t i = 0; i < visits.size(); ++i) {
    if (visits[i] > 0) {
      total += visits[i] * weight[i];
    }
  }
  return total;
}

Chain step_chain(const JourneyGraph &graph) {
  Chain chain;
  for (std::size_t u = 0; u < graph.size(); ++u) {
    for (const Edge &e : graph.out(u)) {
      chain.add_edge(e.to, e.p);
    }
    chain.close_state();
  }
  return chain;
}

/// Probability of reaching each step without ever taking a back edge of `walk`.
std::vector<double> forward_mass(const JourneyGraph &graph) {
  const DepthFirst &walk = graph.walk();
  std::vector<double> mass(graph.size(), 0.0);
  mass[JourneyGraph::entry] = 1.0;
  for (std::size_t u : walk.order) {
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      if (!walk.back[e] && graph.edge(e).p > 0) {
        mass[graph.edge(e).to] += mass[u] * graph.edge(e).p;
      }
    }
  }
  return mass;
}

} // namespace

JourneyMetrics compute_metrics(const Journey &journey) {
  const JourneyGraph graph(journey);
  return compute_metrics(graph);
}

JourneyMetrics compute_metrics(const JourneyGraph &graph) {
  const Journey &journey = graph.journey();
  JourneyMetrics m;
  m.journey = journey.id;
  m.file = journey.file;
  m.steps = journey.steps.size();
  m.outcomes = {{"abandon", 0.0}, {"failure", 0.0}, {"success", 0.0}};
  Range *ranges[] = {&m.lead_time, &m.wait_time,        &m.touch_time, &m.customer_time,
                     &m.handoffs,  &m.channel_switches, &m.cost,       &m.contacts};
  for (Range *r : ranges) {
    *r = Range{kNaN, kNaN, kNaN};
  }
  m.right_first_time = kNaN;
  m.flow_efficiency = kNaN;
  if (journey.steps.empty()) {
    m.problem = "the journey has no steps";
    return m;
  }

  const std::size_t entry = JourneyGraph::entry;
  m.has_cycles = graph.walk().has_cycles;
  const Weights w = step_weights(journey);
  const std::vector<double> *weights[] = {&w.lead, &w.wait, &w.touch, &w.customer,
                                          nullptr, nullptr, &w.cost,  &w.contacts};

  // Bounds over paths.
  for (std::size_t k = 0; k < std::size(ranges); ++k) {
    if (weights[k] == nullptr) {
      continue;
    }
    const PathBounds bounds = path_bounds(graph, *weights[k]);
    if (!bounds.found) {
      continue;
    }
    m.paths_defined = true;
    ranges[k]->min = bounds.min;
    ranges[k]->max = bounds.max;
    if (weights[k] == &w.lead) {
      for (std::size_t u : bounds.max_path) {
        m.critical_path.push_back(journey.steps[u].id);
      }
    }
  }
  if (!m.paths_defined) {
    add_problem(m.problem, fmt::format("no end can be reached from the entry step `{}`",
                                       journey.steps[entry].id));
  }

  // Expected values: the absorbing chain on steps.
  const Visits visits = expected_visits(step_chain(graph), entry);
  const std::vector<double> *step_visits = visits.solved ? &visits.visits : nullptr;

  // Handoffs and channel switches.
  const ChangeCounts handoffs = count_changes(graph, graph.team_marker(), step_visits);
  const ChangeCounts switches = count_changes(graph, graph.channel_marker(), step_visits);
  if (handoffs.found) {
    m.handoffs.min = handoffs.min;
    m.handoffs.max = handoffs.max;
  }
  if (switches.found) {
    m.channel_switches.min = switches.min;
    m.channel_switches.max = switches.max;
  }

  // Right first time: success mass that never takes a loop-back edge.
  const std::vector<double> mass = forward_mass(graph);
  m.right_first_time = 0;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (journey.steps[i].end == EndKind::Success) {
      m.right_first_time += mass[i];
    }
  }
  m.right_first_time = std::clamp(m.right_first_time, 0.0, 1.0);

  if (!visits.solved) {
    add_problem(m.problem,
                fmt::format("the walk can be caught in a loop with no way out to an end ({}): "
                            "expected values are infinite",
                            name_steps(journey, visits.trap)));
    return m;
  }
  if (!handoffs.expected_defined || !switches.expected_defined) {
    add_problem(m.problem, "the chain of handoffs or channel switches could not be solved");
    return m;
  }
  m.expected_defined = true;
  for (std::size_t k = 0; k < std::size(ranges); ++k) {
    if (weights[k] != nullptr) {
      ranges[k]->expected = weighted_sum(visits.visits, *weights[k]);
    }
  }
  m.handoffs.expected = handoffs.expected;
  m.channel_switches.expected = switches.expected;
  m.flow_efficiency = m.lead_time.expected > 0 ? m.touch_time.expected / m.lead_time.expected : 0.0;

  std::vector<std::size_t> stuck;
  double stuck_mass = 0;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (visits.visits[i] <= 0 || graph.begin(i) != graph.end(i)) {
      continue;
    }
    if (journey.steps[i].end == EndKind::None) {
      stuck.push_back(i);
      stuck_mass += visits.visits[i];
    } else {
      m.outcomes[std::string(to_string(journey.steps[i].end))] += visits.visits[i];
    }
  }
  if (!stuck.empty()) {
    add_problem(m.problem, fmt::format("{:.1f}% of walks stop at {}, which is not an end",
                                       100 * stuck_mass, name_steps(journey, stuck)));
  }

  std::vector<WaitContribution> waits;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const double seconds = visits.visits[i] * w.wait[i];
    if (seconds > 0) {
      const double share = m.wait_time.expected > 0 ? seconds / m.wait_time.expected : 0.0;
      waits.push_back({journey.steps[i].id, seconds, share});
    }
  }
  std::stable_sort(waits.begin(), waits.end(),
                   [](const auto &a, const auto &b) { return a.seconds > b.seconds; });
  waits.resize(std::min(waits.size(), kTopWaits));
  m.top_waits = std::move(waits);
  return m;
}

} // namespace journey
