// Spreads: waits and times that vary from customer to customer (a range, or typical and tail).
#pragma once

#include "journey/model/duration.h"
#include "journey/model/expected.h"

#include <string>
#include <string_view>

namespace journey {

/// How a duration varies between customers.
enum class SpreadShape {
  Fixed,     ///< every customer takes `low`
  Uniform,   ///< evenly anywhere from `low` to `high` (written `2d-7d`)
  LogNormal, ///< typical (median) `low`, 90th percentile `high` (written `{typical: 2d, p90: 7d}`)
};

/// The z-score of the 90th percentile of the standard normal distribution.
inline constexpr double kZ90 = 1.2815515655446004;

/// A duration as a distribution. For a log-normal, ln(duration) is normal with mean `mu()` and
/// standard deviation `sigma()`: its median is `low` and its 90th percentile `high`.
struct Spread {
  SpreadShape shape = SpreadShape::Fixed;
  Seconds low = 0;
  Seconds high = 0;

  /// The expected value: the value, the middle of the range, or typical x exp(sigma^2 / 2).
  Seconds mean() const;
  double mu() const;
  double sigma() const;
  /// The duration a share `q` (0 < q < 1) of customers are done within.
  Seconds quantile(double q) const;
};

/// A fixed duration.
inline Spread fixed_spread(Seconds value) { return {SpreadShape::Fixed, value, value}; }

/// True when `text` is written as a range (`2d-7d`, `10m - 1h`): a `-` after the first character.
bool is_range_text(std::string_view text);

/// Parses a range `LOW-HIGH` of two durations (`2d-7d`, `0-2h`, `P1D-P3D`); on bad input, what
/// to write instead (a reversed range, a missing unit, a bad end).
Expected<Spread> parse_range(std::string_view text);

/// The log-normal with median `typical` and 90th percentile `p90`; when `p90` is below `typical`,
/// `typical` is 0 but `p90` is not, or the tail is so long that the mean is beyond 10^12 seconds,
/// why, in words that say what to write instead.
Expected<Spread> tail_spread(Seconds typical, Seconds p90);

/// `2d`, `2d-7d` or `typical 2d, p90 7d`, with `format_duration`.
std::string format_spread(const Spread &spread);

} // namespace journey
