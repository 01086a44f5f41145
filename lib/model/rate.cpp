// Rates per period: a number, `/` or `per`, and a calendar unit, converted to per month.
#include "journey/model/rate.h"

#include "journey/model/text.h"

#include <charconv>
#include <cmath>
#include <string>

namespace journey {

Expected<double> parse_rate_per_month(std::string_view text) {
  const std::string lower = ascii_lower(trim(text, " \t"));
  std::string_view rest = lower;
  std::size_t split = rest.find('/');
  std::size_t unit_at = split == std::string_view::npos ? std::string_view::npos : split + 1;
  if (split == std::string_view::npos) {
    split = rest.find(" per ");
    unit_at = split == std::string_view::npos ? split : split + 5;
  }
  if (split == std::string_view::npos) {
    return failure("write a number and a period, e.g. `12000/month`, `400/day` or `3000/week`");
  }
  const std::string_view number_text = trim(rest.substr(0, split), " \t");
  std::string_view unit = trim(rest.substr(unit_at), " \t");
  double number = 0;
  const auto [end, ec] =
      std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
  if (number_text.empty() || ec != std::errc() || end != number_text.data() + number_text.size() ||
      !std::isfinite(number) || number < 0) {
    return failure("`" + std::string(number_text) + "` is not a number of 0 or more");
  }
  if (unit.size() > 1 && unit.back() == 's') {
    unit.remove_suffix(1);
  }
  if (unit == "day") {
    return number * kDaysPerMonth;
  }
  if (unit == "week") {
    return number * kWeeksPerMonth;
  }
  if (unit == "month") {
    return number;
  }
  if (unit == "year") {
    return number / 12.0;
  }
  return failure("unknown period `" + std::string(unit) + "`; use day, week, month or year");
}

} // namespace journey
