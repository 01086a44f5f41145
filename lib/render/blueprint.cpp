// Service-blueprint view: steps in actor rows and stage columns, arrows with shares and handoffs.
#include "journey/render/blueprint.h"

#include "journey/analysis/stages.h"
#include "journey/render/label.h"
#include "journey/render/long_edges.h"
#include "journey/render/palette.h"
#include "journey/render/stage_columns.h"
#include "journey/render/step_node.h"

#include "journey/model/duration.h"
#include "journey/model/text.h"

#include <cmath>
#include <unordered_map>

namespace journey {
namespace {

bool seen_by_customer(BlueprintView::Row row) {
  return row == BlueprintView::Row::Customer || row == BlueprintView::Row::Frontstage;
}

} // namespace

BlueprintView::Row blueprint_row(Actor actor) {
  switch (actor) {
  case Actor::Customer:
    return BlueprintView::Row::Customer;
  case Actor::Frontstage:
    return BlueprintView::Row::Frontstage;
  case Actor::Backstage:
    return BlueprintView::Row::Backstage;
  case Actor::System:
    return BlueprintView::Row::Support;
  }
  return BlueprintView::Row::Customer;
}

std::string_view row_title(BlueprintView::Row row) {
  switch (row) {
  case BlueprintView::Row::Customer:
    return "Customer actions";
  case BlueprintView::Row::Frontstage:
    return "Frontstage";
  case BlueprintView::Row::Backstage:
    return "Backstage";
  case BlueprintView::Row::Support:
    return "Support processes";
  }
  return "";
}

BlueprintView blueprint_view(const JourneyGraph &graph) {
  BlueprintView view;
  const std::vector<int> column = stage_columns(graph, view.columns);
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> box_of(graph.size(), kNone);
  for (std::size_t s = 0; s < graph.size(); ++s) {
    if (!graph.reachable()[s]) {
      continue;
    }
    box_of[s] = view.boxes.size();
    view.boxes.push_back(BlueprintView::Box{s, blueprint_row(graph.step(s).actor), column[s]});
  }
  const std::vector<Index> &team = graph.team_marker();
  for (std::size_t s = 0; s < graph.size(); ++s) {
    if (box_of[s] == kNone) {
      continue;
    }
    // One arrow per target: a target written twice adds its share to the first arrow.
    const std::size_t first = view.arrows.size();
    std::vector<std::string> texts;
    std::vector<double> shares;
    for (std::size_t e = graph.begin(s); e < graph.end(s); ++e) {
      const Edge &edge = graph.edge(e);
      if (edge.repeat) {
        for (std::size_t a = first; a < view.arrows.size(); ++a) {
          if (view.arrows[a].to == box_of[edge.to]) {
            view.arrows[a].share += edge.p;
            shares[a - first] += edge.p;
          }
        }
        continue;
      }
      BlueprintView::Arrow arrow;
      arrow.from = box_of[s];
      arrow.to = box_of[edge.to];
      arrow.share = edge.p;
      arrow.handoff = team[s] != npos && team[edge.to] != npos && team[s] != team[edge.to];
      arrow.crosses_visibility = seen_by_customer(view.boxes[arrow.from].row) !=
                                 seen_by_customer(view.boxes[arrow.to].row);
      const int from_column = view.boxes[arrow.from].column;
      const int to_column = view.boxes[arrow.to].column;
      arrow.back = to_column < from_column || (to_column == from_column && graph.walk().back[e]);
      view.handoffs += arrow.handoff ? 1 : 0;
      texts.push_back(graph.transition(edge).label);
      shares.push_back(edge.p);
      view.arrows.push_back(std::move(arrow));
    }
    const std::vector<std::string> labels = share_labels(texts, shares);
    for (std::size_t a = first; a < view.arrows.size(); ++a) {
      view.arrows[a].label = labels[a - first];
    }
  }
  return view;
}

std::string blueprint_figures(const BlueprintView &view, const JourneyMetrics &metrics) {
  std::string line = plural(view.boxes.size(), "step", "steps");
  if (!view.columns.empty()) {
    line += " · " + plural(view.columns.size(), "stage", "stages");
  }
  line += " · " + plural(view.handoffs, "handoff", "handoffs") + " drawn";
  if (std::isfinite(metrics.handoffs.expected)) {
    line += ", expected " + format_decimal(metrics.handoffs.expected, 1) + " per customer";
  }
  if (std::isfinite(metrics.lead_time.expected)) {
    line += " · lead time " + format_duration(metrics.lead_time.expected);
  }
  if (std::isfinite(metrics.wait_time.expected)) {
    line += ", wait " + format_duration(metrics.wait_time.expected);
  }
  return line;
}

void draw_blueprint(DotGraph &graph, const BlueprintView &view, const Journey &journey,
                    const ViewTarget &target) {
  const std::string &prefix = target.prefix;
  const std::vector<std::string> step_names = step_node_names(journey);
  // Few crossing-minimisation passes: the rows stay in the order they are declared in.
  graph.graph_attributes()
      .set("rankdir", "LR")
      .set("ranksep", "0.35")
      .set("nodesep", "0.25")
      .set("mclimit", "0.01");
  // Seen by the customer above, out of sight below: the border between is the line of visibility.
  const ClusterId seen = graph.add_cluster(prefix + "seen", target.parent);
  graph.cluster(seen)
      .attributes.set_html("label", "<FONT POINT-SIZE=\"10\" COLOR=\"" + std::string(palette::muted) +
                                        "\">what the customer sees</FONT>")
      .set("labeljust", "r")
      .set("labelloc", "b")
      .set("style", "solid")
      .set("color", "#bbbbbb")
      .set("class", "visible");
  const ClusterId unseen = graph.add_cluster(prefix + "unseen", target.parent);
  graph.cluster(unseen)
      .attributes.set_html("label", "<FONT POINT-SIZE=\"10\" COLOR=\"" + std::string(palette::muted) +
                                        "\">line of visibility: below it, out of the customer's "
                                        "sight</FONT>")
      .set("labeljust", "r")
      .set("labelloc", "t")
      .set("style", "dashed")
      .set("penwidth", "2")
      .set("color", palette::muted)
      .set("class", "line-of-visibility");
  // The stage headings: a band of their own above the rows, one heading per column.
  std::vector<std::string> stage_heads;
  std::string stages_title;
  if (!view.columns.empty()) {
    const ClusterId band = graph.add_cluster(prefix + "stages", seen);
    graph.cluster(band).attributes.set("label", "").set("style", "invis").set("class", "stages");
    stages_title = prefix + "stages-title";
    graph.add_node(stages_title, band)
        .attributes.set_html("label", "<B>Stages</B>")
        .set("shape", "plain")
        .set("style", "")
        .set("width", "1.4")
        .set("class", "row-title");
    for (std::size_t c = 0; c < view.columns.size(); ++c) {
      stage_heads.push_back(prefix + "stage" + std::to_string(c + 1));
      graph.add_node(stage_heads.back(), band)
          .attributes.set_html("label", "<B>" + html_lines(view.columns[c], 16) + "</B>")
          .set("shape", "cds")
          .set("style", "filled")
          .set("fillcolor", "#dfe8f1")
          .set("color", "#8da9c4")
          .set("class", "stage");
    }
  }
  std::vector<ClusterId> rows(BlueprintView::kRows, no_cluster);
  std::vector<std::string> row_heads(BlueprintView::kRows);
  for (std::size_t r = 0; r < BlueprintView::kRows; ++r) {
    const auto row = static_cast<BlueprintView::Row>(r);
    rows[r] = graph.add_cluster(prefix + "row" + std::to_string(r), seen_by_customer(row) ? seen : unseen);
    graph.cluster(rows[r])
        .attributes.set("label", "")
        .set("style", "filled")
        .set("color", "#dddddd")
        .set("fillcolor", r % 2 == 0 ? "#f7f7f7" : "#fdfdfd")
        .set("class", "row");
    // The row's title, first in the row, so rows are named on the left.
    row_heads[r] = prefix + "row" + std::to_string(r);
    graph.add_node(row_heads[r], rows[r])
        .attributes.set_html("label", "<B>" + html_escape(row_title(row)) + "</B>")
        .set("shape", "plain")
        .set("style", "")
        .set("width", "1.4")
        .set("class", "row-title");
  }
  std::vector<std::string> names;
  names.reserve(view.boxes.size());
  for (const BlueprintView::Box &box : view.boxes) {
    names.push_back(prefix + step_names[box.step]);
    DotNode &node = graph.add_node(names.back(), rows[static_cast<std::size_t>(box.row)]);
    style_step_node(node, journey.steps[box.step], StepFill::Emotion);
  }
  // Rows top to bottom: the titles share the first rank, and with time running left to right an
  // edge within a rank puts its tail above its head.
  std::vector<std::string> titles;
  if (!stages_title.empty()) {
    titles.push_back(stages_title);
  }
  titles.insert(titles.end(), row_heads.begin(), row_heads.end());
  graph.add_same_rank(titles);
  for (std::size_t t = 0; t + 1 < titles.size(); ++t) {
    graph.add_edge(titles[t], titles[t + 1]).attributes.set("style", "invis");
  }
  if (stage_heads.empty()) {
    // An edge from its row's title to every box keeps a small blueprint compact. In a large one
    // these edges cross the whole width, and Graphviz routes each through every rank (a 351-step
    // journey's blueprint did not lay out in 30 s): there only a box no arrow leads into is held
    // right of the titles, and the rest follow it.
    std::vector<bool> entered(view.boxes.size(), false);
    if (view.boxes.size() >= LongEdgeLimits{}.min_nodes) {
      for (const BlueprintView::Arrow &a : view.arrows) {
        if (a.from != a.to) {
          entered[a.back ? a.from : a.to] = true;
        }
      }
    }
    for (std::size_t b = 0; b < view.boxes.size(); ++b) {
      if (!entered[b]) {
        graph.add_edge(row_heads[static_cast<std::size_t>(view.boxes[b].row)], names[b])
            .attributes.set("style", "invis");
      }
    }
  } else {
    // Columns: in every row an invisible gate at the start of each column and one after the
    // last; a row's gates follow one another, a step comes after its column's gate (or on its
    // rank) and before the next one, and the gates of a column share a rank with its heading.
    // Every constraint stays inside its row, so the rows keep their order, and every row spans
    // all the columns.
    const std::size_t columns = stage_heads.size();
    std::vector<std::vector<std::string>> gates(BlueprintView::kRows);
    for (std::size_t r = 0; r < BlueprintView::kRows; ++r) {
      for (std::size_t c = 0; c <= columns; ++c) {
        gates[r].push_back(row_heads[r] + "-gate" + std::to_string(c + 1));
        graph.add_node(gates[r].back(), rows[r])
            .attributes.set("shape", "point")
            .set("width", "0")
            .set("style", "invis")
            .set("label", "");
        graph.add_edge(c == 0 ? row_heads[r] : gates[r][c - 1], gates[r][c])
            .attributes.set("style", "invis");
      }
    }
    for (std::size_t c = 0; c < columns; ++c) {
      std::vector<std::string> same{stage_heads[c]};
      for (std::size_t r = 0; r < BlueprintView::kRows; ++r) {
        same.push_back(gates[r][c]);
      }
      graph.add_same_rank(std::move(same));
    }
    graph.add_edge(stages_title, stage_heads.front()).attributes.set("style", "invis");
    for (std::size_t c = 0; c + 1 < columns; ++c) {
      graph.add_edge(stage_heads[c], stage_heads[c + 1]).attributes.set("style", "invis");
    }
    for (std::size_t b = 0; b < view.boxes.size(); ++b) {
      const auto r = static_cast<std::size_t>(view.boxes[b].row);
      const auto c = static_cast<std::size_t>(view.boxes[b].column);
      graph.add_edge(gates[r][c], names[b])
          .attributes.set("style", "invis")
          .set("weight", "0")
          .set("minlen", "0");
      graph.add_edge(names[b], gates[r][c + 1]).attributes.set("style", "invis").set("weight", "0");
    }
  }
  std::size_t bends = 0;
  for (const BlueprintView::Arrow &a : view.arrows) {
    const BlueprintView::Box &from = view.boxes[a.from];
    const BlueprintView::Box &to = view.boxes[a.to];
    // In time order: an arrow against time is drawn from its head, the arrowhead still there.
    const std::string &first = names[a.back ? a.to : a.from];
    const std::string &last = names[a.back ? a.from : a.to];
    DotAttributes style;
    if (a.back) {
      style.set("dir", "back");
    }
    if (a.handoff) {
      style.set("color", palette::handoff).set("penwidth", "2.5").add_class("handoff");
    }
    if (a.crosses_visibility) {
      style.add_class("crosses-visibility");
    }
    // An unlabelled arrow down to a later row of the same column may stay in its rank: the step
    // below is drawn under the one that starts it, not one more rank to the right.
    const bool down_in_column =
        a.label.empty() && to.row > from.row && to.column == from.column && a.from != a.to;
    // Forward into the next column (or without columns), an arrow crosses rows over few ranks
    // and stays in the frame.
    const bool next_column = !a.back && to.column <= from.column + 1;
    if (from.row == to.row || down_in_column || next_column) {
      DotEdge &e = graph.add_edge(first, last);
      e.attributes = style;
      set_edge_label(e, a.label);
      if (down_in_column) {
        e.attributes.set("minlen", "0");
      }
      continue;
    }
    // Between rows, further or back: along the row of the earlier end to an invisible bend one
    // rank before the later end, then across. The long part stays inside a row: Graphviz keeps
    // an arrow between two clusters in neither, free to run around the outside of the frame.
    const std::string bend = prefix + "bend" + std::to_string(++bends);
    graph.add_node(bend, rows[static_cast<std::size_t>((a.back ? to : from).row)])
        .attributes.set("shape", "point")
        .set("width", "0")
        .set("style", "invis")
        .set("label", "");
    DotEdge &along = graph.add_edge(first, bend);
    along.attributes = style;
    set_edge_label(along, a.label);
    if (!a.back) {
      along.attributes.set("arrowhead", "none");
    }
    DotEdge &across = graph.add_edge(bend, last);
    across.attributes = style;
    across.attributes.set("weight", "10");
    if (a.back) {
      across.attributes.set("arrowtail", "none");
    }
  }
}

} // namespace journey
