// Views: shared diagram defaults, the headings with headline figures, and the compare layout.
#include "journey/render/views.h"

#include "journey/analysis/metrics.h"
#include "journey/render/blueprint.h"
#include "journey/render/edge_labels.h"
#include "journey/render/figures.h"
#include "journey/render/inside_out.h"
#include "journey/render/legend.h"
#include "journey/render/long_edges.h"
#include "journey/render/outside_in.h"
#include "journey/render/palette.h"
#include "journey/render/step_node.h"

namespace journey {
namespace {

constexpr std::string_view organisation_title = "What the organisation sees";
constexpr std::string_view customer_title = "What the customer experiences";

std::string journey_title(const Journey &journey) {
  return journey.title.empty() ? journey.id : journey.title;
}

std::string journey_line(const Journey &journey) {
  std::string line = journey.id;
  if (!journey.owner.empty()) {
    line += " · owner: " + journey.owner;
  }
  if (!journey.intent.empty()) {
    line += " · intent: " + journey.intent;
  }
  const auto persona_name = [&](const std::string &id) {
    const Index p = journey.find_persona(id);
    return p == npos ? id : journey.personas[static_cast<std::size_t>(p)].name;
  };
  if (!journey.persona.empty()) {
    line += " · persona: " + persona_name(journey.persona);
  }
  std::string others;
  for (const PersonaWalk &walk : journey.walks) {
    if (walk.persona != journey.persona) {
      others += (others.empty() ? " · also walked by: " : ", ") + persona_name(walk.persona);
    }
  }
  line += others;
  return line;
}

void set_heading(DotAttributes &attributes, std::string_view title,
                 const std::vector<std::string> &lines, int size) {
  attributes.set_html("label", heading_html(title, lines, size))
      .set("labelloc", "t")
      .set("labeljust", "l");
}

/// Puts the customer's view below the organisation's: an invisible arrow from every box inside
/// `upper` (a cluster's name, nested clusters included) to `below`.
void stack_views(DotGraph &graph, std::string_view upper, std::string_view below) {
  std::vector<bool> inside(graph.clusters().size(), false);
  for (std::size_t c = 0; c < graph.clusters().size(); ++c) {
    const ClusterId parent = graph.clusters()[c].parent;
    // Parents are added before their children.
    inside[c] = graph.clusters()[c].name == upper ||
                (parent != no_cluster && inside[static_cast<std::size_t>(parent)]);
  }
  if (graph.find_node(below) == nullptr) {
    return;
  }
  std::vector<std::string> tops;
  for (const DotNode &n : graph.nodes()) {
    if (n.cluster != no_cluster && inside[static_cast<std::size_t>(n.cluster)]) {
      tops.push_back(n.name);
    }
  }
  for (const std::string &name : tops) {
    graph.add_edge(name, below).attributes.set("style", "invis").set("weight", "0");
  }
}

} // namespace

std::string_view to_string(View view) { return name_of(kViewNames, view); }

std::optional<View> parse_view(std::string_view text) { return value_of(kViewNames, text); }

void set_diagram_defaults(DotGraph &graph) {
  graph.graph_attributes()
      .set("fontname", palette::font)
      .set("fontsize", "11")
      .set("fontcolor", palette::ink)
      .set("rankdir", "TB")
      // Global ranking lets channel lanes and team clusters interleave along the flow. It also
      // keeps edge labels off flat (same-rank) edges, where Graphviz 2.42 corrupts its heap.
      .set("newrank", "true")
      .set("nodesep", "0.3")
      .set("ranksep", "0.4")
      .set("pad", "0.2")
      .set("bgcolor", "#ffffff");
  graph.node_defaults()
      .set("fontname", palette::font)
      .set("fontsize", "11")
      .set("fontcolor", palette::ink)
      .set("shape", "box")
      .set("style", "rounded,filled")
      .set("color", palette::ink)
      .set("fillcolor", "#ffffff")
      .set("margin", "0.1,0.05");
  graph.edge_defaults()
      .set("fontname", palette::font)
      .set("fontsize", "9")
      .set("fontcolor", palette::muted)
      .set("color", palette::edge)
      .set("arrowsize", "0.7");
}

DotGraph build_view(const Journey &journey, View view, const ViewOptions &options,
                    const JourneyMetrics *measured) {
  const JourneyGraph steps(journey);
  DotGraph graph("journey");
  set_diagram_defaults(graph);
  const JourneyMetrics metrics = measured != nullptr ? *measured : compute_metrics(steps);
  auto outside_in = [&](const ViewTarget &target, const OutsideInExtras &extras) {
    const OutsideInView model = outside_in_view(steps);
    draw_outside_in(graph, model, journey, target, extras);
    return model.counts;
  };
  auto inside_out = [&](const ViewTarget &target) {
    const InsideOutView model = inside_out_view(steps, options);
    draw_inside_out(graph, model, journey, target);
    return model.counts;
  };
  const std::string title = journey_title(journey);
  switch (view) {
  case View::OutsideIn: {
    const ViewCounts counts =
        outside_in(ViewTarget{no_cluster, ""}, OutsideInExtras{true, options.emotion_lane});
    set_heading(graph.graph_attributes(), title + ": " + std::string(customer_title),
                {customer_figures(counts, metrics), journey_line(journey)}, 16);
    add_legend(graph, no_cluster, "legend");
    break;
  }
  case View::InsideOut: {
    const ViewCounts counts = inside_out(ViewTarget{no_cluster, ""});
    set_heading(graph.graph_attributes(), title + ": " + std::string(organisation_title),
                {organisation_figures(counts, metrics), journey_line(journey)}, 16);
    add_legend(graph, no_cluster, "legend");
    break;
  }
  case View::Compare: {
    set_heading(graph.graph_attributes(), title, {journey_line(journey)}, 18);
    ClusterId organisation = graph.add_cluster("organisation");
    ClusterId customer = graph.add_cluster("customer");
    const ViewCounts inside = inside_out(ViewTarget{organisation, "io_"});
    const ViewCounts outside = outside_in(ViewTarget{customer, "oi_"}, OutsideInExtras{});
    for (auto [cluster, heading, figures] :
         {std::tuple{organisation, organisation_title, organisation_figures(inside, metrics)},
          std::tuple{customer, customer_title, customer_figures(outside, metrics)}}) {
      DotAttributes &a = graph.cluster(cluster).attributes;
      set_heading(a, heading, {figures}, 14);
      a.set("style", "rounded").set("color", "#bbbbbb").set("penwidth", "1.5").set("margin", "16");
      a.add_class(cluster == organisation ? "view inside-out" : "view outside-in");
    }
    add_legend(graph, no_cluster, "legend");
    break;
  }
  case View::Blueprint: {
    const BlueprintView model = blueprint_view(steps);
    draw_blueprint(graph, model, journey, ViewTarget{no_cluster, ""});
    set_heading(graph.graph_attributes(), title + ": service blueprint",
                {blueprint_figures(model, metrics), journey_line(journey)}, 16);
    break;
  }
  }
  split_long_edges(graph);
  if (view == View::Compare && options.stacked) {
    stack_views(graph, "cluster_organisation", "oi_start");
  }
  // The blueprint keeps each label in a row: the rows stay in order, the stages in columns.
  place_edge_labels(graph, view == View::Blueprint ? LabelCluster::Tail : LabelCluster::Common);
  return graph;
}

} // namespace journey
