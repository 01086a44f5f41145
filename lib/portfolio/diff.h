// Journey diff: what changed between two versions of a journey (steps added, removed and
// changed, field by field) and how its metrics moved, with regressions against budgets.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/model/config.h"
#include "journey/model/journey.h"

#include <optional>
#include <string>
#include <vector>

namespace journey {

/// One field that differs, with both values as shown to people (`(none)` when unset).
struct FieldChange {
  std::string field; ///< `name`, `actor`, `channel`, `team`, `process`, `wait`, `time`, ...
  std::string before;
  std::string after;
};

/// A step present in only one version.
struct StepRef {
  std::string id;
  std::string name;
};

/// A step present in both versions (matched by id) whose fields differ.
struct StepChange {
  std::string id;
  std::string name; ///< the new name
  std::vector<FieldChange> fields;
};

/// How a metric's value is shown.
enum class MetricKind { Duration, Count, Money, Probability };

/// One headline metric (expected value) in both versions.
struct MetricDelta {
  std::string metric; ///< key, as in budgets: `lead_time`, `handoffs`, ...
  std::string label;  ///< `expected lead time`
  MetricKind kind = MetricKind::Count;
  bool higher_is_better = false;
  double before = 0;            ///< NaN when undefined
  double after = 0;             ///< NaN when undefined
  std::optional<double> budget; ///< the budget in force for the new version, if any
  bool changed = false;
  bool worse = false;
  bool regression = false; ///< worse, and budgeted
};

/// Everything that differs between two versions of a journey.
struct JourneyDiff {
  std::string before_file;
  std::string after_file;
  std::string journey;                     ///< id of the new version
  std::vector<FieldChange> journey_fields; ///< id, title, intent, owner, start, ends, catalog
  std::vector<StepRef> added;              ///< in the new version's order
  std::vector<StepRef> removed;            ///< in the old version's order
  std::vector<StepChange> changed;         ///< in the new version's order
  std::vector<MetricDelta> metrics; ///< every headline metric, changed or not, in a fixed order

  bool has_changes() const;
  bool has_regression() const;
};

/// Compares two versions. `budgets` are those in force for the new version: a budgeted metric
/// that got worse (higher, or lower for right first time; or undefined where it was defined) is
/// a regression, whether or not it is over its budget; so is a metric named in `watched` (its key,
/// or a key it starts with followed by `.`: `monthly` watches every monthly figure) that got
/// worse.
///
/// Besides the eight headline metrics, the list holds, when either version has them: failure
/// demand per customer (`failure_demand_contacts`, `failure_demand_cost`), each computed queue
/// (`queue.<channel>.answer`, `queue.<channel>.service_level`), and the monthly figures of
/// `journey compare` (`monthly.cost`, `monthly.contacts`, `monthly.failure_demand_contacts`,
/// `monthly.fte.team.<id>` ...; docs/metrics.md).
JourneyDiff diff_journeys(const Journey &before, const Journey &after,
                          const JourneyMetrics &before_metrics, const JourneyMetrics &after_metrics,
                          const Budgets &budgets, const std::vector<std::string> &watched = {});

/// True when `key` is watched by `watched` (equal, or `watched` followed by `.` starts it).
bool is_watched(std::string_view key, const std::vector<std::string> &watched);

/// A metric's value as shown: `2d 3h`, `2.4`, `12.50`, `85%`; `n/a` when undefined.
std::string format_metric_value(MetricKind kind, double value);
/// The change from `before` to `after`, signed: `+2d`, `-1`, `+0.35`, `-5 pp`; `n/a` when either
/// is undefined; `0` when equal.
std::string format_metric_delta(const MetricDelta &delta);

} // namespace journey
