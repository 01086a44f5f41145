// Test helpers: journeys from YAML text, and two small journeys the tests share.
#pragma once

#include "journey/parse/parse.h"

#include <doctest/doctest.h>
#include <string_view>
#include <utility>

namespace journey::test {

/// Parses `yaml` as a journey and checks the parser found nothing wrong with it.
inline Journey parsed(std::string_view yaml, std::string_view file = "test.yaml") {
  ParseResult result = parse(yaml, file);
  for (const Diagnostic &d : result.diagnostics) {
    FAIL_CHECK(d.rule << " at line " << d.location.line << ": " << d.message);
  }
  REQUIRE(result.readable);
  return std::move(result.journey);
}

/// Apply online: sales then operations (1 handoff), lead time 1d 2h.
inline constexpr std::string_view kApply = R"(journey: apply
title: Apply online
intent: Help me borrow
owner: Lending
start: Needs money
ends:
  - Gets the money
  - Gives up
teams:
  sales: Sales
  ops: Operations
processes:
  decide:
    name: Decide on the loan
    team: ops
  pay:
    name: Pay out
    team: ops
steps:
  - id: apply
    name: Applies
    team: sales
    time: 1h
    next: decide
  - id: decide
    name: Decision
    actor: backstage
    process: decide
    wait: 1d
    time: 1h
    next: paid
  - id: paid
    name: Money arrives
    actor: backstage
    process: pay
    end: success
)";

/// Check balance: one step, no intent, no owner.
inline constexpr std::string_view kBalance = R"(journey: balance
title: Check my balance
start: Wonders
ends: [Knows]
steps:
  - id: look
    name: Looks in the app
    time: 2m
    end: success
)";

} // namespace journey::test
