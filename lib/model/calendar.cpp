// Calendar arithmetic over weekly open intervals, and the spelling of working-time waits.
#include "journey/model/calendar.h"

#include "journey/model/text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace journey {
namespace {

constexpr double kMinute = 60;
constexpr int kDayMinutes = 24 * 60;
constexpr int kWeekMinutes = 7 * kDayMinutes;

/// The week `t` falls in and the seconds into it.
struct WeekTime {
  double week;
  double into;
};

WeekTime split(double t) {
  const double week = std::floor(t / kWeekSeconds);
  double into = t - week * kWeekSeconds;
  if (into >= kWeekSeconds) {
    into = 0;
  }
  return {week, into};
}

} // namespace

Calendar::Calendar() = default;

Calendar::Calendar(const OpeningHours &hours) : always_(hours.always) {
  if (!always_) {
    intervals_ = hours.intervals;
    if (intervals_.size() == 1 && intervals_[0].begin <= 0 && intervals_[0].end >= kWeekMinutes) {
      always_ = true;
      intervals_.clear();
    }
  }
}

double Calendar::open_per_week() const {
  if (always_) {
    return kWeekSeconds;
  }
  double total = 0;
  for (const OpenInterval &i : intervals_) {
    total += (i.end - i.begin) * kMinute;
  }
  return total;
}

double Calendar::working_day() const {
  if (always_) {
    return 24 * 3600.0;
  }
  bool open[7] = {};
  for (const OpenInterval &i : intervals_) {
    for (int d = i.begin / kDayMinutes; d * kDayMinutes < i.end && d < 7; ++d) {
      open[d] = true;
    }
  }
  const auto days = std::count(std::begin(open), std::end(open), true);
  return days == 0 ? 0.0 : open_per_week() / static_cast<double>(days);
}

bool Calendar::open_at(double t) const {
  return next_open(t) == t && !never();
}

double Calendar::next_open(double t) const {
  if (always_ || intervals_.empty()) {
    return t;
  }
  const WeekTime w = split(t);
  for (const OpenInterval &i : intervals_) {
    if (w.into < i.end * kMinute) {
      return w.into >= i.begin * kMinute ? t : w.week * kWeekSeconds + i.begin * kMinute;
    }
  }
  return (w.week + 1) * kWeekSeconds + intervals_.front().begin * kMinute;
}

double Calendar::add_working(double t, double work) const {
  if (!(work > 0) || never()) {
    return t;
  }
  if (always_) {
    return t + work;
  }
  t = next_open(t);
  const double per_week = open_per_week();
  // Whole weeks first; the remainder is then less than a week's opening (or exactly one).
  double weeks = std::floor(work / per_week);
  if (weeks > 0 && work - weeks * per_week <= 0) {
    weeks -= 1;
  }
  t += weeks * kWeekSeconds;
  work -= weeks * per_week;
  WeekTime w = split(t);
  std::size_t k = 0;
  while (k < intervals_.size() && w.into >= intervals_[k].end * kMinute) {
    ++k;
  }
  // At most one pass round the intervals, plus one more for the interval started in.
  for (std::size_t n = 0; n <= intervals_.size() + 1; ++n) {
    if (k == intervals_.size()) {
      k = 0;
      w.week += 1;
      w.into = 0;
    }
    const double begin = std::max(w.into, intervals_[k].begin * kMinute);
    const double available = intervals_[k].end * kMinute - begin;
    if (work <= available) {
      return w.week * kWeekSeconds + begin + work;
    }
    work -= available;
    w.into = intervals_[k].end * kMinute;
    ++k;
  }
  return w.week * kWeekSeconds + w.into + work; // not reached: a week's opening covers the rest
}

Calendar Calendar::intersect(const Calendar &other) const {
  if (always_) {
    return other;
  }
  if (other.always_) {
    return *this;
  }
  Calendar out;
  out.always_ = false;
  std::size_t a = 0;
  std::size_t b = 0;
  while (a < intervals_.size() && b < other.intervals_.size()) {
    const int begin = std::max(intervals_[a].begin, other.intervals_[b].begin);
    const int end = std::min(intervals_[a].end, other.intervals_[b].end);
    if (begin < end) {
      out.intervals_.push_back({begin, end});
    }
    if (intervals_[a].end < other.intervals_[b].end) {
      ++a;
    } else {
      ++b;
    }
  }
  return out;
}

double WorkingWait::seconds(const Calendar &calendar) const {
  return amount * (days ? calendar.working_day() : 3600.0);
}

bool is_working_wait_text(std::string_view text) {
  return ascii_lower(text).find("working") != std::string::npos;
}

Expected<WorkingWait> parse_working_wait(std::string_view text) {
  const std::string lower = ascii_lower(trim(text, " \t"));
  const std::size_t space = lower.find(' ');
  const std::string number = lower.substr(0, space);
  std::string rest =
      space == std::string::npos ? std::string() : std::string(trim(std::string_view(lower).substr(space), " \t"));
  char *end = nullptr;
  const double amount = std::strtod(number.c_str(), &end);
  const bool digits_only =
      !number.empty() && std::all_of(number.begin(), number.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  if (!digits_only || end != number.c_str() + number.size() || !std::isfinite(amount)) {
    return failure("a working-time wait starts with a number, e.g. `3 working days`");
  }
  const std::size_t gap = rest.find(' ');
  const std::string word = rest.substr(0, gap);
  const std::string unit =
      gap == std::string::npos ? std::string() : std::string(trim(std::string_view(rest).substr(gap), " \t"));
  if (word != "working") {
    return failure("write the number, then `working`, then the unit, e.g. `3 working days`");
  }
  WorkingWait wait;
  wait.amount = amount;
  if (unit == "day" || unit == "days") {
    wait.days = true;
  } else if (unit == "minute" || unit == "minutes") {
    wait.amount = amount / 60;
  } else if (unit != "hour" && unit != "hours") {
    return failure("the unit of a working-time wait is `days`, `hours` or `minutes`");
  }
  if (wait.amount > 1e6) {
    return failure("a working-time wait of more than a million hours");
  }
  return wait;
}

} // namespace journey
