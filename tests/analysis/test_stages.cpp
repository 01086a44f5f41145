// Tests of stages and personas in the numbers: the most likely path, per-stage figures that add
// up to the journey's, and each persona's figures from re-weighted branch shares.
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/metrics.h"
#include "journey/analysis/personas.h"
#include "journey/analysis/stages.h"
#include "helpers.h"

#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using doctest::Approx;
using namespace journey;
using journey::test::parsed;

namespace {

constexpr double kHour = 3600;

/// Apply (1h, cost 2), then a check that sends 30% back to fix the form (a loop), then a decision
/// that approves 80%; one step has no stage.
constexpr std::string_view kLoan = R"(
journey: loan
title: I want a loan
stages: [Apply, Wait, Decide]
personas:
  returning:
    name: Returning customer
    branches:
      check: {decide: 0.9}
      decide: {approved: 50%, declined: 50%}
steps:
  - id: apply
    name: Applies
    stage: Apply
    time: 1h
    cost: 2
    emotion: -1
    pain: [Long form, Asks for payslips]
    next: check
  - id: check
    name: Checks the form
    stage: Wait
    wait: 2h
    time: 1h
    cost: 10
    next:
      - to: decide
        p: 0.7
      - to: fix
  - id: fix
    name: Fixes the form
    stage: Apply
    time: 30m
    emotion: -3
    pain: Asked again
    next: check
  - id: decide
    name: Decides
    stage: Decide
    wait: 1d
    time: 1h
    next:
      - to: approved
        p: 0.8
      - to: declined
  - id: approved
    name: Gets the money
    emotion: 2
    end: success
  - id: declined
    name: Is declined
    stage: Decide
    emotion: -2
    end: failure
)";

} // namespace

TEST_CASE("main_path follows the most likely branch and never goes back along a loop") {
  const Journey journey = parsed(kLoan);
  const JourneyGraph graph(journey);
  std::vector<std::string> ids;
  for (std::size_t s : main_path(graph)) {
    ids.push_back(graph.step(s).id);
  }
  CHECK(ids == std::vector<std::string>{"apply", "check", "decide", "approved"});
}

TEST_CASE("stage figures add up to the journey's expected lead time, wait and cost") {
  const Journey journey = parsed(kLoan);
  const JourneyMetrics m = compute_metrics(journey);
  REQUIRE(m.expected_defined);
  REQUIRE(m.stages.size() == 4); // three declared, then `(no stage)` for `approved`
  CHECK(m.stages[0].stage == "Apply");
  CHECK(m.stages[1].stage == "Wait");
  CHECK(m.stages[2].stage == "Decide");
  CHECK(m.stages[3].stage.empty());
  CHECK_FALSE(m.stages[3].declared);
  double lead = 0, wait = 0, cost = 0;
  for (const StageFigures &s : m.stages) {
    lead += s.lead_time;
    wait += s.wait_time;
    cost += s.cost;
  }
  CHECK(lead == Approx(m.lead_time.expected));
  CHECK(wait == Approx(m.wait_time.expected));
  CHECK(cost == Approx(m.cost.expected));
  // The check is visited 1 / 0.7 times, the fix 0.3 / 0.7 times.
  const double checks = 1 / 0.7;
  const double fixes = 0.3 / 0.7;
  CHECK(m.stages[0].visits == Approx(1 + fixes));
  CHECK(m.stages[0].lead_time == Approx(kHour + fixes * 0.5 * kHour));
  CHECK(m.stages[0].cost == Approx(2));
  CHECK(m.stages[0].pain == Approx(2 + fixes));
  CHECK(m.stages[0].emotion == Approx((-1 - 3 * fixes) / (1 + fixes)));
  CHECK(m.stages[1].wait_time == Approx(checks * 2 * kHour));
  CHECK(m.stages[1].cost == Approx(checks * 10));
  CHECK(std::isnan(m.stages[1].emotion)); // no step of the stage has an emotion
  CHECK(m.stages[2].lead_time == Approx(25 * kHour));
  CHECK(m.stages[2].emotion == Approx(-2)); // only `declined` (0.2 of the walks) has one
  CHECK(m.stages[3].visits == Approx(0.8));
  CHECK(m.stages[3].emotion == Approx(2));
  CHECK(m.stages[0].steps == 2);
  CHECK(m.stages[3].steps == 1);
}

TEST_CASE("no stage rows without stages, and no `(no stage)` row when every step has one") {
  Journey plain = parsed(R"(
journey: plain
title: Plain
steps:
  - {id: a, name: A, time: 1h, next: b}
  - {id: b, name: B, end: success}
)");
  CHECK(compute_metrics(plain).stages.empty());
  Journey staged = parsed(R"(
journey: staged
title: Staged
steps:
  - {id: a, name: A, stage: Use, time: 1h, next: b}
  - {id: b, name: B, stage: Get help, end: success}
)");
  const JourneyMetrics m = compute_metrics(staged);
  REQUIRE(m.stages.size() == 2); // undeclared stages in order of first use
  CHECK(m.stages[0].stage == "Use");
  CHECK(m.stages[1].stage == "Get help");
  CHECK(m.stages[0].lead_time == Approx(kHour));
}

TEST_CASE("walked_by replaces the named branches' shares; the others share what is left") {
  const Journey journey = parsed(kLoan);
  REQUIRE(journey.walks.size() == 1);
  const Journey walked = walked_by(journey, journey.walks[0]);
  const JourneyGraph graph(walked);
  const Step &check = walked.steps[1];
  REQUIRE(check.next.size() == 2);
  CHECK(*check.next[0].p == Approx(0.9));
  CHECK_FALSE(check.next[1].p.has_value()); // `fix` takes the remaining 10%
  CHECK(graph.edge(graph.begin(1) + 1).p == Approx(0.1));
  CHECK(walked.walks.empty());
  CHECK(walked.persona == "returning");
  // The journey itself is left as written.
  CHECK(*journey.steps[1].next[0].p == Approx(0.7));
}

TEST_CASE("each persona's figures come from the re-weighted chain, side by side") {
  const Journey journey = parsed(kLoan);
  const JourneyMetrics m = compute_metrics(journey);
  REQUIRE(m.personas.size() == 2);
  CHECK(m.personas[0].as_written);
  CHECK(m.personas[0].lead_time == Approx(m.lead_time.expected));
  CHECK(m.personas[0].success == Approx(0.8));
  const PersonaFigures &returning = m.personas[1];
  CHECK_FALSE(returning.as_written);
  CHECK(returning.persona == "returning");
  CHECK(returning.name == "Returning customer");
  CHECK(returning.success == Approx(0.5));
  // Checks: 1 / 0.9 visits; fixes 0.1 / 0.9; lead = 1h + checks 3h + fixes 30m + decide 25h.
  const double checks = 1 / 0.9;
  CHECK(returning.lead_time ==
        Approx(kHour + checks * 3 * kHour + (0.1 / 0.9) * 0.5 * kHour + 25 * kHour));
  CHECK(returning.cost == Approx(2 + checks * 10));
  // Right first time: success without the loop, 0.9 x 0.5.
  CHECK(returning.right_first_time == Approx(0.45));
}

TEST_CASE("no persona rows for a journey without personas") {
  const Journey journey = parsed(R"(
journey: plain
title: Plain
steps:
  - {id: a, name: A, time: 1h, next: b}
  - {id: b, name: B, end: success}
)");
  CHECK(compute_metrics(journey).personas.empty());
}
