// Tests of the portfolio load per team and contact channel on journeys computed by hand.
#include "journey/analysis/capacity.h"
#include "journey/analysis/load_map.h"
#include "journey/analysis/volume.h"
#include "journey/model/rate.h"
#include "helpers.h"

#include <cmath>
#include <algorithm>
#include <doctest/doctest.h>

using doctest::Approx;
using namespace journey;
using journey::test::parsed;

namespace {

// 600 customers a month call (6m), then ops checks (30m); 20% need rework by ops (15m).
// Per customer: ops 30m + 0.2 x 15m = 33m over 1.2 tasks; phone 6m, 1 contact.
// Per month: ops 330 h, 720 tasks; phone 60 h, 600 contacts.
constexpr std::string_view kCallThenCheck = R"(
journey: call-then-check
title: I want to change my address
volume: 600/month
channels:
  phone: {name: Contact centre, kind: assisted, staff: 1, hours: 24/7}
teams:
  ops: {name: Operations, staff: 2, productive_hours: 100/month}
steps:
  - id: call
    name: Calls
    actor: frontstage
    channel: phone
    time: 6m
    next: check
  - id: check
    name: Checks the request
    team: ops
    time: 30m
    next: [{to: rework, p: 20%}, {to: done, p: 80%}]
  - id: rework
    name: Fixes the request
    team: ops
    time: 15m
    next: done
  - id: done
    name: Done
    end: success
)";

// 100 customers a week (100 x 30.4375 / 7 = 434.82 a month) apply online (10m), ops reviews
// (1h); 25% are called back by cc on the phone (12m). Per month: ops 434.82 h; phone and cc
// 0.25 x 12m x 434.82 = 21.74 h over 108.7 contacts.
constexpr std::string_view kApplyOnline = R"(
journey: apply-online
title: I want to open an account
volume: 100/week
channels:
  web: {name: Website, kind: digital}
  phone: {name: Contact centre, kind: assisted, staff: 1, hours: 24/7}
teams:
  ops: {name: Operations, staff: 2, productive_hours: 100/month}
  cc: Call-back team
steps:
  - id: apply
    name: Applies
    channel: web
    time: 10m
    next: review
  - id: review
    name: Reviews the application
    team: ops
    time: 1h
    next: [{to: call, p: 25%}, {to: done, p: 75%}]
  - id: call
    name: Calls the customer back
    actor: frontstage
    channel: phone
    team: cc
    time: 12m
    next: done
  - id: done
    name: Done
    end: success
)";

// No volume: no load.
constexpr std::string_view kNoVolume = R"(
journey: no-volume
title: I want to close my account
teams:
  ops: {name: Operations, staff: 2}
steps:
  - id: close
    name: Closes the account
    team: ops
    time: 8h
    end: success
)";

std::vector<JourneyMetrics> portfolio() {
  return {compute_metrics(parsed(kCallThenCheck)), compute_metrics(parsed(kApplyOnline)),
          compute_metrics(parsed(kNoVolume))};
}

} // namespace

TEST_CASE("load map: teams, most loaded first, each the sum of volume x expected work") {
  const std::vector<LoadRow> rows = portfolio_loads(portfolio(), LoadKind::Team);
  REQUIRE(rows.size() == 2);
  const double online = 100 * kWeeksPerMonth; // 434.82 customers a month
  const LoadRow &ops = rows[0];
  CHECK(ops.id == "ops");
  CHECK(ops.name == "Operations");
  CHECK(ops.work_hours == Approx(330 + online));
  CHECK(ops.passes == Approx(720 + online));
  REQUIRE(ops.staff);
  CHECK(*ops.staff == 2);
  CHECK(ops.available_hours == Approx(200));
  CHECK(ops.utilisation == Approx((330 + online) / 200));
  CHECK(ops.fte_needed == Approx((330 + online) / 100));
  REQUIRE(ops.journeys.size() == 2); // not the journey without a volume
  CHECK(ops.journeys[0].journey == "apply-online"); // the larger share first
  CHECK(ops.journeys[0].work_hours == Approx(online));
  CHECK(ops.journeys[1].journey == "call-then-check");
  CHECK(ops.journeys[1].work_hours == Approx(330));
  CHECK(ops.journeys[1].passes == Approx(720));

  const LoadRow &cc = rows[1]; // no staff: after every staffed team, whatever its work
  CHECK(cc.id == "cc");
  CHECK_FALSE(cc.staff);
  CHECK(std::isnan(cc.utilisation));
  CHECK(std::isnan(cc.available_hours));
  CHECK(cc.work_hours == Approx(0.25 * 0.2 * online));
  CHECK(cc.fte_needed == Approx(0.25 * 0.2 * online / (30 * kWeeksPerMonth)));
}

TEST_CASE("load map: contact channels only, and the same figures as `journey metrics DIR`") {
  const std::vector<JourneyMetrics> all = portfolio();
  const std::vector<LoadRow> rows = portfolio_loads(all, LoadKind::Channel);
  REQUIRE(rows.size() == 1); // the website is not a contact channel
  const LoadRow &phone = rows[0];
  const double online = 100 * kWeeksPerMonth;
  CHECK(phone.id == "phone");
  CHECK(phone.work_hours == Approx(60 + 0.25 * 0.2 * online));
  CHECK(phone.passes == Approx(600 + 0.25 * online));
  CHECK(phone.available_hours == Approx(kSecondsPerMonth / 3600));
  for (const Capacity &c : capacity(portfolio_monthly(all))) {
    CAPTURE(c.id);
    const std::vector<LoadRow> same =
        portfolio_loads(all, c.kind == "team" ? LoadKind::Team : LoadKind::Channel);
    const auto row = std::find_if(same.begin(), same.end(),
                                  [&](const LoadRow &r) { return r.id == c.id; });
    REQUIRE(row != same.end());
    CHECK(row->work_hours == Approx(c.work_hours));
    CHECK(row->utilisation == Approx(c.utilisation));
    CHECK(row->fte_needed == Approx(c.fte_needed));
    CHECK(row->available_hours == Approx(c.available_hours));
  }
}

TEST_CASE("load map: the order does not depend on the order of the journeys") {
  std::vector<JourneyMetrics> all = portfolio();
  std::reverse(all.begin(), all.end());
  const std::vector<LoadRow> rows = portfolio_loads(all, LoadKind::Team);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "ops");
  CHECK(rows[0].journeys[0].journey == "apply-online");
  CHECK(portfolio_loads({}, LoadKind::Team).empty());
}
