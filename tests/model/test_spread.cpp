// Tests of spreads: ranges and typical-and-tail log-normals, their means, quantiles and mistakes.
#include "journey/model/spread.h"

#include <cmath>
#include <doctest/doctest.h>

using namespace journey;

TEST_CASE("spread: a range is uniform, its mean the middle, its quantiles linear") {
  CHECK(is_range_text("2d-7d"));
  CHECK(is_range_text(" 10m - 1h "));
  CHECK_FALSE(is_range_text("-1h"));
  CHECK_FALSE(is_range_text("3d"));
  const Expected<Spread> r = parse_range("2d-5d");
  REQUIRE(r);
  CHECK(r->shape == SpreadShape::Uniform);
  CHECK(r->low == 2 * 86400.0);
  CHECK(r->high == 5 * 86400.0);
  CHECK(r->mean() == 3.5 * 86400.0);
  CHECK(r->quantile(0.9) == doctest::Approx(4.7 * 86400.0));
  CHECK(format_spread(*r) == "2d-5d");
  const Expected<Spread> z = parse_range("0 - 2h");
  REQUIRE(z);
  CHECK(z->mean() == 3600.0);
}

TEST_CASE("spread: typical and tail is the log-normal with that median and 90th percentile") {
  const Expected<Spread> t = tail_spread(2 * 86400.0, 7 * 86400.0);
  REQUIRE(t);
  CHECK(t->shape == SpreadShape::LogNormal);
  CHECK(t->quantile(0.5) == doctest::Approx(2 * 86400.0));
  CHECK(t->quantile(0.9) == doctest::Approx(7 * 86400.0));
  CHECK(t->sigma() == doctest::Approx(std::log(3.5) / 1.2815515655446004));
  // E[X] = exp(mu + sigma^2 / 2): 2d x 1.61250 (docs/format.md).
  CHECK(t->mean() == doctest::Approx(2 * 86400.0 * 1.6125043234648422));
  // The quantile function inverts the normal CDF to about 1e-12, in the middle and in the tails.
  for (double q : {1e-6, 0.01, 0.2, 0.5, 0.8, 0.95, 0.999999}) {
    CAPTURE(q);
    const double x = t->quantile(q);
    const double z = (std::log(x) - t->mu()) / t->sigma();
    CHECK(0.5 * std::erfc(-z / std::sqrt(2.0)) == doctest::Approx(q).epsilon(1e-10));
  }
  CHECK(format_spread(*t) == "typical 2d, p90 1w");
  const Expected<Spread> flat = tail_spread(3600, 3600);
  REQUIRE(flat);
  CHECK(flat->shape == SpreadShape::Fixed);
  CHECK(flat->mean() == 3600);
}

TEST_CASE("spread: mistakes say what to write instead") {
  CHECK(parse_range("7d-2d").error() ==
        "the range goes down from `7d` to `2d`: write the shortest first (`2d-7d`)");
  CHECK(parse_range("2-7d").error() == "the shortest, `2`, needs a unit too: write `2d-7d`");
  CHECK(parse_range("10-30 min").error() ==
        "the shortest, `10`, needs a unit too: write `10min-30 min`");
  CHECK(parse_range("2d-").error().starts_with("the longest duration is missing"));
  CHECK(parse_range("2d-1H").error().starts_with("the longest, `1H`: `H` is not a unit"));
  CHECK(parse_range("1d-2d-3d").error().starts_with("a range has one `-`"));
  CHECK(tail_spread(7 * 86400.0, 2 * 86400.0).error().starts_with("`p90` (2d) is below `typical` (1w)"));
  CHECK(tail_spread(0, 60).error().starts_with("`typical` must be more than 0"));
  CHECK(tail_spread(1, 1e12).error().find("longer than any journey") != std::string::npos);
  CHECK(tail_spread(0, 0));
}
