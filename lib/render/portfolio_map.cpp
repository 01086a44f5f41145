// Portfolio map: one DOT graph over many journeys, processes matched by id and grouped by team.
#include "render/portfolio_map.h"

#include "analysis/metrics.h"
#include "model/duration.h"
#include "model/text.h"
#include "render/figures.h"
#include "render/graphviz.h"
#include "render/label.h"
#include "render/palette.h"
#include "render/step_node.h"
#include "render/views.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace journey {
namespace {

constexpr std::string_view intent_fill = "#e3edf7";
constexpr std::string_view journey_fill = "#ffffff";
constexpr std::string_view shared_fill = "#fde3c8";
constexpr std::string_view shared_line = palette::channel_switch;

/// One process across the portfolio.
struct MapProcess {
  std::string id;
  std::string name;
  std::string team;      ///< team id; empty if none
  std::string team_name; ///< the team's name, else its id
  std::set<std::size_t> journeys;
};

std::string small_line(std::string_view text) {
  return "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(palette::muted) + "\">" +
         html_lines(text, 48) + "</FONT>";
}

std::string journey_figures(const Journey &journey) {
  const JourneyMetrics m = compute_metrics(journey);
  std::string line = plural(journey.steps.size(), "step", "steps");
  if (std::isfinite(m.lead_time.expected)) {
    line += " · lead time " + format_duration(m.lead_time.expected);
  }
  if (std::isfinite(m.handoffs.expected)) {
    line += " · " + plural(format_decimal(m.handoffs.expected, 1), "handoff", "handoffs");
  }
  return line;
}

} // namespace

DotGraph build_portfolio_map(const std::vector<const Journey *> &input) {
  std::vector<const Journey *> journeys = input;
  std::sort(journeys.begin(), journeys.end(), [](const Journey *a, const Journey *b) {
    return std::forward_as_tuple(a->intent.empty(), a->intent, a->title, a->id, a->file) <
           std::forward_as_tuple(b->intent.empty(), b->intent, b->title, b->id, b->file);
  });

  std::map<std::string, MapProcess> processes; // by id
  for (std::size_t j = 0; j < journeys.size(); ++j) {
    const Journey &journey = *journeys[j];
    for (const Step &step : journey.steps) {
      if (step.process_index == npos) {
        continue;
      }
      const Process &p = journey.processes[static_cast<std::size_t>(step.process_index)];
      auto [it, added] = processes.try_emplace(p.id);
      MapProcess &mp = it->second;
      if (added) {
        mp.id = p.id;
        mp.name = p.name.empty() ? p.id : p.name;
        mp.team = p.team;
        mp.team_name = p.team;
        if (p.team_index != npos) {
          const Team &t = journey.teams[static_cast<std::size_t>(p.team_index)];
          mp.team_name = t.name.empty() ? t.id : t.name;
        }
      }
      mp.journeys.insert(j);
    }
  }

  std::vector<const MapProcess *> ordered;
  for (const auto &[id, p] : processes) {
    ordered.push_back(&p);
  }
  std::sort(ordered.begin(), ordered.end(), [](const MapProcess *a, const MapProcess *b) {
    return std::forward_as_tuple(a->team.empty(), a->team_name, a->team, a->name, a->id) <
           std::forward_as_tuple(b->team.empty(), b->team_name, b->team, b->name, b->id);
  });
  const std::size_t shared = static_cast<std::size_t>(std::count_if(
      ordered.begin(), ordered.end(), [](const MapProcess *p) { return p->journeys.size() > 1; }));

  DotGraph graph("portfolio");
  set_diagram_defaults(graph);
  std::set<std::string> intents;
  for (const Journey *j : journeys) {
    intents.insert(j->intent);
  }
  graph.graph_attributes()
      .set("rankdir", "LR")
      .set("ranksep", "1.2")
      .set("nodesep", "0.25")
      .set_html("label",
                heading_html("Portfolio map",
                             {plural(intents.size(), "intent", "intents") + " · " +
                              plural(journeys.size(), "journey", "journeys") + " · " +
                              plural(ordered.size(), "process", "processes") + ", " +
                              std::to_string(shared) + " shared by several journeys (highlighted)"},
                             18))
      .set("labelloc", "t")
      .set("labeljust", "l");

  std::map<std::string, std::string> intent_nodes;
  for (const Journey *j : journeys) {
    if (intent_nodes.contains(j->intent)) {
      continue;
    }
    const std::string name = "intent_" + std::to_string(intent_nodes.size() + 1);
    intent_nodes.emplace(j->intent, name);
    DotNode &node = graph.add_node(name);
    node.attributes
        .set_html("label",
                  "<B>" + html_lines(j->intent.empty() ? "(no intent)" : j->intent, 28) + "</B>")
        .set("fillcolor", intent_fill)
        .set("shape", "box")
        .set("style", "rounded,filled")
        .set("margin", "0.15,0.1")
        .add_class("intent");
  }

  for (std::size_t j = 0; j < journeys.size(); ++j) {
    const Journey &journey = *journeys[j];
    const std::string name = "journey_" + std::to_string(j + 1);
    DotNode &node = graph.add_node(name);
    const std::string title = journey.title.empty() ? journey.id : journey.title;
    std::string label =
        html_lines(title, 32) + small_line(journey.id) + small_line(journey_figures(journey));
    if (!journey.owner.empty()) {
      label += small_line("owner: " + journey.owner);
    }
    node.attributes.set_html("label", label).set("fillcolor", journey_fill).add_class("journey");
    graph.add_edge(intent_nodes.at(journey.intent), name)
        .attributes.set("arrowhead", "none")
        .set("color", "#9fb6cd");
  }

  std::map<std::string, ClusterId> team_clusters;
  std::map<std::string, std::string> process_nodes;
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    const MapProcess &p = *ordered[i];
    ClusterId cluster = no_cluster;
    if (!p.team.empty()) {
      auto it = team_clusters.find(p.team);
      if (it == team_clusters.end()) {
        cluster = graph.add_cluster("team_" + std::to_string(team_clusters.size() + 1));
        team_clusters.emplace(p.team, cluster);
        const bool team_shared =
            std::any_of(ordered.begin(), ordered.end(), [&](const MapProcess *q) {
              return q->team == p.team && q->journeys.size() > 1;
            });
        graph.cluster(cluster)
            .attributes.set_html("label", "<B>" + html_lines(p.team_name, 36) + "</B>")
            .set("style", "rounded,filled")
            .set("fillcolor", palette::team_fill)
            .set("color", team_shared ? std::string(shared_line) : std::string("#bbbbbb"))
            .set("penwidth", team_shared ? "2" : "1")
            .set("labeljust", "l")
            .add_class(team_shared ? "team shared" : "team");
      } else {
        cluster = it->second;
      }
    }
    const std::string name = "process_" + std::to_string(i + 1);
    process_nodes.emplace(p.id, name);
    DotNode &node = graph.add_node(name, cluster);
    const bool is_shared = p.journeys.size() > 1;
    std::string label = html_lines(p.name, 30);
    if (is_shared) {
      label = "<B>" + label + "</B>" +
              small_line("shared by " + std::to_string(p.journeys.size()) + " journeys");
    }
    node.attributes.set_html("label", label)
        .set("fillcolor", is_shared ? shared_fill : palette::process_fill)
        .set("style", "filled")
        .add_class(is_shared ? "process shared" : "process");
    if (is_shared) {
      node.attributes.set("color", shared_line).set("penwidth", "2");
    }
  }

  for (std::size_t j = 0; j < journeys.size(); ++j) {
    const Journey &journey = *journeys[j];
    std::vector<std::string> seen;
    for (const Step &step : journey.steps) {
      if (step.process_index == npos) {
        continue;
      }
      const std::string &id = journey.processes[static_cast<std::size_t>(step.process_index)].id;
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
        continue;
      }
      seen.push_back(id);
      const bool is_shared = processes.at(id).journeys.size() > 1;
      DotEdge &edge = graph.add_edge("journey_" + std::to_string(j + 1), process_nodes.at(id));
      if (is_shared) {
        edge.attributes.set("color", shared_line).set("penwidth", "1.5");
      }
    }
  }
  return graph;
}

std::string render_portfolio_map(const std::vector<const Journey *> &journeys, Format format) {
  return render_dot(build_portfolio_map(journeys).to_dot(), format);
}

} // namespace journey
