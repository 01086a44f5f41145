// Calendar: weekly open intervals with "next opening" and "add working time" arithmetic.
#pragma once

#include "journey/model/expected.h"
#include "journey/model/hours.h"

#include <optional>
#include <string_view>
#include <vector>

namespace journey {

/// Seconds in a week; calendar times are seconds from a Monday 00:00.
inline constexpr double kWeekSeconds = 7 * 24 * 3600.0;

/// A weekly calendar at minute resolution: the times work can happen. Times are seconds from
/// the Monday 00:00 of week 0 and may lie in any week. Every operation is linear in the number
/// of intervals (never minute by minute).
class Calendar {
public:
  /// Always open.
  Calendar();
  /// Open at `hours`; open always for `24/7`, never for hours with no interval.
  explicit Calendar(const OpeningHours &hours);

  /// True when open around the clock.
  bool always() const { return always_; }
  /// True when never open.
  bool never() const { return !always_ && intervals_.empty(); }
  /// The weekly intervals, in minutes from Monday 00:00, sorted and disjoint.
  const std::vector<OpenInterval> &intervals() const { return intervals_; }
  /// Seconds open per week.
  double open_per_week() const;
  /// The length of a working day: the seconds open per week over the days open (a day with any
  /// opening); 24 hours for a calendar open always, 0 for one never open.
  double working_day() const;
  /// True when open at `t`.
  bool open_at(double t) const;
  /// The first time at or after `t` when the calendar is open (`t` itself when open); `t` for a
  /// calendar never open.
  double next_open(double t) const;
  /// The time at which `work` seconds of open time have passed from `t` (counting from the next
  /// opening when closed at `t`); `t` when `work` is 0 or the calendar is never open.
  double add_working(double t, double work) const;
  /// The times both calendars are open.
  Calendar intersect(const Calendar &other) const;

private:
  bool always_ = true;
  std::vector<OpenInterval> intervals_;
};

/// A wait in working time: `3 working days` or `4 working hours`.
struct WorkingWait {
  double amount = 0; ///< in days or hours, as written
  bool days = false; ///< working days (else hours)

  /// The open time the wait lasts in `calendar`, in seconds (days by `Calendar::working_day`).
  double seconds(const Calendar &calendar) const;
};

/// True when `text` is written as a working-time wait (`... working ...`), right or not.
bool is_working_wait_text(std::string_view text);

/// Parses `N working days`, `N working hours` or `N working minutes` (singular too; N a
/// non-negative decimal). On bad input, the reason.
Expected<WorkingWait> parse_working_wait(std::string_view text);

} // namespace journey
