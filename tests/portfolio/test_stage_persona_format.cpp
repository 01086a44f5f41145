// The stage and persona parts of `journey metrics`: the text tables, JSON arrays and CSV rows.
#include "journey/analysis/metrics.h"
#include "helpers.h"
#include "journey/portfolio/metrics_format.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using namespace journey;

namespace {

// Apply, a check that sends 30% back to fix the form, and a decision; `done` has no stage.
constexpr std::string_view kStaged = R"(
journey: staged
title: I want a loan
stages: [Apply, Wait, Decide]
persona: first-timer
personas:
  first-timer: {name: First-timer}
  returning:
    name: Returning customer
    branches: {check: {decide: 0.9}}
steps:
  - {id: apply, name: Applies, stage: Apply, time: 1h, cost: 2, emotion: -1, pain: Long form, next: check}
  - id: check
    name: Checks the form
    stage: Wait
    wait: 2h
    time: 1h
    cost: 10
    next: [{to: decide, p: 0.7}, {to: fix}]
  - {id: fix, name: Fixes the form, stage: Apply, time: 30m, emotion: -3, pain: Asked again, next: check}
  - {id: decide, name: Decides, stage: Decide, wait: 1d, time: 1h, next: done}
  - {id: done, name: "=Gets the money", end: success}
)";

JourneyMetrics measured() {
  return compute_metrics(test::parsed(kStaged, "staged.yaml"));
}

} // namespace

TEST_CASE("metrics text: the stage table, with (no stage) last, and personas side by side") {
  const std::string text = format_metrics_text({measured()});
  INFO(text);
  CHECK(text.find("  persona: First-timer\n") != std::string::npos);
  CHECK(text.find("  by stage (expected per customer):\n"
                  "    stage       lead time  share       wait      cost   pain  emotion\n"
                  "    Apply          1h 13m     4%         0s         2   1.43     -1.6\n"
                  "    Wait           4h 17m  14.1%     2h 51m     14.29      0        -\n"
                  "    Decide          1d 1h    82%         1d         0      0        -\n"
                  "    (no stage)         0s     0%         0s         0      0        -\n") !=
        std::string::npos);
  CHECK(text.find("  by persona (expected per customer):\n") != std::string::npos);
  CHECK(text.find("First-timer Returning customer\n") != std::string::npos);
  CHECK(text.find("    right first time                  70%                90%\n") !=
        std::string::npos);
}

TEST_CASE("metrics JSON: stages and personas as arrays, null for the steps without a stage") {
  const auto j = nlohmann::json::parse(format_metrics_json({measured()}, false));
  CHECK(j["persona"] == "first-timer");
  REQUIRE(j["stages"].size() == 4);
  CHECK(j["stages"][0]["stage"] == "Apply");
  CHECK(j["stages"][0]["declared"] == true);
  CHECK(j["stages"][3]["stage"].is_null());
  CHECK(j["stages"][1]["emotion"].is_null());
  double lead = 0;
  for (const auto &s : j["stages"]) {
    lead += s["lead_time"].get<double>();
  }
  CHECK(lead == doctest::Approx(j["lead_time"]["expected"].get<double>()));
  REQUIRE(j["personas"].size() == 2);
  CHECK(j["personas"][0]["as_written"] == true);
  CHECK(j["personas"][1]["name"] == "Returning customer");
  CHECK(j["personas"][1]["right_first_time"].get<double>() == doctest::Approx(0.9));
}

TEST_CASE("metrics CSV by stage and by persona: one row each, text neutralised") {
  const std::string stages = format_metrics_csv_by({measured()}, MetricsRows::Stage);
  CHECK(stages.starts_with("journey,stage,declared,steps,visits,lead_time,lead_time_share,"
                           "wait_time,cost,pain,emotion\n"));
  CHECK(stages.find("\nstaged,Wait,true,1,") != std::string::npos);
  CHECK(stages.find("\nstaged,(no stage),false,1,1,0,0,0,0,0,\n") != std::string::npos);
  const std::string personas = format_metrics_csv_by({measured()}, MetricsRows::Persona);
  CHECK(personas.find("\nstaged,returning,Returning customer,false,") != std::string::npos);
  CHECK(personas.find("\nstaged,first-timer,First-timer,true,") != std::string::npos);
  CHECK(format_metrics_csv_by({measured()}, MetricsRows::Journey) ==
        format_metrics_csv({measured()}));
}
