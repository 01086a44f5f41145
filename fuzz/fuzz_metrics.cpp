// Fuzz harness: journey YAML through the parser, the measures and the text, JSON and CSV tables.
#include "check.h"

#include "journey/analysis/metrics.h"
#include "journey/parse/parse.h"
#include "journey/portfolio/metrics_format.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

bool probability(double p) { return std::isnan(p) || (p >= -1e-9 && p <= 1 + 1e-9); }

void check_range(const journey::Range &r, const journey::JourneyMetrics &m, const char *what) {
  if (m.paths_defined && std::isfinite(r.min) && std::isfinite(r.max)) {
    FUZZ_CHECK(r.min <= r.max * (1 + 1e-9) + 1e-9, what);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const auto parsed = journey::parse(text, "fuzz.yaml");
  if (!parsed.readable) {
    return 0;
  }
  const auto m = journey::compute_metrics(parsed.journey);

  FUZZ_CHECK(m.steps == parsed.journey.steps.size(), "every step is counted");
  FUZZ_CHECK(m.top_waits.size() <= 5, "at most five top waits");
  FUZZ_CHECK(probability(m.right_first_time), "right first time is a probability");
  for (const auto &[outcome, p] : m.outcomes) {
    FUZZ_CHECK(probability(p), "an outcome's share is a probability");
  }
  for (const auto &w : m.top_waits) {
    FUZZ_CHECK(probability(w.share), "a wait's share is a fraction of the whole");
  }
  check_range(m.lead_time, m, "lead time: min <= max");
  check_range(m.wait_time, m, "wait time: min <= max");
  check_range(m.touch_time, m, "touch time: min <= max");
  check_range(m.handoffs, m, "handoffs: min <= max");
  check_range(m.channel_switches, m, "channel switches: min <= max");
  check_range(m.contacts, m, "contacts: min <= max");
  FUZZ_CHECK(m.paths_defined || m.critical_path.empty(), "no critical path without a path");

  const std::vector<journey::JourneyMetrics> all{m};
  for (const auto &[name, format] : journey::kMetricsFormatNames) {
    FUZZ_CHECK(!journey::format_metrics(all, format, false).empty(), "metrics are printed");
  }
  return 0;
}
