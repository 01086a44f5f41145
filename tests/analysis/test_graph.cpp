// Tests of the step graph: branch probabilities, adjacency and the depth-first walk.
#include "analysis/graph.h"
#include "helpers.h"

#include <doctest/doctest.h>

using journey::test::parsed;

namespace {

journey::Step step_with(std::vector<std::pair<journey::Index, std::optional<double>>> branches) {
  journey::Step s;
  for (auto [target, p] : branches) {
    journey::Transition t;
    t.target = target;
    t.p = p;
    s.next.push_back(t);
  }
  return s;
}

} // namespace

TEST_CASE("branch_probabilities") {
  using journey::branch_probabilities;
  using journey::npos;
  SUBCASE("branches without p share the rest equally") {
    const auto p = branch_probabilities(step_with({{1, 0.4}, {2, {}}, {3, {}}}));
    CHECK(p == std::vector<double>{0.4, 0.3, 0.3});
  }
  SUBCASE("no p at all: equal shares") {
    const auto p = branch_probabilities(step_with({{1, {}}, {2, {}}, {3, {}}, {4, {}}}));
    CHECK(p == std::vector<double>{0.25, 0.25, 0.25, 0.25});
  }
  SUBCASE("given p summing to more than 1 are normalised, the others get nothing") {
    const auto p = branch_probabilities(step_with({{1, 0.9}, {2, 0.6}, {3, {}}}));
    CHECK(p[0] == doctest::Approx(0.6));
    CHECK(p[1] == doctest::Approx(0.4));
    CHECK(p[2] == 0.0);
  }
  SUBCASE("given p summing to less than 1 with no branch for the rest are scaled up") {
    const auto p = branch_probabilities(step_with({{1, 0.2}, {2, 0.6}}));
    CHECK(p[0] == doctest::Approx(0.25));
    CHECK(p[1] == doctest::Approx(0.75));
  }
  SUBCASE("all given p zero: equal shares") {
    const auto p = branch_probabilities(step_with({{1, 0.0}, {2, 0.0}}));
    CHECK(p == std::vector<double>{0.5, 0.5});
  }
  SUBCASE("unresolved targets are left out") {
    const auto p = branch_probabilities(step_with({{npos, 0.5}, {2, {}}, {3, {}}}));
    CHECK(p == std::vector<double>{0.0, 0.5, 0.5});
  }
  SUBCASE("no transitions") {
    CHECK(branch_probabilities(journey::Step{}).empty());
  }
}

TEST_CASE("build_step_graph") {
  const journey::Journey j = parsed(R"(
journey: g
title: Graph
steps:
  - id: a
    name: A
    next: [b, {to: c, p: 0.2}]
  - id: b
    name: B
    next: c
  - id: c
    name: C
    end: success
)");
  const journey::StepGraph g = journey::build_step_graph(j);
  REQUIRE(g.size == 3);
  CHECK(g.first == std::vector<std::size_t>{0, 2, 3, 3});
  CHECK(g.to == std::vector<std::size_t>{1, 2, 2});
  CHECK(g.p[0] == doctest::Approx(0.8));
  CHECK(g.p[1] == doctest::Approx(0.2));
  CHECK(g.p[2] == 1.0);
}

TEST_CASE("build_step_graph ignores unresolved targets and the next of end steps") {
  journey::Journey j = parsed(R"(
journey: g
title: Graph
steps:
  - id: a
    name: A
    next: [b, nowhere]
  - id: b
    name: B
    end: success
    next: a
)");
  const journey::StepGraph g = journey::build_step_graph(j);
  CHECK(g.to == std::vector<std::size_t>{1});
  CHECK(g.p == std::vector<double>{1.0});
  CHECK(g.begin(1) == g.end(1));
}

TEST_CASE("depth_first") {
  const journey::Journey j = parsed(R"(
journey: g
title: Graph
steps:
  - id: a
    name: A
    next: b
  - id: b
    name: B
    next: [c, d]
  - id: c
    name: C
    next: [b, d]
  - id: d
    name: D
    end: success
  - id: orphan
    name: Orphan
    next: d
)");
  const journey::StepGraph g = journey::build_step_graph(j);
  const journey::DepthFirst walk = journey::depth_first(g, 0);
  CHECK(walk.has_cycles);
  CHECK(walk.order == std::vector<std::size_t>{0, 1, 2, 3});
  CHECK(walk.reached == std::vector<bool>{true, true, true, true, false});
  // Edges: a->b, b->c, b->d, c->b (back), c->d, orphan->d.
  CHECK(walk.back == std::vector<bool>{false, false, false, true, false, false});
}

TEST_CASE("depth_first on a line has no cycles") {
  const journey::Journey j = parsed(R"(
journey: g
title: Graph
steps:
  - {id: a, name: A, next: b}
  - {id: b, name: B, next: c}
  - {id: c, name: C, end: success}
)");
  const journey::DepthFirst walk = journey::depth_first(journey::build_step_graph(j), 0);
  CHECK_FALSE(walk.has_cycles);
  CHECK(walk.order == std::vector<std::size_t>{0, 1, 2});
}
