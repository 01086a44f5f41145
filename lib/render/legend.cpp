// Legend: one HTML table node with the emotion scale, markers, edge kinds, ends and actors shown.
#include "journey/render/legend.h"

#include "journey/render/edge_labels.h"
#include "journey/render/palette.h"

#include <algorithm>
#include <array>
#include <string>

namespace journey {
namespace {

constexpr std::array kEnds = {EndKind::Success, EndKind::Abandon, EndKind::Failure};
constexpr std::array kActors = {Actor::Customer, Actor::Frontstage, Actor::Backstage, Actor::System};

std::string cell(std::string_view fill, std::string_view html, std::string_view extra = "") {
  return "<TD BGCOLOR=\"" + std::string(fill) + "\"" + std::string(extra) + ">" +
         std::string(html) + "</TD>";
}

std::string small(std::string_view text, std::string_view colour = palette::ink) {
  return "<FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(colour) + "\">" + std::string(text) +
         "</FONT>";
}

std::string row(std::string_view key, std::string_view meaning) {
  return "<TR>" + std::string(key) + "<TD ALIGN=\"LEFT\" COLSPAN=\"6\">" +
         small(meaning, palette::muted) + "</TD></TR>";
}

std::string line(std::string_view colour, std::string_view glyph) {
  return "<TD><FONT COLOR=\"" + std::string(colour) + "\"><B>" + std::string(glyph) +
         "</B></FONT></TD>";
}

bool is_emotion_fill(std::string_view fill) {
  for (int e = -3; e <= 3; ++e) {
    if (fill == palette::emotion_fill(e)) {
      return true;
    }
  }
  return false;
}

} // namespace

bool LegendEntries::any() const {
  return emotion || pain || wait || channel_switch || handoff || handoff_via || share ||
         !ends.empty() || !actors.empty();
}

LegendEntries legend_entries(const DotGraph &graph) {
  LegendEntries found;
  std::array<bool, kEnds.size()> ends{};
  std::array<bool, kActors.size()> actors{};
  for (const DotNode &n : graph.nodes()) {
    const DotAttributes &a = n.attributes;
    found.pain = found.pain || a.has_class("pain");
    found.wait = found.wait || a.has_class("wait");
    const std::string *text = a.get("label");
    if (a.has_class(edge_label_class) && text != nullptr && text->find('%') != std::string::npos) {
      found.share = true;
    }
    const std::string *fill = a.get("fillcolor");
    const bool filled_box = a.has_class("step") || a.has_class("steps") || a.has_class("customer");
    if (fill == nullptr || !filled_box) {
      continue;
    }
    if (a.has_class("step") && is_emotion_fill(*fill)) {
      found.emotion = true;
    } else {
      for (std::size_t i = 0; i < kActors.size(); ++i) {
        actors[i] = actors[i] || *fill == palette::actor_fill(kActors[i]);
      }
    }
    for (std::size_t i = 0; i < kEnds.size(); ++i) {
      ends[i] = ends[i] || a.has_class("end-" + std::string(to_string(kEnds[i])));
    }
  }
  for (const DotEdge &e : graph.edges()) {
    const DotAttributes &a = e.attributes;
    found.channel_switch = found.channel_switch || a.has_class("switch");
    if (a.has_class("handoff")) {
      (a.has_class("via") ? found.handoff_via : found.handoff) = true;
    }
    const std::string *constraint = a.get("constraint");
    const std::string *label = a.get("label");
    if (label != nullptr && label->find('%') != std::string::npos &&
        (constraint == nullptr || *constraint != "false")) {
      found.share = true;
    }
  }
  for (std::size_t i = 0; i < kEnds.size(); ++i) {
    if (ends[i]) {
      found.ends.push_back(kEnds[i]);
    }
  }
  for (std::size_t i = 0; i < kActors.size(); ++i) {
    if (actors[i]) {
      found.actors.push_back(kActors[i]);
    }
  }
  return found;
}

void add_legend(DotGraph &graph, ClusterId parent, std::string_view name) {
  const LegendEntries shown = legend_entries(graph);
  if (!shown.any()) {
    return;
  }
  std::string html = "<TABLE BORDER=\"1\" COLOR=\"#cccccc\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
                     "CELLPADDING=\"3\" BGCOLOR=\"#ffffff\">";
  html += "<TR><TD COLSPAN=\"7\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
  if (shown.emotion) {
    html += "<TR>";
    for (int e = -3; e <= 3; ++e) {
      html += cell(palette::emotion_fill(e), small((e > 0 ? "+" : "") + std::to_string(e)));
    }
    html += "</TR>";
    html += "<TR><TD COLSPAN=\"7\" ALIGN=\"LEFT\">" +
            small("emotion, −3 to +3 (outside-in fill; white: not recorded)", palette::muted) +
            "</TD></TR>";
  }
  if (shown.pain) {
    html += row(cell(palette::pain, "<FONT COLOR=\"#ffffff\"><B> ! </B></FONT>"),
                "pain point: red outline and marker");
  }
  if (shown.wait) {
    html += row(cell(palette::wait_fill, small("wait 7d"), " BORDER=\"1\" COLOR=\"#888888\""),
                "steps out of sight, shown as the customer's wait");
  }
  if (shown.channel_switch) {
    html += row(line(palette::channel_switch, "━━━"), "channel switch");
  }
  if (shown.handoff) {
    html += row(line(palette::handoff, "━━━"), "handoff between teams");
  }
  if (shown.handoff_via) {
    html += row(line(palette::handoff, "╍╍╍"), "handoff through the customer");
  }
  if (shown.share) {
    html += row(cell("#ffffff", small("75%")),
                "share of the customers leaving a box who take the arrow");
  }
  for (EndKind end : shown.ends) {
    html += row(cell(palette::end_colour(end), small("END", "#ffffff")),
                "end: " + std::string(to_string(end)));
  }
  if (!shown.actors.empty()) {
    html += "<TR>";
    for (Actor a : shown.actors) {
      html += cell(palette::actor_fill(a), small(to_string(a)));
    }
    html += "<TD COLSPAN=\"" + std::to_string(7 - shown.actors.size()) + "\" ALIGN=\"LEFT\">" +
            small("inside-out fill", palette::muted) + "</TD></TR>";
  }
  html += "</TABLE>";
  graph.add_node(name, parent)
      .attributes.set_html("label", html)
      .set("shape", "plain")
      .set("class", "legend");
}

} // namespace journey
