// Tests of measured experience in the intent table, the report, `journey diff` and metrics JSON.
#include "helpers.h"
#include "journey/portfolio/diff.h"
#include "journey/portfolio/load_format.h"
#include "journey/portfolio/metrics_format.h"
#include "journey/portfolio/survey_format.h"
#include "journey/portfolio/table_format.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace journey;
using journey::test::kApply;
using journey::test::parsed;

namespace {

constexpr std::string_view kSurveyed = R"(journey: surveyed
title: I want a <b>loan</b>
steps:
  - {id: call, name: Calls, next: done}
  - {id: done, name: Done, end: success}
surveys:
  - {date: 2025-06-30, nps: 18, ces: 5.4, sample: 410}
  - {date: 2025-03-31, nps: 12, ces: 5.1, csat: 78, sample: 400}
  - {date: 2025-09-30, nps: 9, sample: 395}
  - {date: 2025-06-30, step: call, csat: 61, sample: 120}
)";

std::size_t count(const std::string &text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("surveys in the intent table: the latest of each measure, with its date and sample") {
  const Journey j = parsed(kSurveyed);
  const IntentRow row = make_intent_row(j, compute_metrics(j));
  REQUIRE(row.scores[0]);
  CHECK(row.scores[0]->value == 9); // NPS of 2025-09-30, not the step's
  CHECK(row.scores[0]->date == "2025-09-30");
  CHECK(row.scores[1]->value == doctest::Approx(5.4));
  CHECK(row.scores[2]->value == 78); // the step's CSAT is not the journey's
  const IntentTable table = build_intent_table({row});
  const std::string md = format_table_markdown(table);
  CHECK(md.find("| NPS | CES | CSAT |") != std::string::npos);
  CHECK(md.find("| +9 (2025-09-30, n=395) | 5.4 (2025-06-30, n=410) | 78% (2025-03-31, n=400) |") !=
        std::string::npos);
  const std::string csv = format_table_csv(table);
  CHECK(csv.find(",nps,nps_date,nps_sample,ces,ces_date,ces_sample,csat,csat_date,csat_sample\n") !=
        std::string::npos);
  CHECK(csv.find(",9,2025-09-30,395,5.4,2025-06-30,410,78,2025-03-31,400\n") != std::string::npos);
  const nlohmann::json json = nlohmann::json::parse(format_table_json(table));
  const nlohmann::json &scores = json["intents"][0]["journeys"][0]["surveys"];
  CHECK(scores["nps"]["value"] == 9);
  CHECK(scores["nps"]["date"] == "2025-09-30");
  CHECK(scores["csat"]["sample"] == 400);
  const std::string html = format_table_html(table);
  CHECK(html.find("<th scope=\"col\" class=\"num\"><abbr title=\"Net Promoter Score, latest\">NPS</abbr></th>") != std::string::npos);
  CHECK(html.find(">+9<div class=\"id\"><span>2025-09-30,</span> <span>n=395</span></div>") != std::string::npos);

  const Journey none = parsed(kApply);
  const IntentRow plain = make_intent_row(none, compute_metrics(none));
  CHECK_FALSE(plain.scores[0]);
  CHECK(format_table_csv(build_intent_table({plain})).find(",,,,,,,,,\n") != std::string::npos);
}

TEST_CASE("surveys in the report: latest scores and an accessible inline trend") {
  const Journey j = parsed(kSurveyed);
  const std::string html = report_surveys_html(j.surveys);
  CHECK(html.find("<h3>Measured experience</h3>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">+9</td><td>2025-09-30</td><td class=\"num\">395</td><td>-9 "
                  "since 2025-06-30</td>") != std::string::npos);
  CHECK(html.find("CSAT of <code>call</code>") != std::string::npos);
  CHECK(html.find("first result") != std::string::npos);
  // A trend for NPS (three dates) and CES (two); none for the CSATs (one date each).
  CHECK(count(html, "<svg ") == 2);
  CHECK(count(html, "role=\"img\"") == 2);
  CHECK(html.find("<title>NPS of the journey: 3 results from 2025-03-31 to 2025-09-30; latest +9 "
                  "(2025-09-30, n=395)</title>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find(" on") == std::string::npos); // no event handler attributes
  CHECK(count(html, "<circle ") == 5);
  CHECK(report_surveys_html({}).empty());

  // Text from the file is escaped, in the table and in the trend.
  const Journey odd = parsed(R"(journey: odd
title: T
steps:
  - {id: "<x>", name: A, end: success}
surveys:
  - {date: 2025-03-31, step: "<x>", nps: 1}
  - {date: 2025-04-30, step: "<x>", nps: 2}
)");
  const std::string escaped = report_surveys_html(odd.surveys);
  CHECK(escaped.find("<x>") == std::string::npos);
  CHECK(escaped.find("&lt;x&gt;") != std::string::npos);
}

TEST_CASE("surveys in `journey diff`: the latest score of each measure, before and after") {
  const Journey before = parsed(R"(journey: s
title: T
steps:
  - {id: a, name: A, end: success}
surveys:
  - {date: 2025-03-31, nps: 12, ces: 5.1, sample: 400}
)");
  const Journey after = parsed(R"(journey: s
title: T
steps:
  - {id: a, name: A, end: success}
surveys:
  - {date: 2025-03-31, nps: 12, ces: 5.1, sample: 400}
  - {date: 2025-06-30, nps: 18, csat: 80, sample: 410}
)");
  const std::vector<FieldChange> changes = survey_changes(before.surveys, after.surveys);
  REQUIRE(changes.size() == 2); // CES did not move
  CHECK(changes[0].field == "NPS");
  CHECK(changes[0].before == "+12 (2025-03-31, n=400)");
  CHECK(changes[0].after == "+18 (2025-06-30, n=410), +6");
  CHECK(changes[1].field == "CSAT");
  CHECK(changes[1].before == "(none)");
  CHECK(changes[1].after == "80% (2025-06-30, n=410)");
  CHECK(survey_changes(after.surveys, after.surveys).empty());

  const JourneyDiff diff = diff_journeys(before, after, compute_metrics(before),
                                         compute_metrics(after), Budgets{});
  CHECK(diff.has_changes());
  CHECK(std::any_of(diff.journey_fields.begin(), diff.journey_fields.end(),
                    [](const FieldChange &f) { return f.field == "NPS"; }));
}

TEST_CASE("surveys in `journey metrics -f json`: each measure's history, oldest first") {
  const Journey j = parsed(kSurveyed);
  const nlohmann::json m = nlohmann::json::parse(format_metrics_json({compute_metrics(j)}, false));
  const nlohmann::json &nps = m["surveys"]["journey"]["nps"];
  REQUIRE(nps.size() == 3);
  CHECK(nps[0]["date"] == "2025-03-31");
  CHECK(nps[0]["value"] == 12);
  CHECK(nps[0]["sample"] == 400);
  CHECK(nps[2]["value"] == 9);
  CHECK(m["surveys"]["journey"]["csat"].size() == 1);
  CHECK(m["surveys"]["steps"]["call"]["csat"][0]["value"] == 61);
  CHECK(m["surveys"]["steps"]["call"]["nps"].empty());
}
