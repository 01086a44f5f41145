// Compare: hand-computed journeys whose every monthly figure is volume x the per-customer
// figure, portfolios matched by id, and the four formats.
#include "helpers.h"
#include "journey/analysis/metrics.h"
#include "journey/model/rate.h"
#include "journey/portfolio/compare_format.h"

#include <cmath>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using namespace journey;

namespace {

/// 1000 customers a month call (10m queue, 6m), 20% call again to chase (failure demand), then
/// operations check the claim for 30m. Phone 5.00 a contact, the check 10.00.
constexpr std::string_view kClaim = R"(journey: claim
title: Make a claim
volume: 1000/month
channels:
  phone: {name: Phone, kind: assisted, cost: 5}
  web: {name: Website, kind: digital}
teams:
  ops: {name: Operations, staff: 2, productive_hours: 100/month}
steps:
  - id: call
    name: Calls
    channel: phone
    wait: 10m
    time: 6m
    next:
      - {to: check, p: 0.8}
      - {to: chase, p: 0.2}
  - id: chase
    name: Calls again
    channel: phone
    failure_demand: true
    time: 6m
    next: check
  - id: check
    name: Checks the claim
    team: ops
    time: 30m
    cost: 10
    end: success
)";

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

StateFigures state(std::string_view yaml, std::string_view file = "claim.yaml") {
  return StateFigures{compute_metrics(test::parsed(yaml, file)), std::nullopt, std::nullopt};
}

const FigureChange &figure(const std::vector<FigureChange> &figures, std::string_view key) {
  for (const FigureChange &f : figures) {
    if (f.key == key) {
      return f;
    }
  }
  FAIL("no figure " << key);
  return figures.front();
}

} // namespace

TEST_CASE("compare: every monthly figure is volume x the per-customer figure, by hand") {
  // The future: 5% chase instead of 20%, and operations double their staff.
  std::string future = replaced(std::string(kClaim), "p: 0.8}", "p: 0.95}");
  future = replaced(future, "p: 0.2}", "p: 0.05}");
  future = replaced(future, "staff: 2,", "staff: 4,");
  const Comparison c = compare_states({state(kClaim)}, {state(future)});
  REQUIRE(c.journeys.size() == 1);
  CHECK(c.totals.empty());
  const JourneyComparison &j = c.journeys[0];
  CHECK(j.journey == "claim");
  CHECK(j.monthly);
  const auto &f = j.figures;

  CHECK(figure(f, "customers").current == doctest::Approx(1000));
  CHECK(figure(f, "customers.success").future == doctest::Approx(1000));
  // Cost: 5 + 0.2 x 5 + 10 = 16 per customer; then 5 + 0.05 x 5 + 10 = 15.25.
  CHECK(figure(f, "cost").current == doctest::Approx(16000));
  CHECK(figure(f, "cost").future == doctest::Approx(15250));
  CHECK(figure(f, "cost").difference() == doctest::Approx(-750));
  CHECK(figure(f, "cost").relative() == doctest::Approx(-750.0 / 16000));
  CHECK_FALSE(figure(f, "cost").worse());
  // Customer steps: 6m + 0.2 x 6m = 7.2m a customer, 120 h a month; then 6.3m, 105 h.
  CHECK(figure(f, "customer_hours").current == doctest::Approx(120));
  CHECK(figure(f, "customer_hours").future == doctest::Approx(105));
  // Waiting: 10m a customer, 166.67 h.
  CHECK(figure(f, "wait_hours").current == doctest::Approx(1000 * 10 / 60.0));
  CHECK_FALSE(figure(f, "wait_hours").changed());
  // Contacts: 1.2 then 1.05 a customer, all on the phone.
  CHECK(figure(f, "contacts").current == doctest::Approx(1200));
  CHECK(figure(f, "contacts.phone").future == doctest::Approx(1050));
  CHECK(figure(f, "failure_demand_contacts").current == doctest::Approx(200));
  CHECK(figure(f, "failure_demand_contacts").future == doctest::Approx(50));
  CHECK(figure(f, "failure_demand_cost").current == doctest::Approx(1000));
  CHECK(figure(f, "failure_demand_cost").future == doctest::Approx(250));
  // Operations: 30m x 1000 = 500 h at 100 h a person: 5 FTE; 2 staff are 250% utilised, 4 125%.
  CHECK(figure(f, "fte.team.ops").current == doctest::Approx(5));
  CHECK_FALSE(figure(f, "fte.team.ops").changed());
  CHECK(figure(f, "utilisation.team.ops").current == doctest::Approx(2.5));
  CHECK(figure(f, "utilisation.team.ops").future == doctest::Approx(1.25));
  // The phone, open all the time: 1200 x 6m = 120 h over 730.5 h an agent.
  CHECK(figure(f, "fte.channel.phone").current ==
        doctest::Approx(120.0 / (kSecondsPerMonth / 3600.0)));
  // Lead time: 10m + 6m + 0.2 x 6m + 30m = 47.2m; then 46.3m.
  CHECK(figure(f, "lead_time").current == doctest::Approx(47.2 * 60));
  CHECK(figure(f, "lead_time").future == doctest::Approx(46.3 * 60));
  // Right first time: success without failure demand (the chase), 80% then 95%.
  CHECK(figure(f, "right_first_time").current == doctest::Approx(0.8));
  CHECK(figure(f, "right_first_time").future == doctest::Approx(0.95));
  // Not simulated: no P90 row; the website is never used: no row.
  for (const FigureChange &x : f) {
    CHECK(x.key != "lead_time_p90");
    CHECK(x.key != "uses.web");
  }
  CHECK(c.has_changes());
}

TEST_CASE("compare: the P90 hook lists the simulated lead time when given") {
  StateFigures a = state(kClaim);
  StateFigures b = state(kClaim);
  a.lead_time_p90 = 3600;
  b.lead_time_p90 = 1800;
  const Comparison c = compare_states({a}, {b});
  const FigureChange &p90 = figure(c.journeys[0].figures, "lead_time_p90");
  CHECK(p90.difference() == doctest::Approx(-1800));
  CHECK(p90.unit == FigureUnit::Duration);
  CHECK(p90.label == "lead time (P90)");
  CHECK(p90.worse() == false);
  for (const FigureChange &x : c.journeys[0].figures) {
    CHECK(x.key != "closed_time");
  }
}

TEST_CASE("compare: with calendars the P90 says it includes opening hours, and closed time is listed") {
  StateFigures a = state(kClaim);
  StateFigures b = state(kClaim);
  a.lead_time_p90 = 3 * 86400.0;
  b.lead_time_p90 = 2 * 86400.0;
  a.closed_time = 14 * 3600.0;
  b.closed_time = 16 * 3600.0;
  const Comparison c = compare_states({a}, {b});
  const std::vector<FigureChange> &f = c.journeys[0].figures;
  const FigureChange &p90 = figure(f, "lead_time_p90");
  CHECK(p90.label == "lead time (P90, opening hours included)");
  const FigureChange &closed = figure(f, "closed_time");
  CHECK(closed.difference() == doctest::Approx(2 * 3600.0));
  CHECK(closed.worse());
  // Listed after the lead times, before right first time.
  std::size_t at_p90 = 0, at_closed = 0, at_rft = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    at_p90 = f[i].key == "lead_time_p90" ? i : at_p90;
    at_closed = f[i].key == "closed_time" ? i : at_closed;
    at_rft = f[i].key == "right_first_time" ? i : at_rft;
  }
  CHECK(at_p90 < at_closed);
  CHECK(at_closed < at_rft);
}

TEST_CASE("compare: portfolios match by id, list added and removed journeys, sum the totals") {
  const std::string other = replaced(replaced(std::string(kClaim), "journey: claim", "journey: renew"),
                                     "1000/month", "500/month");
  const std::string added = replaced(replaced(std::string(kClaim), "journey: claim", "journey: track"),
                                     "1000/month", "200/month");
  const Comparison c = compare_states({state(kClaim), state(other, "renew.yaml")},
                                      {state(kClaim), state(added, "track.yaml")});
  REQUIRE(c.journeys.size() == 1);
  CHECK(c.journeys[0].journey == "claim");
  REQUIRE(c.removed.size() == 1);
  CHECK(c.removed[0].journey == "renew");
  CHECK(c.removed[0].file == "renew.yaml");
  REQUIRE(c.added.size() == 1);
  CHECK(c.added[0].journey == "track");
  // The whole portfolio: 1500 customers at 16.00, then 1200.
  CHECK(figure(c.totals, "customers").current == doctest::Approx(1500));
  CHECK(figure(c.totals, "customers").future == doctest::Approx(1200));
  CHECK_FALSE(figure(c.totals, "customers").worse()); // fewer customers: neither worse nor better
  CHECK(figure(c.totals, "customers.success").worse());
  CHECK(figure(c.totals, "cost").current == doctest::Approx(1500 * 16.0));
  CHECK(figure(c.totals, "cost").future == doctest::Approx(1200 * 16.0));
  // The shared team adds up the load of every journey: 1500 x 30m = 750 h, 7.5 FTE.
  CHECK(figure(c.totals, "fte.team.ops").current == doctest::Approx(7.5));
  CHECK(figure(c.totals, "fte.team.ops").future == doctest::Approx(6.0));
  // Lead time weighted by volume: the same journey everywhere, so the same mean.
  CHECK(figure(c.totals, "lead_time").current == doctest::Approx(47.2 * 60));
}

TEST_CASE("compare: a journey without volume has no monthly figures, and says why") {
  const std::string no_volume = replaced(std::string(kClaim), "volume: 1000/month\n", "");
  const Comparison c = compare_states({state(no_volume)}, {state(kClaim)});
  const JourneyComparison &j = c.journeys[0];
  CHECK_FALSE(j.monthly);
  CHECK(std::isnan(figure(j.figures, "cost").current));
  CHECK(figure(j.figures, "cost").future == doctest::Approx(16000));
  CHECK(figure(j.figures, "cost").worse() == false);
  REQUIRE(c.notes.size() == 1);
  CHECK(c.notes[0].find("no `volume`") != std::string::npos);
}

TEST_CASE("compare formats: text, markdown, JSON and CSV") {
  std::string future = replaced(std::string(kClaim), "p: 0.8}", "p: 0.95}");
  future = replaced(future, "p: 0.2}", "p: 0.05}");
  future = replaced(future, "name: Calls again", "name: \"=HYPERLINK(1)|x\"");
  future = replaced(future, "name: Phone", "name: \"=cmd|phone\"");
  Comparison c = compare_states({state(kClaim)}, {state(future)});
  c.current = "claim.yaml";
  c.future = "future.yaml";

  const std::string text = format_compare_text(c);
  CHECK(text.find("claim, per month") != std::string::npos);
  CHECK(text.find("cost to serve") != std::string::npos);
  CHECK(text.find("16,000.00") != std::string::npos);
  CHECK(text.find("15,250.00") != std::string::npos);
  CHECK(text.find("-750.00") != std::string::npos);
  CHECK(text.find("-4.7%") != std::string::npos);
  CHECK(text.find("customers ending in failure") == std::string::npos); // 0 in both

  const std::string md = format_compare_markdown(c);
  CHECK(md.find("| cost to serve | 16,000.00 | 15,250.00 | -750.00 | -4.7% |") !=
        std::string::npos);
  CHECK(md.find("contacts: =cmd\\|phone") != std::string::npos); // the pipe escaped

  const nlohmann::json json = nlohmann::json::parse(format_compare_json(c));
  CHECK(json["totals"].is_null());
  CHECK(json["changed"] == true);
  bool found = false;
  for (const auto &f : json["journeys"][0]["figures"]) {
    if (f["key"] == "failure_demand_contacts") {
      found = true;
      CHECK(f["current"].get<double>() == doctest::Approx(200));
      CHECK(f["future"].get<double>() == doctest::Approx(50));
      CHECK(f["difference"].get<double>() == doctest::Approx(-150));
      CHECK(f["unit"] == "contacts");
    }
  }
  CHECK(found);

  const std::string csv = format_compare_csv(c);
  CHECK(csv.starts_with("scope,journey,key,label,unit,current,future,difference,relative\n"));
  CHECK(csv.find("journey,claim,cost,cost to serve,money,16000,15250,-750,") != std::string::npos);
  CHECK(csv.find(",\"'=cmd|phone") == std::string::npos); // a label starts with `contacts: `
  CHECK(csv.find("contacts.phone,contacts: =cmd|phone,contacts,") != std::string::npos);
}
