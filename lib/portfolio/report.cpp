// HTML report: assembles escaped journey text, KPI tiles, charts, metrics, findings and inline
// SVG into one page, with a print style sheet.
#include "journey/portfolio/report.h"

#include "journey/analysis/stages.h"
#include "journey/model/text.h"

#include "journey/portfolio/cells.h"
#include "journey/portfolio/compact_svg.h"
#include "journey/portfolio/survey_format.h"
#include "journey/portfolio/table_format.h"

#include <unordered_map>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <tuple>

namespace journey {
namespace {

/// True when the markup holds an element or attribute that could run code.
bool has_active_content(std::string_view svg) {
  const std::string text = ascii_lower(svg);
  if (text.find("<script") != std::string::npos ||
      text.find("<foreignobject") != std::string::npos) {
    return true;
  }
  for (std::size_t at = text.find(" on"); at != std::string::npos; at = text.find(" on", at + 1)) {
    std::size_t i = at + 3;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
    }
    if (i > at + 3 && text.compare(i, 2, "=\"") == 0) {
      return true;
    }
  }
  return false;
}

void replace_all(std::string &text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

/// "paths", or "paths without repeats" when loops make the expectation exceed the longest path.
std::string_view paths_word(const Range &r) {
  return std::isfinite(r.expected) && r.expected > r.max * (1 + 1e-9) ? "paths without repeats"
                                                                 : "paths";
}

std::string duration_range(const Range &r) {
  if (!std::isfinite(r.expected)) {
    return fmt::format("n/a (paths {} to {})", format_expected_duration(r.min),
                       format_expected_duration(r.max));
  }
  return fmt::format("{} <span class=\"range\">({} {} to {})</span>",
                     format_duration(r.expected), paths_word(r), format_expected_duration(r.min),
                     format_expected_duration(r.max));
}

std::string count_range(const Range &r) {
  return fmt::format("{} <span class=\"range\">({} {} to {})</span>", format_count(r.expected),
                     paths_word(r), format_count(r.min), format_count(r.max));
}

std::string percent(double p) {
  return std::isfinite(p) ? format_percent(p, 2) : "n/a";
}

std::string diagram_html(const std::string &svg, const std::string &error,
                         const std::string &prefix, std::string_view what) {
  if (!svg.empty()) {
    if (std::optional<std::string> inlined = inline_svg(compact_svg(svg), prefix)) {
      return fmt::format("<div class=\"diagram\" role=\"img\" aria-label=\"{}\">\n{}\n</div>\n",
                         what, *inlined);
    }
    return "<p class=\"problem\">The diagram was left out: it is not a plain SVG drawing.</p>\n";
  }
  return fmt::format("<p class=\"problem\">No diagram{}{}</p>\n", error.empty() ? "" : ": ",
                     escape_html_text(error));
}

/// The bars of the largest items, the rest summed in one bar.
std::vector<ChartBar> top_bars(std::vector<std::pair<std::string, double>> items, double total,
                               std::string_view others) {
  constexpr std::size_t kBars = 8;
  std::stable_sort(items.begin(), items.end(),
                   [](const auto &a, const auto &b) { return a.second > b.second; });
  std::vector<ChartBar> bars;
  double rest = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i + 1 < kBars || items.size() == kBars) {
      bars.push_back({items[i].first, items[i].second, ""});
    } else {
      rest += items[i].second;
    }
  }
  if (items.size() > kBars) {
    bars.push_back({fmt::format("{} {}", items.size() - (kBars - 1), others), rest, ""});
  }
  for (ChartBar &b : bars) {
    b.value_text = fmt::format("{} ({})", format_expected_duration(b.value),
                               total > 0 ? format_percent(b.value / total, 0) : "n/a");
  }
  return bars;
}

/// Each step's stage by step index, for the emotion curve; empty when no step names a stage.
std::vector<std::string> step_stages(const Journey &journey) {
  std::vector<std::string> stages;
  if (!has_stages(journey)) {
    return stages;
  }
  stages.reserve(journey.steps.size());
  for (const Step &step : journey.steps) {
    stages.push_back(step.stage.empty() ? "(no stage)" : step.stage);
  }
  return stages;
}

std::string emotion_text(double e) {
  if (!std::isfinite(e)) {
    return "–";
  }
  const std::string text = format_decimal(std::abs(e), 1);
  return e > 0 ? "+" + text : e < 0 ? "−" + text : "0";
}

std::string money(double x) {
  return std::isfinite(x) ? fmt::format("{:.2f}", x) : std::string("n/a");
}

/// The persona's name for readers: its name, else its id, else "as written".
std::string persona_label(const PersonaFigures &p) {
  if (!p.name.empty()) {
    return p.name;
  }
  return p.persona.empty() ? std::string("as written") : p.persona;
}

/// A file name as one shell word: as it is when it holds only safe characters, else quoted.
std::string shell_word(std::string_view text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || std::string_view("-_./+,:@").find(c) !=
                                                                   std::string_view::npos;
  });
  if (plain) {
    return std::string(text);
  }
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string tile(std::string_view name, const std::string &value, const std::string &detail) {
  return fmt::format("<div class=\"tile\"><div class=\"kpi\">{}</div><div class=\"name\">{}</div>"
                     "<div class=\"detail\">{}</div></div>\n",
                     value, name, detail);
}

std::string emotion_html(const ReportJourney &j, const std::string &prefix) {
  std::string out = "<div class=\"block\">\n<h3>How the customer feels along the way</h3>\n";
  if (j.emotion.points.empty()) {
    return out + "<p>The journey has no steps.</p>\n</div>\n";
  }
  if (j.emotion.rated == 0 && j.emotion.pains == 0) {
    return out + "<p class=\"note\">No step on the most likely path states an <code>emotion</code> "
                 "or a <code>pain</code>: add them in the workshop to draw the curve.</p>\n</div>\n";
  }
  out += emotion_curve_svg(j.emotion, j.emotion_steps, prefix + "emotion");
  out += fmt::format("\n<p class=\"caption\">{}</p>\n</div>\n",
                     escape_html_text(emotion_curve_summary(j.emotion, j.emotion_steps)));
  return out;
}

std::string time_html(const ReportJourney &j, const std::string &prefix) {
  const JourneyMetrics &m = *j.metrics;
  std::string out = "<div class=\"block\">\n<h3>Where the customer\u2019s time goes</h3>\n";
  if (j.waits_by_step.empty()) {
    return out + "<p class=\"note\">No step makes the customer wait.</p>\n</div>\n";
  }
  const double lead = m.lead_time.expected;
  const double wait = m.wait_time.expected;
  out += fmt::format("<p class=\"caption\">Waiting is {} of the expected lead time ({} of {}); the "
                     "bars show each share of the waiting.</p>\n",
                     lead > 0 ? format_percent(wait / lead, 0) : "n/a",
                     format_expected_duration(wait), format_expected_duration(lead));
  out += "<div class=\"pair\">\n<div><h4>Waits by step</h4>\n" +
         bar_chart_svg(j.waits_by_step, "Expected wait by step", prefix + "wait-steps") +
         "\n</div>\n<div><h4>Waits by team</h4>\n" +
         bar_chart_svg(j.waits_by_team, "Expected wait by team", prefix + "wait-teams") +
         "\n</div>\n</div>\n";
  return out + "</div>\n";
}

std::string stages_html(const JourneyMetrics &m) {
  if (m.stages.empty()) {
    return {};
  }
  const double lead = m.lead_time.expected;
  std::string rows;
  for (const StageFigures &s : m.stages) {
    rows += fmt::format(
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        escape_html_text(s.stage.empty() ? std::string("(no stage)") : s.stage), s.steps,
        format_expected_duration(s.lead_time),
        lead > 0 && std::isfinite(lead) ? format_percent(s.lead_time / lead, 0) : "n/a",
        format_expected_duration(s.wait_time), money(s.cost), format_count(s.pain),
        emotion_text(s.emotion));
  }
  return "<div class=\"block\">\n<h3>Stage by stage</h3>\n<p class=\"caption\">Expected per "
         "customer starting the journey; the stages add up to the journey's lead time, waiting and "
         "cost. Emotion is the mean over the passes through steps that state one.</p>\n"
         "<div class=\"table-scroll\">\n<table class=\"stages\">\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">"
         "Steps</th><th scope=\"col\">Lead time</th><th scope=\"col\">Share</th>"
         "<th scope=\"col\">Waiting</th><th scope=\"col\">Cost</th><th scope=\"col\">Pain "
         "points</th><th scope=\"col\">Emotion</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody>\n</table>\n</div>\n</div>\n";
}

std::string personas_html(const JourneyMetrics &m) {
  if (m.personas.size() < 2) {
    return {};
  }
  std::string out = "<div class=\"block\">\n<h3>Persona by persona</h3>\n<p class=\"caption\">"
                    "The same journey walked by each persona, with the persona's own branch "
                    "shares; expected per customer.</p>\n<div class=\"table-scroll\">\n<table class=\"personas\">\n<thead><tr>"
                    "<td></td>";
  for (const PersonaFigures &p : m.personas) {
    out += fmt::format("<th scope=\"col\">{}{}</th>", escape_html_text(persona_label(p)),
                       p.description.empty()
                           ? std::string()
                           : "<br><span class=\"range\">" + escape_html_text(p.description) +
                                 "</span>");
  }
  out += "</tr></thead>\n<tbody>\n";
  const auto row = [&](std::string_view name, auto cell) {
    out += fmt::format("<tr><th scope=\"row\">{}</th>", name);
    for (const PersonaFigures &p : m.personas) {
      out += fmt::format("<td class=\"num\">{}</td>", cell(p));
    }
    out += "</tr>\n";
  };
  row("Lead time", [](const PersonaFigures &p) { return format_expected_duration(p.lead_time); });
  row("Waiting", [](const PersonaFigures &p) { return format_expected_duration(p.wait_time); });
  row("Cost to serve", [](const PersonaFigures &p) { return money(p.cost); });
  row("Handoffs", [](const PersonaFigures &p) { return format_count(p.handoffs); });
  row("Contacts", [](const PersonaFigures &p) { return format_count(p.contacts); });
  row("Customer effort",
      [](const PersonaFigures &p) { return format_expected_duration(p.customer_effort); });
  row("Right first time", [](const PersonaFigures &p) { return percent(p.right_first_time); });
  row("Success", [](const PersonaFigures &p) { return percent(p.success); });
  out += "</tbody>\n</table>\n</div>\n";
  for (const PersonaFigures &p : m.personas) {
    if (!p.problem.empty()) {
      out += fmt::format("<p class=\"problem\">{}: {}</p>\n", escape_html_text(persona_label(p)),
                         escape_html_text(p.problem));
    }
  }
  return out + "</div>\n";
}

std::string journey_html(const ReportJourney &j, std::size_t index, bool left_out) {
  const std::string anchor = fmt::format("journey-{}", index + 1);
  const std::string prefix = fmt::format("j{}-", index + 1);
  const std::string heading = !j.title.empty() ? j.title : !j.id.empty() ? j.id : j.file;
  std::string out = fmt::format("<section class=\"journey\" id=\"{}\">\n<h2>{}</h2>\n", anchor,
                                escape_html_text(heading));
  std::string facts = fmt::format("<span><code>{}</code></span>", escape_html_text(j.file));
  if (!j.id.empty()) {
    facts += fmt::format(" · journey <code>{}</code>", escape_html_text(j.id));
  }
  if (!j.intent.empty()) {
    facts += fmt::format(" · intent: {}", escape_html_text(j.intent));
  }
  if (!j.owner.empty()) {
    facts += fmt::format(" · owner: {}", escape_html_text(j.owner));
  }
  if (!j.personas.empty()) {
    facts += fmt::format(" · persona: {}", escape_html_text(j.personas.front()));
    if (j.personas.size() > 1) {
      const std::vector<std::string> others(j.personas.begin() + 1, j.personas.end());
      facts += fmt::format(" (also walked by {})", escape_html_text(and_list(others, 6)));
    }
  }
  out += "<p class=\"facts\">" + facts + "</p>\n";
  if (!j.metrics) {
    out += "<h3>Lint findings</h3>\n" + report_findings_html(j.findings);
    out += "<p class=\"problem\">Not analysed: fix the errors above first.</p>\n</section>\n";
    return out;
  }
  out += report_kpi_tiles_html(*j.metrics);
  out += emotion_html(j, prefix);
  out += stages_html(*j.metrics);
  out += personas_html(*j.metrics);
  out += time_html(j, prefix);
  out += "<div class=\"block\">\n<h3>Lint findings</h3>\n" + report_findings_html(j.findings) +
         "</div>\n";
  out += "<div class=\"block\">\n<h3>All figures</h3>\n" + report_metrics_html(*j.metrics) +
         "</div>\n";
  if (const std::string surveys = report_surveys_html(j.metrics->surveys); !surveys.empty()) {
    out += "<div class=\"block\">\n" + surveys + "</div>\n";
  }
  if (left_out) {
    out += fmt::format("<p class=\"note\">Diagram left out of this report: <code>journey render "
                       "{} --view compare</code> draws it.</p>\n",
                       escape_html_text(shell_word(j.file)));
  }
  if (!j.diagram_svg.empty() || !j.diagram_error.empty()) {
    out += "<div class=\"block diagram-block\">\n<h3>What the customer experiences, and what the "
           "organisation sees</h3>\n";
    out += diagram_html(j.diagram_svg, j.diagram_error, prefix, "compare diagram") + "</div>\n";
  }
  for (std::size_t k = 0; k < j.more_diagrams.size(); ++k) {
    const auto &[title, svg] = j.more_diagrams[k];
    out += fmt::format("<div class=\"block diagram-block\">\n<h3>{}</h3>\n",
                       escape_html_text(title));
    out += diagram_html(svg, "", fmt::format("{}d{}-", prefix, k + 2), "diagram") + "</div>\n";
  }
  return out + "</section>\n";
}

constexpr std::string_view kReportCss = R"(header{border-bottom:1px solid #ddd;margin-bottom:1em}
.generator{color:#888;font-size:.85em}
nav ol{columns:2;padding-left:1.4em}
section{margin:2.5em 0}
section.journey{border-top:1px solid #ddd;padding-top:.5em}
.facts{color:#555}
.block{margin:1.2em 0}
h4{margin:.6em 0 .2em;font-weight:600;font-size:.95em;color:#555}
.caption,.note{color:#555;font-size:.9em;max-width:60em}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5em,1fr));gap:.6em;margin:1em 0}
.tile{border:1px solid #ddd;border-radius:6px;padding:.5em .7em;background:#fafafa}
.tile .kpi{font-size:1.5em;font-weight:600;color:#1b4f72;white-space:nowrap}
.tile .name{font-weight:600}
.tile .detail{color:#777;font-size:.8em}
.pair{display:flex;flex-wrap:wrap;gap:1em 2em}
.diagram{overflow:auto;border:1px solid #eee;padding:.5em;background:#fff}
.diagram svg{max-width:100%;height:auto;font-family:Helvetica,Arial,sans-serif}
table.metrics th{background:#fbfbfb;font-weight:normal;white-space:nowrap}
table.stages,table.personas{font-variant-numeric:tabular-nums}
table.stages tbody th,table.personas tbody th{font-weight:normal;text-align:left}
.range{color:#888}
ul.findings{list-style:none;padding-left:0}
ul.findings li{margin:.2em 0}
.severity{display:inline-block;min-width:4.5em;font-weight:600}
li.error .severity{color:#c0392b}
li.warning .severity{color:#b9770e}
li.info .severity{color:#2471a3}
.where{font-family:monospace;color:#666}
.clean{color:#1e8449}
.problem{color:#c0392b}
@page{size:auto;margin:12mm}
@page wide{size:landscape;margin:10mm}
@media print{
body{margin:0;font-size:9.5pt;line-height:1.3;-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav{display:none}
header{margin-bottom:.5em}
section{margin:0}
section.journey{break-before:page;border-top:none;padding-top:0}
h1,h2,h3,h4{break-after:avoid;break-inside:avoid}
.block,.tiles,.tile,table.metrics,table.stages,table.personas,tr,li,svg.chart,.pair>div{break-inside:avoid}
.tiles{grid-template-columns:repeat(6,1fr);gap:.4em}
.tile{padding:.3em .4em}
.tile .kpi{font-size:1.2em}
.tile .name{font-size:.78em}
svg.chart{max-width:100%;height:auto}
.pair{display:block}
.trends{display:grid!important;grid-template-columns:repeat(4,minmax(0,1fr));gap:.6em!important}
figure.trend{break-inside:avoid}
svg.trend{width:100%;height:auto}
.diagram-block{page:wide;break-before:page}
#portfolio-map{page:wide;break-before:page}
.diagram{overflow:visible;border:none;padding:0}
.diagram svg{display:block;margin:0 auto;width:100%;height:auto;max-height:170mm}
#portfolio-map .diagram svg{max-height:150mm}
table{width:100%}
table.intent-table{font-size:8pt;zoom:.72}
td,th{padding:.25em .4em}
}
)";

} // namespace

ReportDiagrams resolve_report_diagrams(ReportDiagrams asked, std::size_t journeys) {
  if (asked != ReportDiagrams::Auto) {
    return asked;
  }
  return journeys <= kReportDiagramsAutoMost ? ReportDiagrams::Compare : ReportDiagrams::None;
}

std::string report_metrics_html(const JourneyMetrics &m) {
  std::string rows;
  const auto row = [&](std::string_view name, const std::string &value) {
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", name, value);
  };
  row("Steps", std::to_string(m.steps));
  row("Lead time", duration_range(m.lead_time));
  row("Waiting", duration_range(m.wait_time));
  row("Active time", duration_range(m.touch_time));
  row("Customer's own time", duration_range(m.customer_time));
  row("Handoffs", count_range(m.handoffs));
  row("Channel switches", count_range(m.channel_switches));
  row("Contacts", count_range(m.contacts));
  row("Cost to serve",
      std::isfinite(m.cost.expected) ? fmt::format("{:.2f}", m.cost.expected) : std::string("n/a"));
  row("Right first time", percent(m.right_first_time));
  row("Flow efficiency", percent(m.flow_efficiency));
  std::string outcomes;
  for (const auto &[kind, p] : m.outcomes) {
    outcomes +=
        fmt::format("{}{} {}", outcomes.empty() ? "" : ", ", escape_html_text(kind), percent(p));
  }
  row("Outcomes", outcomes.empty() ? std::string("n/a") : outcomes);
  std::string waits;
  for (const WaitContribution &w : m.top_waits) {
    waits +=
        fmt::format("<li><code>{}</code>: {} ({} of the waiting)</li>", escape_html_text(w.step),
                    format_expected_duration(w.seconds), percent(w.share));
  }
  if (!waits.empty()) {
    row("Longest waits", "<ul>" + waits + "</ul>");
  }
  std::string out = "<table class=\"metrics\">\n" + rows + "</table>\n";
  if (!m.problem.empty()) {
    out += fmt::format("<p class=\"problem\">{}</p>\n", escape_html_text(m.problem));
  }
  return out;
}

std::string report_kpi_tiles_html(const JourneyMetrics &m) {
  const auto outcome = [&](const char *kind) {
    const auto it = m.outcomes.find(kind);
    return it == m.outcomes.end() ? 0.0 : it->second;
  };
  const double lead = m.lead_time.expected;
  const bool finite_lead = std::isfinite(lead) && std::isfinite(m.wait_time.expected);
  std::string out = "<div class=\"tiles\">\n";
  out += tile("Lead time", format_expected_duration(lead),
              std::isfinite(m.lead_time.min) && std::isfinite(m.lead_time.max)
                  ? fmt::format("expected; {} to {}", format_expected_duration(m.lead_time.min),
                                format_expected_duration(m.lead_time.max))
                  : std::string("expected"));
  out += tile("Waiting", finite_lead && lead > 0 ? format_percent(m.wait_time.expected / lead, 0)
                                                 : std::string("n/a"),
              fmt::format("of the lead time ({})", format_expected_duration(m.wait_time.expected)));
  out += tile("Handoffs", format_count(m.handoffs.expected), "between teams, expected");
  out += tile("Right first time", percent(m.right_first_time), "succeed without going back");
  out += tile("Cost to serve",
              std::isfinite(m.cost.expected) ? fmt::format("{:.2f}", m.cost.expected)
                                             : std::string("n/a"),
              "per customer, expected");
  out += tile("Success", m.expected_defined ? format_percent(outcome("success"), 0) : "n/a",
              m.expected_defined ? fmt::format("abandon {}, failure {}",
                                               format_percent(outcome("abandon"), 0),
                                               format_percent(outcome("failure"), 0))
                                 : std::string("of customers"));
  return out + "</div>\n";
}

std::string report_findings_html(const std::vector<Diagnostic> &findings) {
  if (findings.empty()) {
    return "<p class=\"clean\">No lint findings.</p>\n";
  }
  std::string out = "<ul class=\"findings\">\n";
  for (const Diagnostic &d : findings) {
    const std::string where =
        d.location.known() ? fmt::format("{}:{}", d.location.line, d.location.column) : "";
    out += fmt::format("<li class=\"{0}\"><span class=\"severity\">{0}</span> "
                       "<span class=\"where\">{1}</span> {2} <code>[{3}]</code></li>\n",
                       to_string(d.severity), where, escape_html_text(d.message),
                       escape_html_text(d.rule));
  }
  return out + "</ul>\n";
}

std::string_view report_css() { return kReportCss; }

ReportJourney make_report_journey(const Journey &journey, std::vector<Diagnostic> findings,
                                  std::optional<JourneyMetrics> metrics) {
  ReportJourney entry;
  entry.file = journey.file;
  entry.id = journey.id;
  entry.title = journey.title;
  entry.intent = journey.intent;
  entry.owner = journey.owner;
  entry.personas = persona_names(journey);
  entry.metrics = std::move(metrics);
  entry.findings = std::move(findings);
  if (!entry.metrics || journey.steps.empty()) {
    return entry;
  }
  const JourneyGraph graph(journey);
  const std::vector<std::string> stages = step_stages(journey);
  entry.emotion = emotion_curve(graph, stages);
  for (const EmotionPoint &p : entry.emotion.points) {
    const Step &step = journey.steps[p.step];
    entry.emotion_steps.push_back(step.name.empty() ? step.id : step.name);
  }
  std::unordered_map<std::string_view, std::size_t> step_of_id;
  for (std::size_t s = 0; s < journey.steps.size(); ++s) {
    step_of_id.emplace(journey.steps[s].id, s);
  }
  std::vector<std::pair<std::string, double>> by_step;
  std::vector<std::pair<std::string, double>> by_team;
  std::unordered_map<std::string, std::size_t> team_row;
  for (const WaitContribution &w : entry.metrics->step_waits) {
    const auto found = step_of_id.find(w.step);
    if (found == step_of_id.end()) {
      continue;
    }
    const Step &step = journey.steps[found->second];
    by_step.emplace_back(step.name.empty() ? step.id : step.name, w.seconds);
    const Index team = graph.team_marker()[found->second];
    const Channel *channel = journey.channel_of(step);
    std::string owner = "No team named";
    if (team != npos && static_cast<std::size_t>(team) < journey.teams.size()) {
      const Team &t = journey.teams[static_cast<std::size_t>(team)];
      owner = t.name.empty() ? t.id : t.name;
    } else if (channel != nullptr) {
      owner = (channel->name.empty() ? channel->id : channel->name) + " (no team)";
    }
    const auto [row, added] = team_row.emplace(owner, by_team.size());
    if (added) {
      by_team.emplace_back(owner, 0.0);
    }
    by_team[row->second].second += w.seconds;
  }
  const double total = entry.metrics->wait_time.expected;
  entry.waits_by_step = top_bars(std::move(by_step), total, "other steps");
  entry.waits_by_team = top_bars(std::move(by_team), total, "other teams or channels");
  return entry;
}

void sort_report_journeys(std::vector<ReportJourney> &journeys) {
  std::stable_sort(journeys.begin(), journeys.end(),
                   [](const ReportJourney &a, const ReportJourney &b) {
                     return std::forward_as_tuple(!a.metrics, a.intent.empty(), a.intent, a.title,
                                                  a.id, a.file) <
                            std::forward_as_tuple(!b.metrics, b.intent.empty(), b.intent, b.title,
                                                  b.id, b.file);
                   });
}

std::optional<std::string> inline_svg(std::string_view svg, std::string_view prefix) {
  const std::size_t start = svg.find("<svg");
  const std::size_t end = svg.rfind("</svg>");
  if (start == std::string_view::npos || end == std::string_view::npos || end < start) {
    return std::nullopt;
  }
  std::string out(svg.substr(start, end + 6 - start));
  if (has_active_content(out)) {
    return std::nullopt;
  }
  replace_all(out, " id=\"", fmt::format(" id=\"{}", prefix));
  replace_all(out, "url(#", fmt::format("url(#{}", prefix));
  replace_all(out, "href=\"#", fmt::format("href=\"#{}", prefix));
  return out;
}

std::string build_report(const ReportInput &input) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const ReportJourney &j : input.journeys) {
    for (const Diagnostic &d : j.findings) {
      errors += d.severity == Severity::Error ? 1 : 0;
      warnings += d.severity == Severity::Warning ? 1 : 0;
    }
  }
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<title>{0}</title>\n<style>\n{1}{2}{8}</style>\n</head>\n<body>\n<header>\n<h1>{0}</h1>\n"
      "<p>{3} serving {4}; {5} lint {6}, {7}.</p>\n",
      escape_html_text(input.title), portfolio_css(), kReportCss,
      plural(input.journeys.size(), "journey", "journeys"),
      plural(input.table.groups.size(), "intent", "intents"), errors, errors == 1 ? "error" : "errors",
      plural(warnings, "warning", "warnings"), chart_css());
  if (input.diagrams_left_out) {
    out += fmt::format(
        "<p class=\"note\">The diagram of each journey is left out of a report of {} (more "
        "than {}), to keep the page small enough to mail: <code>journey report --diagrams "
        "compare</code> puts them in, and <code>journey render FILE</code> draws one journey "
        "(its file is named under its heading).</p>\n",
        plural(input.journeys.size(), "journey", "journeys"), kReportDiagramsAutoMost);
  }
  if (!input.generator.empty()) {
    out +=
        fmt::format("<p class=\"generator\">Made by {}</p>\n", escape_html_text(input.generator));
  }
  out += "</header>\n<nav>\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#intent-table\">Intent "
         "table</a></li>\n<li><a href=\"#portfolio-map\">Portfolio map</a></li>\n";
  for (std::size_t i = 0; i < input.journeys.size(); ++i) {
    const ReportJourney &j = input.journeys[i];
    out += fmt::format("<li><a href=\"#journey-{}\">{}</a></li>\n", i + 1,
                       escape_html_text(!j.title.empty() ? j.title
                                        : !j.id.empty()  ? j.id
                                                         : j.file));
  }
  out += "</ol>\n</nav>\n<main>\n<section id=\"intent-table\">\n<h2>Intent table</h2>\n";
  out += intent_table_html(input.table);
  out += "</section>\n<section id=\"portfolio-map\">\n<h2>Portfolio map</h2>\n"
         "<p>Intents, the journeys serving them, and the internal processes each journey cuts "
         "across; processes shared by several journeys stand out.</p>\n";
  out += diagram_html(input.map_svg, input.map_error, "map-", "portfolio map");
  out += "</section>\n";
  for (std::size_t i = 0; i < input.journeys.size(); ++i) {
    out += journey_html(input.journeys[i], i, input.diagrams_left_out);
  }
  return out + "</main>\n</body>\n</html>\n";
}

} // namespace journey
