// Legend: one HTML table node with the emotion scale, markers, edge kinds, ends and actors.
#include "journey/render/legend.h"

#include "journey/model/journey.h"
#include "journey/render/palette.h"

#include <string>

namespace journey {
namespace {

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

} // namespace

void add_legend(DotGraph &graph, ClusterId parent, std::string_view name, bool dashed_handoffs) {
  std::string html = "<TABLE BORDER=\"1\" COLOR=\"#cccccc\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
                     "CELLPADDING=\"3\" BGCOLOR=\"#ffffff\">";
  html += "<TR><TD COLSPAN=\"7\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>";
  html += "<TR>";
  for (int e = -3; e <= 3; ++e) {
    html += cell(palette::emotion_fill(e), small((e > 0 ? "+" : "") + std::to_string(e)));
  }
  html += "</TR>";
  html += "<TR><TD COLSPAN=\"7\" ALIGN=\"LEFT\">" +
          small("emotion, −3 to +3 (outside-in fill; white: not recorded)", palette::muted) +
          "</TD></TR>";
  html += row(cell(palette::pain, "<FONT COLOR=\"#ffffff\"><B> ! </B></FONT>"),
              "pain point: red outline and marker");
  html += row(cell(palette::wait_fill, small("wait 7d"), " BORDER=\"1\" COLOR=\"#888888\""),
              "steps out of sight, shown as the customer's wait");
  html += row(line(palette::channel_switch, "━━━"), "channel switch");
  html += row(line(palette::handoff, "━━━"), "handoff between teams");
  if (dashed_handoffs) {
    html += row(line(palette::handoff, "╍╍╍"), "handoff through the customer");
  }
  html += row(cell("#ffffff", small("75%")), "share of the customers leaving a box who take the arrow");
  html += row(cell(palette::end_colour(EndKind::Success), small("END", "#ffffff")), "end: success");
  html += row(cell(palette::end_colour(EndKind::Abandon), small("END", "#ffffff")), "end: abandon");
  html += row(cell(palette::end_colour(EndKind::Failure), small("END", "#ffffff")), "end: failure");
  html += "<TR>";
  for (Actor a : {Actor::Customer, Actor::Frontstage, Actor::Backstage, Actor::System}) {
    html += cell(palette::actor_fill(a), small(to_string(a)));
  }
  html +=
      "<TD COLSPAN=\"3\" ALIGN=\"LEFT\">" + small("inside-out fill", palette::muted) + "</TD></TR>";
  html += "</TABLE>";
  graph.add_node(name, parent)
      .attributes.set_html("label", html)
      .set("shape", "plain")
      .set("class", "legend");
}

} // namespace journey
