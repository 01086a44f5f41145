// Opening hours: `24/7`, day ranges and lists, merged intervals, and the error messages.
#include "journey/model/hours.h"

#include <doctest/doctest.h>
#include <string>

using namespace journey;

namespace {

std::string hours_error(std::string_view text) {
  const Expected<OpeningHours> value = parse_hours(text);
  return value ? "accepted" : value.error();
}

constexpr int kDay = 24 * 60;

} // namespace

TEST_CASE("parse_hours: 24/7 and day ranges") {
  auto always = parse_hours("24/7");
  REQUIRE(always.has_value());
  CHECK(always->always);
  CHECK(always->minutes_per_week() == 7 * kDay);
  CHECK(always->open_at(12345));
  CHECK(always->text == "24/7");

  auto week = parse_hours("Mon-Fri 08:00-20:00; Sat 09:00-13:00");
  REQUIRE(week.has_value());
  CHECK_FALSE(week->always);
  CHECK(week->minutes_per_week() == 5 * 12 * 60 + 4 * 60);
  REQUIRE(week->intervals.size() == 6);
  CHECK(week->intervals[0].begin == 8 * 60);
  CHECK(week->intervals[0].end == 20 * 60);
  CHECK(week->intervals[5].begin == 5 * kDay + 9 * 60);
  CHECK(week->open_at(8 * 60));
  CHECK_FALSE(week->open_at(8 * 60 - 1));
  CHECK_FALSE(week->open_at(20 * 60));
  CHECK(week->open_at(5 * kDay + 12 * 60));
  CHECK_FALSE(week->open_at(6 * kDay + 12 * 60));
  CHECK(week->open_at(7 * kDay + 9 * 60));     // wraps to Monday
  CHECK_FALSE(week->open_at(-kDay + 12 * 60)); // -1 day + noon is Sunday noon
  CHECK(week->open_at(-2 * kDay + 10 * 60));   // Saturday 10:00
}

TEST_CASE("parse_hours: more forms") {
  CHECK(parse_hours("Mon-Fri 08:00-20:00; Sat 09:00-13:00; Sun closed")->minutes_per_week() ==
        3840);
  CHECK(parse_hours("Sun closed")->minutes_per_week() == 0);
  CHECK(parse_hours("Mon-Fri closed; Sat 10:00-12:00")->minutes_per_week() == 120);
  CHECK(parse_hours("Mon-Fri 09:00-12:00, 13:00-17:00")->minutes_per_week() == 5 * 7 * 60);
  CHECK(parse_hours("Sat,Sun 10:00-16:00")->minutes_per_week() == 2 * 6 * 60);
  CHECK(parse_hours("Fri-Mon 10:00-11:00")->minutes_per_week() == 4 * 60); // wraps over the weekend
  CHECK(parse_hours("Mon 00:00-24:00")->minutes_per_week() == kDay);
  CHECK(parse_hours("mon-fri 9:00-17:00")->minutes_per_week() == 5 * 8 * 60);
  CHECK(parse_hours("Monday 09:00-17:00")->minutes_per_week() == 8 * 60);
  CHECK(parse_hours("Mon 08:00-20:00;")->minutes_per_week() == 12 * 60);
  auto overlap = parse_hours("Mon 08:00-12:00; Mon 11:00-13:00");
  REQUIRE(overlap.has_value());
  REQUIRE(overlap->intervals.size() == 1);
  CHECK(overlap->intervals[0].begin == 8 * 60);
  CHECK(overlap->intervals[0].end == 13 * 60);
  CHECK(overlap->minutes_per_week() == 5 * 60);
}

TEST_CASE("parse_hours: errors explain themselves") {
  CHECK(hours_error("") == "empty opening hours (use `24/7` or e.g. `Mon-Fri 08:00-20:00`)");
  CHECK(hours_error("Mon-Fri") == "`Mon-Fri` has no times (e.g. `Mon-Fri 08:00-20:00`)");
  CHECK(hours_error("Mon-Fri 8-20") == "bad time range `8-20` (use HH:MM-HH:MM, e.g. 08:00-20:00)");
  CHECK(hours_error("Mon 25:00-26:00") ==
        "bad time range `25:00-26:00` (use HH:MM-HH:MM, e.g. 08:00-20:00)");
  CHECK(hours_error("Mon 08:60-09:00") ==
        "bad time range `08:60-09:00` (use HH:MM-HH:MM, e.g. 08:00-20:00)");
  CHECK(hours_error("Mon 20:00-08:00") == "time range `20:00-08:00` ends before it starts");
  CHECK(hours_error("Mon 09:00-09:00") == "time range `09:00-09:00` ends before it starts");
  CHECK(hours_error("Funday 09:00-10:00") == "unknown day `Funday` (use Mon, Tue, ..., Sun)");
  CHECK(hours_error("closed") == "unknown day `closed` (use Mon, Tue, ..., Sun)");
  CHECK(hours_error("08:00-20:00") == "unknown day `` (use Mon, Tue, ..., Sun)");
}
