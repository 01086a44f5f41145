// Rule unknown-stage: a step's `stage` that is not one of the declared stages.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/suggest.h"

#include <fmt/format.h>

namespace journey::rules {

void check_unknown_stage(const Journey &journey, const RuleContext &, Reporter &out) {
  const std::vector<std::string_view> names = stage_names(journey.stages);
  std::size_t budget = 2'000'000; // comparisons for "did you mean", so huge files stay linear
  for (const Step &step : journey.steps) {
    if (step.stage.empty() || step.stage_index != npos) {
      continue;
    }
    const Location where = either(step.stage_location, either(step.id_location, step.location));
    if (journey.stages.empty()) {
      out.report("unknown-stage",
                 fmt::format("{} is in stage `{}`, but the journey declares no stages: list them "
                             "in order at the top, e.g. `stages: [Discover, Apply, Use]` (or in "
                             "the catalog)",
                             step_name(step), step.stage),
                 where);
      continue;
    }
    std::string hint;
    if (names.size() <= budget) {
      budget -= names.size();
      hint = did_you_mean(step.stage, names);
    }
    out.report("unknown-stage",
               fmt::format("{} is in stage `{}`, which is not one of the stages{}: use one of "
                           "{} or add it to `stages`",
                           step_name(step), step.stage, hint,
                           step.stage.size() < 200 && names.size() <= 12
                               ? fmt::format("`{}`", fmt::join(names, "`, `"))
                               : "the declared stages"),
               where);
  }
}

} // namespace journey::rules
