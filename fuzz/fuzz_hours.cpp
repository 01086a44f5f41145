// Fuzz harness: opening hours text (`Mon-Fri 08:00-20:00; Sat 09:00-13:00`) through parse_hours.
#include "check.h"

#include "journey/model/hours.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const auto hours = journey::parse_hours(text);
  if (!hours) {
    FUZZ_CHECK(!hours.error().empty(), "refused hours say why");
    return 0;
  }
  constexpr int kWeek = 7 * 24 * 60;
  int open = 0;
  int previous_end = -1;
  for (const auto &i : hours->intervals) {
    FUZZ_CHECK(0 <= i.begin && i.begin < i.end && i.end <= kWeek, "an interval lies in the week");
    FUZZ_CHECK(i.begin > previous_end, "intervals are sorted and merged");
    FUZZ_CHECK(hours->open_at(i.begin) && hours->open_at(i.end - 1), "open inside an interval");
    FUZZ_CHECK(i.end == kWeek || !hours->open_at(i.end), "closed where an interval ends");
    previous_end = i.end;
    open += i.end - i.begin;
  }
  FUZZ_CHECK(!hours->always || hours->intervals.empty(), "24/7 has no intervals");
  FUZZ_CHECK(hours->minutes_per_week() == (hours->always ? kWeek : open),
             "minutes per week add up the intervals");
  return 0;
}
