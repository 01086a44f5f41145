// Tests of customer flow: edge traversals, passages through steps out of sight, rounded shares.
#include "journey/analysis/flow.h"
#include "helpers.h"

#include <doctest/doctest.h>
#include <numeric>

using journey::test::parsed;
using journey::Flags;

namespace {

// An email enquiry: the customer writes (shown), triage and the reply are out of sight.
// Out of `write`: triage sends 70% to an adviser, who answers 52% and asks for more 48%;
// 30% go to the complaints team, who always call.
constexpr std::string_view kEnquiry = R"(
journey: enquiry
title: I want an answer
steps:
  - id: write
    name: Emails the question
    next: triage
  - id: triage
    name: Triage
    actor: backstage
    next:
      - {to: adviser, p: 0.7}
      - {to: complaints, p: 0.3}
  - id: adviser
    name: Adviser reads it
    actor: backstage
    next:
      - {to: answered, p: 0.52, label: answered}
      - {to: more, p: 0.48, label: asks for more}
  - id: complaints
    name: Complaints team reads it
    actor: backstage
    next: called
  - id: more
    name: Sends the details asked for
    next: triage
  - id: answered
    name: Reads the answer
    end: success
  - id: called
    name: Gets a call
    end: success
)";

Flags shown_customer_steps(const journey::JourneyGraph &graph) {
  Flags shown(graph.size(), 0);
  for (std::size_t s = 0; s < graph.size(); ++s) {
    shown[s] = graph.step(s).actor == journey::Actor::Customer || graph.is_end(s);
  }
  return shown;
}

std::size_t index_of(const journey::Journey &j, std::string_view id) {
  for (std::size_t s = 0; s < j.steps.size(); ++s) {
    if (j.steps[s].id == id) {
      return s;
    }
  }
  FAIL("no step " << id);
  return 0;
}

} // namespace

TEST_CASE("passages_out_of_sight: the chance of coming out at each shown step, not the last branch") {
  const journey::Journey j = parsed(kEnquiry);
  const journey::JourneyGraph graph(j);
  const auto passages = journey::passages_out_of_sight(graph, shown_customer_steps(graph));
  const std::size_t triage = index_of(j, "triage");
  REQUIRE(passages[triage].size() == 3);
  // Sorted by step: more (4), answered (5), called (6).
  CHECK(passages[triage][0].to == index_of(j, "more"));
  CHECK(passages[triage][0].p == doctest::Approx(0.7 * 0.48));
  CHECK(passages[triage][1].to == index_of(j, "answered"));
  CHECK(passages[triage][1].p == doctest::Approx(0.7 * 0.52)); // 36.4%, not the 52% drawn before
  CHECK(passages[triage][2].to == index_of(j, "called"));
  CHECK(passages[triage][2].p == doctest::Approx(0.3));
  // Only steps entered from a shown step get a list.
  CHECK(passages[index_of(j, "adviser")].empty());
  CHECK(passages[index_of(j, "complaints")].empty());
}

TEST_CASE("passages_out_of_sight: a loop out of sight is solved, a trap loses its share") {
  const journey::Journey j = parsed(R"(
journey: loops
title: I want an answer
steps:
  - id: post
    name: Posts the form
    next: check
  - id: check
    name: Checks
    actor: backstage
    next:
      - {to: rework, p: 0.2}
      - {to: stuck, p: 0.1}
      - {to: done, p: 0.7}
  - id: rework
    name: Reworks
    actor: backstage
    next: check
  - id: stuck
    name: Parked
    actor: backstage
    next: parked
  - id: parked
    name: Still parked
    actor: backstage
    next: stuck
  - id: done
    name: Told
    end: success
)");
  const journey::JourneyGraph graph(j);
  const auto passages = journey::passages_out_of_sight(graph, shown_customer_steps(graph));
  const auto &out = passages[index_of(j, "check")];
  REQUIRE(out.size() == 1);
  CHECK(out[0].to == index_of(j, "done"));
  // Each pass: 0.7 out, 0.2 round again, 0.1 parked for ever: 0.7 / (1 - 0.2).
  CHECK(out[0].p == doctest::Approx(0.7 / 0.8));
}

TEST_CASE("passages_out_of_sight: a hidden entry gets its list") {
  const journey::Journey j = parsed(R"(
journey: hidden-entry
title: I want an answer
steps:
  - id: letter
    name: Letter printed
    actor: backstage
    next:
      - {to: a, p: 0.25}
      - {to: b, p: 0.75}
  - id: a
    name: Reads A
    end: success
  - id: b
    name: Reads B
    end: success
)");
  const journey::JourneyGraph graph(j);
  const auto passages = journey::passages_out_of_sight(graph, shown_customer_steps(graph));
  REQUIRE(passages[0].size() == 2);
  CHECK(passages[0][0].p == doctest::Approx(0.25));
  CHECK(passages[0][1].p == doctest::Approx(0.75));
}

TEST_CASE("edge_flow: visits of the step times its probability, loops included") {
  const journey::Journey j = parsed(kEnquiry);
  const journey::JourneyGraph graph(j);
  const std::vector<double> flow = journey::edge_flow(graph);
  REQUIRE(flow.size() == graph.edge_count());
  // Triage is visited 1 / (1 - 0.7 * 0.48) times.
  const double triage = 1 / (1 - 0.7 * 0.48);
  const std::size_t t = index_of(j, "triage");
  CHECK(flow[graph.begin(t)] == doctest::Approx(triage * 0.7));
  CHECK(flow[graph.begin(t) + 1] == doctest::Approx(triage * 0.3));
  const std::size_t adviser = index_of(j, "adviser");
  CHECK(flow[graph.begin(adviser)] == doctest::Approx(triage * 0.7 * 0.52));
  // Everyone ends once: the flows into the two ends add up to 1.
  CHECK(flow[graph.begin(adviser)] + flow[graph.begin(index_of(j, "complaints"))] ==
        doctest::Approx(1.0));
}

TEST_CASE("largest_remainder: parts add up to the total, each its figure rounded up or down") {
  using journey::largest_remainder;
  CHECK(largest_remainder(std::vector<double>{1, 1, 1}, 100) == std::vector<long>{34, 33, 33});
  CHECK(largest_remainder(std::vector<double>{0.75, 0.15, 0.10}, 100) ==
        std::vector<long>{75, 15, 10});
  // 36.4 + 33.6 + 30 with tenths.
  CHECK(largest_remainder(std::vector<double>{0.364, 0.336, 0.3}, 1000) ==
        std::vector<long>{364, 336, 300});
  // Not normalised: shares of 0.8 in all are scaled to the whole.
  CHECK(largest_remainder(std::vector<double>{0.2, 0.6}, 100) == std::vector<long>{25, 75});
  CHECK(largest_remainder(std::vector<double>{0.0, 0.0}, 100) == std::vector<long>{0, 0});
  CHECK(largest_remainder(std::vector<double>{}, 100).empty());
  // 1/7 each: 14.28..., two get 15.
  const auto sevenths = largest_remainder(std::vector<double>(7, 1.0 / 7), 100);
  CHECK(std::accumulate(sevenths.begin(), sevenths.end(), 0L) == 100);
  for (const long part : sevenths) {
    CHECK((part == 14 || part == 15));
  }
}
