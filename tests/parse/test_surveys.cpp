// Tests of survey results: `surveys:` in a journey and the sidecar file, with exact positions.
#include "helpers.h"
#include "journey/parse/parse.h"
#include "journey/parse/surveys.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace journey;
using journey::test::dump;

TEST_CASE("surveys: dated NPS, CES and CSAT of the journey and of a step, with positions") {
  const ParseResult r = parse(R"(journey: j
title: T
steps:
  - {id: call, name: Calls, end: success}
surveys:
  - date: 2025-03-31
    nps: -12
    ces: 5.1
    csat: 78
    sample: 412
  - {date: 2025-06-30, step: call, nps: +4, sample: 90}
)",
                              "j.yaml");
  INFO(dump(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.journey.surveys.size() == 2);
  const Survey &first = r.journey.surveys[0];
  CHECK(first.file == "j.yaml");
  CHECK(first.date == "2025-03-31");
  CHECK(first.day == *parse_date("2025-03-31"));
  CHECK(first.date_location.line == 6);
  CHECK(first.date_location.column == 11);
  REQUIRE(first.score(SurveyMeasure::Nps));
  CHECK(first.score(SurveyMeasure::Nps)->value == -12);
  CHECK(first.score(SurveyMeasure::Nps)->location.line == 7);
  CHECK(first.score(SurveyMeasure::Ces)->value == doctest::Approx(5.1));
  CHECK(first.score(SurveyMeasure::Csat)->value == 78);
  CHECK(first.sample == 412);
  CHECK(first.sample_location.line == 10);
  CHECK(first.step.empty());
  const Survey &second = r.journey.surveys[1];
  CHECK(second.step == "call");
  CHECK(second.score(SurveyMeasure::Nps)->value == 4);
  CHECK_FALSE(second.score(SurveyMeasure::Ces));
}

TEST_CASE("surveys: mistakes are reported where they are written") {
  const ParseResult r = parse(R"(journey: j
title: T
steps:
  - {id: a, name: A, end: success}
surveys:
  - {date: 2025-02-30, nps: 10}
  - {nps: high, date: 2025-03-31}
  - {date: 2025-03-31, NPS: 12}
  - {nps: 12}
  - {date: 2025-03-31, sample: -5, ces: 4}
  - just text
)",
                              "j.yaml");
  INFO(dump(r.diagnostics));
  const auto at = [&](std::uint32_t line, std::string_view rule, std::string_view text) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic &d) {
      return d.location.line == line && d.rule == rule &&
             d.message.find(text) != std::string::npos;
    });
  };
  CHECK(at(6, "invalid-value", "bad `date` `2025-02-30`: that month has 28 days"));
  CHECK(at(7, "invalid-value", "`nps` must be a number, not `high`"));
  CHECK(at(8, "unknown-key", "(did you mean `nps`?)"));
  CHECK(at(9, "missing-field", "no `date`"));
  CHECK(at(10, "invalid-value", "`sample` must not be negative"));
  CHECK(at(11, "invalid-value", "a survey result"));
  CHECK(r.journey.surveys.size() == 5);
}

TEST_CASE("survey sidecar: its name, and its findings name the sidecar file") {
  CHECK(surveys_sidecar_path("journeys/apply-by-post.yaml") ==
        "journeys/apply-by-post.surveys.yaml");
  CHECK(surveys_sidecar_path("a.yml") == "a.surveys.yml");
  CHECK(surveys_sidecar_path("a.surveys.yaml").empty()); // a sidecar has none
  CHECK(surveys_sidecar_path("a.json").empty());
  CHECK(surveys_sidecar_path("-").empty());

  const SurveysResult ok = parse_surveys("journey: j\nsurveys:\n  - {date: 2025-03-31, csat: 81}\n",
                                         "j.surveys.yaml");
  CHECK(ok.diagnostics.empty());
  CHECK(ok.journey == "j");
  REQUIRE(ok.surveys.size() == 1);
  CHECK(ok.surveys[0].file == "j.surveys.yaml");
  CHECK(ok.surveys[0].score(SurveyMeasure::Csat)->location.line == 3);

  const SurveysResult bad =
      parse_surveys("surveys:\n  - {date: 2025-03-31, csat: 81}\n  - {dat: 2025-06-30}\n",
                    "j.surveys.yaml");
  REQUIRE_FALSE(bad.diagnostics.empty());
  CHECK(bad.diagnostics[0].file == "j.surveys.yaml");
  CHECK(bad.diagnostics[0].location.line == 3);
  CHECK(bad.diagnostics[0].message.find("did you mean `date`") != std::string::npos);

  CHECK(parse_surveys("surveys: [\n", "x.surveys.yaml").readable == false);
  CHECK(parse_surveys("", "x.surveys.yaml").diagnostics.size() == 1);
  CHECK(parse_surveys("other: 1\n", "x.surveys.yaml").diagnostics.size() == 2); // unknown, missing
}
