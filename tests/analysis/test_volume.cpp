// Tests of failure demand, volumes, monthly figures, computed queues and capacity on journeys
// computed by hand.
#include "journey/analysis/capacity.h"
#include "journey/analysis/metrics.h"
#include "journey/analysis/volume.h"
#include "journey/model/rate.h"
#include "helpers.h"

#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using doctest::Approx;
using journey::compute_metrics;
using journey::JourneyMetrics;
using journey::test::parsed;

namespace {

// 1000 customers a month try the website (10 minutes, 0.10). 40% meet an error and call the
// contact centre (failure demand: wait 10m, 6 minutes, 5.00); 60% call to confirm (4 minutes,
// 5.00). Per customer: contacts 1, failure-demand contacts 0.4 (40%), failure-demand cost 2.00,
// cost 0.10 + 5.00 = 5.10, customer time 10m, wait 0.4 x 10m = 4m, right first time 60%.
constexpr std::string_view kWebThenCall = R"(
journey: web-then-call
title: I want to pay a new payee
volume: 1000/month
channels:
  web: {name: Website, kind: digital, cost: 0.10}
  phone: {name: Contact centre, kind: assisted, cost: 5, staff: 3}
teams:
  cc: {name: Contact centre team, staff: 2, productive_hours: 100/month}
steps:
  - id: try-web
    name: Tries to add the payee online
    channel: web
    time: 10m
    pain: The page shows an error
    next:
      - {to: call, p: 40%}
      - {to: confirm, p: 60%}
  - id: call
    name: Calls because the website failed
    actor: frontstage
    channel: phone
    team: cc
    failure_demand: The website failed
    wait: 10m
    time: 6m
    next: done
  - id: confirm
    name: Calls to check the payment went
    actor: frontstage
    channel: phone
    time: 4m
    next: done
  - id: done
    name: The payee is added
    end: success
)";

const journey::Load &find(const std::vector<journey::Load> &loads, std::string_view id) {
  for (const journey::Load &l : loads) {
    if (l.id == id) {
      return l;
    }
  }
  FAIL("no load for " << id);
  return loads.front();
}

} // namespace

TEST_CASE("rates: per day, week, month and year, read as per month") {
  CHECK(*journey::parse_rate_per_month("12000/month") == Approx(12000));
  CHECK(*journey::parse_rate_per_month("400/day") == Approx(400 * 30.4375));
  CHECK(*journey::parse_rate_per_month("3000 / week") == Approx(3000 * 30.4375 / 7));
  CHECK(*journey::parse_rate_per_month("120000 per year") == Approx(10000));
  CHECK(*journey::parse_rate_per_month("5/Days") == Approx(5 * 30.4375));
  for (std::string_view bad : {"12000", "x/month", "-5/day", "5/fortnight", "/day", "inf/day"}) {
    CAPTURE(bad);
    CHECK_FALSE(journey::parse_rate_per_month(bad).has_value());
  }
}

TEST_CASE("failure demand: contacts, share, cost, and right first time") {
  const JourneyMetrics m = compute_metrics(parsed(kWebThenCall));
  CHECK(m.has_failure_demand);
  CHECK(m.contacts.expected == Approx(1.0));
  CHECK(m.failure_demand_contacts == Approx(0.4));
  CHECK(m.failure_demand_share == Approx(0.4));
  CHECK(m.failure_demand_cost == Approx(2.0));
  CHECK(m.right_first_time == Approx(0.6));
  CHECK(m.outcomes.at("success") == Approx(1.0));
}

TEST_CASE("failure demand: a failure-demand step stops right first time even after a loop") {
  // 50% go round the loop once or more; of the others, 30% pass the failure-demand step.
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: fd-loop
title: Loop and failure demand
steps:
  - id: a
    name: A
    next: [{to: b, p: 50%}, {to: fd, p: 15%}, {to: ok, p: 35%}]
  - id: b
    name: Back to the start
    next: a
  - id: fd
    name: Calls about a letter
    failure_demand: true
    next: ok
  - id: ok
    name: Done
    end: success
)"));
  CHECK(m.right_first_time == Approx(0.35));
  // Without the mark, only the loop counts.
  const JourneyMetrics unmarked = compute_metrics(parsed(R"(
journey: fd-loop
title: Loop without failure demand
steps:
  - id: a
    name: A
    next: [{to: b, p: 50%}, {to: fd, p: 15%}, {to: ok, p: 35%}]
  - id: b
    name: Back to the start
    next: a
  - id: fd
    name: Calls about a letter
    failure_demand: false
    next: ok
  - id: ok
    name: Done
    end: success
)"));
  CHECK(unmarked.right_first_time == Approx(0.5));
  CHECK_FALSE(unmarked.has_failure_demand);
}

TEST_CASE("volume: every monthly figure is volume x the expected figure per customer") {
  const JourneyMetrics m = compute_metrics(parsed(kWebThenCall));
  REQUIRE(m.volume);
  CHECK(*m.volume == Approx(1000));
  const std::optional<journey::MonthlyFigures> f = journey::monthly_figures(m);
  REQUIRE(f);
  CHECK(f->customers == Approx(1000));
  CHECK(f->outcomes.at("success") == Approx(1000));
  CHECK(f->outcomes.at("abandon") == Approx(0));
  CHECK(f->cost == Approx(5100));
  CHECK(f->customer_hours == Approx(1000 * 10.0 / 60));
  CHECK(f->wait_hours == Approx(1000 * 0.4 * 10.0 / 60));
  CHECK(f->contacts == Approx(1000));
  CHECK(f->failure_demand_contacts == Approx(400));
  CHECK(f->failure_demand_cost == Approx(2000));
  const journey::Load &phone = find(f->channels, "phone");
  CHECK(phone.contact);
  CHECK(phone.passes == Approx(1000));
  CHECK(phone.seconds == Approx(1000 * (0.4 * 360 + 0.6 * 240)));
  CHECK(phone.cost == Approx(5000));
  CHECK(phone.failure_demand == Approx(400));
  const journey::Load &web = find(f->channels, "web");
  CHECK_FALSE(web.contact);
  CHECK(web.passes == Approx(1000));
  CHECK(web.cost == Approx(100));
  const journey::Load &cc = find(f->teams, "cc");
  CHECK(cc.seconds == Approx(1000 * 0.4 * 360));
  // Each figure against the per-customer one it scales.
  CHECK(f->cost == Approx(*m.volume * m.cost.expected));
  CHECK(f->contacts == Approx(*m.volume * m.contacts.expected));
  CHECK(f->wait_hours * 3600 == Approx(*m.volume * m.wait_time.expected));
}

TEST_CASE("volume: a journey without a volume has no monthly figures") {
  std::string text(kWebThenCall);
  text.erase(text.find("volume: 1000/month\n"), 19);
  const JourneyMetrics m = compute_metrics(parsed(text));
  CHECK_FALSE(m.volume);
  CHECK_FALSE(journey::monthly_figures(m));
  CHECK(journey::portfolio_monthly({m}).journeys == 0);
}

TEST_CASE("capacity: utilisation and FTE of staffed teams and channels") {
  const JourneyMetrics m = compute_metrics(parsed(kWebThenCall));
  const journey::MonthlyFigures f = journey::portfolio_monthly({m});
  const std::vector<journey::Capacity> all = journey::capacity(f);
  REQUIRE(all.size() == 2);
  // Channel: 80 hours of calls; 3 agents over a 24/7 month of 730.5 hours.
  CHECK(all[0].kind == "channel");
  CHECK(all[0].work_hours == Approx(80));
  CHECK(all[0].available_hours == Approx(3 * 730.5));
  CHECK(all[0].utilisation == Approx(80 / (3 * 730.5)));
  CHECK(all[0].fte_needed == Approx(80 / 730.5));
  // Team: 40 hours of work; 2 people x 100 productive hours.
  CHECK(all[1].kind == "team");
  CHECK(all[1].work_hours == Approx(40));
  CHECK(all[1].available_hours == Approx(200));
  CHECK(all[1].utilisation == Approx(0.2));
  CHECK(all[1].fte_needed == Approx(0.4));
}

TEST_CASE("volume: the portfolio adds up the load several journeys put on a shared channel") {
  const JourneyMetrics a = compute_metrics(parsed(kWebThenCall));
  std::string other(kWebThenCall);
  other.replace(other.find("web-then-call"), 13, "other-journey");
  other.replace(other.find("1000/month"), 10, "250/week");
  const JourneyMetrics b = compute_metrics(parsed(other));
  const double weekly = 250 * 30.4375 / 7;
  const journey::MonthlyFigures sum = journey::portfolio_monthly({a, b});
  CHECK(sum.journeys == 2);
  CHECK(sum.customers == Approx(1000 + weekly));
  CHECK(sum.cost == Approx(5.1 * (1000 + weekly)));
  CHECK(sum.failure_demand_contacts == Approx(0.4 * (1000 + weekly)));
  REQUIRE(sum.channels.size() == 2);
  CHECK(sum.channels[0].id == "phone");
  CHECK(sum.channels[0].passes == Approx(1000 + weekly));
  CHECK(sum.teams[0].seconds == Approx(144 * (1000 + weekly)));
}

TEST_CASE("queue: `wait: queue` is the Erlang C average speed of answer") {
  // The Call Centre Helper example: 200 calls an hour around the clock (146,100 a month), 3
  // minutes each, 14 agents: 7.84 s average speed of answer, 88.8% answered within 20 s.
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: queue
title: I want to ask a question
volume: 146100/month
channels:
  phone: {name: Contact centre, kind: assisted, staff: 14, service_level: 80% in 20s}
steps:
  - id: call
    name: Calls
    channel: phone
    wait: queue
    time: 3m
    end: success
)"));
  REQUIRE(m.queues.size() == 1);
  const journey::ChannelQueue &q = m.queues.front();
  CHECK(q.arrivals_per_month == Approx(146100));
  CHECK(q.handle_seconds == Approx(180));
  CHECK(q.agents == 14);
  CHECK(q.figures.traffic == Approx(10));
  CHECK(q.figures.mean_wait == Approx(7.84).epsilon(0.002));
  CHECK(q.figures.service_level == Approx(0.888).epsilon(0.001));
  CHECK(q.agents_needed == 14);
  CHECK(m.wait_time.expected == Approx(q.figures.mean_wait));
  CHECK(m.lead_time.expected == Approx(q.figures.mean_wait + 180));
  CHECK(m.problem.empty());
}

TEST_CASE("queue: opening hours concentrate the arrivals; an overloaded queue adds no wait") {
  // Open 12 hours a day, 5 days a week: 60 of 168 hours. The same monthly calls arrive 2.8 times
  // as fast while open.
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: queue
title: I want to ask a question
volume: 146100/month
channels:
  phone: {name: Contact centre, kind: assisted, staff: 14, hours: "Mon-Fri 08:00-20:00"}
steps:
  - id: call
    name: Calls
    channel: phone
    wait: queue
    time: 3m
    end: success
)"));
  REQUIRE(m.queues.size() == 1);
  CHECK(m.queues.front().figures.traffic == Approx(10 * 168.0 / 60.0));
  CHECK_FALSE(m.queues.front().figures.stable);
  CHECK(m.queues.front().agents_needed >= 29);
  CHECK(m.wait_time.expected == 0);
  CHECK(m.problem.find("grows without end") != std::string::npos);
}

TEST_CASE("queue: absurd staff or volumes are refused quickly, not computed for hours") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: queue
title: I want to ask a question
volume: 1000000000000/month
channels:
  phone: {name: Contact centre, kind: assisted, staff: 1000000000000}
steps:
  - id: call
    name: Calls
    channel: phone
    wait: queue
    time: 3m
    end: success
)"));
  CHECK(m.queues.empty());
  CHECK(m.problem.find("too large to compute") != std::string::npos);
  CHECK(journey::erlang_c(1'000'000'000, 5.0) == 0.0);
}

TEST_CASE("queue: without a volume or staff the wait cannot be computed and the note says so") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: queue
title: I want to ask a question
channels:
  phone: {name: Contact centre, kind: assisted}
steps:
  - id: call
    name: Calls
    channel: phone
    wait: queue
    time: 3m
    end: success
)"));
  CHECK(m.queues.empty());
  CHECK(m.wait_time.expected == 0);
  CHECK(m.problem.find("`volume` and the channel's `staff`") != std::string::npos);
}
