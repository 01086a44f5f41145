// Test helpers: journeys from YAML text, checked to parse cleanly.
#pragma once

#include "journey/parse/parse.h"

#include <doctest/doctest.h>
#include <string_view>
#include <utility>

namespace journey::test {

/// Parses `yaml` as a journey and checks the parser found nothing wrong with it.
inline Journey parsed(std::string_view yaml) {
  ParseResult result = parse(yaml, "test.yaml");
  for (const Diagnostic &d : result.diagnostics) {
    FAIL_CHECK(d.rule << " at line " << d.location.line << ": " << d.message);
  }
  REQUIRE(result.readable);
  REQUIRE(result.diagnostics.empty());
  return std::move(result.journey);
}

} // namespace journey::test
