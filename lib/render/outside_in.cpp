// Outside-in view: customer-visible steps in channel lanes; out-of-sight groups become waits.
#include "journey/render/outside_in.h"

#include "journey/analysis/emotion_curve.h"
#include "journey/analysis/flow.h"
#include "journey/analysis/paths.h"
#include "journey/analysis/union_find.h"
#include "journey/model/text.h"
#include "journey/render/label.h"
#include "journey/render/overlay.h"
#include "journey/render/palette.h"
#include "journey/render/stage_columns.h"
#include "journey/render/step_node.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace journey {

std::string wait_text(double min, double max) {
  if (!(max > 0)) {
    return "no wait";
  }
  if (format_duration(min) == format_duration(max)) {
    return "wait " + format_duration(max);
  }
  return "wait " + format_duration(min) + "–" + format_duration(max);
}

std::string hidden_text(std::size_t min, std::size_t max) {
  if (min == max) {
    return plural(max, "step", "steps") + " out of sight";
  }
  return std::to_string(min) + "–" + std::to_string(max) + " steps out of sight";
}

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// The earlier of two bands; -1 stands for none.
int earlier_band(int a, int b) {
  return a < 0 ? b : b < 0 ? a : std::min(a, b);
}

/// The name of the branch an edge stands for, without its probability (shares are added once
/// every way out of a box is known).
std::string edge_name(const JourneyGraph &graph, const Edge &e) {
  return transition_text(graph.transition(e), -1.0);
}

std::string join_text(std::string a, const std::string &b) {
  if (a.empty()) {
    return b;
  }
  if (!b.empty() && a != b) {
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
  double steps_min = 0; ///< steps out of sight passed on the way, without repeats
  double steps_max = 0;
  std::string branch;               ///< the name of the last branch taken out of sight
  std::vector<Index> from_channels; ///< channels of the visible steps that lead into it
  std::size_t box = 0;
  double inflow = 0; ///< customers per journey who come out of the group at `target`
  double reach = 0;  ///< the same as chances, for a group no customer reaches
  int band = -1;     ///< the earliest band of the steps out of sight leading to `target`
};

/// The out-of-sight steps: their groups, roots and the bounds of the time spent in them.
struct Hidden {
  std::vector<std::size_t> part; ///< per step: its group when out of sight
  std::vector<std::size_t> roots;
  PartBounds bounds; ///< of wait and time
  PartBounds count;  ///< of steps passed
  std::vector<std::string> via; ///< per hidden step: the name of the last branch taken to it
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
  h.count = part_bounds(graph, h.part, h.roots, std::vector<double>(n, 1.0));
  h.via.assign(n, "");
  for (const std::size_t v : graph.walk().order) {
    const std::size_t e = h.bounds.first_in[v];
    if (!shown[v] && e != PartBounds::none) {
      const Edge &edge = graph.edge(e);
      h.via[v] = edge.branch ? edge_name(graph, edge) : h.via[edge.from];
    }
  }
  return h;
}

/// Builds the outside-in view in four passes: waits, boxes, arrows, then the shares on them.
class Builder {
public:
  explicit Builder(const JourneyGraph &graph)
      : graph_(graph), n_(graph.size()), channel_(graph.channel_marker()), shown_(n_, 0),
        groups_(n_), group_waits_(n_), entering_(n_, 0), merged_(n_, none), step_box_(n_, none),
        band_(stage_columns(graph, view_.bands)) {
    for (std::size_t i = 0; i < n_; ++i) {
      shown_[i] = customer_visible(graph.step(i).actor) || graph.is_end(i);
    }
  }

  OutsideInView build() {
    find_waits();
    merge_waits();
    add_boxes();
    add_arrows();
    label_shares();
    close_loops_in_bands();
    add_emotion();
    return std::move(view_);
  }

private:
  /// One wait per (group, visible step it leads to), in order of the steps. The wait is the time
  /// spent out of sight; the visible step's own `wait` stays on its box, so it is drawn once.
  void find_waits() {
    const Hidden hidden = hidden_part(graph_, shown_, groups_);
    for (std::size_t h = 0; h < n_; ++h) {
      if (shown_[h]) {
        for (const Edge &e : graph_.out(h)) {
          entering_[groups_.find(e.to)] += shown_[e.to] ? 0 : 1;
        }
        continue;
      }
      const std::size_t g = groups_.find(h);
      for (const Edge &e : graph_.out(h)) {
        if (!shown_[e.to]) {
          continue;
        }
        const double lo = hidden.bounds.min[h], hi = hidden.bounds.max[h];
        const double steps_lo = hidden.count.min[h], steps_hi = hidden.count.max[h];
        auto [it, inserted] = wait_index_.emplace(pair_key(g, e.to), waits_.size());
        if (inserted) {
          waits_.push_back(Wait{g, e.to, lo, hi, steps_lo, steps_hi,
                                e.branch ? edge_name(graph_, e) : hidden.via[h], {}, 0, 0, 0,
                                band_[h]});
          group_waits_[g].push_back(waits_.size() - 1);
        } else {
          Wait &w = waits_[it->second];
          w.band = earlier_band(w.band, band_[h]);
          w.min = std::min(w.min, lo);
          w.max = std::max(w.max, hi);
          w.steps_min = std::min(w.steps_min, steps_lo);
          w.steps_max = std::max(w.steps_max, steps_hi);
        }
      }
    }
  }

  /// A group entered from many places and leading to many steps gets a single wait instead of
  /// one per step it leads to, so the arrows stay linear in the journey's size.
  void merge_waits() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (std::size_t g = 0; g < n_; ++g) {
      const std::size_t in = entering_[g], out = group_waits_[g].size();
      if (in * out > 4 * (in + out) + 16) {
        Wait w{g, none, inf, 0, inf, 0, {}, {}, 0, 0, 0, -1};
        for (std::size_t wi : group_waits_[g]) {
          w.band = earlier_band(w.band, waits_[wi].band);
          w.min = std::min(w.min, waits_[wi].min);
          w.max = std::max(w.max, waits_[wi].max);
          w.steps_min = std::min(w.steps_min, waits_[wi].steps_min);
          w.steps_max = std::max(w.steps_max, waits_[wi].steps_max);
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
    view_.boxes.push_back(Box{BoxKind::Start, 0, -1, 0, 0, 0, 0, -1});
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
      view_.boxes.push_back(Box{BoxKind::Step, i, lane, 0, 0, 0, 0, band_[i]});
    }
    auto add_wait = [&](Wait &w) {
      w.box = view_.boxes.size();
      const int lane = w.target == none ? -1 : view_.boxes[step_box_[w.target]].lane;
      const int band = w.band >= 0 || w.target == none ? w.band : band_[w.target];
      view_.boxes.push_back(Box{BoxKind::Wait, 0, lane, w.min, w.max,
                                static_cast<std::size_t>(w.steps_min),
                                static_cast<std::size_t>(w.steps_max), band});
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

  /// The arrow from `from` to `to`, new or already drawn for another edge: its share grows.
  OutsideInView::Arrow &arrow(std::size_t from, std::size_t to, const std::string &text,
                              double share) {
    auto [it, inserted] = arrow_index_.emplace(pair_key(from, to), view_.arrows.size());
    if (inserted) {
      view_.arrows.push_back(OutsideInView::Arrow{from, to, text, false, 0});
    }
    OutsideInView::Arrow &a = view_.arrows[it->second];
    a.label = join_text(a.label, text);
    a.share += share;
    return a;
  }

  /// Arrows from a box through the steps out of sight entered at `h`: one into the wait of each
  /// visible step they come out at, with the share of the customers on `text`'s branch (`p`,
  /// `flow` per journey) who come out there.
  void through_hidden(std::size_t from, std::size_t h, const std::string &text, double p,
                      double flow, Index from_channel) {
    const std::size_t g = groups_.find(h);
    for (const Passage &pass : passages_[h]) {
      Wait &w = waits_[wait_index_.at(pair_key(g, pass.to))];
      w.inflow += flow * pass.p;
      w.reach += p * pass.p;
      const bool merged = merged_[g] != none;
      Wait &drawn = merged ? merged_waits_[merged_[g]] : w;
      arrow(from, drawn.box, merged ? text : join_text(text, w.branch), p * pass.p);
      if (from_channel != npos && std::find(drawn.from_channels.begin(), drawn.from_channels.end(),
                                            from_channel) == drawn.from_channels.end()) {
        drawn.from_channels.push_back(from_channel);
      }
    }
  }

  /// Arrows from the start, from each visible step, and out of each wait; channel switches marked.
  void add_arrows() {
    passages_ = passages_out_of_sight(graph_, shown_);
    const std::vector<double> flow = edge_flow(graph_);
    if (n_ > 0) {
      if (shown_[JourneyGraph::entry]) {
        arrow(0, step_box_[JourneyGraph::entry], "", 1.0);
      } else {
        through_hidden(0, JourneyGraph::entry, "", 1.0, 1.0, npos);
      }
    }
    for (std::size_t i = 0; i < n_; ++i) {
      if (!shown_[i]) {
        continue;
      }
      for (std::size_t id = graph_.begin(i); id < graph_.end(i); ++id) {
        const Edge &e = graph_.edge(id);
        const std::string text = edge_name(graph_, e);
        if (!shown_[e.to]) {
          through_hidden(step_box_[i], e.to, text, e.p, flow.empty() ? e.p : flow[id],
                         channel_[i]);
          continue;
        }
        arrow(step_box_[i], step_box_[e.to], text, e.p).channel_switch =
            channel_[i] != npos && channel_[e.to] != npos && channel_[i] != channel_[e.to];
      }
    }
    std::vector<double> group_inflow(n_, 0.0);
    for (const Wait &w : waits_) {
      group_inflow[w.group] += w.inflow;
    }
    for (const Wait &w : waits_) {
      const bool merged = merged_[w.group] != none;
      const Wait &from = merged ? merged_waits_[merged_[w.group]] : w;
      const double share = !merged ? 1.0 : group_inflow[w.group] > 0 ? w.inflow : w.reach;
      OutsideInView::Arrow &a = arrow(from.box, step_box_[w.target], merged ? w.branch : "", share);
      const Index c = channel_[w.target];
      a.channel_switch =
          c != npos && std::any_of(from.from_channels.begin(), from.from_channels.end(),
                                   [&](Index f) { return f != c; });
    }
    for (OutsideInView::Arrow &a : view_.arrows) {
      view_.counts.switches += a.channel_switch ? 1 : 0;
      const int from = view_.boxes[a.from].band, to = view_.boxes[a.to].band;
      a.backward = from >= 0 && to >= 0 && to < from;
    }
  }

  /// Within each band, the arrows that close a loop (found by a depth-first walk from the boxes
  /// in order) are `backward` too, so the arrows as drawn never form a cycle and Graphviz keeps
  /// the arrows that hold each box inside its band.
  void close_loops_in_bands() {
    if (view_.bands.empty()) {
      return;
    }
    const std::size_t n = view_.boxes.size();
    std::vector<std::vector<std::size_t>> out(n);
    for (std::size_t a = 0; a < view_.arrows.size(); ++a) {
      const OutsideInView::Arrow &arrow = view_.arrows[a];
      const int band = view_.boxes[arrow.from].band;
      if (band >= 0 && band == view_.boxes[arrow.to].band) {
        out[arrow.from].push_back(a);
      }
    }
    // The walk starts where customers come into a band, so a loop is drawn going back up.
    std::vector<std::size_t> roots;
    std::vector<char> entry(n, 0);
    for (const OutsideInView::Arrow &arrow : view_.arrows) {
      if (view_.boxes[arrow.from].band != view_.boxes[arrow.to].band && !entry[arrow.to]) {
        entry[arrow.to] = 1;
        roots.push_back(arrow.to);
      }
    }
    std::sort(roots.begin(), roots.end());
    for (std::size_t b = 0; b < n; ++b) {
      if (!entry[b]) {
        roots.push_back(b);
      }
    }
    enum : char { unseen, open, done };
    std::vector<char> state(n, unseen);
    std::vector<std::pair<std::size_t, std::size_t>> stack; // box, next arrow
    for (const std::size_t root : roots) {
      if (state[root] != unseen) {
        continue;
      }
      state[root] = open;
      stack.emplace_back(root, 0);
      while (!stack.empty()) {
        auto &[box, next] = stack.back();
        if (next == out[box].size()) {
          state[box] = done;
          stack.pop_back();
          continue;
        }
        OutsideInView::Arrow &arrow = view_.arrows[out[box][next++]];
        if (state[arrow.to] == open) {
          arrow.backward = true;
        } else if (state[arrow.to] == unseen) {
          state[arrow.to] = open;
          stack.emplace_back(arrow.to, 0);
        }
      }
    }
  }

  /// The emotion of each step of the most likely path drawn as a box.
  void add_emotion() {
    const EmotionCurve curve = emotion_curve(graph_);
    if (curve.rated == 0) {
      return;
    }
    for (const EmotionPoint &p : curve.points) {
      if (step_box_[p.step] != none) {
        view_.emotion.push_back(OutsideInView::Point{step_box_[p.step], p.emotion, p.pain});
      }
    }
    if (std::none_of(view_.emotion.begin(), view_.emotion.end(),
                     [](const OutsideInView::Point &p) { return p.emotion.has_value(); })) {
      view_.emotion.clear(); // only steps out of sight state one: no lane
    }
  }

  /// Each box's arrows share its customers: shares normalised per box, rounded to add up to 100%.
  void label_shares() {
    std::vector<std::vector<std::size_t>> out(view_.boxes.size());
    for (std::size_t a = 0; a < view_.arrows.size(); ++a) {
      out[view_.arrows[a].from].push_back(a);
    }
    std::vector<std::string> texts;
    std::vector<double> shares;
    for (const std::vector<std::size_t> &arrows : out) {
      texts.clear();
      shares.clear();
      double total = 0;
      for (const std::size_t a : arrows) {
        texts.push_back(view_.arrows[a].label);
        shares.push_back(view_.arrows[a].share);
        total += std::max(0.0, view_.arrows[a].share);
      }
      const std::vector<std::string> labels = share_labels(texts, shares);
      for (std::size_t k = 0; k < arrows.size(); ++k) {
        OutsideInView::Arrow &arrow = view_.arrows[arrows[k]];
        arrow.label = labels[k];
        arrow.share = total > 0 ? std::max(0.0, arrow.share) / total : 0;
      }
    }
  }

  const JourneyGraph &graph_;
  const std::size_t n_;
  const std::vector<Index> &channel_;
  Flags shown_;
  UnionFind groups_;
  std::vector<Wait> waits_;
  std::unordered_map<std::uint64_t, std::size_t> wait_index_; ///< (group, target) -> wait
  std::vector<std::vector<std::size_t>> group_waits_;
  std::vector<std::size_t> entering_; ///< per group: visible edges into it
  std::vector<std::size_t> merged_;   ///< per group: its merged wait, or `none`
  std::vector<Wait> merged_waits_;
  std::vector<std::size_t> step_box_;
  std::vector<std::vector<Passage>> passages_;
  std::unordered_map<std::uint64_t, std::size_t> arrow_index_; ///< (from, to) -> arrow
  OutsideInView view_;
  std::vector<int> band_; ///< per step: its band, or -1 (after `view_`: it fills the names)
};

} // namespace

OutsideInView outside_in_view(const JourneyGraph &graph) {
  return Builder(graph).build();
}

namespace {

/// The opacity of a lane's fill over stage bands (hex alpha).
constexpr std::string_view band_lane_alpha = "99";

/// Width of the emotion lane, inches: room for the axis from -3 to +3 and its labels.
constexpr std::string_view emotion_lane_width = "1.0";

/// A column of the view's own, beside the lanes, without a frame: the overlay draws in it.
ClusterId add_column(DotGraph &graph, const ViewTarget &target, const std::string &name,
                     std::string_view classes) {
  const ClusterId column = graph.add_cluster(target.prefix + name, target.parent);
  graph.cluster(column)
      .attributes.set("label", "")
      .set("style", "invis")
      .set("margin", "0")
      .set("class", classes);
  return column;
}

/// The stage headings, a column of their own. Added before the lanes, so Graphviz puts the
/// column on their left.
std::vector<std::string> add_band_headings(DotGraph &graph, const OutsideInView &view,
                                           const ViewTarget &target) {
  const ClusterId column = add_column(graph, target, "stages", "stages");
  std::vector<std::string> heads;
  for (std::size_t k = 0; k < view.bands.size(); ++k) {
    heads.push_back(target.prefix + "band" + std::to_string(k + 1));
    graph.add_node(heads.back(), column)
        .attributes.set_html("label", "<B>" + html_lines(view.bands[k], 16) + "</B>")
        .set("shape", "plaintext")
        .set("style", "")
        .set(kBandHeadAttribute, std::to_string(k))
        .set("class", "stage");
  }
  return heads;
}

/// Stage bands: invisible arrows that keep every box between its band's heading and the next
/// one (after the start, above the first band).
void tie_bands(DotGraph &graph, const OutsideInView &view, const std::vector<std::string> &names,
               const std::vector<std::string> &heads) {
  for (std::size_t k = 0; k < heads.size(); ++k) {
    graph.add_edge(k == 0 ? names.front() : heads[k - 1], heads[k])
        .attributes.set("style", "invis");
  }
  // A box with an arrow from (to) a box of its band is held there through that box: only the
  // first (last) boxes of a band are tied to its headings, so the invisible arrows stay few and
  // short. The arrows as drawn have no cycle (`backward`), so every box is held.
  std::vector<char> entered(view.boxes.size(), 0), left(view.boxes.size(), 0);
  for (const OutsideInView::Arrow &a : view.arrows) {
    const std::size_t from = a.backward ? a.to : a.from, to = a.backward ? a.from : a.to;
    if (from != to && view.boxes[from].band == view.boxes[to].band) {
      left[from] = 1;
      entered[to] = 1;
    }
  }
  for (std::size_t b = 0; b < view.boxes.size(); ++b) {
    const int band = view.boxes[b].band;
    if (band < 0) {
      continue;
    }
    const auto k = static_cast<std::size_t>(band);
    if (!entered[b]) {
      graph.add_edge(heads[k], names[b]).attributes.set("style", "invis").set("weight", "0");
    }
    if (k + 1 < heads.size() && !left[b]) {
      graph.add_edge(names[b], heads[k + 1]).attributes.set("style", "invis").set("weight", "0");
    }
  }
}

/// The emotion lane: a heading level with the start and a spacer level with each point's box,
/// in a column of their own that the overlay draws the line in.
void draw_emotion_lane(DotGraph &graph, const OutsideInView &view,
                       const std::vector<std::string> &names, const ViewTarget &target) {
  const ClusterId lane = add_column(graph, target, "emotion", "emotion-lane");
  const std::string head = target.prefix + "emotion";
  graph.add_node(head, lane)
      .attributes.set_html("label", "<B>Emotion</B><BR/><FONT POINT-SIZE=\"9\"> </FONT>")
      .set("shape", "plaintext")
      .set("style", "")
      .set("width", emotion_lane_width)
      .set(kAxisAttribute, "1")
      .set("class", "emotion-axis");
  graph.add_same_rank({names.front(), head});
  std::string previous = head;
  for (std::size_t i = 0; i < view.emotion.size(); ++i) {
    const OutsideInView::Point &p = view.emotion[i];
    const std::string name = target.prefix + "emotion" + std::to_string(i + 1);
    DotAttributes &a = graph.add_node(name, lane).attributes;
    a.set("label", "").set("shape", "box").set("width", emotion_lane_width).set("height", "0.3");
    a.set(kPointAttribute, std::to_string(i)).set(kPointStepAttribute, names[p.box]);
    if (p.emotion) {
      a.set(kEmotionAttribute, std::to_string(*p.emotion));
    }
    if (p.pain.empty()) {
      a.set("style", "invis");
    } else {
      // Transparent, not invisible: SVG shows the pain points when the pointer is on the lane.
      a.set(kPainAttribute, std::to_string(p.pain.size()))
          .set("style", "filled")
          .set("color", "transparent")
          .set("fillcolor", "transparent")
          .set("tooltip", clean_text(join(p.pain, "; ")))
          .set("class", "emotion-pain");
    }
    graph.add_same_rank({names[p.box], name});
    graph.add_edge(previous, name).attributes.set("style", "invis").set("constraint", "false");
    previous = name;
  }
}

} // namespace

void draw_outside_in(DotGraph &graph, const OutsideInView &view, const Journey &journey,
                     const ViewTarget &target, const OutsideInExtras &extras) {
  const std::string &prefix = target.prefix;
  const bool bands = extras.bands && !view.bands.empty();
  const bool emotion_lane = extras.emotion_lane && !view.emotion.empty();
  // Over stage bands a lane is tinted, not opaque, so the bands show across it.
  const std::string_view lane_alpha = bands ? band_lane_alpha : "";
  std::vector<std::string> step_names = step_node_names(journey);
  const std::vector<std::string> heads =
      bands ? add_band_headings(graph, view, target) : std::vector<std::string>{};
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
            .set("fillcolor", std::string(palette::lane_fill(channel.kind)) + std::string(lane_alpha))
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
                               std::string(palette::muted) + "\">" +
                               html_escape(hidden_text(box.hidden_min, box.hidden_max)) + "</FONT>";
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
    // Into an earlier band: drawn from its head with the arrowhead at the tail, so it does not
    // pull its head below its tail (as Graphviz itself draws the arrows that close a loop).
    const bool reversed = bands && a.backward;
    DotEdge &e = graph.add_edge(names[reversed ? a.to : a.from], names[reversed ? a.from : a.to]);
    if (reversed) {
      e.attributes.set("dir", "back");
    }
    set_edge_label(e, a.label);
    if (a.channel_switch) {
      e.attributes.set("color", palette::channel_switch).set("penwidth", "2.5").add_class("switch");
    }
  }
  if (bands) {
    for (std::size_t b = 0; b < view.boxes.size(); ++b) {
      if (view.boxes[b].band >= 0) {
        graph.find_node(names[b])->attributes.set(kBandAttribute,
                                                  std::to_string(view.boxes[b].band));
      }
    }
    tie_bands(graph, view, names, heads);
  }
  if (emotion_lane) {
    draw_emotion_lane(graph, view, names, target);
  }
  if (bands || emotion_lane) {
    graph.graph_attributes().set(kOverlayAttribute, bands && emotion_lane ? "stage-bands,emotion-lane"
                                                    : bands                ? "stage-bands"
                                                                           : "emotion-lane");
  }
}

} // namespace journey
