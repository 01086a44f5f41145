// Rule budget: a journey whose expected metrics exceed the budgets in `.journeylint.yaml`.
#include "journey/analysis/metrics.h"
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/duration.h"
#include "journey/model/text.h"

#include <cmath>
#include <fmt/format.h>

namespace journey::rules {
namespace {

/// True when `value` is above `limit` by more than rounding.
bool above(double value, double limit) {
  return value > limit + 1e-9 * std::max(1.0, std::fabs(limit));
}

std::string number(double x) {
  return format_decimal(x, 2);
}

/// Both durations in human form; in seconds too when the human forms look the same.
std::pair<std::string, std::string> durations(double value, double limit) {
  std::string v = format_duration(value);
  std::string l = format_duration(limit);
  if (v == l) {
    v += fmt::format(" ({}s)", number(value));
    l += fmt::format(" ({}s)", number(limit));
  }
  return {v, l};
}

} // namespace

void check_budget(const Journey &journey, const RuleContext &context, Reporter &out) {
  const Budgets budgets = context.config.budgets_for(journey.id);
  if (budgets.empty() || journey.steps.empty()) {
    return;
  }
  const JourneyMetrics m = compute_metrics(context.graph);
  if (!m.expected_defined) {
    return; // a trap or no end: other rules say why
  }
  const Location where = either(journey.id_location, journey.location);
  auto over_time = [&](const std::optional<double> &limit, double value, std::string_view what) {
    if (limit && above(value, *limit)) {
      const auto [v, l] = durations(value, *limit);
      out.report("budget", fmt::format("expected {} {} exceeds the budget of {}", what, v, l),
                 where);
    }
  };
  auto over_count = [&](const std::optional<double> &limit, double value, std::string_view what) {
    if (limit && above(value, *limit)) {
      out.report("budget",
                 fmt::format("expected {} {} exceed the budget of {}", what, number(value),
                             number(*limit)),
                 where);
    }
  };
  over_time(budgets.lead_time, m.lead_time.expected, "lead time");
  over_time(budgets.wait_time, m.wait_time.expected, "wait time");
  over_count(budgets.handoffs, m.handoffs.expected, "handoffs");
  over_count(budgets.channel_switches, m.channel_switches.expected, "channel switches");
  if (budgets.cost && above(m.cost.expected, *budgets.cost)) {
    out.report("budget",
               fmt::format("expected cost to serve {} exceeds the budget of {}",
                           number(m.cost.expected), number(*budgets.cost)),
               where);
  }
  if (budgets.right_first_time && above(*budgets.right_first_time, m.right_first_time)) {
    out.report("budget",
               fmt::format("right first time {}% is below the minimum of {}%",
                           number(100 * m.right_first_time),
                           number(100 * *budgets.right_first_time)),
               where);
  }
}

} // namespace journey::rules
