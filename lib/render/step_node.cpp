// Step nodes: safe node names, step labels with timing, pain and ends, and edge labels.
#include "journey/render/step_node.h"

#include "journey/analysis/flow.h"
#include "journey/model/text.h"
#include "journey/render/label.h"
#include "journey/render/palette.h"

#include <unordered_set>

namespace journey {
namespace {

std::string end_name(EndKind end) {
  switch (end) {
  case EndKind::Success:
    return "SUCCESS";
  case EndKind::Abandon:
    return "ABANDON";
  case EndKind::Failure:
    return "FAILURE";
  case EndKind::None:
    break;
  }
  return "";
}

std::string small(std::string_view colour, std::string_view html) {
  return "<FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(colour) + "\">" + std::string(html) +
         "</FONT>";
}

} // namespace

std::vector<std::string> step_node_names(const Journey &journey) {
  std::vector<std::string> names;
  names.reserve(journey.steps.size());
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < journey.steps.size(); ++i) {
    const std::string &id = journey.steps[i].id;
    if (is_plain_id(id) && seen.insert(id).second) {
      names.push_back("s_" + id);
    } else {
      names.push_back("s#" + std::to_string(i));
    }
  }
  return names;
}

std::string transition_text(const Transition &t, double p) {
  std::string text = t.label;
  if (p >= 0) {
    if (!text.empty()) {
      text += " · ";
    }
    text += format_percent(p, 1);
  }
  return text;
}

std::vector<std::string> share_labels(std::span<const std::string> texts,
                                      std::span<const double> shares) {
  std::vector<std::string> labels(texts.begin(), texts.end());
  if (texts.size() < 2) {
    return labels;
  }
  const std::vector<long> tenths = largest_remainder(shares, 1000);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string share = tenths[i] == 0 && shares[i] > 0
                                  ? std::string("<0.1%")
                                  : format_decimal(static_cast<double>(tenths[i]) / 10, 1) + "%";
    labels[i] += (labels[i].empty() ? "" : " · ") + share;
  }
  return labels;
}

std::string timing_text(Seconds wait, Seconds time) {
  std::string text;
  if (wait > 0) {
    text = "waits " + format_duration(wait);
  }
  if (time > 0) {
    text += text.empty() ? "takes " : " · takes ";
    text += format_duration(time);
  }
  return text;
}

void style_step_node(DotNode &node, const Step &step, StepFill fill) {
  const bool pain = !step.pain.empty();
  const bool end = step.end != EndKind::None;
  const std::string span = pain ? " COLSPAN=\"2\"" : "";
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">";
  html += "<TR>";
  if (pain) {
    html += "<TD BGCOLOR=\"" + std::string(palette::pain) +
            "\" VALIGN=\"TOP\"><FONT COLOR=\"#ffffff\"><B> ! </B></FONT></TD>";
  }
  html += "<TD>" + html_lines(step.name) + "</TD></TR>";
  std::string detail = std::string(to_string(step.actor));
  std::string timing = timing_text(step.wait, step.time);
  if (!timing.empty()) {
    detail += " · " + timing;
  }
  html += "<TR><TD" + span + ">" + small(palette::muted, html_lines(detail, 40)) + "</TD></TR>";
  for (const std::string &p : step.pain) {
    html += "<TR><TD" + span + " ALIGN=\"LEFT\" BALIGN=\"LEFT\">" +
            small(palette::pain, html_lines("! " + p, 32)) + "</TD></TR>";
  }
  if (end) {
    html += "<TR><TD" + span + " BGCOLOR=\"" + std::string(palette::end_colour(step.end)) +
            "\"><FONT POINT-SIZE=\"9\" COLOR=\"#ffffff\"><B>END · " + end_name(step.end) +
            "</B></FONT></TD></TR>";
  }
  html += "</TABLE>";

  DotAttributes &a = node.attributes;
  a.set_html("label", html);
  a.set("fillcolor", fill == StepFill::Emotion ? palette::emotion_fill(step.emotion)
                                               : palette::actor_fill(step.actor));
  if (pain) {
    a.set("color", palette::pain).set("penwidth", "2.5");
  } else if (end) {
    a.set("color", palette::end_colour(step.end)).set("penwidth", "1.5");
  }
  if (end) {
    a.set("peripheries", "2");
  }
  a.add_class("step").add_class(to_string(step.actor));
  if (pain) {
    a.add_class("pain");
  }
  if (end) {
    a.add_class("end").add_class("end-" + std::string(to_string(step.end)));
  }
}

void set_edge_label(DotEdge &edge, std::string_view text) {
  if (!text.empty()) {
    edge.attributes.set_html("label", html_lines(text));
  }
}

std::string heading_html(std::string_view title, const std::vector<std::string> &lines,
                         int title_size) {
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">";
  html += "<TR><TD><FONT POINT-SIZE=\"" + std::to_string(title_size) + "\"><B>" +
          html_lines(title, 90) + "</B></FONT></TD></TR>";
  for (const std::string &line : lines) {
    html += "<TR><TD><FONT POINT-SIZE=\"11\" COLOR=\"" + std::string(palette::muted) + "\">" +
            html_lines(line, 100) + "</FONT></TD></TR>";
  }
  html += "</TABLE>";
  return html;
}

} // namespace journey
