// Rule unreachable-step: a step no path from the entry reaches; no customer ever gets there.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>
#include <string_view>
#include <unordered_set>

namespace journey::rules {

void check_unreachable_step(const Journey &journey, const RuleContext &context, Reporter &out) {
  if (journey.steps.empty()) {
    return;
  }
  const Flags &reached = context.graph.reachable();
  const Step &entry = journey.steps.front();
  std::unordered_set<std::string_view> ids;
  ids.reserve(journey.steps.size());
  for (std::size_t s = 0; s < journey.steps.size(); ++s) {
    const Step &step = journey.steps[s];
    // Steps without an id or with a repeated one cannot be named in `next`; `missing-field` and
    // `duplicate-id` already say so.
    if (step.id.empty() || !ids.insert(step.id).second || reached[s]) {
      continue;
    }
    out.report("unreachable-step",
               fmt::format("no path from the entry {} reaches {}, so no customer ever gets there: "
                           "name it in the `next` of the step before it, or remove it",
                           step_name(entry), step_name(step)),
               either(step.id_location, step.location));
  }
}

} // namespace journey::rules
