// Tests of the most likely path and the emotion curve: branches, loops, gaps, pains and stages.
#include "journey/analysis/emotion_curve.h"
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/metrics.h"
#include "helpers.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using doctest::Approx;
using journey::emotion_curve;
using journey::JourneyGraph;
using journey::most_likely_path;
using journey::test::parsed;

namespace {

std::vector<std::string> ids(const JourneyGraph &graph, const std::vector<std::size_t> &steps) {
  std::vector<std::string> out;
  for (const std::size_t s : steps) {
    out.push_back(graph.step(s).id);
  }
  return out;
}

constexpr const char *kBranchy = R"(
journey: branchy
title: T
steps:
  - id: ask
    name: Ask
    emotion: -1
    pain: Hard to find the number
    next:
      - {to: short, p: 40%}
      - {to: long, p: 60%}
  - id: short
    name: Short way
    emotion: 2
    next: done
  - id: long
    name: Long way
    next:
      - {to: ask, p: 30%}
      - {to: wait, p: 70%}
  - id: wait
    name: Wait for the letter
    emotion: -3
    pain: [No news for a week, Letter unclear]
    next: done
  - id: done
    name: Done
    emotion: 1
    end: success
)";

} // namespace

TEST_CASE("most_likely_path takes the most probable way to an end, never a loop") {
  const journey::Journey journey = parsed(kBranchy);
  const JourneyGraph graph(journey);
  const journey::LikelyPath path = most_likely_path(graph);
  // ask-long-wait-done is 0.6 x 0.7 = 0.42, ask-short-done is 0.4: the longer way wins.
  CHECK(ids(graph, path.steps) == std::vector<std::string>{"ask", "long", "wait", "done"});
  CHECK(path.probability == Approx(0.42));
}

TEST_CASE("most_likely_path prefers the shorter way when it is more likely") {
  std::string text = kBranchy;
  text.replace(text.find("{to: ask, p: 30%}"), 17, "{to: ask, p: 50%}");
  text.replace(text.find("{to: wait, p: 70%}"), 18, "{to: wait, p: 50%}");
  const journey::Journey journey = parsed(text);
  const JourneyGraph graph(journey);
  const journey::LikelyPath path = most_likely_path(graph);
  CHECK(ids(graph, path.steps) == std::vector<std::string>{"ask", "short", "done"});
  CHECK(path.probability == Approx(0.4));
}

TEST_CASE("most_likely_path without a reachable end follows the likeliest branch once round") {
  const journey::Journey journey = parsed(R"(
journey: trap
title: T
steps:
  - id: a
    name: A
    next: [b]
  - id: b
    name: B
    next:
      - {to: c, p: 90%}
      - {to: a, p: 10%}
  - id: c
    name: C
    next: b
)");
  const JourneyGraph graph(journey);
  const journey::LikelyPath path = most_likely_path(graph);
  CHECK(ids(graph, path.steps) == std::vector<std::string>{"a", "b", "c"});
  CHECK(path.probability == Approx(0.9));
}

TEST_CASE("emotion_curve: gaps stay gaps, pains are marked, the lowest point is found") {
  const journey::Journey journey = parsed(kBranchy);
  const JourneyGraph graph(journey);
  const journey::EmotionCurve curve = emotion_curve(graph);
  REQUIRE(curve.points.size() == 4);
  CHECK(curve.points[0].emotion == -1);
  CHECK_FALSE(curve.points[1].emotion.has_value()); // `long` states no emotion: a gap, not 0
  CHECK(curve.points[2].emotion == -3);
  CHECK(curve.points[2].pain == std::vector<std::string>{"No news for a week", "Letter unclear"});
  CHECK(curve.rated == 3);
  CHECK(curve.pains == 2);
  REQUIRE(curve.mean.has_value());
  CHECK(*curve.mean == Approx(-1.0)); // (-1 - 3 + 1) / 3, the gap not counted
  CHECK(curve.lowest == 2);
  CHECK(curve.stages.empty());
}

TEST_CASE("emotion_curve: stage runs and their means") {
  const journey::Journey journey = parsed(kBranchy);
  const JourneyGraph graph(journey);
  // ask, short, long, wait, done
  const std::vector<std::string> stages{"Apply", "Apply", "Apply", "Wait", "Use"};
  const journey::EmotionCurve curve = emotion_curve(graph, stages);
  REQUIRE(curve.stages.size() == 3);
  CHECK(curve.stages[0].stage == "Apply");
  CHECK(curve.stages[0].first == 0);
  CHECK(curve.stages[0].last == 1);
  CHECK(curve.stages[0].mean == Approx(-1.0)); // `long` has none
  CHECK(curve.stages[0].pains == 1);
  CHECK(curve.stages[1].stage == "Wait");
  CHECK(curve.stages[1].mean == Approx(-3.0));
  CHECK(curve.stages[1].pains == 1);
  CHECK(curve.stages[2].stage == "Use");
  CHECK(curve.stages[2].first == 3);
  CHECK(curve.stages[2].mean == Approx(1.0));
}

TEST_CASE("emotion_curve of a journey without emotions has no mean and no lowest point") {
  const journey::Journey journey = parsed(R"(
journey: flat
title: T
steps:
  - id: a
    name: A
    next: b
  - id: b
    name: B
    end: success
)");
  const JourneyGraph graph(journey);
  const journey::EmotionCurve curve = emotion_curve(graph);
  CHECK(curve.points.size() == 2);
  CHECK(curve.rated == 0);
  CHECK_FALSE(curve.mean.has_value());
  CHECK_FALSE(curve.lowest.has_value());
}

TEST_CASE("most_likely_path is linear on a long chain of branches") {
  std::string text = "journey: long\ntitle: T\nsteps:\n";
  constexpr int kSteps = 20000;
  for (int i = 0; i < kSteps; ++i) {
    text += "  - id: s" + std::to_string(i) + "\n    name: S\n";
    if (i + 1 < kSteps) {
      text += "    next:\n      - {to: s" + std::to_string(i + 1) + ", p: 90%}\n      - {to: s0}\n";
    } else {
      text += "    end: success\n";
    }
  }
  const journey::Journey journey = parsed(text);
  const JourneyGraph graph(journey);
  const journey::LikelyPath path = most_likely_path(graph);
  CHECK(path.steps.size() == kSteps);
}

TEST_CASE("compute_metrics lists every step's wait, the top five among them") {
  std::string text = "journey: waits\ntitle: T\nsteps:\n";
  for (int i = 1; i <= 7; ++i) {
    text += "  - id: s" + std::to_string(i) + "\n    name: S\n    wait: " + std::to_string(i) +
            "h\n" + (i < 7 ? "    next: s" + std::to_string(i + 1) + "\n" : "    end: success\n");
  }
  const journey::JourneyMetrics m = journey::compute_metrics(parsed(text));
  REQUIRE(m.step_waits.size() == 7);
  CHECK(m.step_waits.front().step == "s7");
  CHECK(m.step_waits.back().step == "s1");
  CHECK(m.step_waits.back().share == Approx(1.0 / 28));
  REQUIRE(m.top_waits.size() == 5);
  CHECK(m.top_waits.back().step == "s3");
}
