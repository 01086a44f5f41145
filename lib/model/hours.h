// Opening hours of a channel: `24/7` or day ranges with times, e.g. `Mon-Fri 08:00-20:00; Sat 09:00-13:00`.
#pragma once

#include "journey/model/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// One weekly opening interval, in minutes from Monday 00:00 (0..10080).
struct OpenInterval {
  int begin = 0;
  int end = 0;
};

/// A channel's weekly opening hours.
struct OpeningHours {
  std::string text; ///< as written
  bool always = false; ///< `24/7`
  std::vector<OpenInterval> intervals; ///< sorted, merged; empty when `always`

  /// Minutes open per week (10080 for 24/7).
  int minutes_per_week() const;
  /// True if open at the given minute of the week.
  bool open_at(int minute_of_week) const;
};

/// Parses `24/7` or `;`-separated `DAYS HH:MM-HH:MM[, HH:MM-HH:MM]` groups where DAYS is a day
/// (`Mon`) , a range (`Mon-Fri`) or a comma list (`Sat,Sun`); `closed` marks no hours.
/// On bad input, the reason.
Expected<OpeningHours> parse_hours(std::string_view text);

} // namespace journey
