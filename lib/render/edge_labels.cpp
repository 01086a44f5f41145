// Edge labels as nodes: each labelled arrow split at a text node in the clusters of both ends.
#include "journey/render/edge_labels.h"

#include <string>
#include <utility>
#include <vector>

namespace journey {
namespace {

/// Pulls the two halves of an arrow into line through its label, as Graphviz keeps the chain of
/// an ordinary long arrow straight.
constexpr std::string_view straight_weight = "3";

bool constrains(const DotEdge &e) {
  const std::string *constraint = e.attributes.get("constraint");
  return constraint == nullptr || *constraint != "false";
}

/// The innermost cluster holding both `a` and `b` (clusters nest a few levels deep).
ClusterId common_cluster(const DotGraph &graph, ClusterId a, ClusterId b) {
  std::vector<ClusterId> outer;
  for (ClusterId c = a; c != no_cluster; c = graph.cluster(c).parent) {
    outer.push_back(c);
  }
  for (ClusterId c = b; c != no_cluster; c = graph.cluster(c).parent) {
    for (ClusterId o : outer) {
      if (o == c) {
        return c;
      }
    }
  }
  return no_cluster;
}

/// The edge's attributes without its label.
DotAttributes without_label(const DotAttributes &attributes) {
  DotAttributes out;
  for (const DotAttribute &a : attributes.items()) {
    if (a.key != "label") {
      a.html ? out.set_html(a.key, a.value) : out.set(a.key, a.value);
    }
  }
  return out;
}

const std::string &text_attribute(const DotGraph &graph, const DotEdge &e, std::string_view key,
                                  const std::string &fallback) {
  const std::string *own = e.attributes.get(key);
  if (own != nullptr) {
    return *own;
  }
  const std::string *shared = graph.edge_defaults().get(key);
  return shared != nullptr ? *shared : fallback;
}

} // namespace

std::size_t place_edge_labels(DotGraph &graph, LabelCluster where) {
  std::vector<DotEdge> edges;
  edges.reserve(graph.edges().size());
  std::size_t moved = 0;
  std::size_t serial = 0;
  const std::string no_value;
  // Copied: adding nodes below may not invalidate what is read.
  const std::vector<DotEdge> original = graph.edges();
  for (const DotEdge &e : original) {
    const DotAttribute *label = nullptr;
    for (const DotAttribute &a : e.attributes.items()) {
      if (a.key == "label") {
        label = &a;
      }
    }
    const DotNode *tail = graph.find_node(e.from);
    const DotNode *head = graph.find_node(e.to);
    if (label == nullptr || !constrains(e) || tail == nullptr || head == nullptr) {
      edges.push_back(e);
      continue;
    }
    std::string name;
    do {
      name = "label_" + std::to_string(++serial);
    } while (graph.find_node(name) != nullptr);
    const ClusterId cluster = where == LabelCluster::Tail
                                  ? tail->cluster
                                  : common_cluster(graph, tail->cluster, head->cluster);
    const std::string fontname = text_attribute(graph, e, "fontname", no_value);
    const std::string fontsize = text_attribute(graph, e, "fontsize", no_value);
    const std::string fontcolor = text_attribute(graph, e, "fontcolor", no_value);
    DotAttributes &text = graph.add_node(name, cluster).attributes;
    label->html ? text.set_html("label", label->value) : text.set("label", label->value);
    text.set("shape", "plaintext").set("style", "solid").set("margin", "0.04,0.02");
    for (const auto &[key, value] :
         {std::pair{"fontname", &fontname}, {"fontsize", &fontsize}, {"fontcolor", &fontcolor}}) {
      if (!value->empty()) {
        text.set(key, *value);
      }
    }
    text.add_class(edge_label_class);
    const std::string *classes = e.attributes.get("class");
    if (classes != nullptr && !classes->empty()) {
      text.add_class(*classes);
    }
    DotAttributes halves = without_label(e.attributes);
    if (halves.get("weight") == nullptr) {
      halves.set("weight", straight_weight);
    }
    const std::string *dir = halves.get("dir");
    const bool back = dir != nullptr && *dir == "back";
    DotEdge first{e.from, name, halves};
    DotEdge second{name, e.to, std::move(halves)};
    (back ? second : first).attributes.set(back ? "arrowtail" : "arrowhead", "none");
    edges.push_back(std::move(first));
    edges.push_back(std::move(second));
    ++moved;
  }
  graph.replace_edges(std::move(edges));
  return moved;
}

} // namespace journey
