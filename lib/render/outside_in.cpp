// Outside-in view: customer-visible steps in channel lanes; out-of-sight groups become waits.
#include "journey/render/outside_in.h"

#include "journey/analysis/paths.h"
#include "journey/analysis/union_find.h"
#include "journey/model/text.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"
#include "journey/render/step_node.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace journey {

std::string wait_text(double min, double max) {
  if (format_duration(min) == format_duration(max)) {
    return "wait " + format_duration(max);
  }
  return "wait " + format_duration(min) + "–" + format_duration(max);
}

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// The text of the branch an edge stands for; empty when the step has a single way on.
std::string edge_text(const JourneyGraph &graph, const Edge &e) {
  return transition_text(graph.transition(e), e.branch ? e.p : -1.0);
}

std::string join_text(std::string a, const std::string &b) {
  if (a.empty()) {
    return b;
  }
  if (!b.empty()) {
    a += "; " + b;
  }
  return a;
}

/// A wait while being built: a group of out-of-sight steps seen from the step it leads to.
struct Wait {
  std::size_t group = 0;
  std::size_t target = none; ///< the customer-visible step it leads to; `none` when merged
  double min = 0;
  double max = 0;
  std::string branch;               ///< the last branch taken out of sight
  std::vector<Index> from_channels; ///< channels of the visible steps that lead into it
  std::size_t box = 0;
};

/// The out-of-sight steps: their groups, roots and the bounds of the time spent in them.
struct Hidden {
  std::vector<std::size_t> part; ///< per step: its group when out of sight
  std::vector<std::size_t> roots;
  PartBounds bounds;
  std::vector<std::string> via; ///< per hidden step: the last branch taken to reach it
};

Hidden hidden_part(const JourneyGraph &graph, const Flags &shown, UnionFind &groups) {
  const std::size_t n = graph.size();
  Hidden h;
  h.part.assign(n, PartBounds::none);
  Flags root(n, 0);
  Flags has_hidden_pred(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (const Edge &e : graph.out(i)) {
      if (shown[e.to]) {
        continue;
      }
      if (shown[i]) {
        root[e.to] = 1;
      } else {
        groups.unite(i, e.to);
        has_hidden_pred[e.to] = has_hidden_pred[e.to] || e.to != i;
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i] && (root[i] || !has_hidden_pred[i] || i == JourneyGraph::entry)) {
      h.roots.push_back(i);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    h.part[i] = shown[i] ? PartBounds::none : groups.find(i);
  }
  std::vector<double> weight(n);
  for (std::size_t i = 0; i < n; ++i) {
    weight[i] = std::max(0.0, graph.step(i).wait) + std::max(0.0, graph.step(i).time);
  }
  h.bounds = part_bounds(graph, h.part, h.roots, weight);
  // Steps no root reaches (only behind a loop no customer enters) count from themselves.
  bool more = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!shown[i] && h.bounds.max[i] == -std::numeric_limits<double>::infinity()) {
      h.roots.push_back(i);
      more = true;
    }
  }
  if (more) {
    std::sort(h.roots.begin(), h.roots.end());
    h.bounds = part_bounds(graph, h.part, h.roots, weight);
  }
  h.via.assign(n, "");
  for (const std::size_t v : graph.walk().order) {
    const std::size_t e = h.bounds.first_in[v];
    if (!shown[v] && e != PartBounds::none) {
      const Edge &edge = graph.edge(e);
      h.via[v] = edge.branch ? edge_text(graph, edge) : h.via[edge.from];
    }
  }
  return h;
}

/// Builds the outside-in view in three passes: waits, boxes, arrows.
class Builder {
public:
  explicit Builder(const JourneyGraph &graph)
      : graph_(graph), n_(graph.size()), channel_(graph.channel_marker()), shown_(n_, 0),
        groups_(n_), group_size_(n_, 0), group_waits_(n_), entering_(n_, 0), merged_(n_, none),
        step_box_(n_, none) {
    for (std::size_t i = 0; i < n_; ++i) {
      shown_[i] = customer_visible(graph.step(i).actor) || graph.is_end(i);
    }
  }

  OutsideInView build() {
    find_waits();
    merge_waits();
    add_boxes();
    add_arrows();
    return std::move(view_);
  }

private:
  /// One wait per (group, visible step it leads to), in order of the steps.
  void find_waits() {
    const Hidden hidden = hidden_part(graph_, shown_, groups_);
    std::unordered_map<std::uint64_t, std::size_t> index;
    for (std::size_t h = 0; h < n_; ++h) {
      if (shown_[h]) {
        for (const Edge &e : graph_.out(h)) {
          entering_[groups_.find(e.to)] += shown_[e.to] ? 0 : 1;
        }
        continue;
      }
      const std::size_t g = groups_.find(h);
      ++group_size_[g];
      for (const Edge &e : graph_.out(h)) {
        if (!shown_[e.to]) {
          continue;
        }
        const double extra = std::max(0.0, graph_.step(e.to).wait);
        const double lo = hidden.bounds.min[h] + extra;
        const double hi = hidden.bounds.max[h] + extra;
        auto [it, inserted] = index.emplace(pair_key(g, e.to), waits_.size());
        if (inserted) {
          waits_.push_back(
              Wait{g, e.to, lo, hi, e.branch ? edge_text(graph_, e) : hidden.via[h], {}, 0});
          group_waits_[g].push_back(waits_.size() - 1);
        } else {
          Wait &w = waits_[it->second];
          w.min = std::min(w.min, lo);
          w.max = std::max(w.max, hi);
        }
      }
    }
  }

  /// A group entered from many places and leading to many steps gets a single wait instead of
  /// one per step it leads to, so the arrows stay linear in the journey's size.
  void merge_waits() {
    for (std::size_t g = 0; g < n_; ++g) {
      const std::size_t in = entering_[g], out = group_waits_[g].size();
      if (in * out > 4 * (in + out) + 16) {
        Wait w{g, none, std::numeric_limits<double>::infinity(), 0, {}, {}, 0};
        for (std::size_t wi : group_waits_[g]) {
          w.min = std::min(w.min, waits_[wi].min);
          w.max = std::max(w.max, waits_[wi].max);
        }
        merged_[g] = merged_waits_.size();
        merged_waits_.push_back(std::move(w));
      }
    }
  }

  /// The start, the visible steps in channel lanes (in order of first use), then the waits.
  void add_boxes() {
    using Box = OutsideInView::Box;
    using BoxKind = OutsideInView::BoxKind;
    view_.boxes.push_back(Box{BoxKind::Start, 0, -1, 0, 0, 0});
    std::vector<int> lane_of_channel(graph_.journey().channels.size(), -1);
    for (std::size_t i = 0; i < n_; ++i) {
      if (!shown_[i]) {
        continue;
      }
      int lane = -1;
      if (customer_visible(graph_.step(i).actor)) {
        ++view_.counts.steps;
        if (channel_[i] != npos) {
          int &l = lane_of_channel[static_cast<std::size_t>(channel_[i])];
          if (l < 0) {
            l = static_cast<int>(view_.lanes.size());
            view_.lanes.push_back(static_cast<std::size_t>(channel_[i]));
            ++view_.counts.channels;
          }
          lane = l;
        }
      }
      step_box_[i] = view_.boxes.size();
      view_.boxes.push_back(Box{BoxKind::Step, i, lane, 0, 0, 0});
    }
    auto add_wait = [&](Wait &w) {
      w.box = view_.boxes.size();
      const int lane = w.target == none ? -1 : view_.boxes[step_box_[w.target]].lane;
      view_.boxes.push_back(Box{BoxKind::Wait, 0, lane, w.min, w.max, group_size_[w.group]});
      ++view_.counts.waits;
    };
    for (Wait &w : waits_) {
      if (merged_[w.group] == none) {
        add_wait(w);
      }
    }
    for (Wait &w : merged_waits_) {
      add_wait(w);
    }
  }

  OutsideInView::Arrow &arrow(std::size_t from, std::size_t to, std::string label) {
    view_.arrows.push_back(OutsideInView::Arrow{from, to, std::move(label), false});
    return view_.arrows.back();
  }

  /// Arrows from a box into the waits of group `g`, each carrying the branch taken.
  void into_group(std::size_t from, std::size_t g, const std::string &text, Index from_channel) {
    auto link = [&](Wait &w, std::string label) {
      arrow(from, w.box, std::move(label));
      if (from_channel != npos && std::find(w.from_channels.begin(), w.from_channels.end(),
                                            from_channel) == w.from_channels.end()) {
        w.from_channels.push_back(from_channel);
      }
    };
    if (merged_[g] != none) {
      link(merged_waits_[merged_[g]], text);
      return;
    }
    for (std::size_t wi : group_waits_[g]) {
      link(waits_[wi], join_text(text, waits_[wi].branch));
    }
  }

  /// Arrows from the start, from each visible step, and out of each wait; channel switches marked.
  void add_arrows() {
    if (n_ > 0) {
      if (shown_[JourneyGraph::entry]) {
        arrow(0, step_box_[JourneyGraph::entry], "");
      } else {
        into_group(0, groups_.find(JourneyGraph::entry), "", npos);
      }
    }
    for (std::size_t i = 0; i < n_; ++i) {
      if (!shown_[i]) {
        continue;
      }
      for (const Edge &e : graph_.out(i)) {
        std::string text = edge_text(graph_, e);
        if (!shown_[e.to]) {
          into_group(step_box_[i], groups_.find(e.to), text, channel_[i]);
          continue;
        }
        arrow(step_box_[i], step_box_[e.to], std::move(text)).channel_switch =
            channel_[i] != npos && channel_[e.to] != npos && channel_[i] != channel_[e.to];
      }
    }
    for (const Wait &w : waits_) {
      const bool merged = merged_[w.group] != none;
      const Wait &from = merged ? merged_waits_[merged_[w.group]] : w;
      OutsideInView::Arrow &a = arrow(from.box, step_box_[w.target], merged ? w.branch : "");
      const Index c = channel_[w.target];
      a.channel_switch =
          c != npos && std::any_of(from.from_channels.begin(), from.from_channels.end(),
                                   [&](Index f) { return f != c; });
    }
    for (const OutsideInView::Arrow &a : view_.arrows) {
      view_.counts.switches += a.channel_switch ? 1 : 0;
    }
  }

  const JourneyGraph &graph_;
  const std::size_t n_;
  const std::vector<Index> &channel_;
  Flags shown_;
  UnionFind groups_;
  std::vector<Wait> waits_;
  std::vector<std::size_t> group_size_;
  std::vector<std::vector<std::size_t>> group_waits_;
  std::vector<std::size_t> entering_; ///< per group: visible edges into it
  std::vector<std::size_t> merged_;   ///< per group: its merged wait, or `none`
  std::vector<Wait> merged_waits_;
  std::vector<std::size_t> step_box_;
  OutsideInView view_;
};

} // namespace

OutsideInView outside_in_view(const JourneyGraph &graph) {
  return Builder(graph).build();
}

void draw_outside_in(DotGraph &graph, const OutsideInView &view, const Journey &journey,
                     const ViewTarget &target) {
  const std::string &prefix = target.prefix;
  std::vector<std::string> step_names = step_node_names(journey);
  std::vector<ClusterId> lanes(view.lanes.size(), no_cluster);
  std::vector<std::string> names;
  names.reserve(view.boxes.size());
  std::size_t wait_number = 0;
  for (const OutsideInView::Box &box : view.boxes) {
    ClusterId cluster = target.parent;
    if (box.lane >= 0) {
      ClusterId &l = lanes[static_cast<std::size_t>(box.lane)];
      if (l == no_cluster) {
        const std::size_t c = view.lanes[static_cast<std::size_t>(box.lane)];
        const Channel &channel = journey.channels[c];
        l = graph.add_cluster(prefix + "lane_" + std::to_string(c), target.parent);
        const std::string title = channel.name.empty() ? channel.id : channel.name;
        graph.cluster(l)
            .attributes
            .set_html("label", "<B>" + html_lines(title, 40) + "</B>  <FONT POINT-SIZE=\"9\">" +
                                   html_escape(to_string(channel.kind)) + "</FONT>")
            .set("labeljust", "l")
            .set("style", "rounded,filled")
            .set("color", "#d0d0d0")
            .set("fillcolor", palette::lane_fill(channel.kind))
            .set("class", "lane");
      }
      cluster = l;
    }
    switch (box.kind) {
    case OutsideInView::BoxKind::Start: {
      names.push_back(prefix + "start");
      std::string html = "<B>START</B>";
      if (!journey.start.empty()) {
        html += "<BR/><FONT POINT-SIZE=\"9\">" + html_lines(journey.start, 32) + "</FONT>";
      }
      graph.add_node(names.back(), cluster)
          .attributes.set_html("label", html)
          .set("shape", "box")
          .set("style", "rounded,bold")
          .set("fillcolor", "#ffffff")
          .set("class", "start");
      break;
    }
    case OutsideInView::BoxKind::Step:
      names.push_back(prefix + step_names[box.step]);
      style_step_node(graph.add_node(names.back(), cluster), journey.steps[box.step],
                      StepFill::Emotion);
      break;
    case OutsideInView::BoxKind::Wait: {
      names.push_back(prefix + "w" + std::to_string(++wait_number));
      const std::string html = "<B>" + html_escape(wait_text(box.wait_min, box.wait_max)) +
                               "</B><BR/><FONT POINT-SIZE=\"9\" COLOR=\"" +
                               std::string(palette::muted) + "\">" + plural(box.hidden, "step", "steps") + " out of sight</FONT>";
      graph.add_node(names.back(), cluster)
          .attributes.set_html("label", html)
          .set("shape", "box")
          .set("style", "rounded,dashed,filled")
          .set("fillcolor", palette::wait_fill)
          .set("color", palette::wait_border)
          .set("class", "wait");
      break;
    }
    }
  }
  for (const OutsideInView::Arrow &a : view.arrows) {
    DotEdge &e = graph.add_edge(names[a.from], names[a.to]);
    set_edge_label(e, a.label);
    if (a.channel_switch) {
      e.attributes.set("color", palette::channel_switch).set("penwidth", "2.5").add_class("switch");
    }
  }
}

} // namespace journey
