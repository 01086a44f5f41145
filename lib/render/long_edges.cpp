// Long arrows of large diagrams: ranks by longest path, arrows past the limit cut into connectors.
#include "journey/render/long_edges.h"

#include "journey/model/text.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace journey {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);
constexpr std::size_t text_width = 32; ///< code points of a node's name on a connector

bool constrains(const DotEdge &e) {
  const std::string *constraint = e.attributes.get("constraint");
  return constraint == nullptr || *constraint != "false";
}

bool invisible(const DotEdge &e) {
  const std::string *style = e.attributes.get("style");
  return style != nullptr && style->find("invis") != std::string::npos;
}

/// The first line of a node's label as plain text, shortened: what a connector calls it.
std::string short_name(const DotNode &node) {
  const DotAttribute *label = nullptr;
  for (const DotAttribute &a : node.attributes.items()) {
    if (a.key == "label") {
      label = &a;
    }
  }
  std::string text;
  if (label == nullptr) {
    text = node.name;
  } else if (!label->html) {
    text = label->value.substr(0, label->value.find("\\n"));
  } else {
    // Text outside tags up to the first line break; entities back to characters.
    const std::string &html = label->value;
    for (std::size_t i = 0; i < html.size();) {
      if (html[i] == '<') {
        const std::size_t end = html.find('>', i);
        if (html.compare(i, 3, "<BR") == 0 && !trim(text).empty()) {
          break;
        }
        i = end == std::string::npos ? html.size() : end + 1;
        continue;
      }
      if (html[i] == '&') {
        static const std::pair<std::string_view, char> entities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
        bool known = false;
        for (const auto &[entity, c] : entities) {
          if (html.compare(i, entity.size(), entity) == 0) {
            text += c;
            i += entity.size();
            known = true;
            break;
          }
        }
        if (!known) {
          text += html[i++];
        }
        continue;
      }
      if (html.compare(i, 2, "\\\\") == 0) {
        text += '\\';
        i += 2;
        continue;
      }
      text += html[i++];
    }
  }
  text = clean_text(trim(text));
  if (code_points(text) <= text_width) {
    return text;
  }
  std::string cut;
  char32_t cp = 0;
  for (std::size_t i = 0, n = 0; i < text.size() && n + 1 < text_width; ++n) {
    const std::size_t length = decode_utf8(text, i, cp);
    if (length == 0) {
      break;
    }
    cut.append(text, i, length);
    i += length;
  }
  return std::string(trim(cut)) + "…";
}

/// Longest-path ranks over the constraining, visible arrows; arrows back to a node still on the
/// stack of a depth-first walk (in node order) are left out, so every loop is cut once.
std::vector<std::size_t> ranks(const DotGraph &graph, const std::unordered_map<std::string, std::size_t> &index) {
  const std::size_t n = graph.nodes().size();
  std::vector<std::vector<std::size_t>> out(n);
  for (const DotEdge &e : graph.edges()) {
    const auto from = index.find(e.from), to = index.find(e.to);
    if (from != index.end() && to != index.end() && constrains(e)) {
      out[from->second].push_back(to->second);
    }
  }
  enum class Mark : unsigned char { New, Open, Done };
  std::vector<Mark> mark(n, Mark::New);
  std::vector<std::vector<std::size_t>> forward(n);
  std::vector<std::pair<std::size_t, std::size_t>> stack; // node, next out-arrow
  for (std::size_t root = 0; root < n; ++root) {
    if (mark[root] != Mark::New) {
      continue;
    }
    mark[root] = Mark::Open;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto &[u, next] = stack.back();
      if (next == out[u].size()) {
        mark[u] = Mark::Done;
        stack.pop_back();
        continue;
      }
      const std::size_t v = out[u][next++];
      if (mark[v] == Mark::Open) {
        continue; // a loop closes here
      }
      forward[u].push_back(v);
      if (mark[v] == Mark::New) {
        mark[v] = Mark::Open;
        stack.emplace_back(v, 0);
      }
    }
  }
  std::vector<std::size_t> in_degree(n, 0), rank(n, 0), ready;
  for (const auto &targets : forward) {
    for (std::size_t v : targets) {
      ++in_degree[v];
    }
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (in_degree[v] == 0) {
      ready.push_back(v);
    }
  }
  while (!ready.empty()) {
    const std::size_t u = ready.back();
    ready.pop_back();
    for (std::size_t v : forward[u]) {
      rank[v] = std::max(rank[v], rank[u] + 1);
      if (--in_degree[v] == 0) {
        ready.push_back(v);
      }
    }
  }
  return rank;
}

} // namespace

LongEdgeSplit split_long_edges(DotGraph &graph, const LongEdgeLimits &limits) {
  LongEdgeSplit split;
  const std::size_t n = graph.nodes().size();
  if (n < limits.min_nodes) {
    return split;
  }
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) {
    index.emplace(graph.nodes()[i].name, i);
  }
  const std::vector<std::size_t> rank = ranks(graph, index);
  // Per head and direction: the connector the cut arrows arrive from, and their tails' names.
  struct Arrival {
    std::size_t edge = none; ///< the arrow from the connector to the head
    std::vector<std::string> tails;
  };
  std::map<std::pair<std::size_t, bool>, Arrival> arrivals;
  const std::size_t edge_count = graph.edges().size();
  for (std::size_t i = 0; i < edge_count; ++i) {
    const DotEdge &e = graph.edges()[i];
    // An arrow drawn backwards (`dir=back`, as into an earlier stage band) runs from its head.
    const std::string *dir = e.attributes.get("dir");
    const bool backwards = dir != nullptr && *dir == "back";
    const auto from = index.find(backwards ? e.to : e.from);
    const auto to = index.find(backwards ? e.from : e.to);
    if (from == index.end() || to == index.end() || invisible(e)) {
      continue;
    }
    const std::size_t u = from->second, v = to->second;
    const bool down = rank[v] >= rank[u];
    const std::size_t span = down ? rank[v] - rank[u] : rank[u] - rank[v];
    if (span <= limits.max_span) {
      continue;
    }
    ++split.edges;
    const std::string head = backwards ? e.from : e.to, tail = backwards ? e.to : e.from;
    const std::string head_name = short_name(graph.nodes()[v]);
    const std::string tail_name = short_name(graph.nodes()[u]);
    const ClusterId head_cluster = graph.nodes()[v].cluster;
    const ClusterId tail_cluster = graph.nodes()[u].cluster;

    // The tail's side: the arrow, with its label and style, to a marker naming the head.
    const std::string out_name = tail + " to " + head;
    DotNode &out = graph.add_node(out_name, tail_cluster);
    if (out.attributes.items().empty()) {
      ++split.connectors;
      out.attributes
          .set_html("label", std::string(down ? "continues at ↓<BR/>" : "goes back to ↑<BR/>") +
                                 "<I>" + html_escape(head_name) + "</I>")
          .set("shape", "box")
          .set("style", "rounded,dashed")
          .set("color", palette::muted)
          .set("fontsize", "9")
          .set("fontcolor", palette::muted)
          .set("class", "connector");
    }
    (backwards ? graph.edge(i).from : graph.edge(i).to) = out_name;
    graph.edge(i).attributes.set("constraint", "true");

    // The head's side: one marker per head and direction, listing where its arrows come from.
    Arrival &arrival = arrivals[{v, down}];
    if (arrival.tails.empty() || arrival.tails.back() != tail_name) {
      arrival.tails.push_back(tail_name);
    }
    if (arrival.edge == none) {
      const std::string in_name = head + (down ? " from above" : " from below");
      graph.add_node(in_name, head_cluster);
      ++split.connectors;
      DotEdge &in = graph.add_edge(in_name, head);
      in.attributes.set("style", "dashed").set("color", palette::muted).set("class", "connector");
      arrival.edge = graph.edges().size() - 1;
    }
  }
  for (const auto &[key, arrival] : arrivals) {
    const auto [head, down] = key;
    const std::string &in_name = graph.edges()[arrival.edge].from;
    graph.find_node(in_name)
        ->attributes
        .set_html("label", std::string("continued from ") + (down ? "above" : "below") + " " +
                               (down ? "↓" : "↑") + "<BR/><I>" +
                               html_escape(and_list(arrival.tails, 2)) + "</I>")
        .set("shape", "box")
        .set("style", "rounded,dashed")
        .set("color", palette::muted)
        .set("fontsize", "9")
        .set("fontcolor", palette::muted)
        .set("class", "connector");
  }
  return split;
}

} // namespace journey
