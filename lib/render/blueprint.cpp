// Service-blueprint view: steps in actor rows and stage columns, arrows with shares and handoffs.
#include "journey/render/blueprint.h"

#include "journey/analysis/stages.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"
#include "journey/render/step_node.h"

#include "journey/model/duration.h"
#include "journey/model/text.h"

#include <cmath>
#include <unordered_map>

namespace journey {
namespace {

constexpr std::string_view kNoStage = "(no stage)";

bool seen_by_customer(BlueprintView::Row row) {
  return row == BlueprintView::Row::Customer || row == BlueprintView::Row::Frontstage;
}

/// The column of each step: declared stages first, then undeclared names in order of first use,
/// then `(no stage)`; none when no step names a stage.
std::vector<int> step_columns(const JourneyGraph &graph, std::vector<std::string> &columns) {
  const Journey &journey = graph.journey();
  std::vector<int> column(graph.size(), -1);
  if (!has_stages(journey)) {
    return column;
  }
  std::unordered_map<std::string_view, int> index;
  for (const Stage &stage : journey.stages) {
    index.emplace(stage.name, static_cast<int>(columns.size()));
    columns.push_back(stage.name);
  }
  bool unstaged = false;
  for (std::size_t s = 0; s < graph.size(); ++s) {
    if (!graph.reachable()[s]) {
      continue;
    }
    const std::string &name = graph.step(s).stage;
    if (name.empty()) {
      unstaged = true;
      continue;
    }
    auto [it, added] = index.emplace(name, static_cast<int>(columns.size()));
    if (added) {
      columns.push_back(name);
    }
    column[s] = it->second;
  }
  if (unstaged) {
    const int none = static_cast<int>(columns.size());
    columns.emplace_back(kNoStage);
    for (std::size_t s = 0; s < graph.size(); ++s) {
      if (graph.reachable()[s] && graph.step(s).stage.empty()) {
        column[s] = none;
      }
    }
  }
  return column;
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
  const std::vector<int> column = step_columns(graph, view.columns);
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
  graph.graph_attributes().set("rankdir", "LR").set("ranksep", "0.35").set("nodesep", "0.25");
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
    // The row's title, first in the row, so rows keep their order and are named on the left.
    row_heads[r] = prefix + "row" + std::to_string(r);
    graph.add_node(row_heads[r], rows[r])
        .attributes.set_html("label", "<B>" + html_escape(row_title(row)) + "</B>")
        .set("shape", "plain")
        .set("style", "")
        .set("width", "1.4")
        .set("class", "row-title");
  }
  // Stage headings, in the customer row, each before the steps of its stage.
  std::vector<std::string> stage_heads;
  for (std::size_t c = 0; c < view.columns.size(); ++c) {
    stage_heads.push_back(prefix + "stage" + std::to_string(c + 1));
    graph.add_node(stage_heads.back(), rows[0])
        .attributes.set_html("label", "<B>" + html_lines(view.columns[c], 20) + "</B>")
        .set("shape", "cds")
        .set("style", "filled")
        .set("fillcolor", "#dfe8f1")
        .set("color", "#8da9c4")
        .set("class", "stage");
  }
  std::vector<std::string> names;
  names.reserve(view.boxes.size());
  for (const BlueprintView::Box &box : view.boxes) {
    names.push_back(prefix + step_names[box.step]);
    DotNode &node = graph.add_node(names.back(), rows[static_cast<std::size_t>(box.row)]);
    style_step_node(node, journey.steps[box.step], StepFill::Emotion);
  }
  // Rows in order: each row's title follows the one above it, invisibly.
  for (std::size_t r = 0; r + 1 < BlueprintView::kRows; ++r) {
    graph.add_edge(row_heads[r], row_heads[r + 1])
        .attributes.set("style", "invis")
        .set("constraint", "false");
  }
  // Columns: a stage's heading comes before its steps, and its steps before the next heading.
  for (std::size_t c = 0; c + 1 < stage_heads.size(); ++c) {
    graph.add_edge(stage_heads[c], stage_heads[c + 1]).attributes.set("style", "invis");
  }
  for (std::size_t b = 0; b < view.boxes.size(); ++b) {
    const int column = view.boxes[b].column;
    if (column < 0) {
      graph.add_edge(row_heads[static_cast<std::size_t>(view.boxes[b].row)], names[b])
          .attributes.set("style", "invis");
      continue;
    }
    const auto c = static_cast<std::size_t>(column);
    graph.add_edge(stage_heads[c], names[b]).attributes.set("style", "invis").set("weight", "0");
    if (c + 1 < stage_heads.size()) {
      graph.add_edge(names[b], stage_heads[c + 1])
          .attributes.set("style", "invis")
          .set("weight", "0");
    }
  }
  if (!stage_heads.empty()) {
    for (const std::string &head : row_heads) {
      graph.add_edge(head, stage_heads.front()).attributes.set("style", "invis");
    }
  }
  for (const BlueprintView::Arrow &a : view.arrows) {
    DotEdge &e = graph.add_edge(names[a.from], names[a.to]);
    set_edge_label(e, a.label);
    if (a.handoff) {
      e.attributes.set("color", palette::handoff).set("penwidth", "2.5").add_class("handoff");
    }
    if (a.crosses_visibility) {
      e.attributes.add_class("crosses-visibility");
    }
  }
}

} // namespace journey
