// Rule unused-stage: a stage the journey declares that none of its steps is in.
#include "journey/lint/rules/rules.h"

#include <fmt/format.h>

namespace journey::rules {

void check_unused_stage(const Journey &journey, const RuleContext &, Reporter &out) {
  std::vector<std::uint8_t> used(journey.stages.size(), 0);
  for (const Step &step : journey.steps) {
    if (step.stage_index != npos) {
      used[static_cast<std::size_t>(step.stage_index)] = 1;
    }
  }
  for (std::size_t i = 0; i < journey.stages.size(); ++i) {
    const Stage &stage = journey.stages[i];
    if (used[i] || stage.from_catalog) {
      continue;
    }
    out.report("unused-stage",
               fmt::format("no step is in stage `{}`: give the steps of that stage `stage: {}`, "
                           "or take it out of `stages`",
                           stage.name, stage.name),
               stage.location);
  }
}

} // namespace journey::rules
