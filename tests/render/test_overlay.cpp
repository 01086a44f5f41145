// Stage bands and the emotion lane: the overlay model from node boxes, and from a real layout.
#include "helpers.h"
#include "journey/analysis/journey_graph.h"
#include "journey/load/workspace.h"
#include "journey/render/graphviz.h"
#include "journey/render/outside_in.h"
#include "journey/render/overlay.h"
#include "journey/render/views.h"

#include <algorithm>
#include <filesystem>
#include <map>

using namespace journey;
using namespace journey::test;

namespace {

// Apply loops back from Review to Fill in (an earlier stage); `chat` has no stage.
constexpr std::string_view kStaged = R"(
journey: staged
title: Apply in stages
start: Needs a permit
stages: [Discover, Apply, Review]
channels:
  web: {name: Website, kind: digital}
  desk: {name: Desk, kind: assisted}
steps:
  - id: read
    name: Reads the rules
    stage: Discover
    channel: web
    emotion: 1
    next: fill
  - id: fill
    name: Fills in the form
    stage: Apply
    channel: web
    emotion: -1
    pain: The form asks twice for the address
    next: check
  - id: check
    name: Clerk checks the form
    stage: Review
    actor: backstage
    next:
      - to: told
        p: 0.7
      - to: fix
        p: 0.3
        label: incomplete
  - id: fix
    name: Is told to fix the form
    stage: Review
    actor: frontstage
    channel: desk
    emotion: -3
    pain: Nobody says what is missing
    next:
      - to: fill
        p: 0.8
        label: tries again
      - to: chat
        p: 0.2
  - id: chat
    name: Asks on the chat
    channel: web
    next: told
  - id: told
    name: Gets the permit
    stage: Review
    channel: web
    emotion: 2
    end: success
)";

OverlayNode box(std::string name, double y, double height, int band) {
  OverlayNode n;
  n.name = std::move(name);
  n.x = 100;
  n.y = y;
  n.width = 80;
  n.height = height;
  n.band = band;
  return n;
}

/// The overlay input of a built view after a real layout: positions from Graphviz, the overlay
/// attributes from the DOT that was laid out.
OverlayInput laid_out(const DotGraph &graph) {
  Expected<LayoutBoxes> boxes = layout_boxes(graph.to_dot());
  REQUIRE(boxes);
  OverlayInput input;
  input.bands = true;
  input.emotion = true;
  input.left = 1e9;
  input.right = -1e9;
  auto number = [](const DotNode &n, std::string_view key) -> std::optional<int> {
    const std::string *v = n.attributes.get(key);
    return v == nullptr ? std::nullopt : std::optional<int>(std::stoi(*v));
  };
  for (const LayoutBox &b : boxes->nodes) {
    const DotNode *n = graph.find_node(b.what);
    REQUIRE(n != nullptr);
    OverlayNode o;
    o.name = b.what;
    o.x = b.x;
    o.y = b.y;
    o.width = b.width;
    o.height = b.height;
    o.band = number(*n, kBandAttribute).value_or(-1);
    o.band_head = number(*n, kBandHeadAttribute).value_or(-1);
    o.axis = n->attributes.get(kAxisAttribute) != nullptr;
    input.left = std::min(input.left, b.x - b.width / 2);
    input.right = std::max(input.right, b.x + b.width / 2);
    input.nodes.push_back(std::move(o));
  }
  return input;
}

} // namespace

TEST_CASE("overlay: bands in band order, each holding its boxes, neighbours meeting half way") {
  OverlayInput input;
  input.bands = true;
  input.left = 0;
  input.right = 400;
  // Graphviz's y grows upwards: band 0 on top. Band 2 has no box and gets no band.
  input.nodes = {box("b", 300, 40, 1), box("a", 500, 40, 0), box("c", 200, 40, 3),
                 box("a2", 440, 30, 0), box("other", 900, 40, -1)};
  OverlayNode head = box("head0", 520, 20, -1);
  head.band_head = 0;
  input.nodes.push_back(head);
  const Overlay o = compute_overlay(input);
  REQUIRE(o.bands.size() == 3);
  CHECK(o.bands[0].band == 0);
  CHECK(o.bands[1].band == 1);
  CHECK(o.bands[2].band == 3);
  CHECK(o.bands[0].top == doctest::Approx(530 + 6));  // the heading's top and a margin
  CHECK(o.bands[0].bottom == doctest::Approx((425 + 320) / 2.0));
  CHECK(o.bands[1].top == doctest::Approx(o.bands[0].bottom));
  CHECK(o.bands[1].bottom == doctest::Approx((280 + 220) / 2.0));
  CHECK(o.bands[2].bottom == doctest::Approx(180 - 6));
  CHECK(o.left == 0);
  CHECK(o.right == 400);
  CHECK(o.points.empty());
  CHECK_FALSE(o.axis);
}

TEST_CASE("overlay: emotion points level with their boxes, in path order, on a -3..+3 axis") {
  OverlayInput input;
  input.emotion = true;
  input.nodes = {box("s_a", 500, 40, -1), box("s_b", 300, 40, -1), box("s_c", 100, 40, -1)};
  OverlayNode head = box("emotion", 600, 30, -1);
  head.x = 400;
  head.width = 100;
  head.axis = true;
  input.nodes.push_back(head);
  const std::vector<std::pair<std::string, std::optional<int>>> path = {
      {"s_b", -3}, {"s_a", 3}, {"s_c", std::nullopt}};
  for (std::size_t i = 0; i < path.size(); ++i) {
    OverlayNode spacer = box("emotion" + std::to_string(i + 1), 0, 20, -1);
    spacer.x = 400;
    spacer.width = 100;
    spacer.point = static_cast<int>(path.size() - 1 - i); // given out of order
    spacer.point_step = path[path.size() - 1 - i].first;
    spacer.emotion = path[path.size() - 1 - i].second;
    spacer.pains = spacer.point_step == "s_b" ? 2 : 0;
    input.nodes.push_back(spacer);
  }
  const Overlay o = compute_overlay(input);
  REQUIRE(o.axis);
  CHECK(o.axis->minus3 == doctest::Approx(350 + 11));
  CHECK(o.axis->plus3 == doctest::Approx(450 - 11));
  CHECK(o.axis->top <= 600 - 15);
  REQUIRE(o.points.size() == 3);
  CHECK(o.points[0].y == 300); // level with s_b, not with its spacer
  CHECK(o.points[1].y == 500);
  CHECK(o.points[2].y == 100);
  CHECK(o.points[0].x == doctest::Approx(o.axis->minus3));
  CHECK(o.points[1].x == doctest::Approx(o.axis->plus3));
  CHECK(o.points[0].pain);
  CHECK_FALSE(o.points[1].pain);
  CHECK_FALSE(o.points[2].emotion);
  CHECK(o.axis->bottom <= 100);

  const std::string xdot = overlay_xdot(o);
  CHECK(xdot == overlay_xdot(compute_overlay(input))); // deterministic
  CHECK(xdot.find("#d62728") != std::string::npos);    // the pain point
  CHECK(xdot.find("-\u22123") != std::string::npos);    // axis labels
  CHECK(xdot.find("-+3") != std::string::npos);
  // One line through the two rated points; the unrated one is a gap with no dot.
  std::size_t lines = 0, dots = 0;
  for (std::size_t at = xdot.find("L 2 "); at != std::string::npos; at = xdot.find("L 2 ", at + 1)) {
    ++lines;
  }
  for (std::size_t at = xdot.find("E "); at != std::string::npos; at = xdot.find("E ", at + 1)) {
    ++dots;
  }
  CHECK(dots == 2);
  CHECK(lines >= 4); // the -3, +3 and 0 rules, and the line through the points
}

TEST_CASE("overlay: no bands and no lane draw nothing") {
  CHECK(overlay_xdot(compute_overlay(OverlayInput{})).empty());
}

TEST_CASE("outside-in: bands by stage, a loop back to an earlier stage, a step without a stage") {
  const Journey journey = journey_from(kStaged);
  const JourneyGraph graph(journey);
  const OutsideInView view = outside_in_view(graph);
  REQUIRE(view.bands == std::vector<std::string>{"Discover", "Apply", "Review", "(no stage)"});
  std::map<std::string, int> band;
  for (const OutsideInView::Box &b : view.boxes) {
    if (b.kind == OutsideInView::BoxKind::Step) {
      band[journey.steps[b.step].id] = b.band;
    }
  }
  CHECK(band["read"] == 0);
  CHECK(band["fill"] == 1);
  CHECK(band["fix"] == 2);
  CHECK(band["chat"] == 3);
  CHECK(view.boxes.front().band == -1); // the start, above every band
  std::size_t backward = 0;
  for (const OutsideInView::Arrow &a : view.arrows) {
    const bool back = view.boxes[a.to].band < view.boxes[a.from].band && view.boxes[a.to].band >= 0;
    CHECK(a.backward == back);
    backward += a.backward ? 1 : 0;
  }
  CHECK(backward == 2); // fix -> fill, and chat (no stage) -> told

  const DotGraph g = build_view(journey, View::OutsideIn, ViewOptions{});
  // The loop back is drawn from its head, pointing back at it.
  bool drawn_back = false;
  for (const DotEdge &e : arrows(g)) {
    const std::string *dir = e.attributes.get("dir");
    if (e.from == "s_fill" && e.to == "s_fix") {
      drawn_back = dir != nullptr && *dir == "back";
    }
  }
  CHECK(drawn_back);
  CHECK(*g.graph_attributes().get(kOverlayAttribute) == "stage-bands,emotion-lane");

  // After a real layout every box lies inside its band, and the bands come in stage order.
  const Overlay o = compute_overlay(laid_out(g));
  REQUIRE(o.bands.size() == 4);
  for (std::size_t k = 0; k + 1 < o.bands.size(); ++k) {
    CHECK(o.bands[k].band == static_cast<int>(k));
    CHECK(o.bands[k].bottom >= o.bands[k + 1].top - 0.01);
  }
  for (const OverlayNode &n : laid_out(g).nodes) {
    if (n.band < 0 && n.band_head < 0) {
      continue;
    }
    const int k = n.band >= 0 ? n.band : n.band_head;
    INFO(n.name);
    CHECK(n.y + n.height / 2 <= o.bands[static_cast<std::size_t>(k)].top + 0.01);
    CHECK(n.y - n.height / 2 >= o.bands[static_cast<std::size_t>(k)].bottom - 0.01);
  }
}

TEST_CASE("outside-in: the emotion lane follows the most likely path, and can be left out") {
  const Journey journey = journey_from(kStaged);
  const JourneyGraph graph(journey);
  const OutsideInView view = outside_in_view(graph);
  std::vector<std::string> path;
  for (const OutsideInView::Point &p : view.emotion) {
    path.push_back(journey.steps[view.boxes[p.box].step].id);
  }
  CHECK(path == std::vector<std::string>{"read", "fill", "told"});
  CHECK(view.emotion[1].pain.size() == 1);

  const DotGraph g = build_view(journey, View::OutsideIn, ViewOptions{});
  const DotNode *second = g.find_node("emotion2");
  REQUIRE(second != nullptr);
  CHECK(*second->attributes.get(kPointStepAttribute) == "s_fill");
  CHECK(*second->attributes.get(kEmotionAttribute) == "-1");
  CHECK(*second->attributes.get("tooltip") == "The form asks twice for the address");
  // Level with its box: on one rank.
  CHECK(std::ranges::any_of(g.same_ranks(), [](const std::vector<std::string> &r) {
    return r == std::vector<std::string>{"s_fill", "emotion2"};
  }));

  ViewOptions without;
  without.emotion_lane = false;
  const DotGraph plain = build_view(journey, View::OutsideIn, without);
  CHECK(plain.find_node("emotion") == nullptr);
  CHECK(*plain.graph_attributes().get(kOverlayAttribute) == "stage-bands");
  // Not in the compare view.
  const DotGraph compare = build_view(journey, View::Compare, ViewOptions{});
  CHECK(compare.graph_attributes().get(kOverlayAttribute) == nullptr);
  CHECK(compare.find_node("oi_emotion") == nullptr);
}

TEST_CASE("outside-in: no emotion lane when only steps out of sight state an emotion") {
  const Journey journey = journey_from(R"(
journey: hidden
title: I want an answer
steps:
  - id: ask
    name: Asks
    next: check
  - id: check
    name: Checks
    actor: backstage
    emotion: -2
    next: told
  - id: told
    name: Is told
    end: success
)");
  const OutsideInView view = outside_in_view(JourneyGraph(journey));
  CHECK(view.emotion.empty());
  const DotGraph g = build_view(journey, View::OutsideIn, ViewOptions{});
  CHECK(g.find_node("emotion") == nullptr);
  CHECK(g.graph_attributes().get(kOverlayAttribute) == nullptr);
}

TEST_CASE("outside-in: in every bundled journey with stages, each box lies inside its band") {
  const std::filesystem::path source = JOURNEY_SOURCE_DIR;
  Workspace workspace(std::nullopt, {});
  std::vector<Diagnostic> errors;
  const std::vector<std::string> paths =
      workspace.expand({(source / "journeys").string()}, errors);
  REQUIRE(errors.empty());
  std::size_t staged = 0;
  for (const std::string &path : paths) {
    LoadedFile file = workspace.load(path);
    if (file.is_catalog || !file.readable) {
      continue;
    }
    const DotGraph g = build_view(file.journey, View::OutsideIn, ViewOptions{});
    const OverlayInput input = laid_out(g);
    const Overlay o = compute_overlay(input);
    if (o.bands.empty()) {
      continue;
    }
    ++staged;
    INFO(path);
    for (std::size_t k = 0; k + 1 < o.bands.size(); ++k) {
      CHECK(o.bands[k].band < o.bands[k + 1].band);
      CHECK(o.bands[k].bottom >= o.bands[k + 1].top - 0.01);
    }
    std::size_t boxes = 0;
    for (const OverlayNode &n : input.nodes) {
      if (n.band < 0) {
        continue;
      }
      ++boxes;
      const auto band = std::ranges::find_if(o.bands, [&](const OverlayBand &b) { return b.band == n.band; });
      REQUIRE(band != o.bands.end());
      INFO(n.name);
      CHECK(n.y + n.height / 2 <= band->top + 0.01);
      CHECK(n.y - n.height / 2 >= band->bottom - 0.01);
    }
    CHECK(boxes > 0);
  }
  CHECK(staged >= 2); // apply-by-post and open-bank-account
}
