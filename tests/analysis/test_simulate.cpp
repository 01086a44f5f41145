// Tests of the Monte Carlo simulation: exact percentiles on fixed waits, agreement with the
// analytic means, spreads, determinism across threads, the streaming distribution and calendars.
#include "journey/analysis/metrics.h"
#include "journey/analysis/simulate.h"
#include "helpers.h"

#include <cmath>
#include <doctest/doctest.h>
#include <random>

using doctest::Approx;
using journey::test::parsed;
using namespace journey;

namespace {

constexpr double kHour = 3600;
constexpr double kDay = 86400;

SimulationResult run(const Journey &j, std::uint64_t customers, unsigned jobs = 2,
                     std::uint64_t seed = 7) {
  const JourneyGraph graph(j);
  SimulationOptions options;
  options.customers = customers;
  options.jobs = jobs;
  options.seed = seed;
  return simulate(graph, options);
}

constexpr const char *kTwoBranches = R"(
journey: two
title: Two branches
steps:
  - id: start
    name: Applies
    time: 1h
    next:
      - {to: slow, p: 0.3}
      - fast
  - {id: slow, name: Referred, wait: 10h, next: done}
  - {id: fast, name: Auto-approved, wait: 2h, next: done}
  - {id: done, name: Approved, end: success}
)";

} // namespace

TEST_CASE("simulate: percentiles of a two-branch journey with fixed waits are exact") {
  const SimulationResult r = run(parsed(kTwoBranches), 100'000);
  const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
  REQUIRE(lead.count() == 100'000);
  // 70% take 3h, 30% take 11h: P50 is 3h; P80, P90, P95 and the max are 11h.
  CHECK(lead.quantile(0.5) == 3 * kHour);
  CHECK(lead.quantile(0.8) == 11 * kHour);
  CHECK(lead.quantile(0.9) == 11 * kHour);
  CHECK(lead.quantile(0.95) == 11 * kHour);
  CHECK(lead.max() == 11 * kHour);
  CHECK(lead.quantile(0) == 3 * kHour);
  // The share taking the slow branch is 0.3 within 4 standard errors (sqrt(0.21 / N) = 0.00145).
  const double slow = lead.count_between(11 * kHour, 12 * kHour) / 100'000;
  CHECK(std::fabs(slow - 0.3) < 4 * 0.00145);
  CHECK(r.get(SimGroup::Success, SimMeasure::LeadTime).count() == 100'000);
  CHECK(r.get(SimGroup::All, SimMeasure::WaitTime).quantile(0.5) == 2 * kHour);
}

TEST_CASE("simulate: the same seed gives the same figures on 1 or 2 threads") {
  const Journey j = parsed(kTwoBranches);
  const SimulationResult one = run(j, 50'000, 1, 11);
  const SimulationResult two = run(j, 50'000, 2, 11);
  const SimulationResult other = run(j, 50'000, 2, 12);
  const Distribution &a = one.get(SimGroup::All, SimMeasure::LeadTime);
  const Distribution &b = two.get(SimGroup::All, SimMeasure::LeadTime);
  const Distribution &c = other.get(SimGroup::All, SimMeasure::LeadTime);
  CHECK(a.mean() == b.mean());
  CHECK(a.count_between(0, 4 * kHour) == b.count_between(0, 4 * kHour));
  CHECK(a.count_between(0, 4 * kHour) != c.count_between(0, 4 * kHour));
}

// A rework loop, an abandon branch and a customer queue: fixed durations, so the only randomness
// is in the branches. The means agree with the absorbing chain's expected values within 4
// standard errors of the mean (at 200,000 customers; bench/simulate checks 0.5% at 10^6).
TEST_CASE("simulate: with fixed durations the means agree with journey metrics") {
  const Journey j = parsed(R"(
journey: loop
title: A rework loop
channels:
  phone: {name: Phone, kind: assisted}
steps:
  - {id: fill-in, name: Fills in the form, time: 20m, next: check}
  - id: check
    name: The bank checks the form
    actor: backstage
    wait: 2d
    time: 10m
    next:
      - {to: call, p: 0.25, label: incomplete}
      - {to: approved, p: 0.65}
      - to: gives-up
  - {id: call, name: Calls to ask what is missing, actor: frontstage, channel: phone, wait: 15m, time: 10m, next: fill-in}
  - {id: approved, name: Gets the loan, end: success}
  - {id: gives-up, name: Gives up, end: abandon}
)");
  const JourneyMetrics m = compute_metrics(j);
  constexpr std::uint64_t kN = 200'000;
  const SimulationResult r = run(j, kN);
  // The number of rounds is geometric (p = 0.75): lead time = rounds x 2d 30m + (rounds - 1) x
  // 25m, whose standard deviation is sqrt(0.25) / 0.75 x 2d 55m.
  const double sd = std::sqrt(0.25) / 0.75 * (2 * kDay + 55 * 60);
  const double se = sd / std::sqrt(static_cast<double>(kN));
  CHECK(std::fabs(r.get(SimGroup::All, SimMeasure::LeadTime).mean() - m.lead_time.expected) <
        4 * se);
  CHECK(std::fabs(r.get(SimGroup::All, SimMeasure::WaitTime).mean() - m.wait_time.expected) <
        4 * se);
  CHECK(std::fabs(r.get(SimGroup::All, SimMeasure::CustomerEffort).mean() -
                  m.customer_effort.expected) < 4 * se);
  for (const OutcomeFigures &f : m.by_outcome) {
    const SimGroup g = f.outcome == EndKind::Success ? SimGroup::Success : SimGroup::Abandon;
    const Distribution &lead = r.get(g, SimMeasure::LeadTime);
    CHECK(std::fabs(static_cast<double>(lead.count()) / kN - f.probability) < 0.005);
    CHECK(std::fabs(lead.mean() - f.lead_time) < 12 * se);
  }
  // Percentiles are whole rounds: 1 round (2d 30m) for 75%, 2 rounds for the next 18.75%.
  const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
  CHECK(lead.quantile(0.5) == 2 * kDay + 30 * 60);
  CHECK(lead.quantile(0.8) == 2 * (2 * kDay + 30 * 60) + 25 * 60);
  CHECK(lead.quantile(0.95) == 3 * (2 * kDay + 30 * 60) + 2 * 25 * 60);
}

TEST_CASE("simulate: ranges and tails are drawn with their distributions") {
  const Journey j = parsed(R"(
journey: spreads
title: Spreads
steps:
  - {id: post, name: The post, wait: 2d-5d, next: decide}
  - {id: decide, name: Decision, actor: backstage, time: {typical: 2d, p90: 7d}, end: success}
)");
  const SimulationResult r = run(j, 100'000);
  CHECK(r.spreads);
  const Distribution &wait = r.get(SimGroup::All, SimMeasure::WaitTime);
  CHECK(wait.quantile(0.5) == Approx(3.5 * kDay).epsilon(0.01));
  CHECK(wait.quantile(0.9) == Approx(4.7 * kDay).epsilon(0.01));
  CHECK(wait.max() <= 5 * kDay);
  CHECK(wait.quantile(0) >= 2 * kDay);
  CHECK(wait.mean() == Approx(3.5 * kDay).epsilon(0.01));
  const JourneyMetrics m = compute_metrics(j);
  // Lead time minus the uniform wait is the log-normal: its mean is the analytic one within 2%.
  const Distribution &lead = r.get(SimGroup::All, SimMeasure::LeadTime);
  CHECK(lead.mean() == Approx(m.lead_time.expected).epsilon(0.02));
  CHECK(lead.quantile(0.5) > wait.quantile(0.5));
}

TEST_CASE("simulate: a phone open Mon-Fri 09-17 holds up the customers who call when closed") {
  // Customers start evenly over the week and call at once. The line is closed 128 of the
  // week's 168 hours: 4 nights of 16 h and a weekend of 64 h. A customer calling in a closed
  // stretch of g hours waits g/2 on average, so the mean over all customers is
  // (4 x 16^2 + 64^2) / 2 / 168 = 2560 / 168 = 15.24 h, and 20 h for those held up.
  // P50: 40/168 wait nothing, and 5x/168 wait at most x (x <= 16 h): 40 + 5x = 84, x = 8.8 h.
  // P90: 40 + 4 x 16 + x = 151.2 gives x = 47.2 h.
  const Journey j = parsed(R"(
journey: phone
title: I want to talk to someone
channels:
  phone: {name: Contact centre, kind: assisted, hours: "Mon-Fri 09:00-17:00"}
steps:
  - {id: call, name: Calls, actor: frontstage, channel: phone, time: 0, end: success}
)");
  const SimulationResult r = run(j, 200'000);
  REQUIRE(r.calendars);
  const Distribution &closed = r.get(SimGroup::All, SimMeasure::ClosedTime);
  REQUIRE(closed.count() == 200'000);
  const double held = static_cast<double>(r.groups[0].held_up) / 200'000;
  CHECK(held == Approx(128.0 / 168).epsilon(0.01));
  CHECK(closed.mean() == Approx(2560.0 / 168 * kHour).epsilon(0.01));
  CHECK(closed.quantile(0.5) == Approx(8.8 * kHour).epsilon(0.01));
  CHECK(closed.quantile(0.9) == Approx(47.2 * kHour).epsilon(0.01));
  CHECK(closed.max() <= 64 * kHour);
  CHECK(closed.max() > 63 * kHour);
  // Closed time is waiting: with no other wait, lead time and wait are the closed time.
  CHECK(r.get(SimGroup::All, SimMeasure::WaitTime).mean() == Approx(closed.mean()));
  REQUIRE(r.closures.size() == 1);
  CHECK(r.closures[0].kind == "channel");
  CHECK(r.closures[0].id == "phone");
  CHECK(r.closures[0].customers == r.groups[0].held_up);
  CHECK(r.closures[0].seconds / 200'000 == Approx(closed.mean()).epsilon(0.001));
}

TEST_CASE("simulate: a team's hours win over the channel's, customers keep their own hours") {
  // Customers all start Monday 06:00. Their form (customer hours 07-23) waits an hour; the
  // mailroom works Mon-Fri 10:00-12:00 though post is 24/7: the scan waits until 10:00.
  const Journey j = parsed(R"(
journey: post
title: I want to send a form
arrivals: {"Mon 06:00-06:01": 100%}
channels:
  post: {name: Post, kind: paper, hours: 24/7}
teams:
  mailroom: {name: Mailroom, hours: "Mon-Fri 10:00-12:00"}
steps:
  - {id: form, name: Fills in the form, channel: post, time: 30m, next: scan}
  - {id: scan, name: Scans the form, team: mailroom, channel: post, end: success}
)");
  const SimulationResult r = run(j, 1000);
  const Distribution &closed = r.get(SimGroup::All, SimMeasure::ClosedTime);
  CHECK(closed.quantile(0) >= 3.5 * kHour - 60);
  CHECK(closed.max() <= 3.5 * kHour);
  REQUIRE(r.closures.size() == 2);
  CHECK(r.closures[0].kind == "team");
  CHECK(r.closures[0].name == "Mailroom");
  CHECK(r.closures[0].seconds / 1000 == Approx(2.5 * kHour).epsilon(0.01));
  CHECK(r.closures[1].kind == "customer");
  CHECK(r.closures[1].customers == 1000);
}

TEST_CASE("simulate: a working-time wait runs through the team's open hours only") {
  // Starting Friday 16:00 (to 16:01), 3 working days of a team open Mon-Fri 09:00-17:00 (8 h a
  // day) are 1 h on Friday, 8 h on Monday and Tuesday and 7 h on Wednesday: they end on
  // Wednesday 16:00, 5 days later for every customer.
  const Journey j = parsed(R"(
journey: loan
title: I want a loan
arrivals: {"Fri 16:00-16:01": 100%}
teams:
  lending: {name: Lending, hours: "Mon-Fri 09:00-17:00"}
steps:
  - {id: decide, name: Decides, team: lending, wait: 3 working days, end: success}
)");
  CHECK(j.steps[0].wait == Approx(3 * 8 * kHour * 168 / 40));
  const SimulationResult r = run(j, 1000);
  const Distribution &wait = r.get(SimGroup::All, SimMeasure::WaitTime);
  CHECK(wait.quantile(0) == Approx(5 * kDay));
  CHECK(wait.max() == Approx(5 * kDay));
  CHECK(r.get(SimGroup::All, SimMeasure::ClosedTime).max() == 0);
}

TEST_CASE("simulate: a working-time wait of a team open around the clock is plain time") {
  // The journey has calendars (customer hours), but the team's are 24/7: 2 working days are
  // 48 hours whenever the customer starts.
  const Journey j = parsed(R"(
journey: claim
title: I want to claim
customer_hours: Mon-Sun 00:00-24:00
teams:
  claims: {name: Claims, hours: 24/7}
steps:
  - {id: decide, name: Decides, team: claims, wait: 2 working days, end: success}
)");
  const SimulationResult r = run(j, 1000);
  CHECK(r.calendars);
  const Distribution &wait = r.get(SimGroup::All, SimMeasure::WaitTime);
  CHECK(wait.quantile(0) == Approx(2 * kDay));
  CHECK(wait.max() == Approx(2 * kDay));
}

TEST_CASE("simulate: with calendars, the result is the same whatever the number of threads") {
  const Journey j = parsed(R"(
journey: mixed
title: I want help
arrivals: {"Mon-Fri 18:00-22:00": 60%}
channels:
  chat: {name: Chat, kind: assisted, hours: 24/7}
  phone: {name: Contact centre, kind: assisted, hours: "Mon-Fri 08:00-20:00"}
steps:
  - id: chat
    name: Asks in the chat
    channel: chat
    actor: frontstage
    time: 5m-20m
    next:
      - {to: call, p: 40%}
      - done
  - {id: call, name: Calls, channel: phone, actor: frontstage, wait: 1m-30m, time: 10m, next: done}
  - {id: done, name: Done, end: success}
)");
  const SimulationResult one = run(j, 50'000, 1, 3);
  const SimulationResult two = run(j, 50'000, 2, 3);
  for (SimMeasure m : {SimMeasure::LeadTime, SimMeasure::ClosedTime}) {
    const Distribution &a = one.get(SimGroup::All, m);
    const Distribution &b = two.get(SimGroup::All, m);
    CHECK(a.mean() == b.mean());
    CHECK(a.quantile(0.9) == b.quantile(0.9));
    CHECK(a.max() == b.max());
  }
  CHECK(one.groups[0].held_up == two.groups[0].held_up);
  REQUIRE(one.closures.size() == two.closures.size());
  CHECK(one.closures[0].seconds == two.closures[0].seconds);
  CHECK(one.groups[0].held_up > 0);
}

TEST_CASE("simulate: a journey without hours has no calendars and no closed time") {
  const SimulationResult r = run(parsed(kTwoBranches), 1000);
  CHECK_FALSE(r.calendars);
  CHECK(r.get(SimGroup::All, SimMeasure::ClosedTime).count() == 0);
  CHECK(r.closures.empty());
}

TEST_CASE("distribution: quantiles within 0.2%, exact on repeated values, merged in any order") {
  Distribution a;
  Distribution b;
  std::mt19937_64 rng(5);
  std::vector<double> values;
  for (int i = 0; i < 20000; ++i) {
    const double x = std::exp(std::uniform_real_distribution<double>(0, 25)(rng));
    values.push_back(x);
    (i % 3 == 0 ? a : b).add(x);
  }
  Distribution ab = a;
  ab.merge(b);
  Distribution ba = b;
  ba.merge(a);
  std::sort(values.begin(), values.end());
  for (double q : {0.01, 0.5, 0.8, 0.9, 0.95, 0.999}) {
    CAPTURE(q);
    const double exact = values[static_cast<std::size_t>(std::ceil(q * 20000)) - 1];
    CHECK(std::fabs(ab.quantile(q) - exact) <= 0.002 * exact);
    CHECK(ab.quantile(q) == ba.quantile(q));
  }
  CHECK(ab.max() == values.back());
  CHECK(ab.quantile(1) == values.back());
  CHECK(ab.count() == 20000);
  Distribution d;
  d.add(0);
  d.add(0.5);
  d.add(7200);
  d.add(7200);
  CHECK(d.quantile(0.25) == 0);
  CHECK(d.quantile(0.75) == 7200);
  CHECK(d.mean() == Approx((0.5 + 14400) / 4));
}

TEST_CASE("distribution: values far apart, added and merged in any order, keep every bin") {
  // Distributions store only the span of their bins: growing it downwards, upwards, to both
  // ends of the scale and by merges of disjoint spans must lose nothing.
  const std::vector<double> low{60, 61, 90, 45};
  const std::vector<double> high{86400 * 7.0, 86400 * 30.0, 1e20};
  Distribution lows;
  Distribution highs;
  for (double x : low) {
    lows.add(x);
  }
  for (double x : high) {
    highs.add(x);
  }
  highs.add(0);
  Distribution up = lows;
  up.merge(highs);
  Distribution down = highs;
  down.merge(lows);
  Distribution empty;
  empty.merge(up);
  for (const Distribution *d : {&up, &down, &empty}) {
    CHECK(d->count() == 8);
    CHECK(d->quantile(0.125) == 0);
    CHECK(d->quantile(0.25) == 45);
    CHECK(d->quantile(0.5) == 61);
    CHECK(d->quantile(0.625) == 90);
    CHECK(d->quantile(0.75) == 86400 * 7.0);
    CHECK(d->quantile(1) == 1e20);
    CHECK(d->count_between(40, 100) == 4);
  }
}

TEST_CASE("simulate: a journey whose walk can be trapped is refused, not run for ever") {
  const SimulationResult r = run(parsed(R"(
journey: trap
title: A trap
steps:
  - id: a
    name: A
    next:
      - {to: b, p: 0.5}
      - done
  - {id: b, name: B, next: c}
  - {id: c, name: C, next: b}
  - {id: done, name: Done, end: success}
)"),
                                 1000);
  CHECK(r.problem.find("`b` and `c`") != std::string::npos);
  CHECK(r.get(SimGroup::All, SimMeasure::LeadTime).count() == 0);
}

TEST_CASE("simulate: a journey with no steps is refused with a reason, not reported as empty") {
  // Found by fuzz_metrics: a catalog read as a journey gave 100,000 customers and no walk.
  Journey j;
  j.id = "empty";
  const SimulationResult r = run(j, 1000);
  CHECK(r.problem.find("no steps") != std::string::npos);
  CHECK(r.get(SimGroup::All, SimMeasure::LeadTime).count() == 0);
}
