// The service-blueprint view as data (rows, columns, arrows with shares and handoffs), then its
// DOT: rows in the seen and out-of-sight clusters, stage headings before their steps.
#include "helpers.h"
#include "journey/render/blueprint.h"
#include "journey/render/graphviz.h"
#include "journey/render/views.h"

#include <algorithm>
#include <cmath>
#include <map>

using namespace journey;
using namespace journey::test;

namespace {

constexpr std::string_view kLoan = R"(
journey: loan
title: I want a loan
stages: [Apply, Decide, Get paid]
channels:
  post: {name: Post, kind: paper}
  phone: {name: Phone, kind: assisted}
teams:
  lending: Lending
  letters: Letters
  calls: Contact centre
steps:
  - id: apply
    name: Posts the form
    stage: Apply
    channel: post
    next: scan
  - id: scan
    name: Form scanned
    actor: system
    stage: Apply
    team: letters
    next: assess
  - id: assess
    name: Assesses
    stage: Decide
    team: lending
    wait: 7d
    next:
      - to: letter
        p: 0.75
        label: approved
      - to: call
        p: 0.2
      - to: gone
  - id: call
    name: Agent calls the customer
    actor: frontstage
    channel: phone
    team: calls
    stage: Decide
    next: [letter, letter]
  - id: letter
    name: Reads the letter
    stage: Get paid
    channel: post
    end: success
  - id: gone
    name: Gives up
    end: abandon
  - id: orphan
    name: Never reached
    stage: Apply
    end: success
)";

} // namespace

TEST_CASE("blueprint: each reached step in its actor's row and its stage's column") {
  const Journey journey = journey_from(kLoan);
  const JourneyGraph graph(journey);
  const BlueprintView view = blueprint_view(graph);
  REQUIRE(view.columns == std::vector<std::string>{"Apply", "Decide", "Get paid", "(no stage)"});
  std::map<std::string, std::pair<BlueprintView::Row, int>> where;
  for (const BlueprintView::Box &b : view.boxes) {
    where[journey.steps[b.step].id] = {b.row, b.column};
  }
  CHECK(where.size() == 6); // `orphan` is not reached
  CHECK(where["apply"] == std::pair{BlueprintView::Row::Customer, 0});
  CHECK(where["scan"] == std::pair{BlueprintView::Row::Support, 0});
  CHECK(where["assess"] == std::pair{BlueprintView::Row::Backstage, 1});
  CHECK(where["call"] == std::pair{BlueprintView::Row::Frontstage, 1});
  CHECK(where["letter"] == std::pair{BlueprintView::Row::Customer, 2});
  CHECK(where["gone"] == std::pair{BlueprintView::Row::Customer, 3});
}

TEST_CASE("blueprint: the shares out of every box add up to 100%, handoffs and visibility marked") {
  const Journey journey = journey_from(kLoan);
  const JourneyGraph graph(journey);
  const BlueprintView view = blueprint_view(graph);
  std::map<std::size_t, double> out;
  for (const BlueprintView::Arrow &a : view.arrows) {
    out[a.from] += a.share;
  }
  for (const auto &[box, total] : out) {
    INFO(journey.steps[view.boxes[box].step].id);
    CHECK(total == doctest::Approx(1.0));
  }
  const auto arrow = [&](std::string_view from, std::string_view to) {
    const auto it = std::find_if(view.arrows.begin(), view.arrows.end(), [&](const auto &a) {
      return journey.steps[view.boxes[a.from].step].id == from &&
             journey.steps[view.boxes[a.to].step].id == to;
    });
    REQUIRE(it != view.arrows.end());
    return *it;
  };
  // `call` names `letter` twice: one arrow carrying all its customers.
  CHECK(std::count_if(view.arrows.begin(), view.arrows.end(), [&](const auto &a) {
          return journey.steps[view.boxes[a.from].step].id == "call";
        }) == 1);
  CHECK(arrow("call", "letter").share == doctest::Approx(1.0));
  CHECK(arrow("assess", "letter").label == "approved · 75%");
  CHECK(arrow("assess", "gone").label == "5%");
  CHECK(arrow("scan", "assess").handoff);     // letters -> lending
  CHECK(arrow("assess", "call").handoff);     // lending -> contact centre
  CHECK_FALSE(arrow("apply", "scan").handoff); // the customer has no team
  CHECK(view.handoffs == 2);
  CHECK(arrow("apply", "scan").crosses_visibility);
  CHECK(arrow("assess", "call").crosses_visibility);
  CHECK_FALSE(arrow("scan", "assess").crosses_visibility);
}

TEST_CASE("blueprint: no columns when no step names a stage") {
  const Journey journey = journey_from(R"(
journey: plain
title: Plain
steps:
  - {id: a, name: A, next: b}
  - {id: b, name: B, actor: backstage, end: success}
)");
  const JourneyGraph graph(journey);
  const BlueprintView view = blueprint_view(graph);
  CHECK(view.columns.empty());
  REQUIRE(view.boxes.size() == 2);
  CHECK(view.boxes[1].column == -1);
  CHECK(view.boxes[1].row == BlueprintView::Row::Backstage);
}

TEST_CASE("blueprint DOT: rows inside the seen and unseen clusters, stage headings first") {
  const Journey journey = journey_from(kLoan);
  const DotGraph g = build_view(journey, View::Blueprint);
  std::map<std::string, std::string> parent_of; // row cluster -> its parent's name
  for (const DotCluster &c : g.clusters()) {
    if (c.parent != no_cluster) {
      parent_of[c.name] = g.cluster(c.parent).name;
    }
  }
  CHECK(parent_of["cluster_row0"] == "cluster_seen");
  CHECK(parent_of["cluster_row1"] == "cluster_seen");
  CHECK(parent_of["cluster_row2"] == "cluster_unseen");
  CHECK(parent_of["cluster_row3"] == "cluster_unseen");
  CHECK(parent_of["cluster_stages"] == "cluster_seen");
  CHECK(nodes_with_class(g, "stage").size() == 4);
  // The titles share the first rank, in order: stages, then the rows top to bottom.
  REQUIRE(!g.same_ranks().empty());
  CHECK(g.same_ranks()[0] ==
        std::vector<std::string>{"stages-title", "row0", "row1", "row2", "row3"});
  CHECK(edges_between(g, "row1", "row2").size() == 1);
  // A gate per column and one after the last in every row, sharing a rank with the heading.
  CHECK(std::find(g.same_ranks().begin(), g.same_ranks().end(),
                  std::vector<std::string>{"stage2", "row0-gate2", "row1-gate2", "row2-gate2",
                                           "row3-gate2"}) != g.same_ranks().end());
  CHECK(g.find_node("row3-gate5") != nullptr);
  CHECK(g.find_node("row3-gate6") == nullptr);
  // A step comes after its column's gate in its row (or on its rank), before the next gate.
  CHECK(edges_between(g, "row0-gate1", "s_apply").size() == 1);
  CHECK(*edge(g, "row0-gate1", "s_apply").attributes.get("minlen") == "0");
  CHECK(edges_between(g, "s_apply", "row0-gate2").size() == 1);
  CHECK(edges_between(g, "row2-gate2", "s_assess").size() == 1);
  CHECK(edges_between(g, "s_assess", "row2-gate3").size() == 1);
  // Down to a later row in the same column, unlabelled: may stay on the rank.
  CHECK(*edge(g, "s_apply", "s_scan").attributes.get("minlen") == "0");
  // Into the next column: one arrow.
  CHECK(edge(g, "s_scan", "s_assess").attributes.get("minlen") == nullptr);
  CHECK(edge(g, "s_scan", "s_assess").attributes.has_class("handoff"));
  // Further, between rows: along the earlier end's row to a bend, then across (over one rank: the
  // bend's way on weighs more), both parts styled as the arrow, the label on the first.
  CHECK(edges_between(g, "s_assess", "s_gone").empty());
  CHECK(g.find_node("bend1")->cluster == g.find_node("s_assess")->cluster);
  const DotEdge along = edge(g, "s_assess", "bend1");
  CHECK(*along.attributes.get("arrowhead") == "none");
  CHECK(*along.attributes.get("label") == "5%");
  CHECK(along.attributes.has_class("crosses-visibility"));
  const DotEdge across = edge(g, "bend1", "s_gone");
  CHECK(across.attributes.get("arrowhead") == nullptr);
  CHECK(*across.attributes.get("weight") == "10");
  CHECK(across.attributes.has_class("crosses-visibility"));
  const std::string dot = g.to_dot();
  CHECK(dot.find("service blueprint") != std::string::npos);
  CHECK(dot.find("line of visibility") != std::string::npos);
}

TEST_CASE("blueprint layout: stages on top, rows in order, every step in its stage's column") {
  const Journey journey = journey_from(kLoan);
  Expected<LayoutBoxes> boxes = layout_boxes(build_view(journey, View::Blueprint).to_dot());
  REQUIRE_MESSAGE(boxes, (boxes ? "" : boxes.error()));
  std::map<std::string, LayoutBox> at;
  for (const LayoutBox &b : boxes->nodes) {
    at[b.what] = b;
  }
  // y grows upwards.
  CHECK(at["stages-title"].y > at["row0"].y);
  CHECK(at["row0"].y > at["row1"].y);
  CHECK(at["row1"].y > at["row2"].y);
  CHECK(at["row2"].y > at["row3"].y);
  const auto left = [](const LayoutBox &b) { return b.x - b.width / 2; };
  const auto right = [](const LayoutBox &b) { return b.x + b.width / 2; };
  CHECK(right(at["stage1"]) < left(at["stage2"]));
  CHECK(right(at["stage2"]) < left(at["stage3"]));
  CHECK(right(at["stage3"]) < left(at["stage4"]));
  // Each step is on its heading's rank or after it, and ends before the next heading starts.
  const std::vector<std::pair<std::string, int>> columns{
      {"s_apply", 1}, {"s_scan", 1}, {"s_assess", 2}, {"s_call", 2}, {"s_letter", 3}, {"s_gone", 4}};
  for (const auto &[step, column] : columns) {
    INFO(step);
    REQUIRE(at.contains(step));
    CHECK(at[step].x >= at["stage" + std::to_string(column)].x - 1);
    if (column < 4) {
      CHECK(right(at[step]) < left(at["stage" + std::to_string(column + 1)]));
    }
  }
  // The customer's steps in the top row, the system's at the bottom.
  CHECK(at["s_apply"].y > at["s_call"].y);
  CHECK(at["s_call"].y > at["s_assess"].y);
  CHECK(at["s_assess"].y > at["s_scan"].y);
}

TEST_CASE("blueprint: arrows against time are drawn backwards, labels stay in their row") {
  const Journey journey = journey_from(R"(
journey: loop
title: Loop
stages: [First, Second]
steps:
  - {id: a, name: A, stage: First, next: b}
  - id: b
    name: B
    stage: First
    actor: backstage
    next:
      - {to: c, p: 0.5, label: on}
      - {to: a, p: 0.5, label: again}
  - id: c
    name: C
    stage: Second
    next:
      - {to: d, p: 0.5}
      - {to: a, p: 0.5, label: restart}
  - {id: d, name: D, stage: Second, end: success}
)");
  const JourneyGraph graph(journey);
  const BlueprintView view = blueprint_view(graph);
  std::map<std::pair<std::string, std::string>, BlueprintView::Arrow> by_ends;
  for (const BlueprintView::Arrow &a : view.arrows) {
    const std::string &from = journey.steps[view.boxes[a.from].step].id;
    by_ends[{from, journey.steps[view.boxes[a.to].step].id}] = a;
  }
  REQUIRE(by_ends.size() == 5);
  CHECK_FALSE(by_ends[{"a", "b"}].back);
  CHECK(by_ends[{"b", "a"}].back); // a loop inside one stage
  CHECK_FALSE(by_ends[{"b", "c"}].back);
  CHECK(by_ends[{"c", "a"}].back); // into an earlier stage
  CHECK_FALSE(by_ends[{"c", "d"}].back);

  const DotGraph g = build_view(journey, View::Blueprint);
  // Drawn from its head to its tail, the arrowhead at the head, the label in the row of the box
  // the DOT edge leaves (s_a, customer actions).
  const std::vector<DotEdge> restart = edges_between(g, "s_a", "s_c");
  REQUIRE(restart.size() == 1);
  CHECK(*restart[0].attributes.get("dir") == "back");
  CHECK(edges_between(g, "s_c", "s_a").empty());
  std::size_t in_rows = 0;
  for (const std::string &name : nodes_with_class(g, "edge-label")) {
    const DotNode *text = g.find_node(name);
    REQUIRE(text->cluster != no_cluster);
    const std::string &row = g.cluster(text->cluster).name;
    CHECK(row.starts_with("cluster_row"));
    in_rows += 1;
  }
  CHECK(in_rows == 4);
  std::size_t back_halves = 0;
  for (const DotEdge &e : g.edges()) {
    const DotNode *from = g.find_node(e.from);
    const std::string *dir = e.attributes.get("dir");
    if (from != nullptr && from->attributes.has_class("edge-label") && dir != nullptr) {
      const std::string *tail = e.attributes.get("arrowtail");
      REQUIRE(tail != nullptr);
      CHECK(*tail == "none"); // one arrowhead, at the head of the arrow
      ++back_halves;
    }
  }
  CHECK(back_halves == 2);
  Expected<LayoutBoxes> boxes = layout_boxes(g.to_dot());
  REQUIRE(boxes);
  CHECK(boxes->edge_labels.size() == 4);
}
