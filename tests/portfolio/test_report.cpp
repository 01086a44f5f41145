// The report page and the portfolio map: escaping everywhere, SVG inlining, shared processes.
#include "journey/analysis/metrics.h"
#include "helpers.h"
#include "journey/portfolio/report.h"
#include "journey/render/portfolio_map.h"
#include "journey/render/render.h"

#include <doctest/doctest.h>
#include <string>

using namespace journey;

namespace {

constexpr std::string_view kHostile = R"(journey: hostile
title: <script>alert(1)</script>
intent: Intent <img src=x onerror=alert(2)>
owner: O'Brien & Co
start: s
ends: [e]
teams:
  t: Team <b>bold</b>
processes:
  p:
    name: <script>alert(4)</script>
    team: t
steps:
  - id: s1
    name: <script>alert(1)</script>
    time: 1m
    next: s2
  - id: s2
    name: Ends </svg><script>alert(5)</script>
    process: p
    end: success
)";

std::size_t count(const std::string &text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("inline_svg: prolog dropped, ids and references prefixed, active content refused") {
  const std::string svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- Generated -->\n"
                          "<svg width=\"10pt\"><g id=\"graph0\"><path fill=\"url(#grad)\"/>"
                          "<use href=\"#node1\"/><text>a &lt;b&gt; id=&quot;x</text></g></svg>\n";
  const std::optional<std::string> out = inline_svg(svg, "j1-");
  REQUIRE(out.has_value());
  CHECK(*out == "<svg width=\"10pt\"><g id=\"j1-graph0\"><path fill=\"url(#j1-grad)\"/>"
                "<use href=\"#j1-node1\"/><text>a &lt;b&gt; id=&quot;x</text></g></svg>");
  CHECK_FALSE(inline_svg("<svg><script>alert(1)</script></svg>", "x").has_value());
  CHECK_FALSE(inline_svg("<svg><g onload=\"alert(1)\"/></svg>", "x").has_value());
  CHECK_FALSE(inline_svg("<svg><foreignObject/></svg>", "x").has_value());
  CHECK_FALSE(inline_svg("not svg", "x").has_value());
  CHECK(inline_svg("<svg><text>onload=x</text></svg>", "x").has_value());
}

TEST_CASE("Graphviz SVG escapes journey text: no markup survives from step names") {
  const Journey j = test::parsed(kHostile, "hostile.yaml");
  const std::string svg = render_journey(j, View::Compare, Format::Svg);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(count(svg, "</svg>") == 1);
  CHECK(inline_svg(svg, "j1-").has_value());
  const std::string map = render_portfolio_map({&j}, Format::Svg);
  CHECK(map.find("<script") == std::string::npos);
  CHECK(map.find("&lt;script&gt;alert(4)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("report entries: fields from the journey; analysed first, then by intent and title") {
  const Journey apply = test::parsed(test::kApply, "apply.yaml");
  const Journey balance = test::parsed(test::kBalance, "balance.yaml");
  std::vector<ReportJourney> entries;
  entries.push_back(make_report_journey(balance, {}, compute_metrics(balance)));
  entries.push_back(make_report_journey(apply, {}, std::nullopt));
  entries.push_back(make_report_journey(apply, {}, compute_metrics(apply)));
  CHECK(entries[0].file == "balance.yaml");
  CHECK(entries[0].title == "Check my balance");
  CHECK(entries[2].intent == "Help me borrow");
  CHECK(entries[2].owner == "Lending");
  sort_report_journeys(entries);
  CHECK(entries[0].id == "apply");
  CHECK(entries[0].metrics.has_value());
  CHECK(entries[1].id == "balance");
  CHECK_FALSE(entries[2].metrics.has_value());
}

TEST_CASE("report: every piece of journey text escaped, no script, no network") {
  const Journey j = test::parsed(kHostile, "hostile.yaml");
  ReportInput input;
  input.title = "Report <i>";
  input.generator = "journey test";
  const JourneyMetrics metrics = compute_metrics(j);
  input.table = build_intent_table({make_intent_row(j, metrics)});
  input.map_svg = render_portfolio_map({&j}, Format::Svg);
  ReportJourney entry;
  entry.file = "hostile.yaml";
  entry.id = j.id;
  entry.title = j.title;
  entry.intent = j.intent;
  entry.owner = j.owner;
  entry.metrics = metrics;
  entry.findings.push_back(Diagnostic{Severity::Warning,
                                      "missing-owner",
                                      "message <script>alert(6)</script>",
                                      "hostile.yaml",
                                      {3, 1}});
  entry.diagram_svg = render_journey(j, View::Compare, Format::Svg);
  input.journeys.push_back(entry);
  ReportJourney broken;
  broken.file = "broken <b>.yaml";
  broken.findings.push_back(
      Diagnostic{Severity::Error, "yaml-syntax", "bad", "broken <b>.yaml", {1, 1}});
  input.journeys.push_back(broken);

  const std::string html = build_report(input);
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  for (std::string_view fetch : {"src=\"", "href=\"http", "@import", "url(http", "<link"}) {
    CAPTURE(fetch);
    CHECK(html.find(fetch) == std::string::npos);
  }
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK(html.find("<title>Report &lt;i&gt;</title>") != std::string::npos);
  CHECK(html.find("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>") != std::string::npos);
  CHECK(html.find("message &lt;script&gt;alert(6)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("O&#39;Brien &amp; Co") != std::string::npos);
  CHECK(html.find("Not analysed") != std::string::npos);
  CHECK(html.find("<span class=\"where\">3:1</span>") != std::string::npos);
  CHECK(count(html, "<svg") == 2);
  CHECK(html.find("<div class=\"diagram\" role=\"img\" aria-label=\"portfolio map\">\n<svg ") !=
        std::string::npos);
  CHECK(html.find("<div class=\"diagram\" role=\"img\" aria-label=\"compare diagram\">\n<svg ") !=
        std::string::npos);
  CHECK(html.find("2 journeys serving 1 intent; 1 lint error, 1 warning.") != std::string::npos);
  CHECK(build_report(input) == html);
}

TEST_CASE("portfolio map: processes matched by id across journeys; shared ones stand out") {
  const Journey apply = test::parsed(test::kApply, "apply.yaml");
  std::string other_text(test::kApply);
  other_text.replace(other_text.find("journey: apply"), 14, "journey: other");
  other_text.replace(other_text.find("intent: Help me borrow"), 22, "intent: Another");
  other_text.replace(other_text.find("    process: pay\n"), 17, "");
  const Journey other = test::parsed(other_text, "other.yaml");
  const Journey balance = test::parsed(test::kBalance, "balance.yaml");
  const DotGraph graph = build_portfolio_map({&balance, &apply, &other});
  std::size_t intents = 0;
  std::size_t journeys = 0;
  std::vector<std::string> shared;
  std::vector<std::string> single;
  for (const DotNode &n : graph.nodes()) {
    intents += n.attributes.has_class("intent") ? 1 : 0;
    journeys += n.attributes.has_class("journey") ? 1 : 0;
    if (n.attributes.has_class("process")) {
      (n.attributes.has_class("shared") ? shared : single).push_back(*n.attributes.get("label"));
    }
  }
  CHECK(intents == 3);
  CHECK(journeys == 3);
  REQUIRE(shared.size() == 1);
  CHECK(shared[0].find("Decide on the loan") != std::string::npos);
  CHECK(shared[0].find("shared by 2 journeys") != std::string::npos);
  REQUIRE(single.size() == 1);
  CHECK(single[0].find("Pay out") != std::string::npos);
  REQUIRE(graph.clusters().size() == 1);
  CHECK(graph.clusters()[0].attributes.get("label")->find("Operations") != std::string::npos);
  CHECK(graph.clusters()[0].attributes.has_class("shared"));
  CHECK(graph.edges().size() == 3 + 3);
  CHECK(build_portfolio_map({&other, &apply, &balance}).to_dot() == graph.to_dot());
}

TEST_CASE("report entry: emotion curve, waits by step and by team, tiles and KPI columns") {
  const Journey j = test::parsed(R"(journey: waits
title: Waits
channels:
  post: {name: Post, kind: paper}
teams:
  mail: Mailroom
  ops: Operations
steps:
  - id: send
    name: Send the form
    channel: post
    wait: 2d
    emotion: -1
    pain: Has to find a stamp
    next: scan
  - id: scan
    name: Scan it
    team: mail
    wait: 1d
    next: check
  - id: check
    name: Check it
    team: ops
    wait: 1d
    next:
      - {to: scan, p: 50%}
      - {to: done}
  - id: done
    name: Done
    emotion: 2
    end: success
)", "waits.yaml");
  const JourneyMetrics metrics = compute_metrics(j);
  const ReportJourney entry = make_report_journey(j, {}, metrics);
  REQUIRE(entry.emotion.points.size() == 4);
  CHECK(entry.emotion_steps ==
        std::vector<std::string>{"Send the form", "Scan it", "Check it", "Done"});
  // The loop back to `scan` is walked twice on average: 2d each for scan and check, 2d send.
  REQUIRE(entry.waits_by_step.size() == 3);
  CHECK(entry.waits_by_step[0].label == "Send the form");
  CHECK(entry.waits_by_step[0].value_text == "2d (33%)");
  CHECK(entry.waits_by_step[1].value_text == "2d (33%)");
  REQUIRE(entry.waits_by_team.size() == 3);
  CHECK(entry.waits_by_team[0].label == "Post (no team)");
  CHECK(entry.waits_by_team[1].label == "Mailroom");
  CHECK(entry.waits_by_team[2].label == "Operations");

  const std::string tiles = report_kpi_tiles_html(metrics);
  CHECK(count(tiles, "<div class=\"tile\">") == 6);
  CHECK(tiles.find("<div class=\"kpi\">6d</div><div class=\"name\">Lead time</div>") !=
        std::string::npos);
  CHECK(tiles.find("<div class=\"kpi\">100%</div><div class=\"name\">Waiting</div>") !=
        std::string::npos);
  CHECK(tiles.find("<div class=\"kpi\">50%</div><div class=\"name\">Right first time</div>") !=
        std::string::npos);

  ReportInput input;
  input.table = build_intent_table({make_intent_row(j, metrics)});
  input.journeys.push_back(entry);
  const std::string html = build_report(input);
  CHECK(html.find("<th scope=\"col\" class=\"num\"><abbr title=\"Right first time\">RFT</abbr></th>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">100%</td><td class=\"num\">50%</td>") != std::string::npos);
  CHECK(count(html, "class=\"chart emotion\"") == 1);
  CHECK(count(html, "class=\"chart bars\"") == 2);
  CHECK(html.find("Waiting is 100% of the expected lead time (6d of 6d)") != std::string::npos);
  CHECK(html.find("@media print{") != std::string::npos);
  CHECK(html.find("section.journey{break-before:page") != std::string::npos);
  CHECK(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"") !=
        std::string::npos);
}

TEST_CASE("report entry: stages on the curve, stage and persona tables, persona in the header") {
  const Journey j = test::parsed(R"(
journey: staged
title: I want a loan
stages: [Apply, Wait, Decide]
persona: first-timer
personas:
  first-timer: {name: First-timer <b>, description: Never borrowed & reads every letter}
  returning:
    name: Returning customer
    branches: {check: {decide: 0.9}}
steps:
  - {id: apply, name: Applies, stage: Apply, time: 1h, cost: 2, emotion: -1, pain: Long form, next: check}
  - id: check
    name: Checks the form
    stage: Wait
    wait: 2h
    time: 1h
    cost: 10
    next: [{to: decide, p: 0.7}, {to: fix}]
  - {id: fix, name: Fixes the form, stage: Apply, time: 30m, emotion: -3, pain: Asked again, next: check}
  - {id: decide, name: Decides, stage: Decide <i>, wait: 1d, time: 1h, emotion: 2, next: done}
  - {id: done, name: Gets the money, end: success}
)",
                                 "staged.yaml");
  const JourneyMetrics metrics = compute_metrics(j);
  const ReportJourney entry = make_report_journey(j, {}, metrics);
  CHECK(entry.personas == std::vector<std::string>{"First-timer <b>", "Returning customer"});
  // The most likely path apply, check, decide, done: three stage runs, `done` has none.
  REQUIRE(entry.emotion.points.size() == 4);
  REQUIRE(entry.emotion.stages.size() == 4);
  CHECK(entry.emotion.stages[0].stage == "Apply");
  CHECK(entry.emotion.stages[2].stage == "Decide <i>");
  CHECK(entry.emotion.stages[3].stage == "(no stage)");

  ReportInput input;
  input.table = build_intent_table({make_intent_row(j, metrics)});
  input.journeys.push_back(entry);
  const std::string html = build_report(input);
  CHECK(html.find(" · persona: First-timer &lt;b&gt; (also walked by Returning customer)</p>") !=
        std::string::npos);
  CHECK(count(html, "<rect class=\"band") == 4);
  // One row per stage, adding up to the lead time; emotion is the mean over passes.
  CHECK(count(html, "<table class=\"stages\">") == 1);
  CHECK(html.find("<tr><th scope=\"row\">Apply</th><td class=\"num\">2</td><td class=\"num\">1h "
                  "13m</td><td class=\"num\">4%</td><td class=\"num\">0s</td><td "
                  "class=\"num\">2.00</td><td class=\"num\">1.43</td><td class=\"num\">−1.6</td>"
                  "</tr>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">Decide &lt;i&gt;</th>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">+2</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">(no stage)</th>") != std::string::npos);
  CHECK(html.find("<i>") == std::string::npos);
  // Personas side by side: a column each, the figures of each walk.
  CHECK(count(html, "<table class=\"personas\">") == 1);
  CHECK(html.find("<th scope=\"col\">First-timer &lt;b&gt;<br><span class=\"range\">Never "
                  "borrowed &amp; reads every letter</span></th><th scope=\"col\">Returning "
                  "customer</th>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">Right first time</th><td class=\"num\">70%</td><td "
                  "class=\"num\">90%</td></tr>") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
}

TEST_CASE("report: no stage or persona tables for a journey without them") {
  const Journey j = test::parsed(test::kApply, "apply.yaml");
  const JourneyMetrics metrics = compute_metrics(j);
  const ReportJourney entry = make_report_journey(j, {}, metrics);
  CHECK(entry.personas.empty());
  CHECK(entry.emotion.stages.empty());
  ReportInput input;
  input.journeys.push_back(entry);
  const std::string html = build_report(input);
  CHECK(html.find("class=\"stages\"") == std::string::npos);
  CHECK(html.find("class=\"personas\"") == std::string::npos);
  CHECK(html.find(" · persona:") == std::string::npos);
}

TEST_CASE("report diagrams: auto draws them for a small portfolio; a large one says how to get them") {
  CHECK(resolve_report_diagrams(ReportDiagrams::Auto, 1) == ReportDiagrams::Compare);
  CHECK(resolve_report_diagrams(ReportDiagrams::Auto, kReportDiagramsAutoMost) ==
        ReportDiagrams::Compare);
  CHECK(resolve_report_diagrams(ReportDiagrams::Auto, kReportDiagramsAutoMost + 1) ==
        ReportDiagrams::None);
  CHECK(resolve_report_diagrams(ReportDiagrams::Compare, 500) == ReportDiagrams::Compare);
  CHECK(resolve_report_diagrams(ReportDiagrams::All, 500) == ReportDiagrams::All);
  CHECK(resolve_report_diagrams(ReportDiagrams::None, 1) == ReportDiagrams::None);

  const Journey j = test::parsed(test::kApply, "my journeys/apply's.yaml");
  ReportInput input;
  input.journeys.push_back(make_report_journey(j, {}, compute_metrics(j)));
  CHECK(build_report(input).find("left out") == std::string::npos);
  input.diagrams_left_out = true;
  const std::string html = build_report(input);
  CHECK(html.find("The diagram of each journey is left out of a report of 1 journey (more than 30)") !=
        std::string::npos);
  CHECK(html.find("<code>journey report --diagrams compare</code> puts them in") !=
        std::string::npos);
  // The command names the file as one shell word, escaped for the page.
  CHECK(html.find("<code>journey render &#39;my journeys/apply&#39;\\&#39;&#39;s.yaml&#39; "
                  "--view compare</code> draws it.") != std::string::npos);
}
