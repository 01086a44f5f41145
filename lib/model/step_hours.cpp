// Step hours: a step's team or channel calendar, the customer's hours, and working-wait means.
#include "journey/model/step_hours.h"

namespace journey {

std::optional<WorkHours> work_hours(const Journey &journey, const Step &step) {
  if (const Team *team = journey.team_of(step); team != nullptr && team->hours) {
    return WorkHours{Calendar(*team->hours), HoursOwner::Team, step.team_index};
  }
  if (const Channel *channel = journey.channel_of(step); channel != nullptr && channel->hours) {
    return WorkHours{Calendar(*channel->hours), HoursOwner::Channel, step.channel_index};
  }
  return std::nullopt;
}

Calendar customer_calendar(const Journey &journey) {
  if (journey.customer_hours) {
    return Calendar(*journey.customer_hours);
  }
  static const Calendar fallback = [] {
    const Expected<OpeningHours> hours = parse_hours(kDefaultCustomerHours);
    return hours ? Calendar(*hours) : Calendar();
  }();
  return fallback;
}

bool uses_calendars(const Journey &journey) {
  if (journey.customer_hours || !journey.arrivals.empty()) {
    return true;
  }
  for (const Step &s : journey.steps) {
    if (const std::optional<WorkHours> hours = work_hours(journey, s);
        hours && !hours->calendar.always()) {
      return true;
    }
  }
  return false;
}

std::string owner_name(const Journey &journey, const WorkHours &hours) {
  if (hours.owner == HoursOwner::Team) {
    return valid_index(hours.index, journey.teams.size()) ? journey.teams[hours.index].name
                                                          : std::string("the team");
  }
  return valid_index(hours.index, journey.channels.size()) ? journey.channels[hours.index].name
                                                           : std::string("the channel");
}

void set_working_wait_means(Journey &journey) {
  for (Step &s : journey.steps) {
    if (!s.wait_working) {
      continue;
    }
    const std::optional<WorkHours> hours = work_hours(journey, s);
    if (!hours || hours->calendar.never()) {
      s.wait = s.wait_working->amount * (s.wait_working->days ? 24 * 3600.0 : 3600.0);
      continue;
    }
    s.wait = s.wait_working->seconds(hours->calendar) * kWeekSeconds /
             hours->calendar.open_per_week();
  }
}

} // namespace journey
