// Spreads: the range and typical-and-tail forms, their means and quantiles.
#include "journey/model/spread.h"

#include "journey/model/text.h"

#include <cmath>

namespace journey {
namespace {

constexpr double kLargest = 1e12;

/// The standard normal quantile: Acklam's rational approximation, refined by one Halley step on
/// erfc, accurate to about 1e-15.
double normal_quantile(double q) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double low = 0.02425;
  double x = 0;
  if (q < low) {
    const double r = std::sqrt(-2 * std::log(q));
    x = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) /
        ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  } else if (q <= 1 - low) {
    const double s = q - 0.5;
    const double r = s * s;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * s /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double r = std::sqrt(-2 * std::log(1 - q));
    x = -(((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) /
        ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1);
  }
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - q;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

std::string quoted(std::string_view text) {
  return "`" + std::string(trim(text)) + "`";
}

} // namespace

double Spread::mu() const {
  return low > 0 ? std::log(low) : 0.0;
}

double Spread::sigma() const {
  return shape == SpreadShape::LogNormal && low > 0 && high > low ? std::log(high / low) / kZ90
                                                                  : 0.0;
}

Seconds Spread::mean() const {
  switch (shape) {
  case SpreadShape::Fixed:
    return low;
  case SpreadShape::Uniform:
    return low + (high - low) / 2;
  case SpreadShape::LogNormal:
    return low * std::exp(sigma() * sigma() / 2);
  }
  return low;
}

Seconds Spread::quantile(double q) const {
  switch (shape) {
  case SpreadShape::Fixed:
    return low;
  case SpreadShape::Uniform:
    return low + (high - low) * q;
  case SpreadShape::LogNormal:
    return low > 0 ? std::exp(mu() + sigma() * normal_quantile(q)) : 0.0;
  }
  return low;
}

bool is_range_text(std::string_view text) {
  text = trim(text);
  return text.size() > 1 && text.find('-', 1) != std::string_view::npos;
}

Expected<Spread> parse_range(std::string_view text) {
  text = trim(text);
  const std::size_t dash = text.size() > 1 ? text.find('-', 1) : std::string_view::npos;
  if (dash == std::string_view::npos) {
    return failure("a range is two durations with a `-` between them, e.g. `2d-7d`");
  }
  const std::string_view first = trim(text.substr(0, dash));
  const std::string_view second = trim(text.substr(dash + 1));
  if (second.find('-') != std::string_view::npos) {
    return failure("a range has one `-`, between the shortest and the longest duration, e.g. "
                   "`2d-7d`");
  }
  if (second.empty()) {
    return failure("the longest duration is missing after the `-`: write both, e.g. `" +
                   std::string(first) + "-7d`");
  }
  const Expected<Seconds> high = parse_duration(second);
  if (!high) {
    return failure("the longest, " + quoted(second) + ": " + high.error());
  }
  Expected<Seconds> low = parse_duration(first);
  if (!low && !first.empty() && first.find_first_not_of("0123456789.") == std::string_view::npos) {
    // `2-7d`: the unit of the longest is meant for both ends; say so rather than guess.
    const std::size_t unit = second.find_first_not_of("0123456789. ");
    return failure("the shortest, " + quoted(first) + ", needs a unit too: write `" +
                   std::string(first) +
                   std::string(unit == std::string_view::npos ? "d" : second.substr(unit)) + "-" +
                   std::string(second) + "`");
  }
  if (!low) {
    return failure("the shortest, " + quoted(first) + ": " + low.error());
  }
  if (*low > *high) {
    return failure("the range goes down from " + quoted(first) + " to " + quoted(second) +
                   ": write the shortest first (`" +
                   std::string(second) + "-" + std::string(first) + "`)");
  }
  return Spread{SpreadShape::Uniform, *low, *high};
}

Expected<Spread> tail_spread(Seconds typical, Seconds p90) {
  if (p90 < typical) {
    return failure("`p90` (" + format_duration(p90) + ") is below `typical` (" +
                   format_duration(typical) +
                   "): `p90` is the time 90% of customers are done within, at least the typical "
                   "time; swap them, or write a range such as `" +
                   format_duration(p90) + "-" + format_duration(typical) + "`");
  }
  if (p90 == typical) {
    return fixed_spread(typical);
  }
  if (typical <= 0) {
    return failure("`typical` must be more than 0 for a tail to be fitted: write a range such "
                   "as `0-" + format_duration(p90) + "` instead");
  }
  const Spread spread{SpreadShape::LogNormal, typical, p90};
  if (!(spread.mean() <= kLargest)) {
    return failure("a `p90` " + format_decimal(p90 / typical, 0) +
                   " times the typical time makes the average longer than any journey: check "
                   "the units, or write a range");
  }
  return spread;
}

std::string format_spread(const Spread &spread) {
  switch (spread.shape) {
  case SpreadShape::Fixed:
    return format_duration(spread.low);
  case SpreadShape::Uniform:
    return format_duration(spread.low) + "-" + format_duration(spread.high);
  case SpreadShape::LogNormal:
    return "typical " + format_duration(spread.low) + ", p90 " + format_duration(spread.high);
  }
  return format_duration(spread.low);
}

} // namespace journey
