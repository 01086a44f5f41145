// Inside-out view: team and process clusters, the customer as one actor, handoffs highlighted.
#include "render/inside_out.h"

#include "analysis/graph.h"
#include "render/label.h"
#include "render/palette.h"
#include "render/step_node.h"
#include "render/union_find.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace journey {
namespace {

std::size_t to_size(Index i) {
  return static_cast<std::size_t>(i);
}

std::uint64_t pair_key(std::size_t a, std::size_t b) {
  return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}

std::string slug_or_index(const std::string &id, Index index) {
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) {
      return "#" + std::to_string(index);
    }
  }
  return id.empty() ? "#" + std::to_string(index) : id;
}

void mark_handoff(DotEdge &e, bool direct) {
  e.attributes.set("color", palette::handoff).set("penwidth", "2.5").add_class("handoff");
  if (!direct) {
    e.attributes.set("style", "dashed").add_class("via");
  }
}

} // namespace

std::vector<Handoff> find_handoffs(const Journey &journey) {
  const std::size_t n = journey.steps.size();
  auto team = [&](std::size_t i) { return journey.steps[i].team_index; };
  auto valid = [&](Index i) { return i != npos && to_size(i) < n; };
  std::vector<Handoff> out;
  std::unordered_set<std::uint64_t> seen;
  for (std::size_t u = 0; u < n; ++u) {
    for (const Transition &t : journey.steps[u].next) {
      if (!valid(t.target)) {
        continue;
      }
      std::size_t v = to_size(t.target);
      if (team(u) != npos && team(v) != npos && team(u) != team(v) &&
          seen.insert(pair_key(u, v)).second) {
        out.push_back(Handoff{static_cast<Index>(u), t.target, true, false});
      }
    }
  }
  // Groups of steps without a team, the teamed steps they lead to, and whether a customer is in.
  UnionFind groups(n);
  for (std::size_t u = 0; u < n; ++u) {
    for (const Transition &t : journey.steps[u].next) {
      if (valid(t.target) && team(u) == npos && team(to_size(t.target)) == npos) {
        groups.unite(u, to_size(t.target));
      }
    }
  }
  std::vector<std::vector<Index>> exits(n);
  std::vector<bool> has_customer(n, false);
  std::unordered_set<std::uint64_t> exit_seen;
  for (std::size_t h = 0; h < n; ++h) {
    if (team(h) != npos) {
      continue;
    }
    std::size_t g = groups.find(h);
    has_customer[g] = has_customer[g] || journey.steps[h].actor == Actor::Customer;
    for (const Transition &t : journey.steps[h].next) {
      if (valid(t.target) && team(to_size(t.target)) != npos &&
          exit_seen.insert(pair_key(g, to_size(t.target))).second) {
        exits[g].push_back(t.target);
      }
    }
  }
  for (std::size_t u = 0; u < n; ++u) {
    if (team(u) == npos) {
      continue;
    }
    for (const Transition &t : journey.steps[u].next) {
      if (!valid(t.target) || team(to_size(t.target)) != npos) {
        continue;
      }
      std::size_t g = groups.find(to_size(t.target));
      for (Index v : exits[g]) {
        if (team(to_size(v)) != team(u) && seen.insert(pair_key(u, to_size(v))).second) {
          out.push_back(Handoff{static_cast<Index>(u), v, false, has_customer[g]});
        }
      }
    }
  }
  return out;
}

ViewCounts add_inside_out(DotGraph &graph, const Journey &journey, const ViewTarget &target,
                          const ViewOptions &options) {
  ViewCounts counts;
  const std::size_t n = journey.steps.size();
  const std::string &prefix = target.prefix;
  std::vector<std::string> names = step_node_names(journey);
  for (std::string &name : names) {
    name.insert(0, prefix);
  }
  auto valid = [&](Index i) { return i != npos && to_size(i) < n; };
  auto team_of = [&](const Step &s) {
    return s.team_index != npos && to_size(s.team_index) < journey.teams.size() ? s.team_index
                                                                                : npos;
  };
  auto process_of = [&](const Step &s) {
    return s.process_index != npos && to_size(s.process_index) < journey.processes.size()
               ? s.process_index
               : npos;
  };

  const std::string customer = prefix + "customer";
  std::size_t customer_steps = 0;
  for (const Step &s : journey.steps) {
    customer_steps += s.actor == Actor::Customer ? 1 : 0;
  }
  graph.add_node(customer, target.parent)
      .attributes
      .set_html("label", "<B>Customer</B><BR/><FONT POINT-SIZE=\"9\">" +
                             std::to_string(customer_steps) +
                             (customer_steps == 1 ? " step" : " steps") + "</FONT>")
      .set("shape", "box")
      .set("style", "filled,bold")
      .set("fillcolor", palette::actor_fill(Actor::Customer))
      .set("class", "customer");

  // Clusters, created in the order of the steps that need them.
  std::unordered_map<Index, ClusterId> team_clusters;
  std::unordered_map<std::uint64_t, ClusterId> process_clusters;
  auto team_cluster = [&](Index t) {
    auto [it, inserted] = team_clusters.emplace(t, no_cluster);
    if (inserted) {
      it->second = graph.add_cluster(
          prefix + "team_" + (t == npos ? std::string("none") : std::to_string(t)), target.parent);
      std::string title = t == npos                                ? std::string("No team")
                          : journey.teams[to_size(t)].name.empty() ? journey.teams[to_size(t)].id
                                                                   : journey.teams[to_size(t)].name;
      graph.cluster(it->second)
          .attributes.set_html("label", "<B>" + html_lines(title, 40) + "</B>")
          .set("labeljust", "l")
          .set("style", t == npos ? "rounded,dashed,filled" : "rounded,filled")
          .set("color", "#bdbdbd")
          .set("fillcolor", palette::team_fill)
          .set("class", "team");
      counts.teams += t == npos ? 0 : 1;
    }
    return it->second;
  };
  auto process_key = [](Index t, Index p) {
    return pair_key(static_cast<std::size_t>(t + 1), static_cast<std::size_t>(p + 1));
  };
  auto process_name = [&](Index p) {
    const Process &proc = journey.processes[to_size(p)];
    return proc.name.empty() ? proc.id : proc.name;
  };

  // Collapsed process boxes: totals first, so each box is drawn once with its figures.
  struct Box {
    std::string name;
    std::size_t steps = 0;
    std::size_t pains = 0;
    Seconds wait = 0;
    Seconds time = 0;
  };
  std::unordered_map<std::uint64_t, Box> boxes;
  std::vector<std::string> node_of(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Step &s = journey.steps[i];
    if (s.actor == Actor::Customer) {
      node_of[i] = customer;
      continue;
    }
    ++counts.steps;
    Index t = team_of(s), p = process_of(s);
    if (options.collapse_process && p != npos) {
      Box &box = boxes[process_key(t, p)];
      if (box.steps == 0) {
        box.name =
            prefix + "p_" +
            (t == npos ? std::string("none") : slug_or_index(journey.teams[to_size(t)].id, t)) +
            "_" + slug_or_index(journey.processes[to_size(p)].id, p);
      }
      ++box.steps;
      box.pains += s.pain.size();
      box.wait += s.wait;
      box.time += s.time;
      node_of[i] = box.name;
    } else {
      node_of[i] = names[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Step &s = journey.steps[i];
    if (s.actor == Actor::Customer) {
      continue;
    }
    Index t = team_of(s), p = process_of(s);
    ClusterId cluster = team_cluster(t);
    if (p != npos && options.collapse_process) {
      const Box &box = boxes[process_key(t, p)];
      if (graph.find_node(box.name) != nullptr) {
        continue;
      }
      std::string html = "<B>" + html_lines(process_name(p)) +
                         "</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(palette::muted) +
                         "\">" + std::to_string(box.steps) + (box.steps == 1 ? " step" : " steps");
      std::string timing = timing_text(box.wait, box.time);
      html += timing.empty() ? "" : " · " + html_escape(timing);
      html += "</FONT>";
      if (box.pains > 0) {
        html += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(palette::pain) + "\"><B>! " +
                std::to_string(box.pains) + (box.pains == 1 ? " pain point" : " pain points") +
                "</B></FONT>";
      }
      DotAttributes &a = graph.add_node(box.name, cluster).attributes;
      a.set_html("label", html)
          .set("shape", "box")
          .set("style", "filled")
          .set("fillcolor", palette::process_fill)
          .set("class", "process");
      if (box.pains > 0) {
        a.set("color", palette::pain).set("penwidth", "2.5").add_class("pain");
      }
      continue;
    }
    if (p != npos) {
      auto [it, inserted] = process_clusters.emplace(process_key(t, p), no_cluster);
      if (inserted) {
        it->second = graph.add_cluster(
            prefix + "process_" + std::to_string(t + 1) + "_" + std::to_string(p), cluster);
        graph.cluster(it->second)
            .attributes.set_html("label", "<I>" + html_lines(process_name(p), 40) + "</I>")
            .set("labeljust", "l")
            .set("style", "rounded,dashed,filled")
            .set("color", "#9e9e9e")
            .set("fillcolor", palette::process_fill)
            .set("class", "process");
      }
      cluster = it->second;
    }
    style_step_node(graph.add_node(names[i], cluster), s, StepFill::Actor);
  }

  // Edges between the drawn nodes, once per pair; handoffs highlighted.
  std::unordered_map<std::string, std::size_t> edge_index;
  auto edge_key = [](const std::string &a, const std::string &b) { return a + '\n' + b; };
  for (std::size_t u = 0; u < n; ++u) {
    const Step &s = journey.steps[u];
    std::vector<double> p = s.next.size() > 1 ? branch_probabilities(s) : std::vector<double>{};
    for (std::size_t k = 0; k < s.next.size(); ++k) {
      Index v = s.next[k].target;
      if (!valid(v)) {
        continue;
      }
      const std::string &from = node_of[u];
      const std::string &to = node_of[to_size(v)];
      if (from == to && (to_size(v) != u || from == customer)) {
        continue;
      }
      Index a = team_of(s), b = team_of(journey.steps[to_size(v)]);
      bool handoff = a != npos && b != npos && a != b;
      auto [it, inserted] = edge_index.emplace(edge_key(from, to), graph.edges().size());
      if (inserted) {
        DotEdge &e = graph.add_edge(from, to);
        set_edge_label(e, transition_text(s.next[k], p.empty() ? -1.0 : p[k]));
        if (handoff) {
          mark_handoff(e, true);
          ++counts.handoffs;
        }
      } else if (handoff) {
        DotEdge &e = graph.edge(it->second);
        if (!e.attributes.has_class("handoff")) {
          mark_handoff(e, true);
          ++counts.handoffs;
        }
      }
    }
  }
  for (const Handoff &h : find_handoffs(journey)) {
    if (h.direct) {
      continue;
    }
    const std::string &from = node_of[to_size(h.from)];
    const std::string &to = node_of[to_size(h.to)];
    if (!edge_index.emplace(edge_key(from, to) + "\nvia", graph.edges().size()).second) {
      continue;
    }
    DotEdge &e = graph.add_edge(from, to);
    // Not a constraint on the ranks, and unlabelled: it may join two nodes on one rank, and
    // Graphviz 2.42 corrupts its heap on labelled flat edges. The legend explains the dashes.
    e.attributes.set("constraint", "false");
    e.attributes.set("tooltip",
                     h.via_customer ? "handoff via customer" : "handoff via steps without a team");
    mark_handoff(e, false);
    ++counts.handoffs;
  }
  return counts;
}

} // namespace journey
