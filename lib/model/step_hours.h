// Step hours: which calendar a step is worked in (team, else channel) and the customer's hours.
#pragma once

#include "journey/model/calendar.h"
#include "journey/model/journey.h"

#include <optional>
#include <string>

namespace journey {

/// Who a step's working hours belong to.
enum class HoursOwner { Team, Channel };

/// The hours the organisation works a step in, and whose they are.
struct WorkHours {
  Calendar calendar;
  HoursOwner owner = HoursOwner::Channel;
  Index index = npos; ///< of the team or channel
};

/// The default of `customer_hours`: every day 07:00-23:00.
inline constexpr std::string_view kDefaultCustomerHours = "Mon-Sun 07:00-23:00";

/// The hours a step is worked in: its team's `hours`, else its channel's; nullopt when neither
/// has hours.
std::optional<WorkHours> work_hours(const Journey &journey, const Step &step);

/// When customers do their own steps: the journey's `customer_hours`, else every day 07:00-23:00.
Calendar customer_calendar(const Journey &journey);

/// True when the journey's times depend on a calendar: a step worked in a team or channel with
/// hours, or `customer_hours` or `arrivals` written. Without, simulated time runs as in the
/// chain's expected values.
bool uses_calendars(const Journey &journey);

/// The name of a work-hours owner, for messages: the team's or channel's name.
std::string owner_name(const Journey &journey, const WorkHours &hours);

/// Sets the mean wait of each step waiting in working time (`3 working days`): the open time it
/// lasts in the step's work hours, times the week over the open time per week (a working wait
/// with no work hours is left at its open time, and reported by lint).
void set_working_wait_means(Journey &journey);

} // namespace journey
