// Calendar table: a calendar laid out minute by minute for constant-time opening arithmetic.
#pragma once

#include "journey/model/calendar.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace journey {

/// A `Calendar` precomputed for each minute of the week (about 60 kB), so that `next_open`,
/// `open_at` and `add_working` take constant time whatever the number of intervals: for the
/// inner loop of the simulation. Gives the same times as the `Calendar` it is made from.
class CalendarTable {
public:
  /// Always open.
  CalendarTable() = default;
  explicit CalendarTable(const Calendar &calendar);

  /// As `Calendar::next_open`.
  double next_open(double t) const {
    if (always_ || never_ || !std::isfinite(t)) {
      return t;
    }
    const Position p = locate(t);
    const std::uint16_t next = next_[p.minute];
    return next == p.minute ? t : p.week * kWeekSeconds + next * kMinute;
  }
  /// As `Calendar::open_at`.
  bool open_at(double t) const;
  /// As `Calendar::add_working`.
  double add_working(double t, double work) const;

private:
  /// The week `t` falls in, the seconds into it and the minute of the week those are in.
  struct Position {
    double week;
    double into;
    std::size_t minute;
  };
  static Position locate(double t) {
    // Multiplications by the reciprocals may round across a week's or a minute's mark; the
    // comparisons that follow decide as `Calendar` does.
    const double weeks = t * (1 / kWeekSeconds);
    // Truncation is the floor for the times from 0 on that the simulation uses, and cheaper.
    double week = weeks >= 0 && weeks < 9e15 ? static_cast<double>(static_cast<std::int64_t>(weeks))
                                             : std::floor(weeks);
    double into = t - week * kWeekSeconds;
    if (into < 0) {
      week -= 1;
      into = t - week * kWeekSeconds;
    } else if (into >= kWeekSeconds) {
      week += 1;
      into = t - week * kWeekSeconds;
      into = into < 0 ? 0 : into;
    }
    auto minute =
        static_cast<std::size_t>(std::clamp(into * (1 / kMinute), 0.0, kWeekMinutes - 1.0));
    if (minute > 0 && into < static_cast<double>(minute) * kMinute) {
      --minute;
    } else if (minute + 1 < kWeekMinutes && into >= static_cast<double>(minute + 1) * kMinute) {
      ++minute;
    }
    return {week, into, minute};
  }

  static constexpr int kWeekMinutes = 7 * 24 * 60;
  static constexpr double kMinute = 60;

  bool always_ = true;
  bool never_ = false;
  double per_week_ = 0; ///< open seconds per week
  double per_week_inverse_ = 0;
  /// Per minute of the week: the minute the next opening starts, counted from this week's
  /// Monday 00:00 (above 10080 when it is next week); the minute itself when open.
  std::vector<std::uint16_t> next_;
  /// Per minute of the week, and one past the end: the open minutes of the week before it.
  std::vector<std::uint16_t> open_before_;
  /// The k-th open minute of the week: its minute of the week.
  std::vector<std::uint16_t> open_minute_;
};

} // namespace journey
