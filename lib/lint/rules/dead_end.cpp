// Rule dead-end: a step with no `next` and no `end` leaves the customer with nowhere to go.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

namespace journey::rules {

void check_dead_end(const Journey &journey, const RuleContext &, Reporter &out) {
  for (const Step &step : journey.steps) {
    if (!step.next.empty() || step.end != EndKind::None || step.end_invalid) {
      continue;
    }
    out.report("dead-end",
               fmt::format("{} has no `next` and no `end`, so the customer is left waiting there: "
                           "add `next: <step>` or `end: success|abandon|failure`",
                           step_name(step)),
               either(step.id_location, step.location));
  }
}

} // namespace journey::rules
