// Tests of the absorbing chain solver: expected visits, components, traps.
#include "journey/analysis/markov.h"

#include <cstddef>
#include <doctest/doctest.h>
#include <vector>

namespace {

struct Edge {
  std::size_t to;
  double p;
};

journey::Chain chain_of(const std::vector<std::vector<Edge>> &states) {
  journey::Chain chain;
  for (const auto &edges : states) {
    for (const Edge &e : edges) {
      chain.add_edge(e.to, e.p);
    }
    chain.close_state();
  }
  return chain;
}

} // namespace

TEST_CASE("expected_visits on a line") {
  const auto chain = chain_of({{{1, 1.0}}, {{2, 1.0}}, {}});
  const journey::Visits v = journey::expected_visits(chain, 0);
  REQUIRE(v.solved);
  CHECK(v.visits == std::vector<double>{1.0, 1.0, 1.0});
}

TEST_CASE("expected_visits on a one-loop rework chain: 1 / (1 - r)") {
  // 0 -> 1; 1 -> 0 with r = 0.25, 1 -> 2 (end) with 0.75.
  const auto chain = chain_of({{{1, 1.0}}, {{0, 0.25}, {2, 0.75}}, {}});
  const journey::Visits v = journey::expected_visits(chain, 0);
  REQUIRE(v.solved);
  CHECK(v.visits[0] == doctest::Approx(1.0 / 0.75));
  CHECK(v.visits[1] == doctest::Approx(1.0 / 0.75));
  CHECK(v.visits[2] == doctest::Approx(1.0));
}

TEST_CASE("expected_visits with a self loop and two absorbing states") {
  // 0 -> 0 with 0.5, 0 -> 1 with 0.3, 0 -> 2 with 0.2: two visits to 0, absorption 0.6 / 0.4.
  const auto chain = chain_of({{{0, 0.5}, {1, 0.3}, {2, 0.2}}, {}, {}});
  const journey::Visits v = journey::expected_visits(chain, 0);
  REQUIRE(v.solved);
  CHECK(v.visits[0] == doctest::Approx(2.0));
  CHECK(v.visits[1] == doctest::Approx(0.6));
  CHECK(v.visits[2] == doctest::Approx(0.4));
}

TEST_CASE("expected_visits solves a large loop sparsely") {
  // A ring of 200 states (beyond the dense limit): the last goes back with 0.5, else to the end.
  const std::size_t n = 200;
  std::vector<std::vector<Edge>> states(n + 1);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    states[i] = {{i + 1, 1.0}};
  }
  states[n - 1] = {{0, 0.5}, {n, 0.5}};
  const journey::Visits v = journey::expected_visits(chain_of(states), 0);
  REQUIRE(v.solved);
  for (std::size_t i = 0; i < n; ++i) {
    CHECK(v.visits[i] == doctest::Approx(2.0));
  }
  CHECK(v.visits[n] == doctest::Approx(1.0));
}

TEST_CASE("expected_visits ignores states that cannot be reached and zero-probability edges") {
  const auto chain = chain_of({{{2, 1.0}, {1, 0.0}}, {{2, 1.0}}, {}});
  const journey::Visits v = journey::expected_visits(chain, 0);
  REQUIRE(v.solved);
  CHECK(v.visits == std::vector<double>{1.0, 0.0, 1.0});
}

TEST_CASE("expected_visits reports a trap") {
  // 0 -> 1 or 3; 1 <-> 2 forever; 3 absorbing.
  const auto chain = chain_of({{{1, 0.5}, {3, 0.5}}, {{2, 1.0}}, {{1, 1.0}}, {}});
  const journey::Visits v = journey::expected_visits(chain, 0);
  CHECK_FALSE(v.solved);
  CHECK(v.trap == std::vector<std::size_t>{1, 2});
}

TEST_CASE("expected_visits reports a certain self loop as a trap") {
  const auto chain = chain_of({{{1, 1.0}}, {{1, 1.0}}});
  const journey::Visits v = journey::expected_visits(chain, 0);
  CHECK_FALSE(v.solved);
  CHECK(v.trap == std::vector<std::size_t>{1});
}

TEST_CASE("reachable_components come sources first") {
  // 0 -> 1 <-> 2 -> 3; 4 unreachable.
  const auto chain = chain_of({{{1, 1.0}}, {{2, 1.0}}, {{1, 0.5}, {3, 0.5}}, {}, {{0, 1.0}}});
  const journey::Components c = journey::reachable_components(chain, 0);
  REQUIRE(c.count() == 3);
  CHECK(c.component[0] == 0);
  CHECK(c.component[1] == 1);
  CHECK(c.component[2] == 1);
  CHECK(c.component[3] == 2);
  CHECK(c.component[4] == journey::Components::none);
  CHECK(c.first == std::vector<std::size_t>{0, 1, 3, 4});
}

TEST_CASE("reachable_components on a 100,000-state line does not recurse") {
  const std::size_t n = 100000;
  journey::Chain chain;
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 1 < n) {
      chain.add_edge(i + 1, 1.0);
    }
    chain.close_state();
  }
  const journey::Components c = journey::reachable_components(chain, 0);
  CHECK(c.count() == n);
  CHECK(c.component[n - 1] == n - 1);
}
