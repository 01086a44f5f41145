// Metrics formats: the text table, JSON (one object or an array) and CSV of `journey metrics`.
#include "journey/analysis/metrics.h"
#include "helpers.h"
#include "journey/portfolio/metrics_format.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using namespace journey;

namespace {

JourneyMetrics measured(std::string_view yaml, std::string_view file) {
  return compute_metrics(test::parsed(yaml, file));
}

} // namespace

TEST_CASE("metrics text: a table per journey with human durations and outcomes") {
  const std::string text = format_metrics_text({measured(test::kApply, "apply.yaml")});
  CHECK(text.starts_with("apply (apply.yaml, 3 steps)\n"));
  CHECK(text.find("  lead time                 1d 2h        1d 2h        1d 2h\n") !=
        std::string::npos);
  CHECK(text.find("  handoffs                      1            1            1\n") !=
        std::string::npos);
  CHECK(text.find("  outcomes: success 100%, abandon 0%, failure 0%\n") != std::string::npos);
  CHECK(text.find("  critical path: apply → decide → paid\n") != std::string::npos);
}

TEST_CASE("metrics text: journeys separated by a blank line") {
  const std::string text = format_metrics_text(
      {measured(test::kApply, "apply.yaml"), measured(test::kBalance, "balance.yaml")});
  CHECK(text.find("\n\nbalance (balance.yaml, 1 steps)\n") != std::string::npos);
}

TEST_CASE("metrics JSON: one object for one journey, an array when asked or for several") {
  const JourneyMetrics apply = measured(test::kApply, "apply.yaml");
  const std::string one = format_metrics_json({apply}, false);
  CHECK(one.starts_with("{\n  \"journey\": \"apply\",\n  \"file\": \"apply.yaml\",\n"));
  CHECK(one.find("\"lead_time\": {\n    \"min\": 93600.0,\n    \"max\": 93600.0,\n    "
                 "\"expected\": 93600.0\n  }") != std::string::npos);
  CHECK(one.find("\"problem\": null") != std::string::npos);
  CHECK(format_metrics_json({apply}, true).starts_with("[\n  {\n"));
  CHECK(format_metrics_json({}, false) == "[]\n");
}

TEST_CASE("metrics CSV: a header, one row per journey, fields quoted as RFC 4180 says") {
  JourneyMetrics apply = measured(test::kApply, "apply, v2.yaml");
  const std::string csv = format_metrics_csv({apply});
  CHECK(csv.starts_with("journey,file,steps,lead_time_expected,lead_time_min,lead_time_max,"));
  CHECK(csv.find(",has_cycles,problem,failure_demand_contacts,failure_demand_share,"
                 "failure_demand_cost,volume_per_month,monthly_cost,monthly_contacts,"
                 "monthly_failure_demand_contacts,monthly_customer_hours,monthly_wait_hours\n") !=
        std::string::npos);
  CHECK(csv.find("\napply,\"apply, v2.yaml\",3,93600,93600,93600,") != std::string::npos);
  // No failure demand, no volume: zeros per customer, nothing per month.
  CHECK(csv.ends_with(",false,,0,,0,,,,,,\n"));
}

TEST_CASE("metrics formats: names from one table, dispatch by format") {
  CHECK(value_of(kMetricsFormatNames, "csv") == MetricsFormat::Csv);
  CHECK_FALSE(value_of(kMetricsFormatNames, "xml").has_value());
  CHECK(name_of(kMetricsFormatNames, MetricsFormat::Json) == "json");
  const std::vector<JourneyMetrics> all{measured(test::kBalance, "balance.yaml")};
  CHECK(format_metrics(all, MetricsFormat::Csv, false) == format_metrics_csv(all));
  CHECK(format_metrics(all, MetricsFormat::Json, true) == format_metrics_json(all, true));
  CHECK(format_metrics(all, MetricsFormat::Text, false) == format_metrics_text(all));
}

TEST_CASE("metrics text: an expectation above its max says that max leaves loops out") {
  // Rework half the time: the expected touch time counts the loop (2 × 30m + 10m + 10m), the
  // longest path without repeats is 30m + 10m + 10m.
  const std::string text = format_metrics_text({measured(R"(
journey: rework
title: I want it right
steps:
  - id: fill
    name: Fills in the form
    time: 30m
    next: check
  - id: check
    name: Checked
    actor: backstage
    time: 10m
    next:
      - {to: fill, p: 0.5, label: sent back}
      - {to: done, p: 0.5}
  - id: done
    name: Done
    time: 10m
    end: success
)",
                                                          "rework.yaml")});
  CHECK(text.find("  touch time               1h 30m          50m          50m\n") !=
        std::string::npos);
  CHECK(text.find("(expected counts the loops; min and max are over paths without repeats)") !=
        std::string::npos);
  const std::string plain = format_metrics_text({measured(test::kApply, "apply.yaml")});
  CHECK(plain.find("without repeats") == std::string::npos);
}

TEST_CASE("metrics JSON with the portfolio: monthly totals add up the journeys, capacity of shared teams") {
  // Two journeys on one team of 2 people at 100 h a month: 1000 x 30m and 500 x 30m.
  constexpr std::string_view kOne = R"(journey: one
title: One
volume: 1000/month
teams:
  ops: {name: Operations, staff: 2, productive_hours: 100/month}
steps:
  - id: check
    name: Checks
    team: ops
    time: 30m
    cost: 10
    end: success
)";
  std::string two(kOne);
  two.replace(two.find("journey: one"), 12, "journey: two");
  two.replace(two.find("1000/month"), 10, "500/month");
  const std::vector<JourneyMetrics> all{compute_metrics(test::parsed(kOne, "one.yaml")),
                                        compute_metrics(test::parsed(two, "two.yaml"))};
  const nlohmann::json j = nlohmann::json::parse(format_metrics_portfolio_json(all));
  REQUIRE(j["journeys"].size() == 2);
  CHECK(j["journeys"][1]["journey"] == "two");
  const auto &p = j["portfolio"];
  CHECK(p["journeys_with_volume"] == 2);
  CHECK(p["monthly"]["customers"].get<double>() == doctest::Approx(1500));
  CHECK(p["monthly"]["cost"].get<double>() == doctest::Approx(15000));
  REQUIRE(p["monthly"]["teams"].size() == 1);
  CHECK(p["monthly"]["teams"][0]["seconds"].get<double>() == doctest::Approx(1500 * 1800));
  REQUIRE(p["capacity"].size() == 1);
  CHECK(p["capacity"][0]["id"] == "ops");
  CHECK(p["capacity"][0]["work_hours"].get<double>() == doctest::Approx(750));
  CHECK(p["capacity"][0]["available_hours"].get<double>() == doctest::Approx(200));
  CHECK(p["capacity"][0]["utilisation"].get<double>() == doctest::Approx(3.75));
  CHECK(p["capacity"][0]["fte_needed"].get<double>() == doctest::Approx(7.5));
}
