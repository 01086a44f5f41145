// Fuzz harness: duration text (`1h30m`, `P1DT2H`) through parse_duration and format_duration.
#include "check.h"

#include "journey/model/duration.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const auto seconds = journey::parse_duration(text);
  if (!seconds) {
    FUZZ_CHECK(!seconds.error().empty(), "a refused duration says why");
    return 0;
  }
  FUZZ_CHECK(std::isfinite(*seconds), "a duration is finite");
  FUZZ_CHECK(*seconds >= 0 && *seconds <= 1e12, "a duration is within 0 .. 1e12 s");
  const auto printed = journey::format_duration(*seconds);
  FUZZ_CHECK(!printed.empty(), "a duration prints");
  // What the tool prints, it reads back (rounded to the printed units: within 1/2 of the smaller
  // unit, at most half a week, plus the error of the decimal form).
  const auto again = journey::parse_duration(printed);
  FUZZ_CHECK(again.has_value(), "a printed duration parses");
  FUZZ_CHECK(std::fabs(*again - *seconds) <= std::max(0.5 * 7 * 86400, *seconds * 1e-9) + 1,
             "a printed duration reads back as about the same time");
  return 0;
}
