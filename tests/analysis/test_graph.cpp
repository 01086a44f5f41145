// Tests of the journey graph: branch probabilities, edges, the walk, components and changes.
#include "journey/analysis/changes.h"
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/paths.h"
#include "helpers.h"

#include <doctest/doctest.h>

using journey::test::parsed;
using journey::Flags;

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

TEST_CASE("JourneyGraph edges carry the branch rule once") {
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
  const journey::JourneyGraph g(j);
  REQUIRE(g.size() == 3);
  REQUIRE(g.edge_count() == 3);
  CHECK(g.begin(0) == 0);
  CHECK(g.end(0) == 2);
  CHECK(g.end(2) == 3);
  CHECK(g.edge(0).to == 1);
  CHECK(g.edge(0).p == doctest::Approx(0.8));
  CHECK(g.edge(0).branch);
  CHECK(g.edge(1).p == doctest::Approx(0.2));
  CHECK(g.edge(2).p == 1.0);
  CHECK_FALSE(g.edge(2).branch);
  CHECK(g.transition(g.edge(1)).to == "c");
  CHECK(g.in(2).size() == 2);
  CHECK(g.in(0).empty());
}

TEST_CASE("JourneyGraph: unresolved targets, ends and repeated targets") {
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
  - id: c
    name: C
    next: [a, a]
  - id: d
    name: D
)");
  const journey::JourneyGraph g(j);
  REQUIRE(g.out(0).size() == 1);
  CHECK(g.out(0)[0].to == 1);
  CHECK(g.out(0)[0].p == 1.0);
  CHECK(g.out(1).empty()); // an end step ends the journey, whatever its `next` says
  REQUIRE(g.out(2).size() == 2);
  CHECK_FALSE(g.out(2)[0].repeat);
  CHECK(g.out(2)[1].repeat);
  // Leaves: a next naming no step, an end, no next at all.
  CHECK(g.leaves(0));
  CHECK(g.leaves(1));
  CHECK_FALSE(g.leaves(2));
  CHECK(g.leaves(3));
  CHECK(g.reachable() == Flags{1, 1, 0, 0});
  CHECK(g.can_leave() == Flags{1, 1, 1, 1});
}

TEST_CASE("JourneyGraph walk: order, back edges and the loops they close") {
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
  const journey::JourneyGraph g(j);
  const journey::DepthFirst &walk = g.walk();
  CHECK(walk.has_cycles);
  CHECK(walk.order == std::vector<std::size_t>{0, 1, 2, 3});
  CHECK(walk.reached == Flags{1, 1, 1, 1, 0});
  // Edges: a->b, b->c, b->d, c->b (back), c->d, orphan->d.
  CHECK(walk.back == Flags{0, 0, 0, 1, 0, 0});
  std::vector<std::vector<std::size_t>> loops;
  g.for_each_back_edge([&](const journey::Edge &e, std::span<const std::size_t> loop) {
    CHECK(e.from == 2);
    CHECK(e.to == 1);
    loops.emplace_back(loop.begin(), loop.end());
  });
  CHECK(loops == std::vector<std::vector<std::size_t>>{{1, 2}});
  // b and c form one component; every other step is its own.
  CHECK(g.component_count() == 4);
  CHECK(g.component()[1] == g.component()[2]);
  CHECK(g.component()[0] != g.component()[1]);
}

TEST_CASE("JourneyGraph walk on a line has no cycles") {
  const journey::Journey j = parsed(R"(
journey: g
title: Graph
steps:
  - {id: a, name: A, next: b}
  - {id: b, name: B, next: c}
  - {id: c, name: C, end: success}
)");
  const journey::JourneyGraph g(j);
  CHECK_FALSE(g.walk().has_cycles);
  CHECK(g.walk().order == std::vector<std::size_t>{0, 1, 2});
  CHECK(g.component_count() == 3);
}

TEST_CASE("JourneyGraph on an empty journey") {
  const journey::Journey j;
  const journey::JourneyGraph g(j);
  CHECK(g.size() == 0);
  CHECK(g.edge_count() == 0);
  CHECK(g.walk().order.empty());
  CHECK(g.component_count() == 0);
}

TEST_CASE("marker_changes: the handoffs journey metrics counts, as pairs of steps") {
  const journey::Journey j = parsed(R"(
journey: g
title: Graph
teams: {a: A, b: B}
steps:
  - {id: one, name: One, team: a, actor: backstage, next: two}
  - {id: two, name: Two, team: b, actor: backstage, next: [call, three]}
  - {id: call, name: Call, next: three}
  - {id: three, name: Three, team: a, actor: backstage, end: success}
)");
  const journey::JourneyGraph g(j);
  const auto changes = journey::marker_changes(g, g.team_marker());
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].from == 0);
  CHECK(changes[0].to == 1);
  CHECK(changes[0].direct);
  CHECK(changes[1].from == 1);
  CHECK(changes[1].to == 3);
  // two -> three is both direct and through the customer's call: listed once, as direct.
  CHECK(changes[1].direct);
}

TEST_CASE("part_bounds: routes inside a part, alternatives not added up") {
  // a -> (x | y) -> z: x and y are alternatives inside one part {x, y, z}.
  const journey::Journey j = parsed(R"(
journey: g
title: Graph
steps:
  - {id: a, name: A, next: [x, y]}
  - {id: x, name: X, wait: 1d, next: z}
  - {id: y, name: Y, wait: 2d, next: z}
  - {id: z, name: Z, wait: 1h, end: success}
)");
  const journey::JourneyGraph g(j);
  constexpr std::size_t none = journey::PartBounds::none;
  const std::vector<std::size_t> part{none, 0, 0, 0};
  std::vector<double> wait;
  for (const journey::Step &s : j.steps) {
    wait.push_back(s.wait);
  }
  const journey::PartBounds b = journey::part_bounds(g, part, {1, 2}, wait);
  CHECK(b.min[3] == doctest::Approx(86400 + 3600));
  CHECK(b.max[3] == doctest::Approx(2 * 86400 + 3600));
  CHECK((b.first_in[3] == g.begin(1) || b.first_in[3] == g.begin(2)));
  CHECK(b.first_in[1] == journey::PartBounds::none);
}
