// Tests of the load table (`journey table --by team|channel`) in each format.
#include "helpers.h"
#include "journey/portfolio/load_format.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace journey;
using journey::test::kApply;
using journey::test::parsed;

namespace {

// 300 customers a month: the back office works 2h on each (600 h against 4 x 100 h: 150%),
// `=cmd` works 30m (150 h, no staff); the phone takes 300 calls of 10m (50 h, 24/7, 1 agent).
constexpr std::string_view kLoaded = R"(journey: loaded
title: I want a loan
volume: 300/month
channels:
  phone: {name: Phone, kind: assisted, staff: 1, hours: 24/7}
teams:
  back: {name: Back office, staff: 4, productive_hours: 100/month}
  odd: "=cmd"
steps:
  - {id: call, name: Calls, actor: frontstage, channel: phone, time: 10m, next: work}
  - {id: work, name: Works, team: back, time: 2h, next: more}
  - {id: more, name: More work, team: odd, time: 30m, end: success}
)";

std::vector<JourneyMetrics> metrics() {
  return {compute_metrics(parsed(kLoaded)), compute_metrics(parsed(kApply))};
}

} // namespace

TEST_CASE("load table: teams most loaded first, in Markdown, CSV, JSON and HTML") {
  const std::vector<LoadRow> rows = portfolio_loads(metrics(), LoadKind::Team);
  REQUIRE(rows.size() == 2);
  const std::string md = format_load_table(rows, LoadKind::Team, TableFormat::Markdown, 1);
  CHECK(md.find("| Team | Staff | FTE needed | Utilisation | Work hours / month | Tasks / month |") == 0);
  CHECK(md.find("| Back office | 4 | 6 | 150% overloaded | 600 h | 300 | 0 | loaded 600 h (100%) |") !=
        std::string::npos);
  CHECK(md.find("| =cmd |  | 1.1 |  | 150 h | 300 | 0 | loaded 150 h (100%) |") != std::string::npos);
  CHECK(md.find("1 journey without a `volume`") != std::string::npos);

  const std::string csv = format_load_table(rows, LoadKind::Team, TableFormat::Csv, 1);
  CHECK(csv.find("team,name,staff,fte_needed,utilisation,") == 0);
  CHECK(csv.find("back,Back office,4,6,1.5,400,600,300,0,0,loaded 600 h (100%)\n") !=
        std::string::npos);
  CHECK(csv.find("odd,\"'=cmd\",") != std::string::npos); // a formula is neutralised

  const nlohmann::json json =
      nlohmann::json::parse(format_load_table(rows, LoadKind::Team, TableFormat::Json, 1));
  CHECK(json["teams"][0]["id"] == "back");
  CHECK(json["teams"][0]["utilisation"] == 1.5);
  CHECK(json["teams"][1]["staff"].is_null());
  CHECK(json["teams"][1]["utilisation"].is_null());
  CHECK(json["teams"][0]["journeys"][0]["tasks_per_month"] == 300);
  CHECK(json["journeys_left_out"] == 1);

  const std::string html = format_load_table(rows, LoadKind::Team, TableFormat::Html, 1);
  CHECK(html.find("<tr class=\"overloaded\"><td>Back office") != std::string::npos);

  const std::vector<LoadRow> channels = portfolio_loads(metrics(), LoadKind::Channel);
  REQUIRE(channels.size() == 1);
  const std::string calls = format_load_table(channels, LoadKind::Channel, TableFormat::Markdown, 0);
  CHECK(calls.find("| Channel |") == 0);
  CHECK(calls.find("Contacts / month") != std::string::npos);
  CHECK(calls.find("| Phone | 1 | 0.1 | 7% | 50 h | 300 |") != std::string::npos);
  CHECK(calls.find("without a `volume`") == std::string::npos);
}
