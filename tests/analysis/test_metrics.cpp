// Tests of compute_metrics: hand-computed figures on small journeys, generated 100,000-step
// journeys, and random journeys checked against enumeration and value iteration.
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/metrics.h"
#include "helpers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using doctest::Approx;
using journey::compute_metrics;
using journey::JourneyMetrics;
using journey::test::parsed;

namespace {

constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;

void check_range(const journey::Range &r, double min, double max, double expected) {
  CHECK(r.min == Approx(min));
  CHECK(r.max == Approx(max));
  CHECK(r.expected == Approx(expected));
}

} // namespace

TEST_CASE("compute_metrics on a straight line") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: line
title: A straight line
channels:
  web: {name: Website, kind: digital, cost: 1}
  phone: {name: Phone, kind: assisted, cost: 4}
teams:
  ops: {name: Operations}
steps:
  - id: apply
    name: Apply online
    channel: web
    wait: 1h
    time: 10m
    next: check
  - id: check
    name: Check the application
    team: ops
    wait: 2d
    time: 30m
    next: call
  - id: call
    name: Customer is called back
    actor: customer
    channel: phone
    time: 5m
    end: success
)"));
  CHECK(m.journey == "line");
  CHECK(m.file == "test.yaml");
  CHECK(m.steps == 3);
  const double lead = 1 * kHour + 10 * kMinute + 2 * kDay + 30 * kMinute + 5 * kMinute;
  check_range(m.lead_time, lead, lead, lead);
  check_range(m.wait_time, kHour + 2 * kDay, kHour + 2 * kDay, kHour + 2 * kDay);
  check_range(m.touch_time, 45 * kMinute, 45 * kMinute, 45 * kMinute);
  check_range(m.customer_time, 15 * kMinute, 15 * kMinute, 15 * kMinute);
  check_range(m.handoffs, 0, 0, 0);
  check_range(m.channel_switches, 1, 1, 1);
  check_range(m.cost, 5, 5, 5);
  check_range(m.contacts, 1, 1, 1);
  CHECK(m.outcomes.at("success") == Approx(1));
  CHECK(m.outcomes.at("abandon") == 0);
  CHECK(m.outcomes.at("failure") == 0);
  CHECK(m.right_first_time == Approx(1));
  CHECK(m.flow_efficiency == Approx(45 * kMinute / lead));
  CHECK(m.critical_path == std::vector<std::string>{"apply", "check", "call"});
  REQUIRE(m.top_waits.size() == 2);
  CHECK(m.top_waits[0].step == "check");
  CHECK(m.top_waits[0].seconds == Approx(2 * kDay));
  CHECK(m.top_waits[0].share == Approx(2 * kDay / (2 * kDay + kHour)));
  CHECK(m.top_waits[1].step == "apply");
  CHECK(m.top_waits[1].seconds == Approx(kHour));
  CHECK_FALSE(m.has_cycles);
  CHECK(m.paths_defined);
  CHECK(m.expected_defined);
  CHECK(m.problem.empty());
}

TEST_CASE("compute_metrics on a two-way branch with probabilities") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: branch
title: A two-way branch
steps:
  - id: a
    name: Start
    time: 1h
    next:
      - {to: slow, p: 0.3}
      - fast
  - id: slow
    name: Slow lane
    wait: 10h
    next: done
  - id: fast
    name: Fast lane
    wait: 2h
    next: done
  - id: done
    name: Done
    end: success
)"));
  check_range(m.lead_time, 3 * kHour, 11 * kHour, (1 + 0.3 * 10 + 0.7 * 2) * kHour);
  check_range(m.wait_time, 2 * kHour, 10 * kHour, (0.3 * 10 + 0.7 * 2) * kHour);
  check_range(m.touch_time, kHour, kHour, kHour);
  CHECK(m.flow_efficiency == Approx(1 / 5.4));
  CHECK(m.critical_path == std::vector<std::string>{"a", "slow", "done"});
  REQUIRE(m.top_waits.size() == 2);
  CHECK(m.top_waits[0].step == "slow");
  CHECK(m.top_waits[0].seconds == Approx(0.3 * 10 * kHour));
  CHECK(m.top_waits[0].share == Approx(3 / 4.4));
  CHECK(m.top_waits[1].step == "fast");
  CHECK(m.top_waits[1].seconds == Approx(0.7 * 2 * kHour));
  CHECK(m.right_first_time == Approx(1));
}

TEST_CASE("compute_metrics on a rework loop: expected lead = T / (1 - r)") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: rework
title: A rework loop
steps:
  - id: fill
    name: Fill in the form
    time: 1h
    next: check
  - id: check
    name: Check the form
    wait: 1h
    time: 1h
    next:
      - {to: fill, p: 0.25, label: incomplete}
      - done
  - id: done
    name: Accepted
    end: success
)"));
  const double t = 3 * kHour;
  check_range(m.lead_time, t, t, t / (1 - 0.25));
  check_range(m.touch_time, 2 * kHour, 2 * kHour, 2 * kHour / 0.75);
  CHECK(m.has_cycles);
  CHECK(m.right_first_time == Approx(0.75));
  CHECK(m.outcomes.at("success") == Approx(1));
  CHECK(m.critical_path == std::vector<std::string>{"fill", "check", "done"});
  CHECK(m.expected_defined);
}

TEST_CASE("compute_metrics on nested branches") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: nested
title: Nested branches
steps:
  - {id: a, name: A, time: 1h, next: [{to: b, p: 0.5}, {to: c, p: 0.5}]}
  - {id: b, name: B, time: 2h, next: [{to: d, p: 0.2}, e]}
  - {id: c, name: C, time: 3h, next: f}
  - {id: d, name: D, time: 4h, next: g}
  - {id: e, name: E, time: 5h, next: g}
  - {id: f, name: F, time: 6h, next: g}
  - {id: g, name: G, end: success}
)"));
  // a-b-d-g 7h (p 0.1), a-b-e-g 8h (p 0.4), a-c-f-g 10h (p 0.5).
  check_range(m.lead_time, 7 * kHour, 10 * kHour, (0.1 * 7 + 0.4 * 8 + 0.5 * 10) * kHour);
  CHECK(m.critical_path == std::vector<std::string>{"a", "c", "f", "g"});
  CHECK(m.flow_efficiency == Approx(1));
}

TEST_CASE("compute_metrics excludes unreachable steps") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: orphan
title: An unreachable step
channels:
  phone: {name: Phone, kind: assisted, cost: 9}
steps:
  - {id: a, name: A, wait: 1h, next: b}
  - {id: b, name: B, time: 1h, end: success}
  - {id: orphan, name: Nobody comes here, channel: phone, wait: 100d, next: b}
)"));
  CHECK(m.steps == 3);
  check_range(m.lead_time, 2 * kHour, 2 * kHour, 2 * kHour);
  check_range(m.cost, 0, 0, 0);
  check_range(m.contacts, 0, 0, 0);
  REQUIRE(m.top_waits.size() == 1);
  CHECK(m.top_waits[0].step == "a");
}

TEST_CASE("compute_metrics on steps without teams or channels") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: bare
title: No teams, no channels
steps:
  - {id: a, name: A, time: 10m, next: [b, c]}
  - {id: b, name: B, actor: system, time: 1m, next: d}
  - {id: c, name: C, actor: frontstage, time: 20m, next: d}
  - {id: d, name: D, end: success}
)"));
  check_range(m.handoffs, 0, 0, 0);
  check_range(m.channel_switches, 0, 0, 0);
  check_range(m.cost, 0, 0, 0);
  check_range(m.contacts, 0, 0, 0);
  // Customer time counts customer steps only (a), not system or frontstage steps.
  check_range(m.customer_time, 10 * kMinute, 10 * kMinute, 10 * kMinute);
  check_range(m.touch_time, 11 * kMinute, 30 * kMinute, 10 * kMinute + 0.5 * 21 * kMinute);
}

TEST_CASE("compute_metrics handoffs: mailroom, customer, lending is one handoff") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: handoff
title: Handoffs
teams:
  mailroom: {name: Mailroom}
  lending: {name: Lending}
processes:
  decide: {name: Credit decision, team: lending}
steps:
  - {id: post, name: Post the form, next: sort}
  - {id: sort, name: Sort and scan, team: mailroom, next: ask}
  - {id: ask, name: Customer sends a missing payslip, actor: customer, next: decide}
  - {id: decide, name: Decide, process: decide, next: done}
  - {id: done, name: Letter arrives, actor: customer, end: success}
)"));
  check_range(m.handoffs, 1, 1, 1);
}

TEST_CASE("compute_metrics handoffs on a branch") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: handoff
title: Handoffs
teams:
  x: {name: X}
  y: {name: Y}
steps:
  - {id: a, name: A, team: x, next: b}
  - {id: b, name: B, actor: customer, next: [{to: c, p: 0.25}, d]}
  - {id: c, name: C, team: y, next: e}
  - {id: d, name: D, team: x, next: e}
  - {id: e, name: E, end: success}
)"));
  check_range(m.handoffs, 0, 1, 0.25);
}

TEST_CASE("compute_metrics handoffs on loops") {
  SUBCASE("a loop between two teams hands off twice per round") {
    const JourneyMetrics m = compute_metrics(parsed(R"(
journey: handoff
title: Handoffs
teams:
  x: {name: X}
  y: {name: Y}
steps:
  - {id: a, name: A, team: x, next: b}
  - {id: b, name: B, team: y, next: [{to: a, p: 0.5}, done]}
  - {id: done, name: Done, end: success}
)"));
    // One handoff on the way through, two per extra round; expected rounds r / (1 - r) = 1.
    check_range(m.handoffs, 1, 1, 1 + 2 * 1.0);
  }
  SUBCASE("a customer step in the loop carries the last team") {
    const JourneyMetrics m = compute_metrics(parsed(R"(
journey: handoff
title: Handoffs
teams:
  x: {name: X}
  y: {name: Y}
steps:
  - {id: a, name: A, team: x, next: c}
  - {id: c, name: C, actor: customer, next: [{to: a, p: 0.5}, b]}
  - {id: b, name: B, team: y, next: done}
  - {id: done, name: Done, end: success}
)"));
    check_range(m.handoffs, 1, 1, 1);
  }
}

TEST_CASE("compute_metrics channel switches") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: bounce
title: Channel switches
channels:
  web: {name: Website, kind: digital}
  phone: {name: Phone, kind: assisted}
  post: {name: Post, kind: paper}
teams:
  ops: {name: Ops}
steps:
  - {id: search, name: Search the website, channel: web, next: call}
  - {id: call, name: Agent answers, actor: frontstage, channel: phone, next: letter}
  - {id: letter, name: Letter is printed, team: ops, channel: post, next: [{to: back, p: 0.4}, done]}
  - {id: back, name: Do it online, channel: web, next: done}
  - {id: done, name: Done, end: success}
)"));
  // web, phone (+1), [web (+1)]; the backstage letter does not count.
  check_range(m.channel_switches, 1, 2, 1.4);
}

TEST_CASE("compute_metrics cost from step versus channel, and contacts") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: cost
title: Cost to serve
channels:
  web: {name: Website, kind: digital, cost: 2}
  phone: {name: Phone, kind: assisted, cost: 5}
  branch: {name: Branch, kind: in-person, cost: 20}
steps:
  - {id: a, name: Online, channel: web, next: b}
  - {id: b, name: Call, channel: phone, cost: 1, next: [{to: c, p: 0.5}, d]}
  - {id: c, name: Visit, channel: branch, next: e}
  - {id: d, name: Nothing, next: e}
  - {id: e, name: Call again, channel: phone, next: [{to: b, p: 0.2}, f]}
  - {id: f, name: Done, end: success}
)"));
  // Path a b c e f: 2 + 1 + 20 + 5 = 28; a b d e f: 2 + 1 + 0 + 5 = 8. Each round b..e repeats
  // with 0.2: 1 / 0.8 rounds; a round costs 1 + 10 + 5 = 16 in expectation.
  check_range(m.cost, 8, 28, 2 + 16 / 0.8);
  // Contacts: b and e always, c on one branch.
  check_range(m.contacts, 2, 3, 2.5 / 0.8);
  CHECK(m.right_first_time == Approx(0.8));
}

TEST_CASE("compute_metrics reports totals that overflow or leave a sane range") {
  // The parser refuses costs above 10^12; a journey built in code can still hold anything.
  journey::Journey j = parsed(R"(
journey: huge
title: Huge
steps:
  - {id: a, name: A, cost: 1000, next: b}
  - {id: b, name: B, cost: 1000, end: success}
)");
  j.steps[0].cost = 1e308;
  j.steps[1].cost = 1e308;
  const JourneyMetrics overflow = compute_metrics(j);
  CHECK(std::isinf(overflow.cost.expected));
  CHECK(overflow.problem ==
        "the cost overflowed (too large to compute): check the `cost`, `wait` and `time` values "
        "and the loops");

  // 10^12 a round, repeated with 0.9999: 10^16 expected, finite but beyond any real journey.
  const JourneyMetrics loop = compute_metrics(parsed(R"(
journey: loop
title: Loop
steps:
  - {id: a, name: A, cost: 1000000000000, next: b}
  - {id: b, name: B, next: [{to: a, p: 0.9999}, c]}
  - {id: c, name: C, end: success}
)"));
  CHECK(loop.cost.expected == Approx(1e16));
  CHECK(loop.problem == "the cost is over 10^15: check the `cost`, `wait` and `time` values and "
                        "the loops");
  CHECK(compute_metrics(parsed(R"(
journey: fine
title: Fine
steps:
  - {id: a, name: A, cost: 1000000000000, end: success}
)"))
            .problem.empty());
}

TEST_CASE("compute_metrics outcomes") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: outcomes
title: Outcomes
steps:
  - {id: a, name: A, next: [{to: ok, p: 0.6}, {to: quit, p: 0.1}, b]}
  - {id: b, name: B, next: [{to: ok, p: 0.5}, fail]}
  - {id: ok, name: OK, end: success}
  - {id: quit, name: Quit, end: abandon}
  - {id: fail, name: Fail, end: failure}
)"));
  CHECK(m.outcomes.at("success") == Approx(0.6 + 0.3 * 0.5));
  CHECK(m.outcomes.at("abandon") == Approx(0.1));
  CHECK(m.outcomes.at("failure") == Approx(0.15));
  CHECK(m.right_first_time == Approx(0.75));
}

TEST_CASE("compute_metrics right_first_time on one loop: (1 - r) x P(success)") {
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: rft
title: Right first time
steps:
  - {id: a, name: Apply, next: b}
  - {id: b, name: Check, next: [{to: a, p: 0.2}, {to: ok, p: 0.6}, quit]}
  - {id: ok, name: Accepted, end: success}
  - {id: quit, name: Gives up, end: abandon}
)"));
  const double success = 0.6 / 0.8;
  CHECK(m.outcomes.at("success") == Approx(success));
  CHECK(m.outcomes.at("abandon") == Approx(0.2 / 0.8));
  CHECK(m.right_first_time == Approx((1 - 0.2) * success));
}

TEST_CASE("compute_metrics never crashes on broken journeys") {
  SUBCASE("a trap: expected values undefined, with the loop named") {
    const JourneyMetrics m = compute_metrics(parsed(R"(
journey: trap
title: A trap
steps:
  - {id: a, name: A, next: [b, done]}
  - {id: b, name: B, next: c}
  - {id: c, name: C, next: b}
  - {id: done, name: Done, end: success}
)"));
    CHECK_FALSE(m.expected_defined);
    CHECK(std::isnan(m.lead_time.expected));
    CHECK(m.paths_defined);
    CHECK(m.lead_time.min == 0);
    CHECK(m.problem.find("`b` and `c`") != std::string::npos);
  }
  SUBCASE("no end at all") {
    const JourneyMetrics m = compute_metrics(parsed(R"(
journey: endless
title: No end
steps:
  - {id: a, name: A, next: [a, nowhere]}
)"));
    CHECK_FALSE(m.paths_defined);
    CHECK_FALSE(m.expected_defined);
    CHECK(std::isnan(m.lead_time.min));
    CHECK(m.problem.find("no end can be reached") != std::string::npos);
  }
  SUBCASE("a dead end") {
    const JourneyMetrics m = compute_metrics(parsed(R"(
journey: dead
title: Dead end
steps:
  - {id: a, name: A, next: [{to: b, p: 0.25}, done]}
  - {id: b, name: B}
  - {id: done, name: Done, end: success}
)"));
    CHECK(m.expected_defined);
    CHECK(m.outcomes.at("success") == Approx(0.75));
    CHECK(m.problem.find("25.0% of walks stop at `b`") != std::string::npos);
  }
  SUBCASE("no steps") {
    journey::Journey j;
    const JourneyMetrics m = compute_metrics(j);
    CHECK_FALSE(m.expected_defined);
    CHECK(m.problem == "the journey has no steps");
  }
}

TEST_CASE("compute_metrics min is exact over paths that repeat no step") {
  // The walk from a goes a x b c first, so c -> b is a loop-back edge. The path a c b done
  // repeats no step and is the shortest: min finds it, while max keeps to the acyclic part.
  const JourneyMetrics m = compute_metrics(parsed(R"(
journey: exact
title: Exact minimum
steps:
  - {id: a, name: A, next: [x, c]}
  - {id: x, name: X, time: 10h, next: b}
  - {id: b, name: B, next: [c, done]}
  - {id: c, name: C, time: 1h, next: b}
  - {id: done, name: Done, end: success}
)"));
  CHECK(m.lead_time.min == Approx(1 * kHour));
  CHECK(m.lead_time.max == Approx(10 * kHour));
  CHECK(m.critical_path == std::vector<std::string>{"a", "x", "b", "done"});
  // Visits: x 0.5; b 2 (once, plus one expected round b c b); c 0.5 + 1.
  CHECK(m.lead_time.expected == Approx(0.5 * 10 * kHour + 1.5 * kHour));
  // Right first time counts walks that never take a loop-back edge: a x b done (0.25) only;
  // a c b done takes c -> b and is left out by definition.
  CHECK(m.right_first_time == Approx(0.25));
}

namespace {

/// A generated journey: `blocks` pairs of steps (do, check), each check going back to its do with
/// probability r; teams alternate x, y by block; every step waits 1m and takes 1m.
std::string generated(std::size_t blocks, const char *r) {
  std::string text = "journey: big\ntitle: Big\nteams:\n  x: {name: X}\n  y: {name: Y}\nsteps:\n";
  for (std::size_t i = 0; i < blocks; ++i) {
    const std::string n = std::to_string(i);
    const char *team = i % 2 == 0 ? "x" : "y";
    text += "  - {id: do" + n + ", name: Do, team: " + team + ", wait: 1m, time: 1m, next: check" +
            n + "}\n";
    text += "  - {id: check" + n + ", name: Check, team: " + team +
            ", wait: 1m, time: 1m, next: [{to: do" + n + ", p: " + r + "}, " +
            (i + 1 < blocks ? "do" + std::to_string(i + 1) : std::string("done")) + "]}\n";
  }
  text += "  - {id: done, name: Done, end: success}\n";
  return text;
}

/// The 100,000-step journey, parsed once for the tests below.
const journey::Journey &big_journey() {
  static const journey::Journey j = parsed(generated(50000, "0.00001"));
  return j;
}

} // namespace

TEST_CASE("compute_metrics on a generated 100,000-step journey with loops") {
  const std::size_t blocks = 50000;
  const double r = 0.00001;
  const JourneyMetrics m = compute_metrics(big_journey());
  CHECK(m.steps == 2 * blocks + 1);
  const double line = 2.0 * static_cast<double>(blocks) * 2 * kMinute;
  check_range(m.lead_time, line, line, line / (1 - r));
  check_range(m.wait_time, line / 2, line / 2, line / 2 / (1 - r));
  const auto handoffs = static_cast<double>(blocks - 1);
  check_range(m.handoffs, handoffs, handoffs, handoffs);
  CHECK(m.right_first_time == Approx(std::pow(1 - r, static_cast<double>(blocks))));
  CHECK(m.critical_path.size() == 2 * blocks + 1);
  CHECK(m.has_cycles);
  CHECK(m.expected_defined);
}

TEST_CASE("compute_metrics on a generated 100,000-step loop solved as one system") {
  // No local rework; instead the last check goes back to do0 with 0.5: one loop of 100,000 steps.
  journey::Journey j = big_journey();
  for (journey::Step &s : j.steps) {
    if (s.id.starts_with("check")) {
      s.next[0].p = 0.0;
    }
  }
  journey::Step &last = j.steps[j.steps.size() - 2];
  REQUIRE(last.id == "check49999");
  last.next.insert(last.next.begin(), journey::Transition{"do0", 0.5, "", {}, journey::npos});
  j.resolve();
  const JourneyMetrics m = compute_metrics(j);
  const double line = 100000 * 2 * kMinute;
  check_range(m.lead_time, line, line, 2 * line);
  // Each extra round adds 49,999 handoffs plus the one from y back to x.
  check_range(m.handoffs, 49999, 49999, 49999 + 50000);
  CHECK(m.right_first_time == Approx(0.5));
}

namespace {

/// A random journey of `n` steps: the last two are ends (success, abandon); every other step goes
/// forward to one to three later steps and sometimes back to an earlier one with p = 0.2, so that
/// every step can reach an end. Teams: x, y, z or none.
journey::Journey random_journey(std::mt19937 &rng, std::size_t n) {
  journey::Journey j;
  j.id = "random";
  for (const char *t : {"x", "y", "z"}) {
    j.teams.push_back(journey::Team{t, t, {}, false});
  }
  auto pick = [&](std::size_t lo, std::size_t hi) {
    return std::uniform_int_distribution<std::size_t>(lo, hi)(rng);
  };
  for (std::size_t i = 0; i < n; ++i) {
    journey::Step s;
    s.id = "s" + std::to_string(i);
    s.wait = static_cast<double>(pick(0, 5) * 60);
    s.time = static_cast<double>(pick(0, 3) * 60);
    const std::size_t team = pick(0, 3);
    s.team = team < 3 ? j.teams[team].id : "";
    if (i + 2 >= n) {
      s.end = i + 1 == n ? journey::EndKind::Abandon : journey::EndKind::Success;
    } else {
      const std::size_t forward = pick(1, 3);
      for (std::size_t k = 0; k < forward; ++k) {
        s.next.push_back(journey::Transition{
            "s" + std::to_string(pick(i + 1, n - 1)), {}, "", {}, journey::npos});
      }
      if (pick(0, 2) == 0) {
        s.next.push_back(
            journey::Transition{"s" + std::to_string(pick(0, i)), 0.2, "", {}, journey::npos});
      }
    }
    j.steps.push_back(std::move(s));
  }
  j.resolve();
  return j;
}

/// Smallest lead time and handoffs over every path that repeats no step, by enumeration.
std::pair<double, double> brute_force_min(const journey::Journey &j) {
  double lead = std::numeric_limits<double>::infinity();
  double handoffs = lead;
  struct Frame {
    std::size_t step;
    std::size_t edge;
    double lead;
    double handoffs;
    journey::Index last;
  };
  std::vector<bool> on_path(j.steps.size(), false);
  const journey::Step &entry = j.steps[0];
  std::vector<Frame> stack{{0, 0, entry.wait + entry.time, 0, entry.team_index}};
  on_path[0] = true;
  while (!stack.empty()) {
    Frame &f = stack.back();
    const journey::Step &s = j.steps[f.step];
    if (s.end != journey::EndKind::None) {
      lead = std::min(lead, f.lead);
      handoffs = std::min(handoffs, f.handoffs);
    }
    if (s.end != journey::EndKind::None || f.edge == s.next.size()) {
      on_path[f.step] = false;
      stack.pop_back();
      continue;
    }
    const auto v = static_cast<std::size_t>(s.next[f.edge++].target);
    if (on_path[v]) {
      continue;
    }
    const journey::Step &t = j.steps[v];
    const bool change =
        t.team_index != journey::npos && f.last != journey::npos && t.team_index != f.last;
    const Frame next{v, 0, f.lead + t.wait + t.time, f.handoffs + (change ? 1 : 0),
                     t.team_index != journey::npos ? t.team_index : f.last};
    on_path[v] = true;
    stack.push_back(next);
  }
  return {lead, handoffs};
}

/// Expected lead time, handoffs and success probability by value iteration on (step, last team).
std::array<double, 3> value_iteration(const journey::Journey &j) {
  const std::size_t n = j.steps.size();
  const std::size_t teams = j.teams.size() + 1; // last team + 1, 0 for none
  std::vector<double> lead(n, 0), success(n, 0), handoffs(n * teams, 0);
  for (int round = 0; round < 20000; ++round) {
    for (std::size_t i = n; i-- > 0;) {
      const journey::Step &s = j.steps[i];
      if (s.end != journey::EndKind::None) {
        lead[i] = s.wait + s.time;
        success[i] = s.end == journey::EndKind::Success ? 1 : 0;
        continue;
      }
      const std::vector<double> p = journey::branch_probabilities(s);
      double l = s.wait + s.time;
      double ok = 0;
      for (std::size_t k = 0; k < s.next.size(); ++k) {
        const auto v = static_cast<std::size_t>(s.next[k].target);
        l += p[k] * lead[v];
        ok += p[k] * success[v];
      }
      lead[i] = l;
      success[i] = ok;
      for (std::size_t last = 0; last < teams; ++last) {
        double h = 0;
        for (std::size_t k = 0; k < s.next.size(); ++k) {
          const auto v = static_cast<std::size_t>(s.next[k].target);
          const journey::Index team = j.steps[v].team_index;
          const bool change =
              team != journey::npos && last != 0 && static_cast<std::size_t>(team) + 1 != last;
          const std::size_t after =
              team != journey::npos ? static_cast<std::size_t>(team) + 1 : last;
          h += p[k] * ((change ? 1 : 0) + handoffs[v * teams + after]);
        }
        handoffs[i * teams + last] = h;
      }
    }
  }
  const journey::Index first = j.steps[0].team_index;
  const std::size_t start = first != journey::npos ? static_cast<std::size_t>(first) + 1 : 0;
  return {lead[0], handoffs[start], success[0]};
}

} // namespace

TEST_CASE("compute_metrics agrees with enumeration and value iteration on random journeys") {
  std::mt19937 rng(20240601);
  for (int round = 0; round < 200; ++round) {
    const journey::Journey j = random_journey(rng, 4 + static_cast<std::size_t>(round % 6));
    CAPTURE(round);
    const JourneyMetrics m = compute_metrics(j);
    REQUIRE(m.expected_defined);
    const auto [lead_min, handoffs_min] = brute_force_min(j);
    CHECK(m.lead_time.min == Approx(lead_min));
    CHECK(m.handoffs.min == Approx(handoffs_min));
    CHECK(m.lead_time.max >= m.lead_time.min);
    CHECK(m.handoffs.max >= m.handoffs.min);
    const auto [lead, handoffs, success] = value_iteration(j);
    CHECK(m.lead_time.expected == Approx(lead).epsilon(1e-9));
    CHECK(m.handoffs.expected == Approx(handoffs).epsilon(1e-9));
    CHECK(m.outcomes.at("success") == Approx(success).epsilon(1e-9));
    CHECK(m.outcomes.at("success") + m.outcomes.at("abandon") == Approx(1));
    CHECK(m.right_first_time <= m.outcomes.at("success") + 1e-12);
  }
}

TEST_CASE("compute_metrics never crashes or hangs on arbitrary graphs") {
  // Any edges (self loops, traps, unresolved targets, p out of range), any ends, entry an end.
  std::mt19937 rng(7);
  auto pick = [&](std::size_t lo, std::size_t hi) {
    return std::uniform_int_distribution<std::size_t>(lo, hi)(rng);
  };
  std::size_t defined = 0;
  for (int round = 0; round < 500; ++round) {
    CAPTURE(round);
    journey::Journey j;
    const std::size_t n = pick(1, 8);
    for (std::size_t i = 0; i < n; ++i) {
      journey::Step s;
      s.id = "s" + std::to_string(i);
      s.wait = static_cast<double>(pick(0, 100));
      s.end = pick(0, 4) == 0 ? journey::EndKind::Failure : journey::EndKind::None;
      for (std::size_t k = pick(0, 3); k > 0; --k) {
        std::optional<double> p;
        if (pick(0, 2) == 0) {
          p = static_cast<double>(pick(0, 12)) / 10.0 - 0.1;
        }
        s.next.push_back(
            journey::Transition{"s" + std::to_string(pick(0, n)), p, "", {}, journey::npos});
      }
      j.steps.push_back(std::move(s));
    }
    j.resolve();
    const JourneyMetrics m = compute_metrics(j);
    CHECK(m.steps == n);
    if (m.expected_defined) {
      ++defined;
      double absorbed = 0;
      for (const auto &[kind, p] : m.outcomes) {
        CHECK(p >= 0);
        absorbed += p;
      }
      CHECK(absorbed <= 1 + 1e-9);
      CHECK(std::isfinite(m.lead_time.expected));
    } else {
      CHECK_FALSE(m.problem.empty());
    }
    if (m.paths_defined) {
      CHECK(m.lead_time.min <= m.lead_time.max);
      CHECK_FALSE(m.critical_path.empty());
    }
  }
  CHECK(defined > 0);
}
