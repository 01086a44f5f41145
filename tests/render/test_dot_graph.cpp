// DOT builder: quoting, attribute handling, nested clusters, deterministic printing.
#include "journey/render/dot_graph.h"

#include <doctest/doctest.h>

using namespace journey;

TEST_CASE("dot_quote escapes quotes, backslashes and newlines") {
  CHECK(dot_quote("plain") == "\"plain\"");
  CHECK(dot_quote("say \"hi\"") == R"("say \"hi\"")");
  CHECK(dot_quote(R"(C:\dir)") == R"("C:\\dir")");
  CHECK(dot_quote("two\nlines") == R"("two\nlines")");
}

TEST_CASE("attributes keep insertion order, replace in place, and manage classes") {
  DotAttributes a;
  a.set("color", "red").set("shape", "box").set("color", "blue");
  REQUIRE(a.items().size() == 2);
  CHECK(a.items()[0].key == "color");
  CHECK(*a.get("color") == "blue");
  CHECK(a.get("missing") == nullptr);
  a.add_class("step").add_class("pain").add_class("step");
  CHECK(*a.get("class") == "step pain");
  CHECK(a.has_class("pain"));
  CHECK_FALSE(a.has_class("pai"));
  a.set_html("label", "<B>x</B>");
  CHECK(a.items().back().html);
}

TEST_CASE("graphs print nested clusters, nodes in their clusters, then edges") {
  DotGraph g("g");
  g.graph_attributes().set("rankdir", "TB");
  ClusterId team = g.add_cluster("team");
  ClusterId process = g.add_cluster("process", team);
  g.add_node("top");
  g.add_node("in process", process).attributes.set_html("label", "<I>x &amp; y</I>");
  g.add_node("in team", team);
  CHECK(&g.add_node("top") == g.find_node("top"));
  CHECK(g.nodes().size() == 3);
  g.add_edge("top", "in team").attributes.set("label", "a \"b\"");
  const std::string expected = "digraph \"g\" {\n"
                               "  graph [rankdir=\"TB\"];\n"
                               "  \"top\";\n"
                               "  subgraph \"cluster_team\" {\n"
                               "    \"in team\";\n"
                               "    subgraph \"cluster_process\" {\n"
                               "      \"in process\" [label=<<I>x &amp; y</I>>];\n"
                               "    }\n"
                               "  }\n"
                               "  \"top\" -> \"in team\" [label=\"a \\\"b\\\"\"];\n"
                               "}\n";
  CHECK(g.to_dot() == expected);
}

TEST_CASE("deeply nested clusters print without recursion") {
  DotGraph g;
  ClusterId parent = no_cluster;
  for (int i = 0; i < 1000; ++i) {
    parent = g.add_cluster("c" + std::to_string(i), parent);
  }
  g.add_node("deep", parent);
  std::string dot = g.to_dot();
  CHECK(dot.find("\"deep\";") != std::string::npos);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
}

TEST_CASE("same-rank groups print after the clusters and before the edges") {
  DotGraph g;
  const ClusterId c = g.add_cluster("a");
  g.add_node("x", c);
  g.add_node("y \"q\"");
  g.add_same_rank({"x", "y \"q\""});
  g.add_edge("x", "y \"q\"");
  const std::string dot = g.to_dot();
  const std::size_t group = dot.find("  { rank=\"same\"; \"x\"; \"y \\\"q\\\"\"; }\n");
  REQUIRE(group != std::string::npos);
  CHECK(dot.find("subgraph \"cluster_a\"") < group);
  CHECK(group < dot.find("\"x\" -> "));
}
