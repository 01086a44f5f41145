// Outside-in view: customer-visible steps in channel lanes; out-of-sight groups become waits.
#include "render/outside_in.h"

#include "analysis/graph.h"
#include "render/label.h"
#include "render/palette.h"
#include "render/step_node.h"
#include "render/union_find.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>

namespace journey {
namespace {

constexpr double unset = -std::numeric_limits<double>::infinity();

std::size_t to_size(Index i) {
  return static_cast<std::size_t>(i);
}

/// The branch that led somewhere out of sight: a transition and its probability (< 0: no branch).
struct Branch {
  const Transition *transition = nullptr;
  double p = -1;
  std::string text() const { return transition ? transition_text(*transition, p) : ""; }
};

/// One wait node: a group of out-of-sight steps seen from the step it leads to.
struct Wait {
  std::size_t group = 0;
  Index target = npos; ///< the customer-visible step it leads to; npos for a merged wait
  double min = 0;
  double max = 0;
  Branch branch;
  std::string name;
  std::vector<Index> from_channels; ///< channels of the visible steps that lead into it
};

std::string join_text(std::string a, const std::string &b) {
  if (a.empty()) {
    return b;
  }
  if (!b.empty()) {
    a += "; " + b;
  }
  return a;
}

std::string wait_text(double min, double max) {
  if (format_duration(min) == format_duration(max)) {
    return "wait " + format_duration(max);
  }
  return "wait " + format_duration(min) + "–" + format_duration(max);
}

} // namespace

ViewCounts add_outside_in(DotGraph &graph, const Journey &journey, const ViewTarget &target) {
  ViewCounts counts;
  const std::size_t n = journey.steps.size();
  const std::string &prefix = target.prefix;
  std::vector<std::string> names = step_node_names(journey);
  for (std::string &name : names) {
    name.insert(0, prefix);
  }
  auto valid = [&](Index i) { return i != npos && to_size(i) < n; };
  std::vector<bool> shown(n);
  std::vector<std::vector<double>> probabilities(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Step &s = journey.steps[i];
    shown[i] = customer_visible(s.actor) || s.end != EndKind::None;
    if (s.next.size() > 1) {
      probabilities[i] = branch_probabilities(s);
    }
  }
  auto branch_p = [&](std::size_t step, std::size_t k) {
    return probabilities[step].empty() ? -1.0 : probabilities[step][k];
  };

  // Groups of out-of-sight steps, and where the customer enters them.
  UnionFind groups(n);
  std::vector<bool> root(n, false);
  std::vector<bool> has_hidden_pred(n, false);
  std::vector<std::size_t> entering(n, 0); // per group root: visible edges into the group
  for (std::size_t i = 0; i < n; ++i) {
    for (const Transition &t : journey.steps[i].next) {
      if (!valid(t.target) || shown[to_size(t.target)]) {
        continue;
      }
      std::size_t v = to_size(t.target);
      if (shown[i]) {
        root[v] = true;
      } else {
        groups.unite(i, v);
        has_hidden_pred[v] = has_hidden_pred[v] || v != i;
      }
    }
  }
  if (n > 0 && !shown[0]) {
    root[0] = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i] && !has_hidden_pred[i]) {
      root[i] = true;
    }
  }

  // Depth-first walk of the out-of-sight steps from the roots, then from anything left over:
  // marks loop-back edges and gives a topological order of the rest.
  std::vector<std::size_t> edge_base(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    edge_base[i + 1] = edge_base[i] + journey.steps[i].next.size();
  }
  std::vector<bool> back(edge_base[n], false);
  std::vector<std::uint8_t> state(n, 0); // 0 new, 1 on stack, 2 done
  std::vector<std::size_t> post_order;
  auto walk_from = [&](std::size_t start) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
    state[start] = 1;
    while (!stack.empty()) {
      auto &[u, k] = stack.back();
      const std::vector<Transition> &next = journey.steps[u].next;
      if (k == next.size()) {
        state[u] = 2;
        post_order.push_back(u);
        stack.pop_back();
        continue;
      }
      std::size_t edge = edge_base[u] + k++;
      Index t = next[edge - edge_base[u]].target;
      if (!valid(t) || shown[to_size(t)]) {
        continue;
      }
      std::size_t v = to_size(t);
      if (state[v] == 1) {
        back[edge] = true;
      } else if (state[v] == 0) {
        state[v] = 1;
        stack.emplace_back(v, 0);
      }
    }
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!shown[i] && state[i] == 0 && (pass == 1 || root[i])) {
        root[i] = true;
        walk_from(i);
      }
    }
  }

  // Longest and shortest out-of-sight time up to the end of each hidden step, and the last branch.
  auto weight = [&](std::size_t i) {
    return std::max(0.0, journey.steps[i].wait) + std::max(0.0, journey.steps[i].time);
  };
  std::vector<double> longest(n, unset);
  std::vector<double> shortest(n, std::numeric_limits<double>::infinity());
  std::vector<Branch> via(n);
  std::vector<bool> via_set(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i] && root[i]) {
      longest[i] = weight(i);
      shortest[i] = weight(i);
      via_set[i] = true;
    }
  }
  for (auto it = post_order.rbegin(); it != post_order.rend(); ++it) {
    std::size_t u = *it;
    const std::vector<Transition> &next = journey.steps[u].next;
    for (std::size_t k = 0; k < next.size(); ++k) {
      Index t = next[k].target;
      if (back[edge_base[u] + k] || !valid(t) || shown[to_size(t)]) {
        continue;
      }
      std::size_t v = to_size(t);
      longest[v] = std::max(longest[v], longest[u] + weight(v));
      if (!via_set[v]) {
        via_set[v] = true;
        via[v] = next.size() > 1 ? Branch{&next[k], branch_p(u, k)} : via[u];
      }
    }
  }
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i] && root[i]) {
      queue.emplace(shortest[i], i);
    }
  }
  while (!queue.empty()) {
    auto [d, u] = queue.top();
    queue.pop();
    if (d > shortest[u]) {
      continue;
    }
    for (const Transition &t : journey.steps[u].next) {
      if (valid(t.target) && !shown[to_size(t.target)]) {
        std::size_t v = to_size(t.target);
        if (d + weight(v) < shortest[v]) {
          shortest[v] = d + weight(v);
          queue.emplace(shortest[v], v);
        }
      }
    }
  }

  // The waits: one per (group, visible step it leads to), in order of the steps.
  std::vector<Wait> waits;
  std::unordered_map<std::uint64_t, std::size_t> wait_index;
  std::vector<std::size_t> group_size(n, 0);
  std::vector<std::vector<std::size_t>> group_waits(n);
  for (std::size_t h = 0; h < n; ++h) {
    if (shown[h]) {
      continue;
    }
    std::size_t g = groups.find(h);
    ++group_size[g];
    const std::vector<Transition> &next = journey.steps[h].next;
    for (std::size_t k = 0; k < next.size(); ++k) {
      Index b = next[k].target;
      if (!valid(b) || !shown[to_size(b)]) {
        continue;
      }
      double extra = std::max(0.0, journey.steps[to_size(b)].wait);
      double lo = shortest[h] + extra;
      double hi = longest[h] + extra;
      Branch branch = next.size() > 1 ? Branch{&next[k], branch_p(h, k)} : via[h];
      std::uint64_t key = (static_cast<std::uint64_t>(g) << 32) | to_size(b);
      auto [it, inserted] = wait_index.emplace(key, waits.size());
      if (inserted) {
        waits.push_back(Wait{g, b, lo, hi, branch, {}, {}});
        group_waits[g].push_back(waits.size() - 1);
      } else {
        Wait &w = waits[it->second];
        w.min = std::min(w.min, lo);
        w.max = std::max(w.max, hi);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i]) {
      continue;
    }
    for (const Transition &t : journey.steps[i].next) {
      if (valid(t.target) && !shown[to_size(t.target)]) {
        ++entering[groups.find(to_size(t.target))];
      }
    }
  }
  // A group entered from many places and leading to many steps gets a single wait instead of one
  // per step it leads to, so the edges stay linear in the journey's size.
  std::vector<bool> merged(n, false);
  std::vector<Wait> merged_waits;
  std::vector<std::size_t> merged_index(n, 0);
  for (std::size_t g = 0; g < n; ++g) {
    std::size_t in = entering[g], out = group_waits[g].size();
    if (in * out > 4 * (in + out) + 16) {
      merged[g] = true;
      Wait w{g, npos, std::numeric_limits<double>::infinity(), 0, {}, {}, {}};
      for (std::size_t wi : group_waits[g]) {
        w.min = std::min(w.min, waits[wi].min);
        w.max = std::max(w.max, waits[wi].max);
      }
      merged_index[g] = merged_waits.size();
      merged_waits.push_back(std::move(w));
    }
  }

  // Nodes: start, visible steps in channel lanes, waits.
  std::vector<ClusterId> lanes(journey.channels.size(), no_cluster);
  std::vector<ClusterId> step_lane(n, target.parent);
  const std::string start_name = prefix + "start";
  {
    DotNode &start = graph.add_node(start_name, target.parent);
    std::string html = "<B>START</B>";
    if (!journey.start.empty()) {
      html += "<BR/><FONT POINT-SIZE=\"9\">" + html_lines(journey.start, 32) + "</FONT>";
    }
    start.attributes.set_html("label", html)
        .set("shape", "box")
        .set("style", "rounded,bold")
        .set("fillcolor", "#ffffff")
        .set("class", "start");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i]) {
      continue;
    }
    const Step &s = journey.steps[i];
    ClusterId lane = target.parent;
    if (customer_visible(s.actor)) {
      ++counts.steps;
      if (valid(s.channel_index) && to_size(s.channel_index) < lanes.size()) {
        ClusterId &l = lanes[to_size(s.channel_index)];
        if (l == no_cluster) {
          const Channel &c = journey.channels[to_size(s.channel_index)];
          l = graph.add_cluster(prefix + "lane_" + std::to_string(s.channel_index), target.parent);
          std::string title = c.name.empty() ? c.id : c.name;
          graph.cluster(l)
              .attributes
              .set_html("label", "<B>" + html_lines(title, 40) + "</B>  <FONT POINT-SIZE=\"9\">" +
                                     html_escape(to_string(c.kind)) + "</FONT>")
              .set("labeljust", "l")
              .set("style", "rounded,filled")
              .set("color", "#d0d0d0")
              .set("fillcolor", palette::lane_fill(c.kind))
              .set("class", "lane");
          ++counts.channels;
        }
        lane = l;
      }
    }
    step_lane[i] = lane;
    style_step_node(graph.add_node(names[i], lane), s, StepFill::Emotion);
  }
  auto wait_node = [&](Wait &w, std::size_t number) {
    w.name = prefix + "w" + std::to_string(number);
    DotNode &node =
        graph.add_node(w.name, w.target == npos ? target.parent : step_lane[to_size(w.target)]);
    std::size_t hidden = group_size[w.group];
    std::string html = "<B>" + html_escape(wait_text(w.min, w.max)) +
                       "</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(palette::muted) +
                       "\">" + std::to_string(hidden) + (hidden == 1 ? " step" : " steps") +
                       " out of sight</FONT>";
    node.attributes.set_html("label", html)
        .set("shape", "box")
        .set("style", "rounded,dashed,filled")
        .set("fillcolor", palette::wait_fill)
        .set("color", palette::wait_border)
        .set("class", "wait");
    ++counts.waits;
  };
  std::size_t number = 0;
  for (Wait &w : waits) {
    if (!merged[w.group]) {
      wait_node(w, ++number);
    }
  }
  for (Wait &w : merged_waits) {
    wait_node(w, ++number);
  }

  // Edges.
  auto visible_channel = [&](Index i) {
    const Step &s = journey.steps[to_size(i)];
    return customer_visible(s.actor) ? s.channel_index : npos;
  };
  auto mark_switch = [&](DotEdge &e) {
    e.attributes.set("color", palette::channel_switch).set("penwidth", "2.5").add_class("switch");
    ++counts.switches;
  };
  auto into_group = [&](const std::string &from, std::size_t g, const std::string &text,
                        Index from_channel) {
    auto link = [&](Wait &w, const std::string &label) {
      DotEdge &e = graph.add_edge(from, w.name);
      set_edge_label(e, label);
      if (from_channel != npos && std::find(w.from_channels.begin(), w.from_channels.end(),
                                            from_channel) == w.from_channels.end()) {
        w.from_channels.push_back(from_channel);
      }
    };
    if (merged[g]) {
      link(merged_waits[merged_index[g]], text);
      return;
    }
    for (std::size_t wi : group_waits[g]) {
      link(waits[wi], join_text(text, waits[wi].branch.text()));
    }
  };
  if (n > 0) {
    if (shown[0]) {
      graph.add_edge(start_name, names[0]);
    } else {
      into_group(start_name, groups.find(0), "", npos);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i]) {
      continue;
    }
    const std::vector<Transition> &next = journey.steps[i].next;
    for (std::size_t k = 0; k < next.size(); ++k) {
      Index v = next[k].target;
      if (!valid(v)) {
        continue;
      }
      std::string text = transition_text(next[k], branch_p(i, k));
      if (!shown[to_size(v)]) {
        into_group(names[i], groups.find(to_size(v)), text, visible_channel(static_cast<Index>(i)));
        continue;
      }
      DotEdge &e = graph.add_edge(names[i], names[to_size(v)]);
      set_edge_label(e, text);
      Index a = visible_channel(static_cast<Index>(i)), b = visible_channel(v);
      if (a != npos && b != npos && a != b) {
        mark_switch(e);
      }
    }
  }
  auto out_of_wait = [&](const Wait &w, Index b, const std::string &label) {
    DotEdge &e = graph.add_edge(w.name, names[to_size(b)]);
    set_edge_label(e, label);
    Index channel = visible_channel(b);
    for (Index from : w.from_channels) {
      if (channel != npos && from != channel) {
        mark_switch(e);
        break;
      }
    }
  };
  for (const Wait &w : waits) {
    if (!merged[w.group]) {
      out_of_wait(w, w.target, "");
    } else {
      out_of_wait(merged_waits[merged_index[w.group]], w.target, w.branch.text());
    }
  }
  return counts;
}

} // namespace journey
