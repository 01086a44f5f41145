// Rule working-wait-without-hours: a wait in working time with no opening hours to count it in.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include "journey/model/step_hours.h"

#include <fmt/format.h>

namespace journey::rules {

void check_working_wait(const Journey &journey, const RuleContext &, Reporter &out) {
  for (const Step &step : journey.steps) {
    if (!step.wait_working) {
      continue;
    }
    const std::optional<WorkHours> hours = work_hours(journey, step);
    const std::string unit = step.wait_working->days ? "days" : "hours";
    if (!hours) {
      const Team *team = journey.team_of(step);
      const Channel *channel = journey.channel_of(step);
      const std::string who =
          team != nullptr ? fmt::format("its team `{}`", team->id)
          : channel != nullptr ? fmt::format("its channel `{}`", channel->id)
                               : std::string("the step a team or channel with");
      out.report("working-wait-without-hours",
                 fmt::format("{} waits in working {} but has no opening hours to count them in: "
                             "give {} `hours:` (e.g. `Mon-Fri 09:00-17:00`), or write the wait "
                             "in calendar time (e.g. `3d`)",
                             step_name(step), unit, who),
                 either(step.wait_location, step.location));
    } else if (hours->calendar.never()) {
      out.report("working-wait-without-hours",
                 fmt::format("{} waits in working {} but {} is never open, so the wait would "
                             "never end: give it opening hours",
                             step_name(step), unit, owner_name(journey, *hours)),
                 either(step.wait_location, step.location));
    }
  }
}

} // namespace journey::rules
