// Output: valid SVG, PNG and PDF from Graphviz, any text surviving, byte-identical reruns.
#include "helpers.h"
#include "journey/render/format.h"
#include "journey/render/graphviz.h"
#include "journey/render/render.h"

#include <random>

using namespace journey;
using namespace journey::test;

namespace {

constexpr std::string_view kHostile = R"(
journey: "weird \"id\" <&>"
title: "Quotes \" backslash \\ <tag> & ampersand &amp; \\N \\G \\l"
start: "Line one\nline two\r\nline three"
owner: "עברית owner"
intent: "مرحبا بالعالم — intent"
channels:
  "we\"b": {name: "Web <site> & \"app\" \\ ש", kind: digital}
teams:
  "t<1>": "Team \"A\" & <B> \\ 日本語"
processes:
  "p&1": {name: "Process ]]> --> <!-- \\", team: "t<1>"}
steps:
  - id: "a \"quoted\" id"
    name: "Step with \"quotes\", \\backslashes\\, <angle> & ampersand"
    channel: "we\"b"
    emotion: -3
    pain: ["Pain <b>bold</b> & \"quoted\"", "Hebrew: שלום עולם", "Arabic: مرحبا"]
    next:
      - to: "back<office>"
        label: "label with \"quotes\" & <tags> \\ \n newline"
        p: 0.5
      - to: "end\\step"
  - id: "back<office>"
    name: "Back office -- with \x01 control \x7f chars and emoji 🙂"
    process: "p&1"
    wait: 1d
    next: "end\\step"
  - id: "end\\step"
    name: "Ünïcödé end — ]]> &#x41; &lt;"
    channel: "we\"b"
    end: success
)";

bool starts_with(const std::string &s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

TEST_CASE("every view renders to well-formed SVG, PNG and PDF") {
  Journey j = journey_from(kHostile, true);
  for (View view : {View::OutsideIn, View::InsideOut, View::Compare}) {
    INFO(to_string(view));
    std::string svg = render_journey(j, view, Format::Svg);
    CHECK(starts_with(svg, "<?xml"));
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(well_formed_xml(svg));
    CHECK(starts_with(render_journey(j, view, Format::Png), "\x89PNG\r\n\x1a\n"));
    CHECK(starts_with(render_journey(j, view, Format::Pdf), "%PDF-"));
    std::string dot = render_journey(j, view, Format::Dot);
    CHECK(starts_with(dot, "digraph "));
  }
}

TEST_CASE("hostile text survives into the SVG, escaped") {
  Journey j = journey_from(kHostile, true);
  // Every step by name, so that the back office's step names are drawn too.
  std::string svg = render_journey(j, View::Compare, Format::Svg, ViewOptions{Detail::Steps});
  REQUIRE(well_formed_xml(svg));
  CHECK(svg.find("&lt;angle&gt;") != std::string::npos);
  CHECK(svg.find("&amp; ampersand") != std::string::npos);
  CHECK(svg.find("&quot;quotes&quot;") != std::string::npos);
  CHECK(svg.find("\\backslashes\\") != std::string::npos);
  CHECK(svg.find("שלום עולם") != std::string::npos);
  CHECK(svg.find("مرحبا") != std::string::npos);
  CHECK(svg.find("日本語") != std::string::npos);
  CHECK(svg.find("🙂") != std::string::npos);
  CHECK(svg.find("Line one") != std::string::npos);
  CHECK(svg.find("<tag>") == std::string::npos);
  CHECK(svg.find('\x01') == std::string::npos);
}

TEST_CASE("random bytes in every name still give valid DOT and SVG") {
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> byte(0, 255);
  Journey j = journey_from(kHostile, true);
  for (int round = 0; round < 8; ++round) {
    for (Step &s : j.steps) {
      s.name.clear();
      for (int k = 0; k < 40; ++k) {
        s.name += static_cast<char>(byte(random));
      }
      s.pain.assign(1, s.name);
      for (Transition &t : s.next) {
        t.label = s.name;
      }
    }
    j.title = j.steps[0].name;
    j.teams[0].name = j.steps[1].name;
    for (View view : {View::OutsideIn, View::InsideOut}) {
      std::string svg = render_journey(j, view, Format::Svg);
      CHECK(well_formed_xml(svg));
    }
  }
}

TEST_CASE("blank text in every name still gives valid DOT and SVG") {
  Journey j = journey_from(kHostile, true);
  const std::string blanks[] = {"   ", "\t", "\xc2\x85", "\x01", ""};
  for (const std::string &blank : blanks) {
    j.title = blank;
    for (Step &s : j.steps) {
      s.name = blank;
    }
    for (Team &t : j.teams) {
      t.name = blank;
    }
    for (Channel &c : j.channels) {
      c.name = blank;
    }
    for (Process &p : j.processes) {
      p.name = blank;
    }
    for (View view : {View::OutsideIn, View::InsideOut, View::Compare}) {
      std::string svg;
      CHECK_NOTHROW(svg = render_journey(j, view, Format::Svg));
      CHECK(well_formed_xml(svg));
    }
  }
}

TEST_CASE("rendering is deterministic: byte-identical DOT and SVG") {
  Journey j = journey_from(kHostile, true);
  for (View view : {View::OutsideIn, View::InsideOut, View::Compare}) {
    CHECK(render_journey(j, view, Format::Dot) == render_journey(j, view, Format::Dot));
    CHECK(render_journey(j, view, Format::Svg) == render_journey(j, view, Format::Svg));
  }
}

TEST_CASE("formats by name and by extension") {
  CHECK(parse_format("SVG") == Format::Svg);
  CHECK(parse_format("gv") == Format::Dot);
  CHECK_FALSE(parse_format("jpeg").has_value());
  CHECK(format_from_path("out/x.compare.png") == Format::Png);
  CHECK(format_from_path("a.b/diagram.PDF") == Format::Pdf);
  CHECK_FALSE(format_from_path("a.b/diagram").has_value());
  CHECK_FALSE(format_from_path(".svg").has_value());
  CHECK(to_string(Format::Dot) == "dot");
  CHECK(parse_view("inside-out") == View::InsideOut);
  CHECK_FALSE(parse_view("sideways").has_value());
}

TEST_CASE("name tables: every value has a name that parses back to it") {
  for (Format f : {Format::Dot, Format::Svg, Format::Png, Format::Pdf}) {
    CHECK(parse_format(to_string(f)) == f);
  }
  for (View v : {View::OutsideIn, View::InsideOut, View::Compare}) {
    CHECK(parse_view(to_string(v)) == v);
  }
  CHECK(names_of(kFormatNames) == std::vector<std::string>{"dot", "svg", "png", "pdf", "gv"});
  CHECK(value_of(kCollapseNames, "process") == Collapse::Process);
}

TEST_CASE("Graphviz errors become RenderError, and the context survives them") {
  CHECK_THROWS_AS(render_dot("digraph { a -> ", Format::Svg), RenderError);
  CHECK_THROWS_AS(render_dot("not a graph at all {{{", Format::Png), RenderError);
  CHECK(well_formed_xml(render_dot("digraph { a -> b }", Format::Svg)));
  CHECK(render_dot("digraph { a -> b }", Format::Dot) == "digraph { a -> b }");
  CHECK_FALSE(graphviz_version().empty());
}

TEST_CASE("a 500-step journey with branches and loops renders") {
  std::string yaml = "journey: big\ntitle: Big\nteams: {a: A, b: B, c: C}\n"
                     "channels: {web: {name: Web, kind: digital}, phone: {name: Phone, kind: "
                     "assisted}}\nsteps:\n";
  const int n = 500;
  const char *actors[] = {"customer", "frontstage", "backstage", "system"};
  const char *teams[] = {"a", "b", "c"};
  for (int i = 0; i < n; ++i) {
    yaml += "  - id: s" + std::to_string(i) + "\n    name: Step number " + std::to_string(i) +
            "\n    actor: " + actors[(i * 7) % 4] + "\n    wait: " + std::to_string(i % 5) + "h\n";
    if ((i * 7) % 4 == 0 || (i * 7) % 4 == 1) {
      yaml += std::string("    channel: ") + (i % 3 ? "web" : "phone") + "\n";
    }
    if ((i * 7) % 4 != 0) {
      yaml += std::string("    team: ") + teams[i % 3] + "\n";
    }
    if (i == n - 1) {
      yaml += "    end: success\n";
    } else if (i % 10 == 5 && i > 20) {
      yaml += "    next:\n      - {to: s" + std::to_string(i + 1) + ", p: 0.8}\n      - {to: s" +
              std::to_string(i - 20) + "}\n";
    } else {
      yaml += "    next: s" + std::to_string(i + 1) + "\n";
    }
  }
  Journey j = journey_from(yaml);
  REQUIRE(j.steps.size() == static_cast<std::size_t>(n));
  for (View view : {View::OutsideIn, View::InsideOut}) {
    std::string svg = render_journey(j, view, Format::Svg);
    CHECK(well_formed_xml(svg));
  }
}
