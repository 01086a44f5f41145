// Rates per period: `12000/month`, `400/day`, `3000/week`, `150000/year`, read as per month.
#pragma once

#include "journey/model/expected.h"

#include <string_view>

namespace journey {

/// Days in a month: 365.25 / 12 = 30.4375, so that twelve months make an average year.
inline constexpr double kDaysPerMonth = 365.25 / 12.0;
/// Weeks in a month: 30.4375 / 7, about 4.348.
inline constexpr double kWeeksPerMonth = kDaysPerMonth / 7.0;
/// Seconds in a month of 30.4375 days.
inline constexpr double kSecondsPerMonth = kDaysPerMonth * 86400.0;

/// Reads `N/day`, `N/week`, `N/month` or `N/year` (also `N per month`; the unit may be plural)
/// and returns N per month; on bad input, the reason.
Expected<double> parse_rate_per_month(std::string_view text);

/// The rate units `parse_rate_per_month` accepts, in the order documentation lists them.
inline constexpr std::string_view kRateUnits[] = {"day", "week", "month", "year"};

} // namespace journey
