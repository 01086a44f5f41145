// Render test helpers: journeys from YAML text, edge and node lookups, XML well-formedness.
#pragma once

#include "journey/parse/parse.h"
#include "journey/render/dot_graph.h"

#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <string>
#include <string_view>
#include <vector>

namespace journey::test {

/// Parses a journey and, unless `allow_errors`, checks the text had no parse errors.
inline Journey journey_from(std::string_view yaml, bool allow_errors = false) {
  ParseResult r = parse(yaml, "test.yaml");
  for (const Diagnostic &d : r.diagnostics) {
    if (allow_errors) {
      break;
    }
    INFO(d.message);
    CHECK(d.severity != Severity::Error);
  }
  return r.journey;
}

/// The edges from `from` to `to`.
inline std::vector<const DotEdge *> edges_between(const DotGraph &g, std::string_view from,
                                                  std::string_view to) {
  std::vector<const DotEdge *> out;
  for (const DotEdge &e : g.edges()) {
    if (e.from == from && e.to == to) {
      out.push_back(&e);
    }
  }
  return out;
}

/// The single edge from `from` to `to`; fails the test when there is not exactly one.
inline const DotEdge &edge(const DotGraph &g, std::string_view from, std::string_view to) {
  auto found = edges_between(g, from, to);
  INFO(from, " -> ", to);
  REQUIRE(found.size() == 1);
  return *found.front();
}

/// Names of the nodes with a class.
inline std::vector<std::string> nodes_with_class(const DotGraph &g, std::string_view cls) {
  std::vector<std::string> out;
  for (const DotNode &n : g.nodes()) {
    if (n.attributes.has_class(cls)) {
      out.push_back(n.name);
    }
  }
  return out;
}

/// The label of a node or edge, or "".
inline std::string label(const DotAttributes &a) {
  const std::string *l = a.get("label");
  return l ? *l : "";
}

/// True when `text` is well-formed XML (no network, no DTD loading).
inline bool well_formed_xml(const std::string &text) {
  xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "diagram.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    return false;
  }
  xmlFreeDoc(doc);
  return true;
}

} // namespace journey::test
