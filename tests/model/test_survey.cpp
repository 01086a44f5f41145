// Tests of survey scales, calendar dates and score histories.
#include "journey/model/survey.h"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace journey;

TEST_CASE("survey dates: year-month-day to days since 1970 and back") {
  CHECK(*parse_date("1970-01-01") == 0);
  CHECK(*parse_date("2000-03-01") - *parse_date("2000-02-28") == 2); // 2000 is a leap year
  CHECK(*parse_date("1900-03-01") - *parse_date("1900-02-28") == 1); // 1900 is not
  CHECK(*parse_date("2025-03-31") == 20178);
  for (const char *text : {"1970-01-01", "2024-02-29", "2025-12-31", "9999-12-31", "1900-01-01"}) {
    CAPTURE(text);
    CHECK(format_date(*parse_date(text)) == text);
  }
  for (const char *bad : {"2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-03-31",
                          "2025/03/31", "2025-3-31", "March 2025", "", "1899-12-31"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
  CHECK(parse_date("2025-02-29").error().find("28 days") != std::string::npos);
}

TEST_CASE("survey dates: today can be fixed with JOURNEY_TODAY") {
  ::setenv("JOURNEY_TODAY", "2026-01-15", 1);
  CHECK(today() == *parse_date("2026-01-15"));
  ::setenv("JOURNEY_TODAY", "not a date", 1);
  CHECK(today() > *parse_date("2025-01-01")); // the clock
  ::unsetenv("JOURNEY_TODAY");
}

TEST_CASE("survey scales: NPS -100..100, CES 1..7, CSAT 0..100 (%)") {
  CHECK(survey_scale(SurveyMeasure::Nps).minimum == -100);
  CHECK(survey_scale(SurveyMeasure::Nps).maximum == 100);
  CHECK(survey_scale(SurveyMeasure::Ces).minimum == 1);
  CHECK(survey_scale(SurveyMeasure::Ces).maximum == 7);
  CHECK(survey_scale(SurveyMeasure::Csat).maximum == 100);
  CHECK(format_score(SurveyMeasure::Nps, 12) == "+12");
  CHECK(format_score(SurveyMeasure::Nps, -4) == "-4");
  CHECK(format_score(SurveyMeasure::Nps, 0) == "0");
  CHECK(format_score(SurveyMeasure::Ces, 5.25) == "5.2"); // one decimal, printf rounding
  CHECK(format_score(SurveyMeasure::Csat, 78) == "78%");
  CHECK(format_score_change(SurveyMeasure::Nps, 6) == "+6");
  CHECK(format_score_change(SurveyMeasure::Ces, -0.3) == "-0.3");
  CHECK(format_score_change(SurveyMeasure::Csat, 4) == "+4 pts");
  CHECK(format_score_change(SurveyMeasure::Csat, 0.2) == "0 pts");
}

TEST_CASE("survey history: one measure of the journey or a step, oldest first") {
  const auto entry = [](std::string date, std::string step, std::optional<double> nps,
                        std::optional<double> ces) {
    Survey s;
    s.date = date;
    if (auto day = parse_date(date)) {
      s.day = *day;
    }
    s.step = std::move(step);
    if (nps) {
      s.score(SurveyMeasure::Nps) = SurveyScore{*nps, {}};
    }
    if (ces) {
      s.score(SurveyMeasure::Ces) = SurveyScore{*ces, {}};
    }
    s.sample = 100;
    return s;
  };
  const std::vector<Survey> surveys{entry("2025-06-30", "", 18, std::nullopt),
                                    entry("2025-03-31", "", 12, 5.1),
                                    entry("2025-04-30", "call", -20, std::nullopt),
                                    entry("2025-99-99", "", 50, std::nullopt),
                                    entry("2025-09-30", "", std::nullopt, 5.4)};
  const std::vector<ScorePoint> nps = score_history(surveys, SurveyMeasure::Nps);
  REQUIRE(nps.size() == 2); // not the step's, not the one with a bad date
  CHECK(nps[0].date == "2025-03-31");
  CHECK(nps[0].value == 12);
  CHECK(nps[1].date == "2025-06-30");
  CHECK(nps[1].value == 18);
  const std::vector<ScorePoint> ces = score_history(surveys, SurveyMeasure::Ces);
  REQUIRE(ces.size() == 2);
  CHECK(ces.back().value == 5.4);
  const std::vector<ScorePoint> call = score_history(surveys, SurveyMeasure::Nps, "call");
  REQUIRE(call.size() == 1);
  CHECK(call[0].value == -20);
  CHECK(score_history(surveys, SurveyMeasure::Csat).empty());
}
