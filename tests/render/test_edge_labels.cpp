// Edge labels as nodes: which arrows are split, where the text node goes, what each half keeps.
#include "journey/render/edge_labels.h"
#include "journey/render/graphviz.h"

#include <doctest/doctest.h>

using namespace journey;

TEST_CASE("a labelled arrow becomes tail -> text node -> head, in the clusters of both ends") {
  DotGraph graph;
  graph.edge_defaults().set("fontsize", "9").set("fontcolor", "#666666");
  const ClusterId outer = graph.add_cluster("outer");
  const ClusterId lane = graph.add_cluster("lane", outer);
  const ClusterId other = graph.add_cluster("other", outer);
  graph.add_node("a", lane);
  graph.add_node("b", lane);
  graph.add_node("c", other);
  graph.add_node("d");
  graph.add_node("label_1"); // a name in use is skipped
  graph.add_edge("a", "b").attributes.set_html("label", "yes · 80%").set("color", "red").add_class("switch");
  graph.add_edge("a", "c").attributes.set_html("label", "no · 20%");
  graph.add_edge("c", "d").attributes.set("label", "plain");
  graph.add_edge("b", "d"); // no label: unchanged
  graph.add_edge("d", "a").attributes.set("label", "back").set("constraint", "false");

  CHECK(place_edge_labels(graph) == 3);
  REQUIRE(graph.edges().size() == 8);
  const DotNode *first = graph.find_node("label_2");
  REQUIRE(first != nullptr);
  CHECK(first->cluster == lane);
  CHECK(*first->attributes.get("label") == "yes · 80%");
  CHECK(first->attributes.items()[0].html);
  CHECK(*first->attributes.get("fontsize") == "9");
  CHECK(*first->attributes.get("fontcolor") == "#666666");
  CHECK(first->attributes.has_class(edge_label_class));
  CHECK(first->attributes.has_class("switch"));
  CHECK(graph.find_node("label_3")->cluster == outer);
  CHECK(graph.find_node("label_4")->cluster == no_cluster);
  CHECK_FALSE(graph.find_node("label_4")->attributes.items()[0].html);

  const DotEdge &in = graph.edges()[0];
  const DotEdge &out = graph.edges()[1];
  CHECK((in.from == "a" && in.to == "label_2" && out.from == "label_2" && out.to == "b"));
  CHECK(*in.attributes.get("arrowhead") == "none");
  CHECK(out.attributes.get("arrowhead") == nullptr);
  for (const DotEdge *half : {&in, &out}) {
    CHECK(half->attributes.get("label") == nullptr);
    CHECK(*half->attributes.get("color") == "red");
    CHECK(half->attributes.has_class("switch"));
    CHECK(*half->attributes.get("weight") == "3");
  }
  CHECK((graph.edges()[6].from == "b" && graph.edges()[6].to == "d"));
  // An arrow that does not constrain the ranks keeps its label (printed without it).
  CHECK(*graph.edges()[7].attributes.get("label") == "back");
}

TEST_CASE("text nodes are laid out as boxes: two branch labels never overlap") {
  DotGraph graph;
  for (const char *to : {"b", "c", "d"}) {
    graph.add_edge("a", to).attributes.set("label", std::string("a long branch label to ") + to);
  }
  place_edge_labels(graph);
  Expected<LayoutBoxes> boxes = layout_boxes(graph.to_dot());
  REQUIRE(boxes);
  REQUIRE(boxes->edge_labels.size() == 3);
  CHECK(boxes->nodes.size() == 4);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = i + 1; j < 3; ++j) {
      const LayoutBox &p = boxes->edge_labels[i];
      const LayoutBox &q = boxes->edge_labels[j];
      CHECK(std::abs(p.x - q.x) * 2 >= p.width + q.width);
    }
  }
}

TEST_CASE("on request the text node goes in the tail's cluster; a backward arrow keeps its head") {
  DotGraph graph;
  const ClusterId upper = graph.add_cluster("upper");
  const ClusterId lower = graph.add_cluster("lower");
  graph.add_node("a", upper);
  graph.add_node("b", lower);
  graph.add_edge("a", "b").attributes.set("label", "down");
  graph.add_edge("b", "a").attributes.set("label", "up, drawn back").set("dir", "back");
  CHECK(place_edge_labels(graph, LabelCluster::Tail) == 2);
  CHECK(graph.find_node("label_1")->cluster == upper);
  CHECK(graph.find_node("label_2")->cluster == lower);
  REQUIRE(graph.edges().size() == 4);
  // Forward: no arrowhead into the text node. Backward: no arrowtail out of it.
  CHECK(*graph.edges()[0].attributes.get("arrowhead") == "none");
  CHECK(graph.edges()[1].attributes.get("arrowhead") == nullptr);
  CHECK(graph.edges()[2].attributes.get("arrowtail") == nullptr);
  CHECK(graph.edges()[2].attributes.get("arrowhead") == nullptr);
  CHECK(*graph.edges()[3].attributes.get("arrowtail") == "none");
}
