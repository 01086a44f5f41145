// Tests of outcome-conditional figures and customer effort: hand-computed journeys, and the law of
// total expectation on random journeys.
#include "journey/analysis/conditional.h"
#include "journey/analysis/effort.h"
#include "journey/analysis/metrics.h"
#include "helpers.h"

#include <cmath>
#include <doctest/doctest.h>
#include <random>
#include <string>

using doctest::Approx;
using journey::test::parsed;
using namespace journey;

namespace {

constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;

const OutcomeFigures *given(const JourneyMetrics &m, EndKind kind) {
  for (const OutcomeFigures &f : m.by_outcome) {
    if (f.outcome == kind) {
      return &f;
    }
  }
  return nullptr;
}

} // namespace

// A retry loop where success and failure take different routes:
//   apply (1h) -> decide: 1/2 approved (after a 1d wait), 1/2 call (30m queue + 2h call);
//   call: 1/2 back to apply, 1/2 refused.
// From apply, h_success = 1/2 + 1/4 h_success = 2/3; from call h_success = 1/3, h_failure = 2/3.
// Unconditioned visits: apply 4/3, call 2/3. Given success: apply 4/3 x 1, call 2/3 x (1/3)/(2/3)
// = 1/3. Given failure: apply 4/3 x (1/3)/(1/3) = 4/3, call 2/3 x (2/3)/(1/3) = 4/3.
TEST_CASE("outcome figures: a retry loop where success and failure take different times") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: retry
title: A retry loop
channels:
  phone: {name: Phone, kind: assisted}
steps:
  - {id: apply, name: Applies, time: 1h, cost: 1, next: decide}
  - id: decide
    name: Decision
    actor: system
    next:
      - {to: approved, p: 0.5}
      - {to: call, p: 0.5}
  - id: call
    name: Calls to ask why
    actor: frontstage
    channel: phone
    wait: 30m
    time: 2h
    cost: 5
    next:
      - {to: apply, p: 0.5}
      - {to: refused, p: 0.5}
  - {id: approved, name: Gets the loan, wait: 1d, end: success}
  - {id: refused, name: Refused, end: failure}
)"));
  REQUIRE(m.expected_defined);
  REQUIRE(m.by_outcome.size() == 2);
  const OutcomeFigures *success = given(m, EndKind::Success);
  const OutcomeFigures *failure = given(m, EndKind::Failure);
  REQUIRE(success != nullptr);
  REQUIRE(failure != nullptr);
  CHECK(given(m, EndKind::Abandon) == nullptr);
  CHECK(m.by_outcome[0].outcome == EndKind::Success);

  CHECK(success->probability == Approx(2.0 / 3));
  CHECK(success->lead_time == Approx(4.0 / 3 * kHour + 1.0 / 3 * 2.5 * kHour + kDay));
  CHECK(success->wait_time == Approx(1.0 / 3 * 30 * kMinute + kDay));
  CHECK(success->customer_effort == Approx(4.0 / 3 * kHour + 1.0 / 3 * 2.5 * kHour));
  CHECK(success->cost == Approx(4.0 / 3 * 1 + 1.0 / 3 * 5));

  CHECK(failure->probability == Approx(1.0 / 3));
  CHECK(failure->lead_time == Approx(4.0 / 3 * kHour + 4.0 / 3 * 2.5 * kHour));
  CHECK(failure->wait_time == Approx(4.0 / 3 * 30 * kMinute));
  CHECK(failure->customer_effort == Approx(4.0 / 3 * (1 + 2.5) * kHour));
  CHECK(failure->cost == Approx(4.0 / 3 * 1 + 4.0 / 3 * 5));

  // Overall: 4/3 x 1h + 2/3 x 2.5h + 2/3 x 1d.
  CHECK(m.lead_time.expected == Approx(4.0 / 3 * kHour + 2.0 / 3 * 2.5 * kHour + 2.0 / 3 * kDay));
  CHECK(m.customer_effort.expected == Approx(4.0 / 3 * kHour + 2.0 / 3 * 2.5 * kHour));
  // The old figure counts only the customer's own steps.
  CHECK(m.customer_time.expected == Approx(4.0 / 3 * kHour));
}

TEST_CASE("outcome figures: a branch without loops conditions on the branch taken") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: branch
title: A branch
steps:
  - id: start
    name: Applies
    time: 1h
    next:
      - {to: slow, p: 0.3}
      - {to: quit, p: 0.2}
      - fast
  - {id: slow, name: Referred, wait: 10h, next: done}
  - {id: fast, name: Auto-approved, wait: 2h, next: done}
  - {id: quit, name: Gives up, wait: 5m, end: abandon}
  - {id: done, name: Approved, end: success}
)"));
  const OutcomeFigures *success = given(m, EndKind::Success);
  const OutcomeFigures *abandon = given(m, EndKind::Abandon);
  REQUIRE(success != nullptr);
  REQUIRE(abandon != nullptr);
  CHECK(success->probability == Approx(0.8));
  // Given success: slow with 0.3 / 0.8, fast with 0.5 / 0.8.
  CHECK(success->lead_time == Approx(kHour + (0.3 * 10 + 0.5 * 2) / 0.8 * kHour));
  CHECK(abandon->probability == Approx(0.2));
  CHECK(abandon->lead_time == Approx(kHour + 5 * kMinute));
}

TEST_CASE("outcome figures: the law of total expectation holds on random journeys") {
  std::mt19937 rng(20261130);
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    const int n = 3 + static_cast<int>(rng() % 12);
    std::string yaml = "journey: r\ntitle: R\nsteps:\n";
    for (int i = 0; i < n; ++i) {
      yaml += "  - id: s" + std::to_string(i) + "\n    name: S\n    wait: " +
              std::to_string(rng() % 50) + "m\n    time: " + std::to_string(rng() % 20) +
              "m\n    cost: " + std::to_string(rng() % 7) + "\n";
      // Forward edges to later steps or an end, and sometimes a loop back.
      yaml += "    next:\n";
      const int later = i + 1 + static_cast<int>(rng() % static_cast<unsigned>(n - i));
      yaml += "      - {to: " + (later < n ? "s" + std::to_string(later) : "win") + ", p: 0.5}\n";
      yaml += "      - {to: " + std::string(rng() % 2 ? "lose" : "quit") + ", p: 0.2}\n";
      yaml += "      - {to: s" + std::to_string(rng() % static_cast<unsigned>(i + 1)) + ", p: 0.3}\n";
    }
    yaml += "  - {id: win, name: W, wait: 1d, end: success}\n";
    yaml += "  - {id: lose, name: L, time: 1h, end: failure}\n";
    yaml += "  - {id: quit, name: Q, end: abandon}\n";
    const JourneyMetrics m = compute_metrics(parsed(yaml));
    REQUIRE(m.expected_defined);
    double p = 0;
    double lead = 0;
    double wait = 0;
    double cost = 0;
    for (const OutcomeFigures &f : m.by_outcome) {
      p += f.probability;
      lead += f.probability * f.lead_time;
      wait += f.probability * f.wait_time;
      cost += f.probability * f.cost;
      CHECK(f.probability == Approx(m.outcomes.at(std::string(to_string(f.outcome)))));
    }
    CHECK(p == Approx(1.0));
    CHECK(lead == Approx(m.lead_time.expected));
    CHECK(wait == Approx(m.wait_time.expected));
    CHECK(cost == Approx(m.cost.expected));
  }
}

TEST_CASE("customer effort: customer steps, conversations and queues in assisted channels") {
  const Journey j = parsed(R"(
journey: effort
title: Effort
channels:
  web: {name: Website, kind: digital}
  phone: {name: Phone, kind: assisted}
  branch: {name: Branch, kind: in-person}
  post: {name: Post, kind: paper}
teams:
  ops: Operations
steps:
  - {id: browse, name: Reads the website, channel: web, wait: 5m, time: 10m, next: queue}
  - {id: queue, name: Waits on hold, channel: phone, wait: 20m, next: call}
  - {id: call, name: Talks to an agent, actor: frontstage, channel: phone, wait: 3m, time: 7m, next: visit}
  - {id: visit, name: At the counter, actor: frontstage, channel: branch, wait: 4d, time: 25m, next: letter}
  - {id: letter, name: A letter is sent, actor: frontstage, channel: post, wait: 1d, time: 2m, next: menu}
  - {id: menu, name: Phone menu, actor: system, channel: phone, wait: 1m, time: 3m, next: work}
  - {id: work, name: Back office, team: ops, wait: 2d, time: 1h, end: success}
)");
  const double expected[] = {10 * kMinute, 20 * kMinute, 10 * kMinute, 25 * kMinute, 0, 0, 0};
  for (std::size_t i = 0; i < j.steps.size(); ++i) {
    CAPTURE(j.steps[i].id);
    CHECK(customer_effort(j, j.steps[i]) == Approx(expected[i]));
  }
  const JourneyMetrics m = compute_metrics(j);
  CHECK(m.customer_effort.expected == Approx(65 * kMinute));
  CHECK(m.customer_effort.min == Approx(65 * kMinute));
  CHECK(m.customer_time.expected == Approx(10 * kMinute));
}

TEST_CASE("spreads: expected values use the means of ranges and tails") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: spreads
title: Spreads
steps:
  - {id: post, name: Posts the form, wait: 2d-5d, time: 10m-20m, next: decide}
  - {id: decide, name: Decision, actor: backstage, wait: {typical: 2d, p90: 7d}, end: success}
)"));
  const double tail = 2 * kDay * std::exp(std::pow(std::log(3.5) / 1.2815515655446004, 2) / 2);
  CHECK(m.wait_time.expected == Approx(3.5 * kDay + tail));
  CHECK(m.touch_time.expected == Approx(15 * kMinute));
  CHECK(m.lead_time.max == Approx(3.5 * kDay + tail + 15 * kMinute));
}
