// Tests of the simulation formats: the histogram bars, JSON and CSV figures, text escaping and the
// SVG chart's escaping and outcome layers.
#include "journey/parse/parse.h"
#include "journey/portfolio/simulate_format.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace journey;

namespace {

SimulationResult simulated(std::string_view yaml, std::uint64_t customers) {
  const ParseResult parsed = parse(yaml, "s.yaml");
  REQUIRE(parsed.diagnostics.empty());
  const JourneyGraph graph(parsed.journey);
  SimulationOptions options;
  options.customers = customers;
  options.jobs = 2;
  return simulate(graph, options);
}

constexpr std::string_view kJourney = R"(
journey: two
title: Two ways
steps:
  - id: start
    name: Applies
    time: 1h
    next:
      - {to: slow, p: 0.25}
      - {to: quit, p: 0.25}
      - fast
  - {id: slow, name: Referred, wait: 1d-2d, next: done}
  - {id: fast, name: Approved at once, wait: 2h, next: done}
  - {id: quit, name: Gives up, end: abandon}
  - {id: done, name: Approved, end: success}
)";

} // namespace

TEST_CASE("simulate format: the histogram's bars hold every customer, the last the tail") {
  const SimulationResult r = simulated(kJourney, 20'000);
  const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
  const std::vector<HistogramBar> bars = histogram(lead);
  REQUIRE(!bars.empty());
  CHECK(bars.size() <= 21);
  double total = 0;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    total += bars[i].customers;
    CHECK(bars[i].to > bars[i].from);
    if (i > 0) {
      CHECK(bars[i].from == bars[i - 1].to);
    }
  }
  CHECK(total == doctest::Approx(20'000));
  CHECK(bars.front().from <= lead.quantile(0));
}

TEST_CASE("simulate format: JSON and CSV give the groups reached with their percentiles") {
  const SimulationResult r = simulated(kJourney, 20'000);
  const auto json = nlohmann::json::parse(format_simulation_json({r}));
  REQUIRE(json.is_array());
  const auto &groups = json[0]["groups"];
  CHECK(groups.contains("all"));
  CHECK(groups.contains("success"));
  CHECK(groups.contains("abandon"));
  CHECK_FALSE(groups.contains("failure"));
  CHECK(groups["abandon"]["lead_time"]["p50"] == 3600.0);
  CHECK(groups["abandon"]["share"].get<double>() == doctest::Approx(0.25).epsilon(0.05));
  CHECK(groups["all"]["customers"] == 20'000);
  CHECK(json[0]["histogram"]["bars"].size() >= 2);
  const std::string csv = format_simulation_csv({r});
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  CHECK(line == "journey,file,group,measure,customers,share,mean,p50,p80,p90,p95,max,from,to");
  std::size_t rows = 0;
  std::size_t bars = 0;
  while (std::getline(lines, line)) {
    ++rows;
    bars += line.find(",lead_time_histogram,") != std::string::npos ? 1 : 0;
    CHECK(std::count(line.begin(), line.end(), ',') == 13);
  }
  CHECK(rows == 3 * 3 + bars);
}

TEST_CASE("simulate format: text and SVG escape what the journey says") {
  SimulationResult r = simulated(kJourney, 2'000);
  r.journey = "a<b&\"c\x1b[31m";
  const std::string svg = simulation_svg(r);
  CHECK(svg.find("a&lt;b&amp;&quot;c") != std::string::npos);
  CHECK(svg.find("a<b") == std::string::npos);
  CHECK(svg.find('\x1b') == std::string::npos);
  CHECK(svg.find("#2e7d32") != std::string::npos); // success layer
  CHECK(svg.find("#f9a825") != std::string::npos); // abandon layer
  CHECK(svg.find("#c62828") == std::string::npos); // no failure
  CHECK(svg.find("P50 ") != std::string::npos);
  const std::string text = format_simulation_text({r});
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("a<b&\"c\\x1b[31m") != std::string::npos); // shown, not obeyed
  CHECK(text.find("  abandon 2") != std::string::npos);
}
