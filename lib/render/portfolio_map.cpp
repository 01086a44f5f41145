// Portfolio map: one DOT graph over many journeys, processes matched by id and grouped by team.
#include "journey/render/portfolio_map.h"

#include "journey/analysis/metrics.h"
#include "journey/analysis/volume.h"
#include "journey/model/duration.h"
#include "journey/model/text.h"
#include "journey/render/figures.h"
#include "journey/render/graphviz.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"
#include "journey/render/step_node.h"
#include "journey/render/views.h"

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

/// One process across the portfolio while the map is built.
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

/// The processes of every journey, matched by id, sorted by team then name.
std::vector<MapProcess> map_processes(const std::vector<const Journey *> &journeys) {
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
  std::vector<MapProcess> ordered;
  for (auto &[id, p] : processes) {
    ordered.push_back(std::move(p));
  }
  std::sort(ordered.begin(), ordered.end(), [](const MapProcess &a, const MapProcess &b) {
    return std::forward_as_tuple(a.team.empty(), a.team_name, a.team, a.name, a.id) <
           std::forward_as_tuple(b.team.empty(), b.team_name, b.team, b.name, b.id);
  });
  return ordered;
}

void draw_heading(DotGraph &graph, const PortfolioMapView &view) {
  graph.graph_attributes()
      .set("rankdir", "LR")
      .set("ranksep", "1.2")
      .set("nodesep", "0.25")
      .set_html("label", heading_html("Portfolio map",
                                      {plural(view.intents.size(), "intent", "intents") + " · " +
                                       plural(view.journeys.size(), "journey", "journeys") +
                                       " · " +
                                       plural(view.processes.size(), "process", "processes") +
                                       ", " + std::to_string(view.shared) +
                                       " shared by several journeys (highlighted)"},
                                      18))
      .set("labelloc", "t")
      .set("labeljust", "l");
}

void draw_intents_and_journeys(DotGraph &graph, const PortfolioMapView &view) {
  for (std::size_t i = 0; i < view.intents.size(); ++i) {
    const std::string &intent = view.intents[i];
    graph.add_node("intent_" + std::to_string(i + 1))
        .attributes
        .set_html("label", "<B>" + html_lines(intent.empty() ? "(no intent)" : intent, 28) + "</B>")
        .set("fillcolor", intent_fill)
        .set("shape", "box")
        .set("style", "rounded,filled")
        .set("margin", "0.15,0.1")
        .add_class("intent");
  }
  for (std::size_t j = 0; j < view.journeys.size(); ++j) {
    const Journey &journey = *view.journeys[j].journey;
    const std::string name = "journey_" + std::to_string(j + 1);
    const std::string title = journey.title.empty() ? journey.id : journey.title;
    std::string label =
        html_lines(title, 32) + small_line(journey.id) + small_line(view.journeys[j].figures);
    if (!journey.owner.empty()) {
      label += small_line("owner: " + journey.owner);
    }
    graph.add_node(name).attributes.set_html("label", label).set("fillcolor", journey_fill).add_class(
        "journey");
    graph.add_edge("intent_" + std::to_string(view.journeys[j].intent + 1), name)
        .attributes.set("arrowhead", "none")
        .set("color", "#9fb6cd");
  }
}

void draw_processes(DotGraph &graph, const PortfolioMapView &view) {
  std::vector<ClusterId> teams(view.teams.size(), no_cluster);
  for (std::size_t i = 0; i < view.processes.size(); ++i) {
    const PortfolioMapView::ProcessBox &p = view.processes[i];
    ClusterId cluster = no_cluster;
    if (p.team >= 0) {
      ClusterId &team = teams[static_cast<std::size_t>(p.team)];
      if (team == no_cluster) {
        const PortfolioMapView::TeamBox &t = view.teams[static_cast<std::size_t>(p.team)];
        team = graph.add_cluster("team_" + std::to_string(p.team + 1));
        graph.cluster(team)
            .attributes.set_html("label", "<B>" + html_lines(t.name, 36) + "</B>")
            .set("style", "rounded,filled")
            .set("fillcolor", palette::team_fill)
            .set("color", t.shared ? std::string(shared_line) : std::string("#bbbbbb"))
            .set("penwidth", t.shared ? "2" : "1")
            .set("labeljust", "l")
            .add_class(t.shared ? "team shared" : "team");
      }
      cluster = team;
    }
    const bool is_shared = p.journeys > 1;
    std::string label = html_lines(p.name, 30);
    if (is_shared) {
      label = "<B>" + label + "</B>" +
              small_line("shared by " + std::to_string(p.journeys) + " journeys");
    }
    DotNode &node = graph.add_node("process_" + std::to_string(i + 1), cluster);
    node.attributes.set_html("label", label)
        .set("fillcolor", is_shared ? shared_fill : palette::process_fill)
        .set("style", "filled")
        .add_class(is_shared ? "process shared" : "process");
    if (is_shared) {
      node.attributes.set("color", shared_line).set("penwidth", "2");
    }
  }
  for (const PortfolioMapView::Link &link : view.links) {
    DotEdge &edge = graph.add_edge("journey_" + std::to_string(link.journey + 1),
                                   "process_" + std::to_string(link.process + 1));
    if (view.processes[link.process].journeys > 1) {
      edge.attributes.set("color", shared_line).set("penwidth", "1.5");
    }
  }
}

} // namespace

PortfolioMapView portfolio_map_view(const std::vector<const Journey *> &input) {
  std::vector<const Journey *> journeys = input;
  std::sort(journeys.begin(), journeys.end(), [](const Journey *a, const Journey *b) {
    return std::forward_as_tuple(a->intent.empty(), a->intent, a->title, a->id, a->file) <
           std::forward_as_tuple(b->intent.empty(), b->intent, b->title, b->id, b->file);
  });
  PortfolioMapView view;
  std::map<std::string, std::size_t> intents;
  for (const Journey *j : journeys) {
    auto [it, added] = intents.emplace(j->intent, view.intents.size());
    if (added) {
      view.intents.push_back(j->intent);
    }
    view.journeys.push_back(PortfolioMapView::JourneyBox{j, it->second, journey_figures(*j)});
  }
  std::map<std::string, std::size_t> process_index;
  std::map<std::string, int> team_index;
  for (const MapProcess &p : map_processes(journeys)) {
    int team = -1;
    if (!p.team.empty()) {
      auto [it, added] = team_index.emplace(p.team, static_cast<int>(view.teams.size()));
      if (added) {
        view.teams.push_back(PortfolioMapView::TeamBox{p.team_name, false});
      }
      team = it->second;
      view.teams[static_cast<std::size_t>(team)].shared =
          view.teams[static_cast<std::size_t>(team)].shared || p.journeys.size() > 1;
    }
    process_index.emplace(p.id, view.processes.size());
    view.processes.push_back(PortfolioMapView::ProcessBox{p.id, p.name, team, p.journeys.size()});
    view.shared += p.journeys.size() > 1 ? 1 : 0;
  }
  for (std::size_t j = 0; j < journeys.size(); ++j) {
    const Journey &journey = *journeys[j];
    std::set<std::size_t> seen;
    for (const Step &step : journey.steps) {
      if (step.process_index == npos) {
        continue;
      }
      const std::size_t p = process_index.at(
          journey.processes[static_cast<std::size_t>(step.process_index)].id);
      if (seen.insert(p).second) {
        view.links.push_back(PortfolioMapView::Link{j, p});
      }
    }
  }
  return view;
}

DotGraph build_portfolio_map(const std::vector<const Journey *> &journeys) {
  const PortfolioMapView view = portfolio_map_view(journeys);
  DotGraph graph("portfolio");
  set_diagram_defaults(graph);
  draw_heading(graph, view);
  draw_intents_and_journeys(graph, view);
  draw_processes(graph, view);
  return graph;
}

Expected<Drawing> draw_portfolio_map(const std::vector<const Journey *> &journeys, Format format,
                                     const LayoutOptions &layout) {
  LayoutOptions bounded = layout;
  if (bounded.advice.empty()) {
    bounded.advice = "or map fewer journeys at a time (one folder, or the journeys of one intent)";
  }
  return draw_dot(build_portfolio_map(journeys).to_dot(), format, bounded);
}

std::string render_portfolio_map(const std::vector<const Journey *> &journeys, Format format) {
  return render_dot(build_portfolio_map(journeys).to_dot(), format);
}

std::string_view utilisation_band(double utilisation) {
  if (!std::isfinite(utilisation)) {
    return "unknown";
  }
  return utilisation >= 1 ? "over" : utilisation >= 0.85 ? "high" : utilisation >= 0.7 ? "busy" : "ok";
}

LoadMapView load_map_view(const std::vector<const Journey *> &journeys,
                          const std::vector<JourneyMetrics> &metrics) {
  LoadMapView view;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < journeys.size() && i < metrics.size(); ++i) {
    if (monthly_figures(metrics[i])) {
      order.push_back(i);
    } else {
      ++view.left_out;
    }
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(journeys[a]->id, journeys[a]->file) < std::tie(journeys[b]->id, journeys[b]->file);
  });
  std::map<std::pair<std::string, std::string>, std::size_t> journey_index; // (id, file)
  for (std::size_t i : order) {
    const Journey &j = *journeys[i];
    journey_index.emplace(std::pair{j.id, j.file}, view.journeys.size());
    view.journeys.push_back(
        LoadMapView::JourneyBox{j.id, j.title.empty() ? j.id : j.title, *metrics[i].volume});
  }
  double heaviest_box = 0;
  double heaviest_link = 0;
  for (LoadKind kind : {LoadKind::Team, LoadKind::Channel}) {
    for (LoadRow &row : portfolio_loads(metrics, kind)) {
      const std::size_t box = view.boxes.size();
      std::vector<LoadMapView::Link> links;
      for (const LoadShare &share : row.journeys) {
        links.push_back(LoadMapView::Link{journey_index.at({share.journey, share.file}), box,
                                          share.work_hours, 0});
        heaviest_link = std::max(heaviest_link, share.work_hours);
      }
      std::sort(links.begin(), links.end(), [](const auto &a, const auto &b) {
        return a.journey < b.journey;
      });
      view.links.insert(view.links.end(), links.begin(), links.end());
      heaviest_box = std::max(heaviest_box, row.work_hours);
      view.boxes.push_back(LoadMapView::LoadBox{std::move(row), 0});
    }
  }
  for (LoadMapView::LoadBox &b : view.boxes) {
    b.size = heaviest_box > 0 ? b.row.work_hours / heaviest_box : 0;
  }
  for (LoadMapView::Link &l : view.links) {
    l.weight = heaviest_link > 0 ? l.work_hours / heaviest_link : 0;
  }
  return view;
}

namespace {

std::string_view band_fill(std::string_view band) {
  if (band == "over") {
    return "#f4b6b0";
  }
  if (band == "high") {
    return "#f9d2a9";
  }
  if (band == "busy") {
    return "#fbeaa5";
  }
  return band == "ok" ? "#cfe8d4" : "#eeeeee";
}

std::string hours_text(double h) {
  return format_decimal(h, h < 10 ? 1 : 0) + " h";
}

std::string load_label(const LoadRow &r) {
  std::string label = "<B>" + html_lines(r.name, 30) + "</B>";
  label += small_line(hours_text(r.work_hours) + " a month · " +
                      format_decimal(r.passes, 0) +
                      (r.kind == LoadKind::Team ? " tasks" : " contacts"));
  if (r.staff) {
    label += small_line(format_percent(r.utilisation, 0) + " utilised · staff " +
                        format_decimal(*r.staff, 1) + ", " + format_decimal(r.fte_needed, 1) +
                        " FTE needed");
  } else {
    label += small_line("no staff stated · " + format_decimal(r.fte_needed, 1) + " FTE needed");
  }
  return label;
}

} // namespace

DotGraph build_load_map(const LoadMapView &view) {
  DotGraph graph("load");
  set_diagram_defaults(graph);
  std::size_t over = 0;
  for (const LoadMapView::LoadBox &b : view.boxes) {
    over += utilisation_band(b.row.utilisation) == "over" ? 1 : 0;
  }
  std::vector<std::string> lines{
      plural(view.journeys.size(), "journey", "journeys") + " with a volume · " +
          plural(view.boxes.size(), "team or contact channel", "teams and contact channels") +
          " · " + plural(over, "overloaded", "overloaded"),
      "monthly work hours on the arrows; red: at or over 100% utilised, orange: 85% and over, "
      "yellow: 70% and over, green: under 70%, grey: no staff stated"};
  if (view.left_out > 0) {
    lines.push_back(plural(view.left_out, "journey", "journeys") + " without a volume left out");
  }
  graph.graph_attributes()
      .set("rankdir", "LR")
      .set("ranksep", "1.6")
      .set("nodesep", "0.3")
      .set_html("label", heading_html("Load map", lines, 18))
      .set("labelloc", "t")
      .set("labeljust", "l");
  for (std::size_t j = 0; j < view.journeys.size(); ++j) {
    const LoadMapView::JourneyBox &box = view.journeys[j];
    graph.add_node("journey_" + std::to_string(j + 1))
        .attributes
        .set_html("label", html_lines(box.title, 32) + small_line(box.id) +
                               small_line(format_decimal(box.volume, 0) + " customers a month"))
        .set("fillcolor", journey_fill)
        .add_class("journey");
  }
  ClusterId groups[2] = {no_cluster, no_cluster};
  for (std::size_t b = 0; b < view.boxes.size(); ++b) {
    const LoadRow &r = view.boxes[b].row;
    const bool team = r.kind == LoadKind::Team;
    ClusterId &group = groups[team ? 0 : 1];
    if (group == no_cluster) {
      group = graph.add_cluster(team ? "teams" : "channels");
      graph.cluster(group)
          .attributes.set_html("label", team ? "<B>Teams</B>" : "<B>Contact channels</B>")
          .set("style", "rounded")
          .set("color", "#bbbbbb")
          .set("labeljust", "l");
    }
    const std::string_view band = utilisation_band(r.utilisation);
    graph.add_node("load_" + std::to_string(b + 1), group)
        .attributes.set_html("label", load_label(r))
        .set("fillcolor", band_fill(band))
        .set("style", "filled")
        .set("width", format_decimal(1.8 + 1.6 * std::sqrt(view.boxes[b].size), 2))
        .set("height", format_decimal(0.6 + 0.6 * std::sqrt(view.boxes[b].size), 2))
        .set("penwidth", band == "over" ? "2.5" : "1")
        .set("color", band == "over" ? std::string(palette::pain) : std::string("#888888"))
        .add_class(std::string(team ? "team " : "channel ") + std::string(band));
  }
  for (const LoadMapView::Link &l : view.links) {
    graph.add_edge("journey_" + std::to_string(l.journey + 1), "load_" + std::to_string(l.box + 1))
        .attributes.set("label", hours_text(l.work_hours))
        .set("penwidth", format_decimal(1 + 4 * l.weight, 2))
        .set("color", "#7f8c9a")
        .set("fontsize", "10");
  }
  return graph;
}

Expected<Drawing> draw_load_map(const LoadMapView &view, Format format,
                                const LayoutOptions &layout) {
  LayoutOptions bounded = layout;
  if (bounded.advice.empty()) {
    bounded.advice = "allow more with --layout-timeout, or map fewer journeys at a time";
  }
  return draw_dot(build_load_map(view).to_dot(), format, bounded);
}

} // namespace journey
