// Tests of the Monte Carlo simulation: exact percentiles on fixed waits, agreement with the
// analytic means, spreads, determinism across threads, the streaming distribution and the hook.
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

TEST_CASE("simulate: a calendar hook can hold a step up, and the hold counts as waiting") {
  const Journey j = parsed(kTwoBranches);
  const JourneyGraph graph(j);
  SimulationOptions options;
  options.customers = 1000;
  // The decision steps only start on the next whole day.
  options.earliest_start = [](std::size_t step, double ready) {
    return step == 3 ? std::ceil(ready / kDay) * kDay : ready;
  };
  const SimulationResult r = simulate(graph, options);
  CHECK(r.get(SimGroup::All, SimMeasure::LeadTime).max() == kDay);
  CHECK(r.get(SimGroup::All, SimMeasure::LeadTime).quantile(0) == kDay);
  CHECK(r.get(SimGroup::All, SimMeasure::WaitTime).quantile(0.5) == kDay - kHour);
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
