// DOT graph builder: nodes, edges, nested clusters and attributes, printed deterministically.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace journey {

/// One attribute: a plain string value (quoted and escaped when printed) or an HTML-like label
/// (printed between `<` and `>` as given, so it must be well-formed: see `render/label.h`).
struct DotAttribute {
  std::string key;
  std::string value;
  bool html = false;
};

/// Attributes in insertion order; setting a key again replaces its value in place.
class DotAttributes {
public:
  /// Sets a plain string attribute.
  DotAttributes &set(std::string_view key, std::string_view value);
  /// Sets an HTML-like attribute (a label); `html` is the text between the angle brackets.
  DotAttributes &set_html(std::string_view key, std::string_view html);
  /// The value of `key`, or nullptr.
  const std::string *get(std::string_view key) const;
  /// True when the space-separated `class` attribute contains `name`.
  bool has_class(std::string_view name) const;
  /// Adds a word to the space-separated `class` attribute.
  DotAttributes &add_class(std::string_view name);
  const std::vector<DotAttribute> &items() const { return items_; }

private:
  std::vector<DotAttribute> items_;
};

/// Index of a cluster in its graph; `no_cluster` for the graph itself.
using ClusterId = int;
inline constexpr ClusterId no_cluster = -1;

struct DotNode {
  std::string name;
  ClusterId cluster = no_cluster;
  DotAttributes attributes;
};

struct DotEdge {
  std::string from;
  std::string to;
  DotAttributes attributes;
};

/// A subgraph whose name starts with `cluster`, drawn as a box around its nodes.
struct DotCluster {
  std::string name;
  ClusterId parent = no_cluster;
  DotAttributes attributes;
};

/// A directed graph. Names are unique per kind; printing is a pure function of the
/// insertion order, so the same building steps give byte-identical DOT.
class DotGraph {
public:
  explicit DotGraph(std::string name = "journey") : name_(std::move(name)) {}

  DotAttributes &graph_attributes() { return graph_; }
  DotAttributes &node_defaults() { return node_defaults_; }
  DotAttributes &edge_defaults() { return edge_defaults_; }
  const DotAttributes &graph_attributes() const { return graph_; }
  const DotAttributes &edge_defaults() const { return edge_defaults_; }

  /// Adds a cluster (its name gets the `cluster_` prefix) inside `parent`.
  ClusterId add_cluster(std::string_view name, ClusterId parent = no_cluster);
  /// Adds a node inside `cluster`; adding an existing name returns the existing node unchanged.
  DotNode &add_node(std::string_view name, ClusterId cluster = no_cluster);
  /// Adds an edge; edges are printed after all nodes, in insertion order.
  DotEdge &add_edge(std::string_view from, std::string_view to);
  /// Replaces all edges, e.g. with edges rewritten by a pass over `edges()`.
  void replace_edges(std::vector<DotEdge> edges) { edges_ = std::move(edges); }

  /// Puts the named nodes on one rank (`{rank="same"; ...}`, printed after the clusters; with
  /// `newrank=true` the nodes may sit in different clusters).
  void add_same_rank(std::vector<std::string> names);
  const std::vector<std::vector<std::string>> &same_ranks() const { return same_ranks_; }

  /// The node called `name`, or nullptr.
  const DotNode *find_node(std::string_view name) const;
  DotNode *find_node(std::string_view name);
  const std::vector<DotNode> &nodes() const { return nodes_; }
  const std::vector<DotEdge> &edges() const { return edges_; }
  const std::vector<DotCluster> &clusters() const { return clusters_; }
  DotEdge &edge(std::size_t i) { return edges_[i]; }
  DotCluster &cluster(ClusterId id) { return clusters_[static_cast<std::size_t>(id)]; }
  const DotCluster &cluster(ClusterId id) const { return clusters_[static_cast<std::size_t>(id)]; }

  /// The graph as DOT text. Edges with `constraint=false` are printed without a label (a
  /// Graphviz 2.42 workaround enforced here for every view).
  std::string to_dot() const;

private:
  std::string name_;
  DotAttributes graph_;
  DotAttributes node_defaults_;
  DotAttributes edge_defaults_;
  std::vector<DotCluster> clusters_;
  std::vector<DotNode> nodes_;
  std::vector<DotEdge> edges_;
  std::vector<std::vector<std::string>> same_ranks_;
  std::unordered_map<std::string, std::size_t> node_index_;
};

/// Quotes and escapes text as a DOT string: `"` and `\` are escaped, newlines become `\n`.
std::string dot_quote(std::string_view text);

} // namespace journey
