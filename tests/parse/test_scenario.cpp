// Scenario files: parsing with positions and "did you mean", and applying the changes to
// journeys (volumes, staff, waits, shares, steps removed and added), with errors naming what
// exists.
#include "journey/parse/parse.h"
#include "journey/parse/scenario.h"

#include <doctest/doctest.h>
#include <string>

using namespace journey;

namespace {

constexpr std::string_view kJourney = R"(journey: claim
title: Make a claim
volume: 1000/month
channels:
  phone: {name: Phone, kind: assisted, cost: 5}
  web: {name: Website, kind: digital}
teams:
  ops: {name: Operations, staff: 2}
steps:
  - id: find
    name: Finds the number
    channel: web
    time: 5m
    next: call
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
    time: 6m
    next: check
  - id: check
    name: Checks the claim
    team: ops
    time: 30m
    end: success
)";

std::vector<Journey> journeys() {
  ParseResult r = parse(kJourney, "claim.yaml");
  REQUIRE(r.diagnostics.empty());
  return {std::move(r.journey)};
}

Scenario scenario(std::string_view text) {
  ScenarioResult r = parse_scenario(text, "s.yaml");
  for (const Diagnostic &d : r.diagnostics) {
    FAIL_CHECK(d.rule << " at " << d.location.line << ": " << d.message);
  }
  return std::move(r.scenario);
}

const Step &step(const Journey &j, std::string_view id) {
  const Index i = j.find_step(id);
  REQUIRE(valid_index(i, j.steps.size()));
  return j.steps[static_cast<std::size_t>(i)];
}

} // namespace

TEST_CASE("scenario: every kind of change applies") {
  const Scenario s = scenario(R"(scenario: online
title: Claim online
teams:
  ops: {staff: 5}
journeys:
  claim:
    volume: 250/week
    channels:
      phone: {staff: 12}
    steps:
      call: {wait: 2m-4m, time: 5m, shares: [{to: chase, p: 5%}, {to: check, p: 95%}]}
      check: {cost: 12.5}
    add:
      - {id: form, name: Fills in the online form, channel: web, time: 10m, next: check}
    remove:
      - find
      - {step: chase, to: form}
)");
  CHECK(s.id == "online");
  CHECK(s.title == "Claim online");
  std::vector<Journey> js = journeys();
  const std::vector<Diagnostic> errors = apply_scenario(s, js);
  for (const Diagnostic &d : errors) {
    FAIL_CHECK(d.message);
  }
  const Journey &j = js[0];
  CHECK(*j.volume == doctest::Approx(250 * 365.25 / 12 / 7));
  CHECK(*j.teams[0].staff == 5);
  CHECK(*j.channels[0].staff == 12);
  // `find` removed: `call`, its single successor, is the first step now.
  REQUIRE(j.steps.size() == 3);
  CHECK(j.steps[0].id == "call");
  const Step &call = step(j, "call");
  CHECK(call.wait == 180);
  REQUIRE(call.wait_spread);
  CHECK(call.time == 300);
  // `chase` removed: its branch now leads to the new `form`, with its new share.
  REQUIRE(call.next.size() == 2);
  CHECK(call.next[0].to == "check");
  CHECK(*call.next[0].p == doctest::Approx(0.95));
  CHECK(call.next[1].to == "form");
  CHECK(*call.next[1].p == doctest::Approx(0.05));
  CHECK(call.next[1].target == j.find_step("form"));
  CHECK(*step(j, "check").cost == 12.5);
  const Step &form = step(j, "form");
  CHECK(form.channel_index == j.find_channel("web"));
  CHECK(form.location.line == 14); // positions in the scenario file
}

TEST_CASE("scenario: a removed step whose customers go to the same step merges the branches") {
  const Scenario s = scenario(R"(scenario: no-chase
journeys:
  claim:
    remove: [chase]
)");
  std::vector<Journey> js = journeys();
  REQUIRE(apply_scenario(s, js).empty());
  const Step &call = step(js[0], "call");
  REQUIRE(call.next.size() == 1);
  CHECK(call.next[0].to == "check");
  CHECK(*call.next[0].p == doctest::Approx(1.0));
}

TEST_CASE("scenario: changes naming what does not exist are errors naming what exists") {
  const Scenario s = scenario(R"(scenario: typos
journeys:
  claim:
    teams:
      opps: {staff: 3}
    steps:
      cal: {wait: 1m}
      call:
        shares: [{to: chaser, p: 10%}]
    remove:
      - check
  clam:
    volume: 10/day
)");
  std::vector<Journey> js = journeys();
  const std::vector<Diagnostic> errors = apply_scenario(s, js);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].file == "s.yaml");
  CHECK(errors[0].location.line == 5);
  CHECK(errors[0].message ==
        "journey `claim` has no team `opps` (did you mean `ops`?); its teams are `ops`");
  CHECK(errors[1].location.line == 7);
  CHECK(errors[1].message.find("has no such step (did you mean `call`?); its steps are "
                               "`find`, `call`, `chase` and `check`") != std::string::npos);
  CHECK(errors[2].location.line == 9);
  CHECK(errors[2].message.find("no branch to `chaser` (did you mean `chase`?); its branches go "
                               "to `check` and `chase`") != std::string::npos);
  CHECK(errors[3].location.line == 11);
  CHECK(errors[3].message.find("step `check` has no next step, so where its customers go instead "
                               "is not clear: say which step with `{step: check, to: STEP}`") !=
        std::string::npos);
  CHECK(errors[4].location.line == 12);
  CHECK(errors[4].message.find("journey `clam`, which is not in the current state (did you "
                               "mean `claim`?)") != std::string::npos);
  // Nothing applied to a journey with errors.
  CHECK(*js[0].volume == doctest::Approx(1000));
  CHECK(js[0].steps.size() == 4);
}

TEST_CASE("scenario: unknown keys, bad values and missing fields are reported at their position") {
  const ScenarioResult r = parse_scenario(R"(scenario: bad
journeys:
  claim:
    volum: 10/day
    steps:
      call: {wiat: 1m, shares: [{to: chase}]}
    remove:
      - {to: check}
)",
                                          "s.yaml");
  REQUIRE(r.diagnostics.size() == 4);
  CHECK(r.diagnostics[0].rule == "unknown-key");
  CHECK(r.diagnostics[0].location.line == 4);
  CHECK(r.diagnostics[0].message.find("did you mean `volume`?") != std::string::npos);
  CHECK(r.diagnostics[1].rule == "unknown-key");
  CHECK(r.diagnostics[1].message.find("did you mean `wait`?") != std::string::npos);
  CHECK(r.diagnostics[2].rule == "missing-field");
  CHECK(r.diagnostics[2].location.line == 6);
  CHECK(r.diagnostics[3].rule == "missing-field");
  CHECK(r.diagnostics[3].location.line == 8);
}

TEST_CASE("scenario: recognised by its top-level key") {
  CHECK(is_scenario_text("# a comment\nscenario: x\n"));
  CHECK_FALSE(is_scenario_text("journey: x\nsteps: []\n  scenario: nested\n"));
}

TEST_CASE("scenario: one change that does not apply leaves every journey as it was") {
  const Scenario s = scenario(R"(scenario: half
teams:
  opps: {staff: 3}
journeys:
  claim:
    volume: 10/day
    remove: [chase]
)");
  std::vector<Journey> js = journeys();
  const std::vector<Diagnostic> errors = apply_scenario(s, js);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].location.line == 3);
  CHECK(errors[0].message.find("no journey of the current state has a team `opps` (did you mean "
                               "`ops`?)") != std::string::npos);
  CHECK(*js[0].volume == doctest::Approx(1000));
  CHECK(js[0].steps.size() == 4);
}
