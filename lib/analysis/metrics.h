// Journey metrics: lead time, waits, effort, handoffs, channel switches, cost and outcomes.
#pragma once

#include "journey/analysis/capacity.h"
#include "journey/analysis/conditional.h"
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/personas.h"
#include "journey/analysis/stages.h"
#include "journey/analysis/volume.h"
#include "journey/model/journey.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace journey {

/// A measure over the journey: `min` and `max` over paths that repeat no step, `expected` over the
/// random walk that follows the branch probabilities. NaN where undefined (see `JourneyMetrics`).
struct Range {
  double min = 0;
  double max = 0;
  double expected = 0;
};

/// How much of the expected wait one step accounts for.
struct WaitContribution {
  std::string step;   ///< step id
  double seconds = 0; ///< expected visits x wait
  double share = 0;   ///< of the expected wait time, 0..1
};

/// Every measure of one journey; see docs/metrics.md for the definitions.
struct JourneyMetrics {
  std::string journey; ///< journey id
  std::string file;
  std::size_t steps = 0; ///< steps in the definition, reachable or not
  Range lead_time;       ///< seconds: wait + time
  Range wait_time;       ///< seconds
  Range touch_time;      ///< seconds: active time
  Range customer_time;   ///< seconds: active time of customer steps
  Range handoffs;
  Range channel_switches;
  Range cost;
  Range contacts;
  std::map<std::string, double> outcomes;  ///< `success`, `abandon`, `failure` -> probability
  double right_first_time = 0;             ///< P(success without taking a loop-back edge)
  double flow_efficiency = 0;              ///< expected touch time / expected lead time
  std::vector<std::string> critical_path;  ///< step ids of the max-lead-time path
  std::vector<WaitContribution> top_waits; ///< up to 5, largest first
  std::vector<WaitContribution> step_waits; ///< every step with an expected wait, largest first
  Range customer_effort; ///< seconds: customer steps, conversations and queues (analysis/effort.h)
  /// Expected figures of the walks that end in each outcome reached (analysis/conditional.h).
  std::vector<OutcomeFigures> by_outcome;
  bool has_cycles = false;
  bool paths_defined = false;    ///< false when no end can be reached: min and max are NaN
  bool expected_defined = false; ///< false when the walk can be trapped: expected values are NaN
  std::string problem;           ///< why something is undefined or doubtful; empty when all is well

  // Failure demand, volume and capacity (docs/metrics.md).
  bool has_failure_demand = false;     ///< some reachable step is marked `failure_demand`
  double failure_demand_contacts = 0;  ///< expected failure-demand contacts per customer
  double failure_demand_share = 0;     ///< of the expected contacts, 0..1; NaN without contacts
  double failure_demand_cost = 0;      ///< expected cost of failure-demand steps per customer
  std::optional<double> volume;        ///< customers starting the journey per month
  std::vector<Load> channel_loads;     ///< per customer, on each channel its steps use
  std::vector<Load> team_loads;        ///< per customer, on each team its steps name
  std::vector<ChannelQueue> queues;    ///< computed queues (`wait: queue`)

  /// Measured experience: the journey's survey results as written (model/survey.h).
  std::vector<Survey> surveys;

  // Stages and personas (docs/metrics.md).
  std::string persona;                 ///< the journey's `persona` id; empty if none
  std::string persona_name;            ///< its display name
  /// Expected figures per stage (analysis/stages.h); empty without stages or expected values.
  std::vector<StageFigures> stages;
  /// Each persona's expected figures, the journey as written first (analysis/personas.h); empty
  /// when the journey names no persona.
  std::vector<PersonaFigures> personas;
};

/// Measures a journey. Meant for journeys that lint clean, but safe on anything: unresolved
/// transitions are ignored, unreachable steps do not count, and a journey whose walk cannot reach
/// an end is reported through `paths_defined`, `expected_defined` and `problem`.
JourneyMetrics compute_metrics(const Journey &journey);
/// Measures the journey of an already resolved graph.
JourneyMetrics compute_metrics(const JourneyGraph &graph);

} // namespace journey
