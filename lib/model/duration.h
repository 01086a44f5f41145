// Durations: parsing and printing of waits and times such as `2h`, `1h30m`, `3d` or `P1DT2H`.
#pragma once

#include "journey/model/expected.h"

#include <string>
#include <string_view>

namespace journey {

/// A duration in seconds.
using Seconds = double;

/// Parses `45s`, `10m`, `2h`, `1h30m`, `1.5h`, `3d`, `1w` (units may combine, largest first),
/// unit names in any case (`2 Days`, `30 minutes`, `1 Hr`) and ISO 8601 durations with weeks,
/// days, hours, minutes and seconds (`P1DT2H`, `PT30M`). `0` alone is accepted. On bad input,
/// the reason, saying what to write instead (`1H`: units are lower-case; `1M`: minutes or months?).
Expected<Seconds> parse_duration(std::string_view text);

/// Compact human form: `0s`, `45s`, `10m`, `2h 30m`, `2d 3h`, `3w 2d`: the largest unit and the
/// next smaller one, rounded to the nearest of that (`2d 38m` is `2d 1h`).
std::string format_duration(Seconds seconds);

} // namespace journey
