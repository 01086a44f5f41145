// The report's charts and compact SVG: structure, text alternatives, escaping, and geometry kept.
#include "journey/analysis/emotion_curve.h"
#include "journey/analysis/journey_graph.h"
#include "journey/portfolio/charts.h"
#include "journey/portfolio/compact_svg.h"
#include "journey/render/render.h"
#include "helpers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <regex>
#include <string>
#include <vector>

using namespace journey;

namespace {

std::size_t count(const std::string &text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

std::vector<std::string> all(const std::string &text, const std::regex &pattern) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

/// Absolute whole-number points of path data written with M and C (absolute, Graphviz) or
/// M and c (relative, compacted).
std::vector<long> absolute_points(const std::string &d) {
  std::vector<long> out;
  long x = 0;
  long y = 0;
  char command = 0;
  std::vector<double> numbers;
  const auto flush = [&] {
    if (command == 'M') {
      x = std::lround(numbers.at(0));
      y = std::lround(numbers.at(1));
      out.push_back(x);
      out.push_back(y);
    } else if (command == 'C' || command == 'c') {
      for (std::size_t k = 0; k + 5 < numbers.size(); k += 6) {
        for (std::size_t j = 0; j < 6; j += 2) {
          const long px = command == 'c' ? x + std::lround(numbers[k + j]) : std::lround(numbers[k + j]);
          const long py =
              command == 'c' ? y + std::lround(numbers[k + j + 1]) : std::lround(numbers[k + j + 1]);
          out.push_back(px);
          out.push_back(py);
        }
        x = out[out.size() - 2];
        y = out.back();
      }
    }
    numbers.clear();
  };
  for (std::size_t i = 0; i < d.size();) {
    const char c = d[i];
    if (c == 'M' || c == 'C' || c == 'c') {
      flush();
      command = c;
      ++i;
    } else if (c == ' ' || c == ',') {
      ++i;
    } else {
      char *end = nullptr;
      numbers.push_back(std::strtod(d.c_str() + i, &end));
      i = static_cast<std::size_t>(end - d.c_str());
    }
  }
  flush();
  return out;
}

constexpr std::string_view kFeelings = R"(journey: feelings
title: Feelings
steps:
  - id: a
    name: Call <b>us</b> & wait
    emotion: -2
    pain: Number "hidden" <script>
    next: b
  - id: b
    name: Talk
    emotion: 1
    next: c
  - id: c
    name: Form arrives
    next: d
  - id: d
    name: Fill in the form
    emotion: -1
    next: e
  - id: e
    name: Done
    emotion: 2
    end: success
)";

} // namespace

TEST_CASE("emotion_curve_svg: titled image, described step by step, gaps break the line") {
  const Journey j = test::parsed(kFeelings);
  const JourneyGraph graph(j);
  const EmotionCurve curve = emotion_curve(graph);
  std::vector<std::string> names;
  for (const EmotionPoint &p : curve.points) {
    names.push_back(j.steps[p.step].name);
  }
  const std::string svg = emotion_curve_svg(curve, names, "j1-emotion");
  CHECK(svg.starts_with("<svg "));
  CHECK(svg.ends_with("</svg>"));
  CHECK(svg.find("role=\"img\"") != std::string::npos);
  CHECK(svg.find("aria-labelledby=\"j1-emotion-t j1-emotion-d\"") != std::string::npos);
  CHECK(svg.find("<title id=\"j1-emotion-t\">Emotion along the most likely path</title>") !=
        std::string::npos);
  // The description reads the curve out: every step, the gap and the pain.
  CHECK(svg.find("1. Call &lt;b&gt;us&lt;/b&gt; &amp; wait: −2; pain: Number &quot;hidden&quot; "
                 "&lt;script&gt;.") != std::string::npos);
  CHECK(svg.find("3. Form arrives: no emotion stated.") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  // Two runs (a-b and d-e) around the gap at c; four points; one pain marker.
  CHECK(count(svg, "<polyline class=\"curve\"") == 2);
  CHECK(count(svg, "<circle ") == 4);
  CHECK(count(svg, "class=\"pain\"") == 1);
  CHECK(count(svg, "class=\"step unrated\"") == 1);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK(emotion_curve_svg(curve, names, "j1-emotion") == svg);
  CHECK(emotion_curve_summary(curve, names) ==
        "Along the most likely path (5 steps, taken by 100% of customers): mean emotion 0 over 4 "
        "of 5 steps, lowest at “Call <b>us</b> & wait” (−2); 1 step with pain points.");
}

TEST_CASE("emotion_curve_svg: stage bands with their means") {
  const Journey j = test::parsed(kFeelings);
  const JourneyGraph graph(j);
  const std::vector<std::string> stages{"Ask", "Ask", "Apply", "Apply", "Use <it>"};
  const EmotionCurve curve = emotion_curve(graph, stages);
  const std::string svg = emotion_curve_svg(curve, {}, "x");
  CHECK(count(svg, "<rect class=\"band") == 3);
  CHECK(svg.find(">mean −0.5</text>") != std::string::npos); // Ask: (-2 + 1) / 2
  CHECK(svg.find(">mean −1</text>") != std::string::npos);   // Apply: c has none, d is -1
  CHECK(svg.find("Use &lt;it&gt;") != std::string::npos);
  CHECK(svg.find("Stage Ask: mean −0.5.") != std::string::npos);
}

TEST_CASE("bar_chart_svg: bars in proportion, labels escaped, values in the description") {
  const std::vector<ChartBar> bars{{"Mailroom <post>", 200, "2d (67%)"},
                                   {"Lending", 100, "1d (33%)"},
                                   {"Nobody", 0, "0s (0%)"}};
  const std::string svg = bar_chart_svg(bars, "Expected wait by team", "j2-teams");
  CHECK(svg.find("<title id=\"j2-teams-t\">Expected wait by team</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"j2-teams-d\">Mailroom &lt;post&gt;: 2d (67%). Lending: 1d (33%). "
                 "Nobody: 0s (0%).</desc>") != std::string::npos);
  const std::vector<std::string> widths =
      all(svg, std::regex("<rect class=\"bar\" x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\""));
  CHECK(widths == std::vector<std::string>{"240", "120", "0"});
}

TEST_CASE("bar_chart_svg: long labels wrap on more lines, rows as tall as their labels") {
  const std::vector<ChartBar> one{{"Short", 1, "1s (50%)"}, {"Other", 1, "1s (50%)"}};
  const std::vector<ChartBar> two{
      {"Phones to ask what the letter means and waits in the queue", 1, "1s (50%)"},
      {"Other", 1, "1s (50%)"}};
  const std::string short_svg = bar_chart_svg(one, "t", "a");
  const std::string long_svg = bar_chart_svg(two, "t", "b");
  CHECK(long_svg.find("<tspan x=\"202\" dy=\"0\">Phones to ask what the letter</tspan>"
                      "<tspan x=\"202\" dy=\"12\">means and waits in the queue</tspan>") !=
        std::string::npos);
  CHECK(long_svg.find("…") == std::string::npos);
  CHECK(short_svg.find("height=\"52\"") != std::string::npos);
  CHECK(long_svg.find("height=\"64\"") != std::string::npos);
  // The second bar moves down by the extra line.
  CHECK(all(short_svg, std::regex("<rect class=\"bar\" x=\"\\d+\" y=\"(\\d+)\"")) ==
        std::vector<std::string>{"7", "29"});
  CHECK(all(long_svg, std::regex("<rect class=\"bar\" x=\"\\d+\" y=\"(\\d+)\"")) ==
        std::vector<std::string>{"7", "41"});
  // A label longer than three lines is cut, whole in its tooltip and in the description.
  const std::string very = std::string(40, 'a') + " " + std::string(40, 'b') + " " +
                           std::string(40, 'c');
  const std::vector<ChartBar> cut{{very, 1, "1s"}};
  const std::string cut_svg = bar_chart_svg(cut, "t", "c");
  CHECK(cut_svg.find("<title>" + very + "</title>") != std::string::npos);
  CHECK(cut_svg.find("…</tspan>") != std::string::npos);
  CHECK(cut_svg.find("<desc id=\"c-d\">" + very + ": 1s.</desc>") != std::string::npos);
}

TEST_CASE("emotion_curve_svg: a stage name too long for its band is numbered, named in a key") {
  const Journey j = test::parsed(kFeelings);
  const JourneyGraph graph(j);
  const std::vector<std::string> plain_stages{"Ask", "Ask", "Apply", "Apply", "Use"};
  const std::vector<std::string> stages{"Ask", "Ask", "Apply", "Apply", "Reconciliation <x>"};
  const std::string plain = emotion_curve_svg(emotion_curve(graph, plain_stages), {}, "x");
  const std::string svg = emotion_curve_svg(emotion_curve(graph, stages), {}, "y");
  // "Reconciliation" is 14 code points; a band of one step holds 8 a line.
  CHECK(svg.find("<text class=\"stage\" x=\"370\" y=\"14\"><title>Reconciliation &lt;x&gt;"
                 "</title><tspan x=\"370\" dy=\"0\">1</tspan></text>") != std::string::npos);
  CHECK(svg.find(">Stages: 1 Reconciliation &lt;x&gt;</text>") != std::string::npos);
  CHECK(plain.find("class=\"key\"") == std::string::npos);
  const std::vector<std::string> heights =
      all(plain + svg, std::regex("class=\"chart emotion\" viewBox=\"0 0 \\d+ (\\d+)\""));
  REQUIRE(heights.size() == 2);
  CHECK(std::stoi(heights[1]) - std::stoi(heights[0]) == 18);
}

TEST_CASE("emotion_curve_svg: a stage name wraps in a narrow band, the bands grow to hold it") {
  const Journey j = test::parsed(kFeelings);
  const JourneyGraph graph(j);
  const std::vector<std::string> wide{"Ask", "Ask", "Apply", "Apply", "Use"};
  const std::vector<std::string> narrow{"Ask", "Ask", "Apply", "Apply", "Get the money back"};
  const std::string plain = emotion_curve_svg(emotion_curve(graph, wide), {}, "x");
  const std::string svg = emotion_curve_svg(emotion_curve(graph, narrow), {}, "y");
  // Five points are 60 pixels apart: eight code points a line in a band of one step.
  CHECK(svg.find("<tspan x=\"370\" dy=\"0\">Get the</tspan><tspan x=\"370\" dy=\"12\">"
                 "money</tspan><tspan x=\"370\" dy=\"12\">back</tspan>") != std::string::npos);
  CHECK(svg.find("…") == std::string::npos);
  CHECK(svg.find("<text class=\"stage-mean\" x=\"370\" y=\"50\">mean +2</text>") !=
        std::string::npos);
  CHECK(plain.find("<text class=\"stage-mean\" x=\"370\" y=\"26\">mean +2</text>") !=
        std::string::npos);
  // The chart is taller by the two extra lines.
  const std::vector<std::string> heights =
      all(plain + svg, std::regex("class=\"chart emotion\" viewBox=\"0 0 \\d+ (\\d+)\""));
  REQUIRE(heights.size() == 2);
  CHECK(std::stoi(heights[1]) - std::stoi(heights[0]) == 24);
}

TEST_CASE("compact_svg: smaller, same texts, same shapes at whole points") {
  const Journey j = test::parsed(test::kApply, "apply.yaml");
  const std::string svg = render_journey(j, View::Compare, Format::Svg);
  const std::string small = compact_svg(svg);
  CAPTURE(small);
  CHECK(small.size() * 10 < svg.size() * 7);
  CHECK(small.starts_with("<svg "));
  CHECK(small.ends_with("</svg>"));
  CHECK(small.find("<!--") == std::string::npos);
  CHECK(small.find("<title>") == std::string::npos);
  CHECK(small.find("class=\"node\"") == std::string::npos);
  CHECK(count(small, "<g") == count(small, "</g>"));
  CHECK(small.find("font-family=\"Helvetica,Arial,sans-serif\"") < small.find('>'));
  const std::regex text("<text[^>]*>([^<]*)</text>");
  CHECK(all(small, text) == all(svg, text));
  const std::regex path("<path[^>]* d=\"([^\"]*)\"");
  const std::vector<std::string> before = all(svg, path);
  const std::vector<std::string> after = all(small, path);
  REQUIRE(before.size() == after.size());
  REQUIRE_FALSE(before.empty());
  for (std::size_t i = 0; i < before.size(); ++i) {
    CAPTURE(before[i]);
    CAPTURE(after[i]);
    CHECK(absolute_points(after[i]) == absolute_points(before[i]));
  }
  CHECK(all(small, std::regex("<(polygon|ellipse|polyline|text)")).size() ==
        all(svg, std::regex("<(polygon|ellipse|polyline|text)")).size());
  const std::string again = compact_svg(small);
  const std::size_t differs =
      static_cast<std::size_t>(std::mismatch(again.begin(), again.end(), small.begin(), small.end()).first -
                               again.begin());
  CAPTURE(again.substr(differs > 80 ? differs - 80 : 0, 160));
  CAPTURE(small.substr(differs > 80 ? differs - 80 : 0, 160));
  CHECK(again == small);
  CHECK(compact_svg("not svg") == "not svg");
}

TEST_CASE("emotion_curve_svg: long step names wrap on slanted lines, whole in the tooltip") {
  const Journey j = test::parsed(kFeelings);
  const JourneyGraph graph(j);
  const EmotionCurve curve = emotion_curve(graph);
  const std::vector<std::string> names{
      "Reads the letter and cannot tell whether the loan is approved or declined at all",
      "Short", "Anextraordinarilylongwordwithoutspaces", "Fills <in> the form", "Done"};
  const std::string svg = emotion_curve_svg(curve, names, "w");
  // Five points leave room for three lines of 20 code points; the rest is cut with an ellipsis.
  CHECK(svg.find("<title>Reads the letter and cannot tell whether the loan is approved or "
                 "declined at all</title><tspan x=\"0\" dy=\"0\">Reads the letter and</tspan>"
                 "<tspan x=\"0\" dy=\"11\">cannot tell whether</tspan><tspan x=\"0\" dy=\"11\">"
                 "the loan is…</tspan></text>") != std::string::npos);
  CHECK(svg.find("rotate(-45)\"><tspan x=\"0\" dy=\"0\">Short</tspan></text>") !=
        std::string::npos);
  CHECK(svg.find("<title>Short</title>") == std::string::npos);
  CHECK(svg.find("<tspan x=\"0\" dy=\"0\">Anextraordinarilylon</tspan><tspan x=\"0\" "
                 "dy=\"11\">gwordwithoutspaces</tspan>") != std::string::npos);
  CHECK(svg.find("<tspan x=\"0\" dy=\"0\">Fills &lt;in&gt; the form</tspan>") != std::string::npos);
  // The description keeps every name whole.
  CHECK(svg.find("1. Reads the letter and cannot tell whether the loan is approved or declined at "
                 "all: −2") != std::string::npos);
}

TEST_CASE("emotion_curve_svg: crowded points get one line each") {
  std::string yaml = "journey: many\ntitle: Many\nsteps:\n";
  for (int i = 0; i < 60; ++i) {
    yaml += fmt::format("  - id: s{}\n    name: Step number {} with a long name\n    emotion: {}\n",
                        i, i, i % 3 - 1);
    yaml += i + 1 < 60 ? fmt::format("    next: s{}\n", i + 1) : "    end: success\n";
  }
  const Journey j = test::parsed(yaml);
  const JourneyGraph graph(j);
  const EmotionCurve curve = emotion_curve(graph);
  std::vector<std::string> names;
  for (const EmotionPoint &p : curve.points) {
    names.push_back(j.steps[p.step].name);
  }
  const std::string svg = emotion_curve_svg(curve, names, "m");
  CHECK(count(svg, "<tspan ") == 60);
  CHECK(svg.find("<tspan x=\"0\" dy=\"0\">Step number 59 with…</tspan>") != std::string::npos);
}
