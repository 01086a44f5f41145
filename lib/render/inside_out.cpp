// Inside-out view: team and process clusters, the customer as one actor, handoffs highlighted.
#include "journey/render/inside_out.h"

#include "journey/analysis/changes.h"
#include "journey/analysis/flow.h"
#include "journey/analysis/paths.h"
#include "journey/analysis/union_find.h"
#include "journey/model/text.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"
#include "journey/render/step_node.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace journey {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string slug_or_index(const std::string &id, Index index) {
  return is_plain_id(id) ? id : "#" + std::to_string(index);
}

/// `2d`, `1d–2d` or `up to 2d`; empty when both are zero.
std::string range_text(double min, double max) {
  if (!(max > 0)) {
    return "";
  }
  const std::string lo = format_duration(min), hi = format_duration(max);
  if (!(min > 0)) {
    return "up to " + hi;
  }
  return lo == hi ? hi : lo + "–" + hi;
}

/// `waits 1d–2d · takes 5m`; empty when there is neither.
std::string box_timing(const InsideOutView::Box &box) {
  std::string text;
  if (std::string wait = range_text(box.wait_min, box.wait_max); !wait.empty()) {
    text = "waits " + wait;
  }
  if (std::string time = range_text(box.time_min, box.time_max); !time.empty()) {
    text += text.empty() ? "takes " : " · takes ";
    text += time;
  }
  return text;
}

/// Fills the wait and work ranges of process boxes: over the routes that enter a box, stay in it
/// and leave it (or end in it), so alternative branches inside one box are not added up.
void box_ranges(const JourneyGraph &graph, const std::vector<std::size_t> &part,
                std::vector<InsideOutView::Box> &boxes) {
  const std::size_t n = graph.size();
  std::vector<std::size_t> roots;
  for (std::size_t s = 0; s < n; ++s) {
    if (part[s] == none) {
      continue;
    }
    const auto in = graph.in(s);
    const bool entered = s == JourneyGraph::entry || in.empty() ||
                         std::any_of(in.begin(), in.end(), [&](std::size_t e) {
                           return part[graph.edge(e).from] != part[s];
                         });
    if (entered) {
      roots.push_back(s);
    }
  }
  std::vector<double> wait(n), time(n);
  for (std::size_t s = 0; s < n; ++s) {
    wait[s] = std::max(0.0, graph.step(s).wait);
    time[s] = std::max(0.0, graph.step(s).time);
  }
  const PartBounds waits = part_bounds(graph, part, roots, wait);
  const PartBounds times = part_bounds(graph, part, roots, time);
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> lo_w(boxes.size(), inf), hi_w(boxes.size(), -inf);
  std::vector<double> lo_t(boxes.size(), inf), hi_t(boxes.size(), -inf);
  for (std::size_t s = 0; s < n; ++s) {
    if (part[s] == none) {
      continue;
    }
    const auto out = graph.out(s);
    const bool leaves = out.empty() || std::any_of(out.begin(), out.end(), [&](const Edge &e) {
                          return part[e.to] != part[s];
                        });
    if (!leaves) {
      continue;
    }
    const std::size_t b = part[s];
    lo_w[b] = std::min(lo_w[b], waits.min[s]);
    hi_w[b] = std::max(hi_w[b], waits.max[s]);
    lo_t[b] = std::min(lo_t[b], times.min[s]);
    hi_t[b] = std::max(hi_t[b], times.max[s]);
  }
  auto finite = [](double x) { return std::isfinite(x) ? x : 0.0; };
  for (std::size_t b = 0; b < boxes.size(); ++b) {
    if (boxes[b].kind != InsideOutView::BoxKind::Customer &&
        boxes[b].kind != InsideOutView::BoxKind::Step) {
      boxes[b].wait_min = finite(lo_w[b]);
      boxes[b].wait_max = std::max(boxes[b].wait_min, finite(hi_w[b]));
      boxes[b].time_min = finite(lo_t[b]);
      boxes[b].time_max = std::max(boxes[b].time_min, finite(hi_t[b]));
    }
  }
}

/// Arrows between boxes, once per pair, listing every branch they stand for (one per line) with
/// its share of the customers leaving the box: each edge weighs what it carries per journey
/// (`edge_flow`), so a box of many steps shares out what really leaves it. Then, with `via`, the
/// handoffs through steps without a team, dashed.
void add_arrows(const JourneyGraph &graph, const std::vector<std::size_t> &box_of, bool via,
                InsideOutView &view) {
  const std::vector<Index> &team = graph.team_marker();
  const std::vector<double> flow = edge_flow(graph);
  struct Item {
    std::size_t arrow = 0;
    std::string text;
    double flow = 0; ///< per journey
    double p = 0;    ///< sum of branch probabilities, for a box no customer reaches
  };
  std::unordered_map<std::uint64_t, std::size_t> arrow_index;
  std::vector<std::vector<Item>> items(view.boxes.size()); // per box: its ways out
  std::unordered_map<std::string, std::size_t> item_index; // arrow and text -> index in items
  for (std::size_t u = 0; u < graph.size(); ++u) {
    for (std::size_t id = graph.begin(u); id < graph.end(u); ++id) {
      const Edge &e = graph.edge(id);
      const std::size_t from = box_of[u], to = box_of[e.to];
      if (from == to && (e.to != u || view.boxes[from].kind != InsideOutView::BoxKind::Step)) {
        continue;
      }
      const bool handoff = team[u] != npos && team[e.to] != npos && team[u] != team[e.to];
      auto [it, inserted] = arrow_index.emplace(pair_key(from, to), view.arrows.size());
      if (inserted) {
        view.arrows.push_back(InsideOutView::Arrow{from, to, "", handoff, true, false, 0});
      }
      view.arrows[it->second].handoff = view.arrows[it->second].handoff || handoff;
      std::string text = transition_text(graph.transition(e), -1.0);
      std::vector<Item> &out = items[from];
      auto [at, fresh] =
          item_index.emplace(std::to_string(it->second) + '\n' + text, out.size());
      if (fresh) {
        out.push_back(Item{it->second, std::move(text), 0, 0});
      }
      Item &item = out[at->second];
      item.flow += flow.empty() ? e.p : flow[id];
      item.p += e.p;
    }
  }
  std::vector<std::string> texts;
  std::vector<double> shares;
  for (const std::vector<Item> &out : items) {
    texts.clear();
    shares.clear();
    double total = 0;
    for (const Item &i : out) {
      total += std::max(0.0, i.flow);
    }
    const bool reached = total > 0;
    total = 0;
    for (const Item &i : out) {
      texts.push_back(i.text);
      shares.push_back(std::max(0.0, reached ? i.flow : i.p));
      total += shares.back();
    }
    const std::vector<std::string> labels = share_labels(texts, shares);
    for (std::size_t k = 0; k < out.size(); ++k) {
      InsideOutView::Arrow &a = view.arrows[out[k].arrow];
      if (!labels[k].empty()) {
        a.label += (a.label.empty() ? "" : "\n") + labels[k];
      }
      a.share += total > 0 ? shares[k] / total : 0;
    }
  }
  if (!via) {
    return;
  }
  std::unordered_set<std::uint64_t> via_seen;
  std::vector<InsideOutView::Arrow> via_arrows;
  for (const MarkerChange &h : marker_changes(graph, team)) {
    if (h.direct) {
      continue;
    }
    const std::size_t from = box_of[h.from], to = box_of[h.to];
    if (via_seen.insert(pair_key(from, to)).second) {
      via_arrows.push_back(InsideOutView::Arrow{from, to, "", true, false, h.via_customer, 0});
    }
  }
  if (via_arrows.size() > max_via_arrows) {
    view.via_not_drawn = via_arrows.size();
    view.via_not_drawn_all_customer = std::ranges::all_of(
        via_arrows, [](const InsideOutView::Arrow &a) { return a.via_customer; });
    return;
  }
  view.arrows.insert(view.arrows.end(), via_arrows.begin(), via_arrows.end());
}

/// The pain point that speaks loudest for a box: of its steps, the one the customer feels worst
/// (lowest emotion), then the one with most pain points, then the first; its first pain point.
void worst_pain(const JourneyGraph &graph, const std::vector<std::size_t> &box_of,
                std::vector<InsideOutView::Box> &boxes) {
  std::vector<std::size_t> worst(boxes.size(), none);
  auto worse = [&](const Step &a, const Step &b) {
    const int ea = a.emotion.value_or(0), eb = b.emotion.value_or(0);
    return ea != eb ? ea < eb : a.pain.size() > b.pain.size();
  };
  for (std::size_t s = 0; s < graph.size(); ++s) {
    const std::size_t b = box_of[s];
    if (graph.step(s).pain.empty() || boxes[b].kind == InsideOutView::BoxKind::Customer) {
      continue;
    }
    if (worst[b] == none || worse(graph.step(s), graph.step(worst[b]))) {
      worst[b] = s;
    }
  }
  for (std::size_t b = 0; b < boxes.size(); ++b) {
    if (worst[b] != none) {
      boxes[b].worst_pain = graph.step(worst[b]).pain.front();
    }
  }
}

/// The team and process clusters, in the model's order.
std::vector<ClusterId> draw_clusters(DotGraph &graph, const InsideOutView &view,
                                     const Journey &journey, const ViewTarget &target) {
  const std::string &prefix = target.prefix;
  std::vector<ClusterId> clusters;
  for (const InsideOutView::Cluster &c : view.clusters) {
    const ClusterId parent = c.parent < 0 ? target.parent : clusters[static_cast<std::size_t>(c.parent)];
    if (c.process == npos) {
      const Team *t = c.team == npos ? nullptr : &journey.teams[static_cast<std::size_t>(c.team)];
      clusters.push_back(graph.add_cluster(
          prefix + "team_" + (t == nullptr ? std::string("none") : std::to_string(c.team)), parent));
      const std::string title = t == nullptr ? "No team" : t->name.empty() ? t->id : t->name;
      graph.cluster(clusters.back())
          .attributes.set_html("label", "<B>" + html_lines(title, 40) + "</B>")
          .set("labeljust", "l")
          .set("style", t == nullptr ? "rounded,dashed,filled" : "rounded,filled")
          .set("color", "#bdbdbd")
          .set("fillcolor", palette::team_fill)
          .set("class", "team");
      continue;
    }
    const Process &p = journey.processes[static_cast<std::size_t>(c.process)];
    clusters.push_back(graph.add_cluster(
        prefix + "process_" + std::to_string(c.team + 1) + "_" + std::to_string(c.process), parent));
    graph.cluster(clusters.back())
        .attributes.set_html("label", "<I>" + html_lines(p.name.empty() ? p.id : p.name, 40) + "</I>")
        .set("labeljust", "l")
        .set("style", "rounded,dashed,filled")
        .set("color", "#9e9e9e")
        .set("fillcolor", palette::process_fill)
        .set("class", "process");
  }
  return clusters;
}

/// The label of a box of many steps: its title, steps, wait and work, and pain points with the
/// worst of them.
std::string group_html(const InsideOutView::Box &box, std::string_view title) {
  std::string html = "<B>" + html_lines(title) + "</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"" +
                     std::string(palette::muted) + "\">" + plural(box.steps, "step", "steps");
  const std::string timing = box_timing(box);
  html += timing.empty() ? "" : " · " + html_escape(timing);
  html += "</FONT>";
  if (!box.ends.empty()) {
    std::vector<std::string> kinds;
    for (const EndKind end : box.ends) {
      kinds.emplace_back(to_string(end));
    }
    html += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" +
            std::string(palette::end_colour(box.ends.front())) + "\"><B>journey ends here: " +
            join(kinds, ", ") + "</B></FONT>";
  }
  if (box.pains > 0) {
    html += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(palette::pain) + "\"><B>! " +
            plural(box.pains, "pain point", "pain points") + "</B>";
    if (!box.worst_pain.empty()) {
      html += box.pains > 1 ? ", worst:<BR/>" : ":<BR/>";
      html += html_lines(box.worst_pain, 32);
    }
    html += "</FONT>";
  }
  return html;
}

} // namespace

InsideOutView inside_out_view(const JourneyGraph &graph, const ViewOptions &options) {
  using Box = InsideOutView::Box;
  using BoxKind = InsideOutView::BoxKind;
  InsideOutView view;
  const Journey &journey = graph.journey();
  const std::size_t n = graph.size();
  const std::vector<Index> &team = graph.team_marker();
  const bool by_process = options.detail == Detail::Processes;
  auto process_of = [&](std::size_t i) {
    const Step &s = graph.step(i);
    return valid_index(s.process_index, journey.processes.size()) ? s.process_index : npos;
  };
  auto organisation = [&](std::size_t i) { return graph.step(i).actor != Actor::Customer; };
  auto new_box = [](BoxKind kind, std::size_t step, int cluster) {
    Box b;
    b.kind = kind;
    b.step = step;
    b.cluster = cluster;
    return b;
  };

  view.boxes.push_back(new_box(BoxKind::Customer, 0, -1));
  std::map<Index, int> team_clusters;
  std::map<std::pair<Index, Index>, int> process_clusters;
  auto cluster = [&](Index t, Index p) {
    auto [it, inserted] = team_clusters.emplace(t, static_cast<int>(view.clusters.size()));
    if (inserted) {
      view.clusters.push_back(InsideOutView::Cluster{t, npos, -1});
      view.counts.teams += t == npos ? 0 : 1;
    }
    if (p == npos) {
      return it->second;
    }
    auto [pit, fresh] =
        process_clusters.emplace(std::pair{t, p}, static_cast<int>(view.clusters.size()));
    if (fresh) {
      view.clusters.push_back(InsideOutView::Cluster{t, p, it->second});
    }
    return pit->second;
  };
  // Runs: steps of one team outside any process, linked by edges, drawn as one box.
  UnionFind runs(n);
  std::vector<std::size_t> run_size(n, 0);
  if (by_process) {
    for (std::size_t u = 0; u < n; ++u) {
      for (const Edge &e : graph.out(u)) {
        if (organisation(u) && organisation(e.to) && process_of(u) == npos &&
            process_of(e.to) == npos && team[u] == team[e.to]) {
          runs.unite(u, e.to);
        }
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      run_size[runs.find(i)] += organisation(i) && process_of(i) == npos ? 1 : 0;
    }
  }
  std::map<std::pair<Index, Index>, std::size_t> process_boxes;
  std::vector<std::size_t> run_box(n, none);
  std::vector<std::size_t> box_of(n, 0);  // the customer box for customer steps
  std::vector<std::size_t> part(n, none); // per step: its box when the box has many steps
  for (std::size_t i = 0; i < n; ++i) {
    const Step &s = graph.step(i);
    if (!organisation(i)) {
      ++view.customer_steps;
      continue;
    }
    const Index t = team[i], p = process_of(i);
    std::size_t *group = nullptr;
    BoxKind kind = BoxKind::Process;
    if (by_process && p != npos) {
      group = &process_boxes.emplace(std::pair{t, p}, none).first->second;
    } else if (by_process && run_size[runs.find(i)] > 1) {
      group = &run_box[runs.find(i)];
      kind = BoxKind::Run;
    }
    if (group == nullptr) {
      ++view.counts.steps;
      box_of[i] = view.boxes.size();
      view.boxes.push_back(new_box(BoxKind::Step, i, cluster(t, by_process ? npos : p)));
      continue;
    }
    if (*group == none) {
      *group = view.boxes.size();
      view.boxes.push_back(new_box(kind, i, cluster(t, npos)));
      ++(kind == BoxKind::Process ? view.counts.processes : view.counts.runs);
    }
    Box &grouped = view.boxes[*group];
    ++grouped.steps;
    grouped.pains += s.pain.size();
    if (s.end != EndKind::None &&
        std::find(grouped.ends.begin(), grouped.ends.end(), s.end) == grouped.ends.end()) {
      grouped.ends.push_back(s.end);
    }
    box_of[i] = part[i] = *group;
  }
  if (by_process) {
    box_ranges(graph, part, view.boxes);
    worst_pain(graph, box_of, view.boxes);
  }

  add_arrows(graph, box_of, !by_process, view);
  for (const InsideOutView::Arrow &a : view.arrows) {
    view.counts.handoffs += a.handoff ? 1 : 0;
  }
  view.counts.handoffs_not_drawn = view.via_not_drawn;
  view.counts.not_drawn_via_customer = view.via_not_drawn_all_customer;
  return view;
}

void draw_inside_out(DotGraph &graph, const InsideOutView &view, const Journey &journey,
                     const ViewTarget &target) {
  using BoxKind = InsideOutView::BoxKind;
  const std::string &prefix = target.prefix;
  const std::vector<ClusterId> clusters = draw_clusters(graph, view, journey, target);
  const std::vector<std::string> step_names = step_node_names(journey);
  std::vector<std::string> names;
  for (const InsideOutView::Box &box : view.boxes) {
    const ClusterId cluster =
        box.cluster < 0 ? target.parent : clusters[static_cast<std::size_t>(box.cluster)];
    if (box.kind == BoxKind::Customer) {
      names.push_back(prefix + "customer");
      graph.add_node(names.back(), cluster)
          .attributes
          .set_html("label", "<B>Customer</B><BR/><FONT POINT-SIZE=\"9\">" +
                                 plural(view.customer_steps, "step", "steps") + "</FONT>")
          .set("shape", "box")
          .set("style", "filled,bold")
          .set("fillcolor", palette::actor_fill(Actor::Customer))
          .set("class", "customer");
      continue;
    }
    const Step &s = journey.steps[box.step];
    if (box.kind == BoxKind::Step) {
      names.push_back(prefix + step_names[box.step]);
      style_step_node(graph.add_node(names.back(), cluster), s, StepFill::Actor);
      continue;
    }
    const Index t = view.clusters[static_cast<std::size_t>(box.cluster)].team;
    if (box.kind == BoxKind::Run) {
      names.push_back(prefix + "r_" + step_names[box.step]);
      DotAttributes &a = graph.add_node(names.back(), cluster).attributes;
      a.set_html("label", group_html(box, s.name.empty() ? s.id : s.name + " …"))
          .set("shape", "box")
          .set("style", "rounded,filled")
          .set("fillcolor", palette::actor_fill(s.actor))
          .set("class", "steps");
      if (box.pains > 0) {
        a.set("color", palette::pain).set("penwidth", "2.5").add_class("pain");
      }
      continue;
    }
    const Process &p = journey.processes[static_cast<std::size_t>(s.process_index)];
    names.push_back(prefix + "p_" +
                    (t == npos ? std::string("none")
                               : slug_or_index(journey.teams[static_cast<std::size_t>(t)].id, t)) +
                    "_" + slug_or_index(p.id, s.process_index));
    const std::string html = group_html(box, p.name.empty() ? p.id : p.name);
    DotAttributes &a = graph.add_node(names.back(), cluster).attributes;
    a.set_html("label", html)
        .set("shape", "box")
        .set("style", "filled")
        .set("fillcolor", palette::process_fill)
        .set("class", "process");
    if (box.pains > 0) {
      a.set("color", palette::pain).set("penwidth", "2.5").add_class("pain");
    }
  }
  for (const InsideOutView::Arrow &arrow : view.arrows) {
    DotEdge &e = graph.add_edge(names[arrow.from], names[arrow.to]);
    if (!arrow.direct) {
      // Not a constraint on the ranks: it may join two nodes on one rank.
      e.attributes.set("constraint", "false");
      e.attributes.set("tooltip", arrow.via_customer ? "handoff via customer"
                                                     : "handoff via steps without a team");
    }
    set_edge_label(e, arrow.label);
    if (arrow.handoff) {
      e.attributes.set("color", palette::handoff).set("penwidth", "2.5").add_class("handoff");
      if (!arrow.direct) {
        e.attributes.set("style", "dashed").add_class("via");
      }
    }
  }
}

} // namespace journey
