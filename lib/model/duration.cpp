// Durations: a small hand-written scanner for compact (`1h30m`) and ISO 8601 (`PT1H30M`) forms.
#include "journey/model/duration.h"

#include "journey/model/text.h"

#include <cmath>
#include <optional>
#include <string>

namespace journey {
namespace {

constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;
constexpr double kWeek = 7 * kDay;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads a non-negative decimal number at `i`; advances `i`. Nullopt if none.
std::optional<double> read_number(std::string_view s, std::size_t &i) {
  std::size_t start = i;
  double value = 0;
  while (i < s.size() && is_digit(s[i])) {
    value = value * 10 + (s[i] - '0');
    ++i;
  }
  bool digits = i > start;
  if (i < s.size() && s[i] == '.') {
    ++i;
    double scale = 0.1;
    std::size_t frac_start = i;
    while (i < s.size() && is_digit(s[i])) {
      value += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    digits = digits || i > frac_start;
  }
  return digits ? std::optional<double>(value) : std::nullopt;
}

double unit_seconds(char unit) {
  switch (unit) {
  case 'w':
    return kWeek;
  case 'd':
    return kDay;
  case 'h':
    return kHour;
  case 'm':
    return kMinute;
  case 's':
    return 1;
  default:
    return 0;
  }
}

int unit_rank(char unit) {
  switch (unit) {
  case 'w':
    return 5;
  case 'd':
    return 4;
  case 'h':
    return 3;
  case 'm':
    return 2;
  case 's':
    return 1;
  default:
    return 0;
  }
}

constexpr std::string_view kUnits = "s, m, h, d or w (seconds, minutes, hours, days, weeks)";

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

/// The unit letter (w, d, h, m, s) a written unit stands for: the letter itself in lower case,
/// or a word in any case (`min`, `Hours`, `WEEK`). 0 when it is none of them.
char unit_letter(std::string_view written) {
  if (written.size() == 1) {
    return unit_seconds(written[0]) > 0 ? written[0] : 0;
  }
  const std::string u = lower(written);
  if (u == "week" || u == "weeks" || u == "wk" || u == "wks") {
    return 'w';
  }
  if (u == "day" || u == "days") {
    return 'd';
  }
  if (u == "hr" || u == "hrs" || u == "hour" || u == "hours") {
    return 'h';
  }
  if (u == "min" || u == "mins" || u == "minute" || u == "minutes") {
    return 'm';
  }
  if (u == "sec" || u == "secs" || u == "second" || u == "seconds") {
    return 's';
  }
  return 0;
}

/// Why `written` (after the number `number`) is not a unit, in words that say what to write.
std::string unit_mistake(std::string_view number, std::string_view written) {
  const std::string u = lower(written);
  if (written == "M") {
    return "`M` could mean minutes or months: write `" + std::string(number) + "m` or `" +
           std::string(number) + (number == "1" ? " minute" : " minutes") +
           "` for minutes; months have no fixed length, so count days or weeks (`30d`)";
  }
  if (written.size() == 1 && unit_seconds(u[0]) > 0) {
    return "`" + std::string(written) + "` is not a unit: units are lower-case, write `" +
           std::string(number) + u + "` (units: " + std::string(kUnits) + ")";
  }
  if (u == "mo" || u == "mon" || u == "month" || u == "months" || u == "y" || u == "yr" ||
      u == "yrs" || u == "year" || u == "years") {
    return "months and years have no fixed length: count days or weeks instead (`30d`, `52w`)";
  }
  return "`" + std::string(written) + "` is not a unit: use " + std::string(kUnits) + ", e.g. `" +
         std::string(number) + "h` or `" + std::string(number) + " days`";
}

Expected<double> parse_compact(std::string_view s) {
  std::size_t i = 0;
  int last_rank = 6;
  double total = 0;
  if (s.size() > 1 && s.front() == '-') {
    return failure("a duration cannot be negative: write it without the `-` (`" +
                   std::string(s.substr(1)) + "`)");
  }
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') {
      ++i;
    }
    if (i == s.size()) {
      break;
    }
    const std::size_t number_start = i;
    const std::optional<double> value = read_number(s, i);
    if (!value) {
      return failure("expected a number and a unit, e.g. `45s`, `10m`, `1h30m`, `3d`, `1w` or "
                     "`P1DT2H`");
    }
    const std::string_view number = s.substr(number_start, i - number_start);
    while (i < s.size() && s[i] == ' ') {
      ++i;
    }
    const std::size_t unit_start = i;
    while (i < s.size() && is_letter(s[i])) {
      ++i;
    }
    const std::string_view written = s.substr(unit_start, i - unit_start);
    if (written.empty()) {
      return failure("`" + std::string(number) + "` needs a unit: " + std::string(kUnits) +
                     ", e.g. `" + std::string(number) + "m`");
    }
    const char u = unit_letter(written);
    if (u == 0) {
      return failure(unit_mistake(number, written));
    }
    if (unit_rank(u) >= last_rank) {
      return failure("units must go from largest to smallest, each once (e.g. `1h30m`)");
    }
    last_rank = unit_rank(u);
    total += *value * unit_seconds(u);
  }
  return total;
}

Expected<double> parse_iso(std::string_view s) {
  // s starts with 'P'.
  std::size_t i = 1;
  bool time_part = false;
  bool any = false;
  int last_rank = 6;
  double total = 0;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (time_part) {
        return failure("ISO 8601 duration has two `T`s");
      }
      time_part = true;
      last_rank = 4;
      ++i;
      continue;
    }
    const std::optional<double> value = read_number(s, i);
    if (!value) {
      return failure("ISO 8601 duration: expected a number");
    }
    if (i == s.size()) {
      return failure("ISO 8601 duration: number without a designator");
    }
    char d = s[i++];
    char u = 0;
    if (!time_part && d == 'W') {
      u = 'w';
    } else if (!time_part && d == 'D') {
      u = 'd';
    } else if (time_part && d == 'H') {
      u = 'h';
    } else if (time_part && d == 'M') {
      u = 'm';
    } else if (time_part && d == 'S') {
      u = 's';
    } else if (!time_part && (d == 'Y' || d == 'M')) {
      return failure("years and months have no fixed length: use days or weeks");
    } else {
      return failure(std::string("ISO 8601 duration: unexpected `") + d + "`");
    }
    if (unit_rank(u) >= last_rank) {
      return failure("ISO 8601 duration: designators out of order");
    }
    last_rank = unit_rank(u);
    total += *value * unit_seconds(u);
    any = true;
  }
  if (!any) {
    return failure("ISO 8601 duration has no value");
  }
  if (time_part && last_rank == 4) {
    return failure("ISO 8601 duration has `T` but no hours, minutes or seconds after it");
  }
  return total;
}

} // namespace

Expected<Seconds> parse_duration(std::string_view text) {
  text = trim(text);
  if (text.empty()) {
    return failure("empty duration");
  }
  if (text == "0") {
    return 0.0;
  }
  const Expected<double> total = text.front() == 'P' ? parse_iso(text) : parse_compact(text);
  if (total && (!std::isfinite(*total) || *total > 1e12)) {
    return failure("duration is too large");
  }
  return total;
}

std::string format_duration(Seconds seconds) {
  if (!std::isfinite(seconds)) {
    return "inf";
  }
  std::string sign;
  if (seconds < 0) {
    sign = "-";
    seconds = -seconds;
  }
  if (seconds >= kLargestPlainNumber) {
    return sign + format_decimal(seconds / 604800, 0) + "w"; // beyond any journey: bounded text
  }
  auto total = static_cast<long long>(std::llround(seconds));
  if (total == 0) {
    return "0s";
  }
  const long long units[] = {604800, 86400, 3600, 60, 1};
  const char *names[] = {"w", "d", "h", "m", "s"};
  // Round to the second-largest unit, so `2d 38m` reads `2d 1h` rather than hiding the 38m.
  int first = 0;
  while (first < 4 && total < units[first]) {
    ++first;
  }
  if (first < 4) {
    const long long step = units[first + 1];
    total = (total + step / 2) / step * step;
  }
  std::string out;
  int shown = 0;
  long long rest = total;
  for (int u = 0; u < 5 && shown < 2; ++u) {
    long long n = rest / units[u];
    if (n > 0) {
      out += (out.empty() ? "" : " ") + std::to_string(n) + names[u];
      rest -= n * units[u];
      ++shown;
    } else if (shown > 0) {
      break; // after rounding nothing finer than the second unit is left
    }
  }
  return sign + out;
}

} // namespace journey
