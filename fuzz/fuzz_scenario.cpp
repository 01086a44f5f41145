// Fuzz harness: scenario text through parse_scenario, applied to a small journey, then compared.
#include "check.h"

#include "journey/analysis/metrics.h"
#include "journey/parse/parse.h"
#include "journey/parse/scenario.h"
#include "journey/portfolio/compare.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view kJourney = R"(journey: claim
title: Make a claim
volume: 1000/month
channels:
  phone: {name: Phone, kind: assisted, cost: 5, staff: 3}
  web: {name: Website, kind: digital}
teams:
  ops: {name: Operations, staff: 2}
steps:
  - id: find
    name: Finds the number
    channel: web
    time: 5m
    next: call
  - id: call
    name: Calls
    channel: phone
    wait: queue
    time: 6m
    next:
      - {to: check, p: 0.8}
      - {to: chase, p: 0.2}
  - id: chase
    name: Calls again
    channel: phone
    failure_demand: true
    time: 6m
    next: [check, call]
  - id: check
    name: Checks the claim
    team: ops
    time: 30m
    end: success
)";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const journey::Journey base = journey::parse(kJourney, "claim.yaml").journey;
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const journey::ScenarioResult parsed = journey::parse_scenario(text, "s.yaml");
  for (const auto &d : parsed.diagnostics) {
    FUZZ_CHECK(!d.message.empty(), "a scenario finding says what is wrong");
    FUZZ_CHECK(d.file == "s.yaml", "a scenario finding names the scenario file");
  }
  if (journey::has_errors(parsed.diagnostics)) {
    return 0;
  }
  std::vector<journey::Journey> journeys{base};
  const auto errors = journey::apply_scenario(parsed.scenario, journeys);
  for (const auto &d : errors) {
    FUZZ_CHECK(d.rule == "scenario" && d.file == "s.yaml", "apply errors are `scenario` findings");
    FUZZ_CHECK(d.location.known(), "an apply error has a position in the scenario");
  }
  if (!errors.empty()) {
    FUZZ_CHECK(journeys[0].steps.size() == base.steps.size(), "a failed scenario changes nothing");
    return 0;
  }
  std::set<std::string> ids;
  for (const auto &s : journeys[0].steps) {
    for (const auto &t : s.next) {
      FUZZ_CHECK(t.to != "", "a transition names a step");
    }
    ids.insert(s.id);
  }
  FUZZ_CHECK(ids.size() == journeys[0].steps.size(), "a scenario leaves step ids unique");
  const journey::StateFigures current{journey::compute_metrics(base), std::nullopt};
  const journey::StateFigures future{journey::compute_metrics(journeys[0]), std::nullopt};
  const journey::Comparison c = journey::compare_states({current}, {future});
  FUZZ_CHECK(c.journeys.size() == 1, "one journey against one");
  std::set<std::string> keys;
  for (const auto &f : c.journeys[0].figures) {
    FUZZ_CHECK(keys.insert(f.key).second, "each figure is listed once");
  }
  return 0;
}
