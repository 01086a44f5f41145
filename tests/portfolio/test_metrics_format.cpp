// Metrics formats: the text table, JSON (one object or an array) and CSV of `journey metrics`.
#include "journey/analysis/metrics.h"
#include "helpers.h"
#include "journey/portfolio/metrics_format.h"

#include <doctest/doctest.h>
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
  CHECK(csv.find(",has_cycles,problem\n") != std::string::npos);
  CHECK(csv.find("\napply,\"apply, v2.yaml\",3,93600,93600,93600,") != std::string::npos);
  CHECK(csv.ends_with(",false,\n"));
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
