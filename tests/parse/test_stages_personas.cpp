// Parser tests of stages and personas: values, positions, mistakes, and the catalog's forms.
#include "helpers.h"

#include "journey/model/catalog.h"

#include <doctest/doctest.h>

using namespace journey;
using namespace journey::test;

TEST_CASE("stages: the order, each step's stage and their positions") {
  const ParseResult r = parse(R"(journey: j
title: T
stages: [Discover, Apply, Get help]
steps:
  - id: a
    name: A
    stage: Apply
    end: success
)",
                              "j.yaml");
  INFO(dump(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.journey.stages.size() == 3);
  CHECK(r.journey.stages[2].name == "Get help");
  CHECK(at(r.journey.stages[1].location) == "3:20");
  CHECK(r.journey.steps[0].stage == "Apply");
  CHECK(at(r.journey.steps[0].stage_location) == "7:12");
  CHECK(r.journey.steps[0].stage_index == 1);
}

TEST_CASE("stages: a stage listed twice, and a stage no one declared") {
  const ParseResult r = parse(R"(journey: j
title: T
stages:
  - Apply
  - Use
  - Apply
steps:
  - {id: a, name: A, stage: Wait, end: success}
)",
                              "j.yaml");
  CHECK(where(r.diagnostics, "invalid-value", "listed twice") == "6:5");
  CHECK(r.journey.stages.size() == 2);
  CHECK(r.journey.steps[0].stage_index == npos); // reported by lint rule unknown-stage
}

TEST_CASE("personas: the journey's persona and walks with branch shares") {
  const ParseResult r = parse(R"(journey: j
title: T
persona: first-time
personas:
  returning:
    name: Returning customer
    branches:
      a: {b: 0.25, c: 75%}
  switcher:
    branches: {a: {b: 1}}
steps:
  - {id: a, name: A, next: [b, c]}
  - {id: b, name: B, end: success}
  - {id: c, name: C, end: abandon}
)",
                              "j.yaml");
  INFO(dump(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  CHECK(r.journey.persona == "first-time");
  CHECK(at(r.journey.persona_location) == "3:10");
  REQUIRE(r.journey.walks.size() == 2);
  const PersonaWalk &returning = r.journey.walks[0];
  CHECK(returning.persona == "returning");
  REQUIRE(returning.shares.size() == 2);
  CHECK(returning.shares[0].step == "a");
  CHECK(returning.shares[0].to == "b");
  CHECK(returning.shares[0].p == doctest::Approx(0.25));
  CHECK(returning.shares[1].p == doctest::Approx(0.75));
  CHECK(at(returning.shares[1].location) == "8:20");
  CHECK(at(returning.shares[0].step_location) == "8:7");
  // Only the walk that names the persona defines it.
  REQUIRE(r.journey.personas.size() == 1);
  CHECK(r.journey.personas[0].id == "returning");
  CHECK(r.journey.personas[0].name == "Returning customer");
}

TEST_CASE("personas: mistakes in branch shares are reported where they are") {
  const ParseResult r = parse(R"(journey: j
title: T
personas:
  returning:
    branches:
      a: {b: 1.5}
      c: 0.5
    nmae: R
steps:
  - {id: a, name: A, end: success}
)",
                              "j.yaml");
  CHECK(where(r.diagnostics, "invalid-value", "between 0 and 1") == "6:14");
  CHECK(find(r.diagnostics, "invalid-value", "the branches of `c`") != nullptr);
  const Diagnostic *unknown = find(r.diagnostics, "unknown-key", "nmae");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->message.find("did you mean `name`") != std::string::npos);
}

TEST_CASE("catalog: stages and personas, merged into a journey that has none of its own") {
  CatalogResult c = parse_catalog(R"(stages: [Discover, Apply]
personas:
  first-time: {name: First-time buyer, description: Never bought from us}
  returning: Returning customer
)",
                                  "org.yaml");
  INFO(dump(c.diagnostics));
  REQUIRE(c.diagnostics.empty());
  REQUIRE(c.catalog.personas.size() == 2);
  CHECK(c.catalog.personas[1].name == "Returning customer");
  CHECK(c.catalog.personas[0].description == "Never bought from us");
  ParseResult own = parse(R"(journey: j
title: T
stages: [Use]
personas:
  returning: {description: Back again}
steps:
  - {id: a, name: A, stage: Use, end: success}
)",
                          "j.yaml");
  std::vector<Diagnostic> out;
  merge_catalog(own.journey, c.catalog, out);
  CHECK(out.empty());
  REQUIRE(own.journey.stages.size() == 1); // the journey's own order wins
  CHECK(own.journey.stages[0].name == "Use");
  CHECK(own.journey.steps[0].stage_index == 0);
  REQUIRE(own.journey.personas.size() == 2);
  CHECK(own.journey.personas[1].name == "Returning customer");
  CHECK(own.journey.personas[1].description == "Back again");

  ParseResult plain = parse("journey: j\ntitle: T\nsteps:\n  - {id: a, name: A, stage: Apply, end: "
                            "success}\n",
                            "j.yaml");
  merge_catalog(plain.journey, c.catalog, out);
  REQUIRE(plain.journey.stages.size() == 2);
  CHECK(plain.journey.stages[0].from_catalog);
  CHECK(plain.journey.steps[0].stage_index == 1);
}
