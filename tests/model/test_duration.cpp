// Durations: the compact and ISO 8601 grammars, their error messages, and the short printed form.
#include "journey/model/duration.h"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <string>

using namespace journey;

namespace {

std::string duration_error(std::string_view text) {
  const Expected<Seconds> value = parse_duration(text);
  return value ? "accepted" : value.error();
}

} // namespace

TEST_CASE("parse_duration: compact forms") {
  CHECK(parse_duration("45s") == doctest::Approx(45));
  CHECK(parse_duration("10m") == doctest::Approx(600));
  CHECK(parse_duration("2h") == doctest::Approx(7200));
  CHECK(parse_duration("1h30m") == doctest::Approx(5400));
  CHECK(parse_duration("1h 30m") == doctest::Approx(5400));
  CHECK(parse_duration("1.5h") == doctest::Approx(5400));
  CHECK(parse_duration(".5h") == doctest::Approx(1800));
  CHECK(parse_duration("3d") == doctest::Approx(259200));
  CHECK(parse_duration("1w") == doctest::Approx(604800));
  CHECK(parse_duration("1w2d3h4m5s") ==
        doctest::Approx(604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5));
  CHECK(parse_duration("2 hours") == doctest::Approx(7200));
  CHECK(parse_duration("90 min") == doctest::Approx(5400));
  CHECK(parse_duration("1 day 2 hours") == doctest::Approx(93600));
  CHECK(parse_duration("3 weeks") == doctest::Approx(3 * 604800));
  CHECK(parse_duration("10 secs") == doctest::Approx(10));
  CHECK(parse_duration("0") == doctest::Approx(0));
  CHECK(parse_duration("0s") == doctest::Approx(0));
  CHECK(parse_duration("  2h  ") == doctest::Approx(7200));
}

TEST_CASE("parse_duration: ISO 8601 forms") {
  CHECK(parse_duration("P1DT2H") == doctest::Approx(93600));
  CHECK(parse_duration("PT30M") == doctest::Approx(1800));
  CHECK(parse_duration("PT45S") == doctest::Approx(45));
  CHECK(parse_duration("P2W") == doctest::Approx(2 * 604800));
  CHECK(parse_duration("P1W1D") == doctest::Approx(8 * 86400));
  CHECK(parse_duration("PT1H30M") == doctest::Approx(5400));
  CHECK(parse_duration("PT1.5H") == doctest::Approx(5400));
  CHECK(parse_duration("P3D") == doctest::Approx(259200));
}

TEST_CASE("parse_duration: errors explain themselves") {
  CHECK(duration_error("") == "empty duration");
  CHECK(duration_error("   ") == "empty duration");
  CHECK(duration_error("30") ==
        "`30` needs a unit: s, m, h, d or w (seconds, minutes, hours, days, weeks), e.g. `30m`");
  CHECK(duration_error("1h30") ==
        "`30` needs a unit: s, m, h, d or w (seconds, minutes, hours, days, weeks), e.g. `30m`");
  CHECK(duration_error("3x") == "`x` is not a unit: use s, m, h, d or w (seconds, minutes, hours, "
                                "days, weeks), e.g. `3h` or `3 days`");
  CHECK(duration_error("3 fortnights") ==
        "`fortnights` is not a unit: use s, m, h, d or w (seconds, minutes, hours, days, weeks), "
        "e.g. `3h` or `3 days`");
  CHECK(duration_error("30m1h") ==
        "units must go from largest to smallest, each once (e.g. `1h30m`)");
  CHECK(duration_error("1h1h") ==
        "units must go from largest to smallest, each once (e.g. `1h30m`)");
  CHECK(duration_error("-1h") == "a duration cannot be negative: write it without the `-` (`1h`)");
  CHECK(duration_error("h") ==
        "expected a number and a unit, e.g. `45s`, `10m`, `1h30m`, `3d`, `1w` or `P1DT2H`");
  CHECK(duration_error("-") == duration_error("h"));
  CHECK(duration_error("P1Y") == "years and months have no fixed length: use days or weeks");
  CHECK(duration_error("P1M") == "years and months have no fixed length: use days or weeks");
  CHECK(duration_error("PT1D") == "ISO 8601 duration: unexpected `D`");
  CHECK(duration_error("P1H") == "ISO 8601 duration: unexpected `H`");
  CHECK(duration_error("P") == "ISO 8601 duration has no value");
  CHECK(duration_error("PT") == "ISO 8601 duration has no value");
  CHECK(duration_error("P1") == "ISO 8601 duration: number without a designator");
  CHECK(duration_error("PT1M1H") == "ISO 8601 duration: designators out of order");
  CHECK(duration_error("P1DTT1H") == "ISO 8601 duration has two `T`s");
  CHECK(duration_error("PxD") == "ISO 8601 duration: expected a number");
  CHECK(duration_error("99999999999999999w") == "duration is too large");
  CHECK(duration_error(std::string(400, '9') + "s") == "duration is too large");
}

TEST_CASE("parse_duration: unit names in any case, single letters in lower case") {
  CHECK(parse_duration("2 Days") == doctest::Approx(2 * 86400));
  CHECK(parse_duration("1 Hour") == doctest::Approx(3600));
  CHECK(parse_duration("30 MINUTES") == doctest::Approx(1800));
  CHECK(parse_duration("1 week") == doctest::Approx(604800));
  CHECK(parse_duration("2 Wks 1 Day") == doctest::Approx(15 * 86400));
  CHECK(parse_duration("1 Hr 30 Mins") == doctest::Approx(5400));
  CHECK(parse_duration("2hrs") == doctest::Approx(7200));
  CHECK(parse_duration("45 Seconds") == doctest::Approx(45));
  // A capital letter alone is ambiguous (`M`) or a typo: the message says what exists.
  CHECK(duration_error("1H") == "`H` is not a unit: units are lower-case, write `1h` (units: s, m, "
                                "h, d or w (seconds, minutes, hours, days, weeks))");
  CHECK(duration_error("2D") == "`D` is not a unit: units are lower-case, write `2d` (units: s, m, "
                                "h, d or w (seconds, minutes, hours, days, weeks))");
  CHECK(duration_error("1M") == "`M` could mean minutes or months: write `1m` or `1 minute` for "
                                "minutes; months have no fixed length, so count days or weeks "
                                "(`30d`)");
  CHECK(duration_error("1h 30M") == "`M` could mean minutes or months: write `30m` or `30 minutes` "
                                    "for minutes; months have no fixed length, so count days or "
                                    "weeks (`30d`)");
  CHECK(duration_error("3 Months") ==
        "months and years have no fixed length: count days or weeks instead (`30d`, `52w`)");
  CHECK(duration_error("1y") == duration_error("3 Months"));
}

TEST_CASE("parse_duration: a trailing ISO `T` with no time is rejected") {
  // ISO 8601 requires a time element after `T`, so `P1DT` is not one day.
  CHECK(duration_error("P1DT") != "accepted");
}

TEST_CASE("parse_duration: a value or the reason, never both") {
  const Expected<Seconds> bad = parse_duration("nonsense");
  REQUIRE_FALSE(bad.has_value());
  CHECK_FALSE(bad.error().empty());
  const Expected<Seconds> good = parse_duration("1d");
  REQUIRE(good.has_value());
  CHECK(*good == doctest::Approx(86400));
}

TEST_CASE("format_duration: bounded for totals beyond any journey") {
  CHECK(format_duration(1e300) == "1.65e+294w");
  CHECK(format_duration(-1e300) == "-1.65e+294w");
  CHECK(format_duration(1e15) == "1653439153w");
  CHECK(format_duration(1e12) == "1653439w 1d");
}

TEST_CASE("format_duration: two adjacent units at most") {
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(0.4) == "0s");
  CHECK(format_duration(45) == "45s");
  CHECK(format_duration(59.6) == "1m");
  CHECK(format_duration(600) == "10m");
  CHECK(format_duration(9000) == "2h 30m");
  CHECK(format_duration(3605) == "1h");
  CHECK(format_duration(2 * 86400 + 3 * 3600) == "2d 3h");
  CHECK(format_duration(2 * 86400 + 5 * 60) == "2d");
  CHECK(format_duration(3 * 604800 + 2 * 86400 + 7200) == "3w 2d");
  CHECK(format_duration(7 * 86400) == "1w");
  CHECK(format_duration(-90) == "-1m 30s");
  CHECK(format_duration(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_duration(std::nan("")) == "inf");
}

TEST_CASE("format_duration: round-trips through parse_duration for whole units") {
  for (const char *text : {"45s", "10m", "2h 30m", "3d", "1w", "2d 3h", "3w 2d"}) {
    CAPTURE(text);
    auto seconds = parse_duration(text);
    REQUIRE(seconds.has_value());
    CHECK(format_duration(*seconds) == text);
  }
}
