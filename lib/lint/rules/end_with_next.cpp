// Rule end-with-next: a step with both an `end` and a `next`, so it is unclear whether it ends.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

namespace journey::rules {

// The graph ends the journey at every step with an `end` and ignores its `next`; this rule makes
// the ignored `next` visible, once per step, at the `next` key.
void check_end_with_next(const Journey &journey, const RuleContext &, Reporter &out) {
  for (const Step &step : journey.steps) {
    if (step.end == EndKind::None || step.next.empty()) {
      continue;
    }
    out.report("end-with-next",
               fmt::format("{} has both `end: {}` and `next`, so it is unclear whether the journey "
                           "ends there; it is measured and drawn as an end and its `next` is "
                           "ignored: remove `next` if the customer is done at this step, or remove "
                           "`end` and end the journey at a later step",
                           step_name(step), to_string(step.end)),
               either(step.next_location, either(step.id_location, step.location)));
  }
}

} // namespace journey::rules
