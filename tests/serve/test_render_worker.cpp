// Render worker: diagrams drawn in child processes come back whole, failures come back as
// messages, and the server's own memory stays flat however many diagrams are drawn.
#include "journey/serve/render_worker.h"

#include <doctest/doctest.h>
#include <fstream>
#include <string>

using namespace journey;

namespace {

long resident_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) {
      return std::stol(line.substr(6));
    }
  }
  return 0;
}

/// A graph big enough for Graphviz 2.42's layout to leak measurably: clusters of labelled nodes.
std::string sample_dot() {
  std::string dot = "digraph g {\n  node [shape=box fontname=\"Helvetica\"];\n";
  for (int c = 0; c < 6; ++c) {
    dot += "  subgraph cluster_" + std::to_string(c) + " { label=\"Team " + std::to_string(c) +
           "\";\n";
    for (int n = 0; n < 10; ++n) {
      dot += "    n" + std::to_string(c * 10 + n) + " [label=\"Step " + std::to_string(c * 10 + n) +
             " of the walk\"];\n";
    }
    dot += "  }\n";
  }
  for (int n = 0; n + 1 < 60; ++n) {
    dot += "  n" + std::to_string(n) + " -> n" + std::to_string(n + 1) + " [label=\"" +
           std::to_string(n) + "%\"];\n";
  }
  return dot + "}\n";
}

} // namespace

TEST_CASE("the worker draws in child processes and its answers are whole") {
  RenderWorker worker;
  CHECK(worker.isolated());
  const std::string dot = sample_dot();
  const Expected<std::string> first = worker.render_svg(dot);
  REQUIRE(first);
  CHECK(first->find("<svg") != std::string::npos);
  CHECK(first->find("Step 59 of the walk") != std::string::npos);
  CHECK(first->ends_with("</svg>\n"));
  const Expected<std::string> second = worker.render_svg(dot);
  REQUIRE(second);
  CHECK(*second == *first);
}

TEST_CASE("a graph Graphviz cannot read comes back as its message, and the worker goes on") {
  RenderWorker worker;
  const Expected<std::string> bad = worker.render_svg("digraph { a -> ");
  REQUIRE_FALSE(bad);
  CHECK_FALSE(bad.error().empty());
  CHECK(worker.render_svg("digraph { a -> b }"));
  CHECK(worker.isolated());
}

TEST_CASE("drawing many diagrams leaves the server's memory flat") {
  RenderWorker worker;
  const std::string dot = sample_dot();
  REQUIRE(worker.render_svg(dot));
  const long before = resident_kb();
  for (int i = 0; i < 30; ++i) {
    REQUIRE(worker.render_svg(dot));
  }
  CHECK(resident_kb() - before < 2048);
}
