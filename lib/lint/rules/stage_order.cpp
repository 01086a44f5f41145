// Rule stage-order: along the most likely path, a step in a stage declared before the last one.
#include "journey/analysis/stages.h"
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

namespace journey::rules {

void check_stage_order(const Journey &journey, const RuleContext &context, Reporter &out) {
  if (journey.stages.size() < 2) {
    return;
  }
  const JourneyGraph &graph = context.graph;
  Index latest = npos;
  std::size_t latest_step = 0;
  for (std::size_t u : main_path(graph)) {
    const Step &step = graph.step(u);
    if (step.stage_index == npos) {
      continue;
    }
    if (latest != npos && step.stage_index < latest) {
      out.report("stage-order",
                 fmt::format("along the most likely path, {} (stage `{}`) comes after {} (stage "
                             "`{}`), but `{}` is listed before `{}` in `stages`: move the step to "
                             "the right stage, or put the stages in the order customers live them",
                             step_name(step), step.stage, step_name(graph.step(latest_step)),
                             graph.step(latest_step).stage, step.stage,
                             graph.step(latest_step).stage),
                 either(step.stage_location, either(step.id_location, step.location)));
      continue;
    }
    latest = step.stage_index;
    latest_step = u;
  }
}

} // namespace journey::rules
