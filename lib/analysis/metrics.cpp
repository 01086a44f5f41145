// Journey metrics: step weights, path bounds, the absorbing chain and the report figures.
#include "journey/analysis/metrics.h"

#include "journey/analysis/changes.h"
#include "journey/analysis/effort.h"
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/markov.h"
#include "journey/analysis/paths.h"
#include "journey/model/text.h"

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
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < std::min(steps.size(), kNamed); ++i) {
    ids.push_back(fmt::format("`{}`", journey.steps[steps[i]].id));
  }
  ids.resize(steps.size());
  return and_list(ids, kNamed);
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
  std::vector<double> effort;
};

Weights step_weights(const Journey &journey, const std::vector<double> &queue_wait) {
  Weights w;
  for (std::size_t i = 0; i < journey.steps.size(); ++i) {
    const Step &s = journey.steps[i];
    const double wait = s.wait_queue ? finite_or_zero(queue_wait[i]) : finite_or_zero(s.wait);
    const double time = finite_or_zero(s.time);
    const Channel *channel = journey.channel_of(s);
    w.lead.push_back(wait + time);
    w.wait.push_back(wait);
    w.touch.push_back(time);
    w.customer.push_back(s.actor == Actor::Customer ? time : 0.0);
    w.cost.push_back(finite_or_zero(journey.step_cost(s)));
    w.contacts.push_back(channel != nullptr && is_contact(channel->kind) ? 1.0 : 0.0);
    w.effort.push_back(customer_effort(journey, s, wait));
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

/// Probability of reaching each step without ever taking a back edge of `walk` and without
/// passing a failure-demand step before it: walks stop at failure-demand steps.
std::vector<double> forward_mass(const JourneyGraph &graph) {
  const DepthFirst &walk = graph.walk();
  std::vector<double> mass(graph.size(), 0.0);
  mass[JourneyGraph::entry] = 1.0;
  for (std::size_t u : walk.order) {
    if (graph.step(u).failure_demand) {
      continue;
    }
    for (std::size_t e = graph.begin(u); e < graph.end(u); ++e) {
      if (!walk.back[e] && graph.edge(e).p > 0) {
        mass[graph.edge(e).to] += mass[u] * graph.edge(e).p;
      }
    }
  }
  return mass;
}

/// The measures that add up along a walk, with their per-step weights (none for the changes).
struct Measures {
  Weights w;
  std::vector<Range *> ranges;
  std::vector<const std::vector<double> *> weights;

  Measures(const Journey &journey, JourneyMetrics &m, const std::vector<double> &queue_wait)
      : w(step_weights(journey, queue_wait)) {
    ranges = {&m.lead_time, &m.wait_time,        &m.touch_time, &m.customer_time,
              &m.handoffs,  &m.channel_switches, &m.cost,       &m.contacts};
    weights = {&w.lead, &w.wait, &w.touch, &w.customer, nullptr, nullptr, &w.cost, &w.contacts};
    ranges.push_back(&m.customer_effort);
    weights.push_back(&w.effort);
  }
};

/// Reports totals too large to mean anything (or to compute: they overflowed), so that no
/// figure goes missing or turns huge without a word.
void check_magnitudes(const Measures &measures, JourneyMetrics &m) {
  static constexpr std::string_view kNames[] = {"lead time",     "wait time", "touch time",
                                                "customer time", "handoffs",  "channel switches",
                                                "cost",          "contacts",
                                                "customer effort"};
  std::vector<std::string> overflowed;
  std::vector<std::string> huge;
  for (std::size_t k = 0; k < measures.ranges.size(); ++k) {
    const Range &r = *measures.ranges[k];
    const bool defined_nan = m.expected_defined && std::isnan(r.expected);
    if (std::isinf(r.expected) || std::isinf(r.min) || std::isinf(r.max) || defined_nan) {
      overflowed.emplace_back(kNames[k]);
    } else if (std::fabs(r.expected) >= kLargestPlainNumber ||
               std::fabs(r.min) >= kLargestPlainNumber || std::fabs(r.max) >= kLargestPlainNumber) {
      huge.emplace_back(kNames[k]);
    }
  }
  if (!overflowed.empty()) {
    add_problem(m.problem, fmt::format("the {} overflowed (too large to compute): check the "
                                       "`cost`, `wait` and `time` values and the loops",
                                       and_list(overflowed, std::size(kNames))));
  }
  if (!huge.empty()) {
    add_problem(m.problem,
                fmt::format("the {} {} over 10^15: check the `cost`, `wait` and `time` "
                            "values and the loops",
                            and_list(huge, std::size(kNames)), huge.size() == 1 ? "is" : "are"));
  }
}

/// min and max over the paths that repeat no step, and the critical path.
void path_ranges(const JourneyGraph &graph, const Measures &measures, JourneyMetrics &m) {
  for (std::size_t k = 0; k < measures.ranges.size(); ++k) {
    if (measures.weights[k] == nullptr) {
      continue;
    }
    const PathBounds bounds = path_bounds(graph, *measures.weights[k]);
    if (!bounds.found) {
      continue;
    }
    m.paths_defined = true;
    measures.ranges[k]->min = bounds.min;
    measures.ranges[k]->max = bounds.max;
    if (measures.weights[k] == &measures.w.lead) {
      for (std::size_t u : bounds.max_path) {
        m.critical_path.push_back(graph.step(u).id);
      }
    }
  }
  if (!m.paths_defined) {
    add_problem(m.problem, fmt::format("no end can be reached from the entry step `{}`",
                                       graph.step(JourneyGraph::entry).id));
  }
}

/// Right first time: the success mass that never takes a loop-back edge nor passes a
/// failure-demand step.
double right_first_time(const JourneyGraph &graph) {
  const std::vector<double> mass = forward_mass(graph);
  double total = 0;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (graph.step(i).end == EndKind::Success && !graph.step(i).failure_demand) {
      total += mass[i];
    }
  }
  return std::clamp(total, 0.0, 1.0);
}

/// Where the walks end: the outcome shares, and steps where walks stop without an end.
void outcomes(const JourneyGraph &graph, const Visits &visits, JourneyMetrics &m) {
  std::vector<std::size_t> stuck;
  double stuck_mass = 0;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (visits.visits[i] <= 0 || graph.begin(i) != graph.end(i)) {
      continue;
    }
    if (graph.step(i).end == EndKind::None) {
      stuck.push_back(i);
      stuck_mass += visits.visits[i];
    } else {
      m.outcomes[std::string(to_string(graph.step(i).end))] += visits.visits[i];
    }
  }
  if (!stuck.empty()) {
    add_problem(m.problem, fmt::format("{:.1f}% of walks stop at {}, which is not an end",
                                       100 * stuck_mass, name_steps(graph.journey(), stuck)));
  }
}

/// Every step with an expected wait, largest first.
std::vector<WaitContribution> step_waits(const JourneyGraph &graph, const Visits &visits,
                                        const std::vector<double> &wait, double total) {
  std::vector<WaitContribution> waits;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const double seconds = visits.visits[i] * wait[i];
    if (seconds > 0) {
      waits.push_back({graph.step(i).id, seconds, total > 0 ? seconds / total : 0.0});
    }
  }
  std::stable_sort(waits.begin(), waits.end(),
                   [](const auto &a, const auto &b) { return a.seconds > b.seconds; });
  return waits;
}

/// Failure-demand contacts and cost per customer, their share of the contacts, and the loads.
void failure_demand_and_loads(const JourneyGraph &graph, const Visits &visits, const Weights &w,
                              JourneyMetrics &m) {
  for (std::size_t i = 0; i < graph.size(); ++i) {
    if (!graph.step(i).failure_demand || !graph.reachable()[i]) {
      continue;
    }
    m.has_failure_demand = true;
    m.failure_demand_contacts += visits.visits[i] * w.contacts[i];
    m.failure_demand_cost += visits.visits[i] * w.cost[i];
  }
  m.failure_demand_share =
      m.contacts.expected > 0 ? m.failure_demand_contacts / m.contacts.expected : kNaN;
  StepLoads loads = step_loads(graph, visits.visits);
  m.channel_loads = std::move(loads.channels);
  m.team_loads = std::move(loads.teams);
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
  m.volume = journey.volume;
  m.surveys = journey.surveys;

  m.persona = journey.persona;
  if (const Index p = journey.find_persona(journey.persona); p != npos) {
    m.persona_name = journey.personas[p].name;
  }
  m.failure_demand_contacts = kNaN;
  m.failure_demand_share = kNaN;
  m.failure_demand_cost = kNaN;
  // Expected visits first: the computed queues (`wait: queue`) need them for their arrivals.
  const Visits visits = expected_visits(step_chain(graph), JourneyGraph::entry);
  Queues queues;
  if (visits.solved) {
    queues = compute_queues(graph, visits.visits);
    m.queues = std::move(queues.channels);
    for (const std::string &problem : queues.problems) {
      add_problem(m.problem, problem);
    }
  } else {
    queues.wait.assign(journey.steps.size(), 0.0);
  }
  const Measures measures(journey, m, queues.wait);
  for (Range *r : measures.ranges) {
    *r = Range{kNaN, kNaN, kNaN};
  }
  m.right_first_time = kNaN;
  m.flow_efficiency = kNaN;
  if (journey.steps.empty()) {
    m.problem = "the journey has no steps";
    return m;
  }
  m.has_cycles = graph.walk().has_cycles;
  path_ranges(graph, measures, m);

  // Expected values: the absorbing chain on steps, then on (step, last team or channel).
  const std::vector<double> *step_visits = visits.solved ? &visits.visits : nullptr;
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
  m.right_first_time = right_first_time(graph);
  if (!visits.solved) {
    add_problem(m.problem,
                fmt::format("the walk can be caught in a loop with no way out to an end ({}): "
                            "expected values are infinite",
                            name_steps(journey, visits.trap)));
    check_magnitudes(measures, m);
    return m;
  }
  if (!handoffs.expected_defined || !switches.expected_defined) {
    add_problem(m.problem, "the chain of handoffs or channel switches could not be solved");
    check_magnitudes(measures, m);
    return m;
  }
  m.expected_defined = true;
  for (std::size_t k = 0; k < measures.ranges.size(); ++k) {
    if (measures.weights[k] != nullptr) {
      measures.ranges[k]->expected = weighted_sum(visits.visits, *measures.weights[k]);
    }
  }
  m.handoffs.expected = handoffs.expected;
  m.channel_switches.expected = switches.expected;
  m.flow_efficiency = m.lead_time.expected > 0 ? m.touch_time.expected / m.lead_time.expected : 0.0;
  outcomes(graph, visits, m);
  m.step_waits = step_waits(graph, visits, measures.w.wait, m.wait_time.expected);
  m.top_waits.assign(m.step_waits.begin(),
                     m.step_waits.begin() +
                         static_cast<std::ptrdiff_t>(std::min(m.step_waits.size(), kTopWaits)));
  m.failure_demand_contacts = 0;
  m.failure_demand_cost = 0;
  failure_demand_and_loads(graph, visits, measures.w, m);
  m.by_outcome = outcome_figures(graph, visits.visits, measures.w.wait);
  if (has_stages(journey)) {
    m.stages = stage_figures(graph, visits.visits, measures.w.wait);
  }
  check_magnitudes(measures, m);
  m.personas = personas_side_by_side(journey, m);
  return m;
}

} // namespace journey
