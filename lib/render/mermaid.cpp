// Mermaid output: the outside-in view model written as a Mermaid flowchart.
#include "journey/render/mermaid.h"

#include "journey/analysis/journey_graph.h"
#include "journey/model/text.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"
#include "journey/render/step_node.h"

#include <set>
#include <vector>

namespace journey {
namespace {

/// Wrapped, escaped lines joined with `<br>`.
std::string label_lines(std::string_view text, std::size_t width = label_width) {
  std::string out;
  for (const std::string &line : wrap_text(clean_text(text), width)) {
    out += (out.empty() ? "" : "<br>") + mermaid_text(line);
  }
  return out;
}

std::string end_badge(EndKind end) {
  std::string name(to_string(end));
  for (char &c : name) {
    c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return "END · " + name;
}

std::string step_label(const Step &step) {
  std::string label = label_lines(step.name);
  std::string detail(to_string(step.actor));
  if (const std::string timing = timing_text(step.wait, step.time); !timing.empty()) {
    detail += " · " + timing;
  }
  label += "<br><small>" + label_lines(detail, 40) + "</small>";
  for (const std::string &p : step.pain) {
    label += "<br><small>" + label_lines("! " + p, 32) + "</small>";
  }
  if (step.end != EndKind::None) {
    label += "<br><b>" + end_badge(step.end) + "</b>";
  }
  return label;
}

/// A YAML double-quoted scalar on one line.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : clean_text(text)) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

/// Unique node ids for the steps: `s_<encoded id>`, `s<index>` for a repeated id.
std::vector<std::string> step_ids(const Journey &journey) {
  std::vector<std::string> ids;
  std::set<std::string> used;
  ids.reserve(journey.steps.size());
  for (std::size_t i = 0; i < journey.steps.size(); ++i) {
    std::string id = mermaid_id("s_", journey.steps[i].id);
    if (!used.insert(id).second) {
      id = "s" + std::to_string(i);
    }
    ids.push_back(std::move(id));
  }
  return ids;
}

} // namespace

bool is_mermaid_name(std::string_view name) {
  const std::string lower = ascii_lower(name);
  for (std::string_view n : kMermaidNames) {
    if (lower == n) {
      return true;
    }
  }
  return false;
}

bool is_mermaid_path(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  return dot != std::string_view::npos && dot != 0 && is_mermaid_name(base.substr(dot + 1));
}

std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : clean_text(text)) {
    switch (c) {
    case '"':
      out += "#quot;";
      break;
    case '#':
      out += "#35;";
      break;
    case '&':
      out += "#amp;";
      break;
    case '<':
      out += "#lt;";
      break;
    case '>':
      out += "#gt;";
      break;
    case '`':
      out += "#96;";
      break;
    case '\n':
    case '\t':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string mermaid_id(std::string_view prefix, std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out(prefix);
  for (char ch : id) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += ch;
    } else if (c == '_') {
      out += "__";
    } else if (c == '-') {
      out += "_h";
    } else if (c == '.') {
      out += "_d";
    } else {
      out += "_x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string mermaid_outside_in(const Journey &journey, const OutsideInView &view) {
  const std::vector<std::string> steps = step_ids(journey);
  std::vector<std::string> ids;
  std::vector<std::string> nodes;
  std::string styles;
  std::vector<std::string> waits;
  ids.reserve(view.boxes.size());
  nodes.reserve(view.boxes.size());
  std::size_t wait_number = 0;
  for (const OutsideInView::Box &box : view.boxes) {
    switch (box.kind) {
    case OutsideInView::BoxKind::Start: {
      ids.push_back("start");
      std::string label = "<b>START</b>";
      if (!journey.start.empty()) {
        label += "<br><small>" + label_lines(journey.start, 32) + "</small>";
      }
      nodes.push_back(ids.back() + "([\"" + label + "\"])");
      break;
    }
    case OutsideInView::BoxKind::Step: {
      const Step &step = journey.steps[box.step];
      ids.push_back(steps[box.step]);
      const bool end = step.end != EndKind::None;
      const std::string label = "\"" + step_label(step) + "\"";
      nodes.push_back(ids.back() + (end ? "[[" + label + "]]" : "(" + label + ")"));
      std::string style = "fill:" + std::string(palette::emotion_fill(step.emotion));
      if (!step.pain.empty()) {
        style += ",stroke:" + std::string(palette::pain) + ",stroke-width:2.5px";
      } else if (end) {
        style += ",stroke:" + std::string(palette::end_colour(step.end)) + ",stroke-width:1.5px";
      }
      styles += "  style " + ids.back() + " " + style + "\n";
      break;
    }
    case OutsideInView::BoxKind::Wait:
      ids.push_back("w" + std::to_string(++wait_number));
      waits.push_back(ids.back());
      nodes.push_back(ids.back() + "(\"<b>" + mermaid_text(wait_text(box.wait_min, box.wait_max)) +
                      "</b><br><small>" +
                      mermaid_text(hidden_text(box.hidden_min, box.hidden_max)) +
                      "</small>\")");
      break;
    }
  }

  std::string out = "---\ntitle: " +
                    yaml_quoted((journey.title.empty() ? journey.id : journey.title) +
                                ": what the customer experiences") +
                    "\n---\nflowchart LR\n";
  for (std::size_t i = 0; i < view.boxes.size(); ++i) {
    if (view.boxes[i].lane < 0) {
      out += "  " + nodes[i] + "\n";
    }
  }
  for (std::size_t lane = 0; lane < view.lanes.size(); ++lane) {
    const Channel &channel = journey.channels[view.lanes[lane]];
    const std::string id = mermaid_id("lane_", channel.id);
    out += "  subgraph " + id + "[\"" +
           label_lines(channel.name.empty() ? channel.id : channel.name, 40) + " <small>" +
           mermaid_text(to_string(channel.kind)) + "</small>\"]\n";
    for (std::size_t i = 0; i < view.boxes.size(); ++i) {
      if (view.boxes[i].lane == static_cast<int>(lane)) {
        out += "    " + nodes[i] + "\n";
      }
    }
    out += "  end\n";
    styles += "  style " + id + " fill:" + std::string(palette::lane_fill(channel.kind)) +
              ",stroke:#d0d0d0\n";
  }
  std::string switches;
  for (std::size_t i = 0; i < view.arrows.size(); ++i) {
    const OutsideInView::Arrow &a = view.arrows[i];
    out += "  " + ids[a.from] + " -->";
    if (!a.label.empty()) {
      out += "|\"" + label_lines(a.label) + "\"|";
    }
    out += " " + ids[a.to] + "\n";
    if (a.channel_switch) {
      switches += (switches.empty() ? "" : ",") + std::to_string(i);
    }
  }
  out += styles;
  if (!waits.empty()) {
    out += "  classDef wait fill:" + std::string(palette::wait_fill) +
           ",stroke:" + std::string(palette::wait_border) + ",stroke-dasharray:5 5\n";
    out += "  class " + join(waits, ",") + " wait\n";
  }
  if (!switches.empty()) {
    out += "  linkStyle " + switches + " stroke:" + std::string(palette::channel_switch) +
           ",stroke-width:2.5px\n";
  }
  return out;
}

std::string render_mermaid(const Journey &journey) {
  const JourneyGraph graph(journey);
  return mermaid_outside_in(journey, outside_in_view(graph));
}

} // namespace journey
