// Opening hours: parser for `24/7` and `Mon-Fri 08:00-20:00; Sat 09:00-13:00`.
#include "journey/model/hours.h"

#include "journey/model/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace journey {
namespace {

constexpr int kDayMinutes = 24 * 60;
constexpr int kWeekMinutes = 7 * kDayMinutes;
constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

constexpr std::string_view kWhitespace = " \t\n\v\f\r";

/// `s` without surrounding white space.
std::string_view strip(std::string_view s) {
  return trim(s, kWhitespace);
}

int day_index(std::string_view word) {
  if (word.size() < 3) {
    return -1;
  }
  const std::string lower = ascii_lower(word.substr(0, 3));
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (kDays[i] == lower) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

/// Minutes from midnight of `HH:MM` (`24:00` included); nullopt for anything else.
std::optional<int> parse_clock(std::string_view s) {
  s = strip(s);
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon != 3) {
    return std::nullopt;
  }
  int h = 0;
  for (char c : s.substr(0, colon)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
    h = h * 10 + (c - '0');
  }
  int m = 0;
  for (char c : s.substr(colon + 1)) {
    if (!std::isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
    m = m * 10 + (c - '0');
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) {
    return std::nullopt;
  }
  return h * 60 + m;
}

/// Parses `Mon`, `Mon-Fri` or `Sat,Sun` into a set of day indexes.
Expected<std::array<bool, 7>> parse_days(std::string_view s) {
  std::array<bool, 7> days{};
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto comma = s.find(',', pos);
    auto item = strip(s.substr(pos, comma == std::string_view::npos ? s.npos : comma - pos));
    auto dash = item.find('-');
    int from = day_index(strip(item.substr(0, dash)));
    int to = dash == std::string_view::npos ? from : day_index(strip(item.substr(dash + 1)));
    if (from < 0 || to < 0) {
      return failure("unknown day `" + std::string(item) + "` (use Mon, Tue, ..., Sun)");
    }
    for (int d = from;; d = (d + 1) % 7) {
      days[d] = true;
      if (d == to) {
        break;
      }
    }
    if (comma == std::string_view::npos) {
      break;
    }
    pos = comma + 1;
  }
  return days;
}

} // namespace

int OpeningHours::minutes_per_week() const {
  if (always) {
    return kWeekMinutes;
  }
  int total = 0;
  for (const auto &i : intervals) {
    total += i.end - i.begin;
  }
  return total;
}

bool OpeningHours::open_at(int minute_of_week) const {
  if (always) {
    return true;
  }
  minute_of_week = ((minute_of_week % kWeekMinutes) + kWeekMinutes) % kWeekMinutes;
  return std::any_of(intervals.begin(), intervals.end(), [&](const OpenInterval &i) {
    return minute_of_week >= i.begin && minute_of_week < i.end;
  });
}

Expected<OpeningHours> parse_hours(std::string_view text) {
  OpeningHours hours;
  hours.text = std::string(text);
  auto all = strip(text);
  if (all == "24/7") {
    hours.always = true;
    return hours;
  }
  if (all.empty()) {
    return failure("empty opening hours (use `24/7` or e.g. `Mon-Fri 08:00-20:00`)");
  }
  std::size_t pos = 0;
  while (pos <= all.size()) {
    auto semi = all.find(';', pos);
    auto group = strip(all.substr(pos, semi == std::string_view::npos ? all.npos : semi - pos));
    pos = semi == std::string_view::npos ? all.size() + 1 : semi + 1;
    if (group.empty()) {
      continue;
    }
    // Days end at the first digit or the word "closed".
    std::size_t split = 0;
    while (split < group.size() && !std::isdigit(static_cast<unsigned char>(group[split]))) {
      ++split;
    }
    auto day_part = strip(group.substr(0, split));
    auto time_part = strip(group.substr(split));
    bool closed = false;
    if (day_part.size() > 6 && day_part.substr(day_part.size() - 6) == "closed") {
      closed = true;
      day_part = strip(day_part.substr(0, day_part.size() - 6));
    }
    const Expected<std::array<bool, 7>> days = parse_days(day_part);
    if (!days) {
      return std::unexpected(days.error());
    }
    if (closed) {
      continue;
    }
    if (time_part.empty()) {
      return failure("`" + std::string(group) + "` has no times (e.g. `Mon-Fri 08:00-20:00`)");
    }
    std::size_t tpos = 0;
    while (tpos <= time_part.size()) {
      auto comma = time_part.find(',', tpos);
      auto range = strip(
          time_part.substr(tpos, comma == std::string_view::npos ? time_part.npos : comma - tpos));
      tpos = comma == std::string_view::npos ? time_part.size() + 1 : comma + 1;
      auto dash = range.find('-');
      const std::optional<int> begin =
          dash == std::string_view::npos ? std::nullopt : parse_clock(range.substr(0, dash));
      const std::optional<int> end =
          dash == std::string_view::npos ? std::nullopt : parse_clock(range.substr(dash + 1));
      if (!begin || !end) {
        return failure("bad time range `" + std::string(range) +
                       "` (use HH:MM-HH:MM, e.g. 08:00-20:00)");
      }
      if (*end <= *begin) {
        return failure("time range `" + std::string(range) + "` ends before it starts");
      }
      for (int d = 0; d < 7; ++d) {
        if ((*days)[d]) {
          hours.intervals.push_back({d * kDayMinutes + *begin, d * kDayMinutes + *end});
        }
      }
    }
  }
  std::sort(hours.intervals.begin(), hours.intervals.end(),
            [](const OpenInterval &a, const OpenInterval &b) { return a.begin < b.begin; });
  std::vector<OpenInterval> merged;
  for (const auto &i : hours.intervals) {
    if (!merged.empty() && i.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, i.end);
    } else {
      merged.push_back(i);
    }
  }
  hours.intervals = std::move(merged);
  return hours;
}

} // namespace journey
