// Calendar table: next opening, open minutes before and the k-th open minute, per minute.
#include "journey/model/calendar_table.h"

#include <algorithm>
#include <cmath>

namespace journey {
CalendarTable::CalendarTable(const Calendar &calendar)
    : always_(calendar.always()), never_(calendar.never()), per_week_(calendar.open_per_week()) {
  if (always_ || never_) {
    return;
  }
  per_week_inverse_ = 1 / per_week_;
  std::vector<std::uint8_t> open(kWeekMinutes, 0);
  for (const OpenInterval &i : calendar.intervals()) {
    std::fill(open.begin() + std::clamp(i.begin, 0, kWeekMinutes),
              open.begin() + std::clamp(i.end, 0, kWeekMinutes), std::uint8_t{1});
  }
  next_.resize(kWeekMinutes);
  open_before_.resize(kWeekMinutes + 1);
  int first = -1;
  for (int m = 0; m < kWeekMinutes; ++m) {
    open_before_[m + 1] = static_cast<std::uint16_t>(open_before_[m] + open[m]);
    if (open[m] != 0) {
      open_minute_.push_back(static_cast<std::uint16_t>(m));
      first = first < 0 ? m : first;
    }
  }
  int upcoming = first + kWeekMinutes;
  for (int m = kWeekMinutes - 1; m >= 0; --m) {
    upcoming = open[m] != 0 ? m : upcoming;
    next_[m] = static_cast<std::uint16_t>(upcoming);
  }
}

bool CalendarTable::open_at(double t) const {
  return !never_ && next_open(t) == t;
}

double CalendarTable::add_working(double t, double work) const {
  if (!(work > 0) || never_) {
    return t;
  }
  if (always_ || !std::isfinite(t) || !std::isfinite(work)) {
    return t + work;
  }
  // In open time: where the next opening at or after `t` is, counted from the opening of week
  // 0, and where the work ends.
  const Position p = locate(t);
  double week = p.week;
  std::size_t minute = next_[p.minute];
  double offset = 0;
  if (minute == p.minute) {
    offset = p.into - static_cast<double>(minute) * kMinute;
  } else if (minute >= kWeekMinutes) {
    week += 1;
    minute -= kWeekMinutes;
  }
  const double from = week * per_week_ + open_before_[minute] * kMinute + offset;
  const double to = from + work;
  week = std::floor(to * per_week_inverse_);
  double rest = to - week * per_week_;
  if (rest > per_week_) { // the multiplication rounded below a week's mark
    week += 1;
    rest -= per_week_;
  }
  if (rest <= 0) { // ends at the week's last closing, not at the next week's first opening
    week -= 1;
    rest += per_week_;
  }
  // The open minute the work ends in, k with k minutes < rest <= k + 1 minutes (ending on a
  // minute mark: the minute before it), from an estimate the comparisons correct.
  const std::size_t last = open_minute_.size() - 1;
  auto k = static_cast<std::size_t>(std::clamp(rest * (1 / kMinute), 0.0, static_cast<double>(last)));
  while (k > 0 && static_cast<double>(k) * kMinute >= rest) {
    --k;
  }
  while (k < last && static_cast<double>(k + 1) * kMinute < rest) {
    ++k;
  }
  return week * kWeekSeconds + open_minute_[k] * kMinute + (rest - static_cast<double>(k) * kMinute);
}

} // namespace journey
