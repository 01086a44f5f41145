// DOT graph builder: attribute sets, node and cluster bookkeeping, deterministic printing.
#include "journey/render/dot_graph.h"

#include <utility>

namespace journey {
namespace {

void print_attributes(std::string &out, const DotAttributes &attributes) {
  bool first = true;
  for (const DotAttribute &a : attributes.items()) {
    out += first ? " [" : ", ";
    first = false;
    out += a.key;
    out += '=';
    if (a.html) {
      out += '<';
      out += a.value;
      out += '>';
    } else {
      out += dot_quote(a.value);
    }
  }
  if (!first) {
    out += ']';
  }
}

void indent(std::string &out, std::size_t depth) {
  out.append(2 * depth, ' ');
}

} // namespace

std::string dot_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  out += '"';
  return out;
}

DotAttributes &DotAttributes::set(std::string_view key, std::string_view value) {
  for (DotAttribute &a : items_) {
    if (a.key == key) {
      a.value = value;
      a.html = false;
      return *this;
    }
  }
  items_.push_back(DotAttribute{std::string(key), std::string(value), false});
  return *this;
}

DotAttributes &DotAttributes::set_html(std::string_view key, std::string_view html) {
  set(key, html);
  for (DotAttribute &a : items_) {
    if (a.key == key) {
      a.html = true;
    }
  }
  return *this;
}

const std::string *DotAttributes::get(std::string_view key) const {
  for (const DotAttribute &a : items_) {
    if (a.key == key) {
      return &a.value;
    }
  }
  return nullptr;
}

bool DotAttributes::has_class(std::string_view name) const {
  const std::string *classes = get("class");
  if (classes == nullptr) {
    return false;
  }
  std::string_view rest = *classes;
  while (!rest.empty()) {
    std::size_t end = rest.find(' ');
    if (rest.substr(0, end) == name) {
      return true;
    }
    if (end == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(end + 1);
  }
  return false;
}

DotAttributes &DotAttributes::add_class(std::string_view name) {
  if (has_class(name)) {
    return *this;
  }
  const std::string *classes = get("class");
  if (classes == nullptr || classes->empty()) {
    return set("class", name);
  }
  std::string joined = *classes + " ";
  joined += name;
  return set("class", joined);
}

ClusterId DotGraph::add_cluster(std::string_view name, ClusterId parent) {
  clusters_.push_back(DotCluster{"cluster_" + std::string(name), parent, {}});
  return static_cast<ClusterId>(clusters_.size() - 1);
}

DotNode &DotGraph::add_node(std::string_view name, ClusterId cluster) {
  auto [it, inserted] = node_index_.emplace(std::string(name), nodes_.size());
  if (!inserted) {
    return nodes_[it->second];
  }
  nodes_.push_back(DotNode{std::string(name), cluster, {}});
  return nodes_.back();
}

DotEdge &DotGraph::add_edge(std::string_view from, std::string_view to) {
  edges_.push_back(DotEdge{std::string(from), std::string(to), {}});
  return edges_.back();
}

const DotNode *DotGraph::find_node(std::string_view name) const {
  auto it = node_index_.find(std::string(name));
  return it == node_index_.end() ? nullptr : &nodes_[it->second];
}

DotNode *DotGraph::find_node(std::string_view name) {
  auto it = node_index_.find(std::string(name));
  return it == node_index_.end() ? nullptr : &nodes_[it->second];
}

void DotGraph::add_same_rank(std::vector<std::string> names) {
  same_ranks_.push_back(std::move(names));
}

std::string DotGraph::to_dot() const {
  // Children and nodes per cluster; slot 0 is the graph itself, slot c + 1 is cluster c.
  std::vector<std::vector<std::size_t>> child_clusters(clusters_.size() + 1);
  std::vector<std::vector<std::size_t>> members(clusters_.size() + 1);
  for (std::size_t c = 0; c < clusters_.size(); ++c) {
    child_clusters[static_cast<std::size_t>(clusters_[c].parent + 1)].push_back(c);
  }
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    members[static_cast<std::size_t>(nodes_[n].cluster + 1)].push_back(n);
  }

  std::string out = "digraph " + dot_quote(name_) + " {\n";
  auto print_header = [&](const char *kind, const DotAttributes &a, std::size_t depth) {
    if (!a.items().empty()) {
      indent(out, depth);
      out += kind;
      print_attributes(out, a);
      out += ";\n";
    }
  };
  auto print_members = [&](std::size_t slot, std::size_t depth) {
    for (std::size_t n : members[slot]) {
      indent(out, depth);
      out += dot_quote(nodes_[n].name);
      print_attributes(out, nodes_[n].attributes);
      out += ";\n";
    }
  };
  print_header("graph", graph_, 1);
  print_header("node", node_defaults_, 1);
  print_header("edge", edge_defaults_, 1);
  print_members(0, 1);

  struct Frame {
    std::size_t slot;
    std::size_t next_child;
  };
  std::vector<Frame> stack{{0, 0}};
  while (!stack.empty()) {
    Frame &top = stack.back();
    const std::vector<std::size_t> &children = child_clusters[top.slot];
    if (top.next_child == children.size()) {
      stack.pop_back();
      if (!stack.empty()) {
        indent(out, stack.size());
        out += "}\n";
      }
      continue;
    }
    std::size_t c = children[top.next_child++];
    std::size_t depth = stack.size();
    indent(out, depth);
    out += "subgraph " + dot_quote(clusters_[c].name) + " {\n";
    print_header("graph", clusters_[c].attributes, depth + 1);
    print_members(c + 1, depth + 1);
    stack.push_back(Frame{c + 1, 0});
  }

  for (const std::vector<std::string> &group : same_ranks_) {
    out += "  { rank=\"same\";";
    for (const std::string &name : group) {
      out += " " + dot_quote(name) + ";";
    }
    out += " }\n";
  }
  for (const DotEdge &e : edges_) {
    out += "  ";
    out += dot_quote(e.from);
    out += " -> ";
    out += dot_quote(e.to);
    // An edge that does not constrain the ranks may join two nodes on one rank, and Graphviz 2.42
    // corrupts its heap on labelled flat edges: such edges are printed without their label, for
    // every view.
    const std::string *constraint = e.attributes.get("constraint");
    if (constraint != nullptr && *constraint == "false" && e.attributes.get("label") != nullptr) {
      DotAttributes unlabelled;
      for (const DotAttribute &a : e.attributes.items()) {
        if (a.key != "label") {
          a.html ? unlabelled.set_html(a.key, a.value) : unlabelled.set(a.key, a.value);
        }
      }
      print_attributes(out, unlabelled);
    } else {
      print_attributes(out, e.attributes);
    }
    out += ";\n";
  }
  out += "}\n";
  return out;
}

} // namespace journey
