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

/// The arrows of a view as its builder made them: an arrow drawn through the text node of its
/// label (`place_edge_labels`) is one edge again, carrying that label.
inline std::vector<DotEdge> arrows(const DotGraph &g) {
  auto is_text = [&](std::string_view name) {
    const DotNode *n = g.find_node(name);
    return n != nullptr && n->attributes.has_class("edge-label");
  };
  std::vector<DotEdge> out;
  for (const DotEdge &e : g.edges()) {
    if (is_text(e.to)) {
      continue;
    }
    if (!is_text(e.from)) {
      out.push_back(e);
      continue;
    }
    for (const DotEdge &in : g.edges()) {
      if (in.to == e.from) {
        DotEdge joined{in.from, e.to, e.attributes};
        const DotAttribute &text = g.find_node(e.from)->attributes.items().front();
        REQUIRE(text.key == "label");
        text.html ? joined.attributes.set_html("label", text.value)
                  : joined.attributes.set("label", text.value);
        out.push_back(std::move(joined));
      }
    }
  }
  return out;
}

/// The arrows from `from` to `to`.
inline std::vector<DotEdge> edges_between(const DotGraph &g, std::string_view from,
                                          std::string_view to) {
  std::vector<DotEdge> out;
  for (DotEdge &e : arrows(g)) {
    if (e.from == from && e.to == to) {
      out.push_back(std::move(e));
    }
  }
  return out;
}

/// The single arrow from `from` to `to`; fails the test when there is not exactly one.
inline DotEdge edge(const DotGraph &g, std::string_view from, std::string_view to) {
  auto found = edges_between(g, from, to);
  INFO(from, " -> ", to);
  REQUIRE(found.size() == 1);
  return found.front();
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
