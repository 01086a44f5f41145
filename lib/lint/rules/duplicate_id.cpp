// Rule duplicate-id: two steps with one id; `next` can only ever reach the first of them.
#include "journey/lint/rules/rules.h"

#include <fmt/format.h>
#include <string_view>
#include <unordered_map>

namespace journey::rules {

void check_duplicate_id(const Journey &journey, const RuleContext &, Reporter &out) {
  std::unordered_map<std::string_view, const Step *> first;
  first.reserve(journey.steps.size());
  for (const Step &step : journey.steps) {
    if (step.id.empty()) {
      continue;
    }
    auto [it, inserted] = first.emplace(step.id, &step);
    if (inserted) {
      continue;
    }
    out.report("duplicate-id",
               fmt::format("step id `{}` is already used by the step at line {}: every `next: {}` "
                           "leads there, never here; give this step its own id",
                           step.id, it->second->id_location.line, step.id),
               step.id_location);
  }
}

} // namespace journey::rules
