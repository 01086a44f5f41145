// Long arrows of large graphs: which are cut, the connectors that replace them, what stays.
#include "journey/render/dot_graph.h"
#include "journey/render/long_edges.h"

#include <doctest/doctest.h>
#include <string>

using namespace journey;

namespace {

/// A chain n0 -> n1 -> ... -> n(count-1), each node labelled with its name.
DotGraph chain(int count) {
  DotGraph graph;
  for (int i = 0; i < count; ++i) {
    graph.add_node("n" + std::to_string(i)).attributes.set_html("label", "<B>Step " + std::to_string(i) + "</B><BR/>detail");
  }
  for (int i = 0; i + 1 < count; ++i) {
    graph.add_edge("n" + std::to_string(i), "n" + std::to_string(i + 1));
  }
  return graph;
}

std::size_t edges_between(const DotGraph &graph, const std::string &from, const std::string &to) {
  std::size_t n = 0;
  for (const DotEdge &e : graph.edges()) {
    n += e.from == from && e.to == to ? 1 : 0;
  }
  return n;
}

} // namespace

TEST_CASE("a small graph keeps every arrow, however long") {
  DotGraph graph = chain(30);
  graph.add_edge("n0", "n29");
  const std::string before = graph.to_dot();
  const LongEdgeSplit split = split_long_edges(graph);
  CHECK(split.edges == 0);
  CHECK(graph.to_dot() == before);
}

TEST_CASE("in a large graph, arrows past the span become two connectors, labels kept") {
  DotGraph graph = chain(130);
  graph.add_edge("n2", "n129").attributes.set_html("label", "gives up · 5%").set("color", "#ff0000");
  graph.add_edge("n40", "n129").attributes.set_html("label", "gives up · 3%");
  graph.add_edge("n120", "n10").attributes.set_html("label", "rework"); // a loop back
  graph.add_edge("n5", "n12");                                         // 7 ranks: kept
  graph.add_edge("n0", "n100").attributes.set("style", "invis");       // layout aid: kept
  const std::size_t nodes = graph.nodes().size();
  const LongEdgeSplit split = split_long_edges(graph, LongEdgeLimits{.min_nodes = 120, .max_span = 12});
  CHECK(split.edges == 3);
  // One marker per cut arrow at its tail, one per head and direction at the head.
  CHECK(split.connectors == 3 + 2);
  CHECK(graph.nodes().size() == nodes + 5);
  CHECK(edges_between(graph, "n2", "n129") == 0);
  CHECK(edges_between(graph, "n5", "n12") == 1);
  CHECK(edges_between(graph, "n0", "n100") == 1);

  const DotNode *out = graph.find_node("n2 to n129");
  REQUIRE(out != nullptr);
  CHECK(out->attributes.get("label")->find("continues at ↓<BR/><I>Step 129</I>") != std::string::npos);
  CHECK(out->attributes.has_class("connector"));
  REQUIRE(edges_between(graph, "n2", "n2 to n129") == 1);
  for (const DotEdge &e : graph.edges()) {
    if (e.from == "n2" && e.to == "n2 to n129") {
      CHECK(*e.attributes.get("label") == "gives up · 5%");
      CHECK(*e.attributes.get("color") == "#ff0000");
    }
  }
  const DotNode *arrival = graph.find_node("n129 from above");
  REQUIRE(arrival != nullptr);
  CHECK(arrival->attributes.get("label")->find("Step 2 and Step 40") != std::string::npos);
  CHECK(edges_between(graph, "n129 from above", "n129") == 1);

  const DotNode *back = graph.find_node("n120 to n10");
  REQUIRE(back != nullptr);
  CHECK(back->attributes.get("label")->find("goes back to ↑") != std::string::npos);
  REQUIRE(graph.find_node("n10 from below") != nullptr);
  CHECK(graph.find_node("n10 from below")->attributes.get("label")->find("Step 120") != std::string::npos);
}

TEST_CASE("an arrow drawn backwards (dir=back) is cut as the arrow it stands for") {
  DotGraph graph = chain(130);
  // Stands for n120 -> n10, written from its head so that it does not constrain the ranks upwards.
  graph.add_edge("n10", "n120").attributes.set("dir", "back").set_html("label", "rework");
  const LongEdgeSplit split = split_long_edges(graph, LongEdgeLimits{.min_nodes = 120, .max_span = 12});
  CHECK(split.edges == 1);
  const DotNode *out = graph.find_node("n120 to n10");
  REQUIRE(out != nullptr);
  CHECK(out->attributes.get("label")->find("goes back to ↑<BR/><I>Step 10</I>") != std::string::npos);
  // Still drawn backwards from the marker: the arrow leaves n120 and points at the marker.
  REQUIRE(edges_between(graph, "n120 to n10", "n120") == 1);
  REQUIRE(graph.find_node("n10 from below") != nullptr);
  CHECK(graph.find_node("n10 from below")->attributes.get("label")->find("Step 120") != std::string::npos);
  CHECK(edges_between(graph, "n10", "n120") == 0);
}

TEST_CASE("connector text is the first line of the head's label, shortened and escaped") {
  DotGraph graph = chain(130);
  graph.find_node("n129")->attributes.set_html(
      "label", "<B>Reads &amp; signs the very long credit agreement sent by post</B><BR/>customer");
  graph.add_edge("n0", "n129");
  split_long_edges(graph);
  const DotNode *out = graph.find_node("n0 to n129");
  REQUIRE(out != nullptr);
  CHECK(*out->attributes.get("label") ==
        "continues at ↓<BR/><I>Reads &amp; signs the very long cre…</I>");
}
