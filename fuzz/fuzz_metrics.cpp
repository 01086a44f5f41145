// Fuzz harness: journey YAML through the parser, the measures, a short simulation and their text,
// JSON, CSV and SVG outputs.
#include "check.h"
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/metrics.h"
#include "journey/analysis/simulate.h"
#include "journey/parse/parse.h"
#include "journey/portfolio/metrics_format.h"
#include "journey/portfolio/simulate_format.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

bool probability(double p) {
  return std::isnan(p) || (p >= -1e-9 && p <= 1 + 1e-9);
}

void check_range(const journey::Range &r, const journey::JourneyMetrics &m, const char *what) {
  if (m.paths_defined && std::isfinite(r.min) && std::isfinite(r.max)) {
    FUZZ_CHECK(r.min <= r.max * (1 + 1e-9) + 1e-9, what);
  }
}

// Sixty-four customers in two blocks, a walk cut short at 10,000 steps: enough to reach every
// branch of a small input without letting a loop that is left once in a billion times stall the
// fuzzer.
void check_simulation(const journey::Journey &journey) {
  const journey::JourneyGraph graph(journey);
  journey::SimulationOptions options;
  options.customers = 64;
  options.block = 32;
  options.jobs = 1;
  options.max_steps = 10'000;
  const journey::SimulationResult result = journey::simulate(graph, options);
  if (!result.problem.empty()) {
    return;
  }
  FUZZ_CHECK(result.customers == options.customers, "every customer is simulated");
  std::uint64_t grouped = 0;
  for (std::size_t g = 1; g < journey::kSimGroups; ++g) {
    grouped += result.get(static_cast<journey::SimGroup>(g), journey::SimMeasure::LeadTime).count();
  }
  FUZZ_CHECK(grouped == result.customers, "every customer ends in exactly one group");
  for (std::size_t g = 0; g < journey::kSimGroups; ++g) {
    for (std::size_t m = 0; m < journey::kSimMeasures; ++m) {
      const auto &d =
          result.get(static_cast<journey::SimGroup>(g), static_cast<journey::SimMeasure>(m));
      if (d.count() == 0) {
        continue;
      }
      const double p50 = d.quantile(0.5);
      const double p90 = d.quantile(0.9);
      FUZZ_CHECK(std::isfinite(d.mean()) && d.mean() >= 0, "a mean is a finite time");
      FUZZ_CHECK(p50 >= 0 && p50 <= p90 * (1 + 1e-9), "P50 <= P90");
      FUZZ_CHECK(p90 <= d.max() * (1 + 1e-9) + 1e-9, "P90 <= max");
    }
  }
  const std::vector<journey::SimulationResult> all{result};
  for (const auto &[name, format] : journey::kSimulateFormatNames) {
    FUZZ_CHECK(!journey::format_simulation(all, format).empty(), "a simulation is printed");
  }
  FUZZ_CHECK(!journey::simulation_svg(result).empty(), "a simulation is charted");
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
  check_simulation(parsed.journey);
  return 0;
}
