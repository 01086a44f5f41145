// Pages: escaped journey text, no inline script, the state of a broken save, the view switch.
#include "helpers.h"
#include "journey/serve/assets.h"
#include "journey/serve/pages.h"

#include <doctest/doctest.h>

using namespace journey;
using journey::test::TempDir;

namespace {

const std::string kHostile = R"(journey: hostile
title: "<script>alert('title')</script> & co"
intent: Help me
owner: "O'Brien"
steps:
  - id: s1
    name: "<img src=x onerror=alert(1)>"
    time: 1m
    end: success
)";

Snapshot snapshot_of(const TempDir &dir, SnapshotBuilder &builder, std::string_view now) {
  Snapshot s = builder.check(find_served_files({dir.path.string()}), std::nullopt, now);
  for (View view : kServedViews) {
    builder.draw(s, view);
  }
  return s;
}

} // namespace

TEST_CASE("journey urls percent-encode the key and name the view") {
  CHECK(journey_url("a.yaml") == "/journey/a.yaml");
  CHECK(journey_url("team/b c.yaml", View::InsideOut) ==
        "/journey/team/b%20c.yaml?view=inside-out");
  CHECK(journey_url("<x>&\"", View::OutsideIn) == "/journey/%3Cx%3E%26%22?view=outside-in");
}

TEST_CASE("journey text is escaped everywhere and the pages hold no inline script") {
  TempDir dir;
  dir.write("hostile.yaml", kHostile);
  SnapshotBuilder builder;
  const Snapshot s = snapshot_of(dir, builder, "10:00:00");
  const std::string index = index_page(s);
  const std::optional<std::string> page = journey_page(s, "hostile.yaml", View::Compare);
  REQUIRE(page);
  for (const std::string &html : {index, *page}) {
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    // The one script element is the page script, loaded from its route.
    std::size_t scripts = 0;
    for (std::size_t at = html.find("<script"); at != std::string::npos;
         at = html.find("<script", at + 1)) {
      ++scripts;
      const std::string_view tag = "<script src=\"/assets/serve.js\" defer></script>";
      CHECK(html.compare(at, tag.size(), tag) == 0);
    }
    CHECK(scripts == 1);
    CHECK(html.find(" style=") == std::string::npos);
  }
  CHECK(page->find("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; co") !=
        std::string::npos);
  CHECK(page->find("&lt;img src=x") != std::string::npos);
}

TEST_CASE("a journey page shows the findings with line numbers, the diagram and the figures") {
  TempDir dir;
  dir.write("j.yaml", test::sample_journey());
  SnapshotBuilder builder;
  const Snapshot s = snapshot_of(dir, builder, "10:00:00");
  const std::string page = journey_page(s, "j.yaml", View::Compare).value();
  CHECK(page.find("<main id=\"live\" data-version=\"" + std::to_string(s.version) + "\">") !=
        std::string::npos);
  CHECK(page.find("Up to date") != std::string::npos);
  CHECK(page.find("id=\"diagram\" class=\"current\"") != std::string::npos);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("Lead time") != std::string::npos);
  CHECK(page.find("aria-current=\"page\">compare</a>") != std::string::npos);
  CHECK(page.find("href=\"/journey/j.yaml?view=inside-out\"") != std::string::npos);
  const std::string live = journey_live(s, "j.yaml", View::InsideOut).value();
  CHECK(live.find("<html") == std::string::npos);
  CHECK(live.find("inside-out diagram") != std::string::npos);
  CHECK_FALSE(journey_page(s, "../j.yaml", View::Compare));
  CHECK_FALSE(journey_live(s, "", View::Compare));
}

TEST_CASE("a broken save is marked as the current state and the last good diagram stays") {
  TempDir dir;
  dir.write("j.yaml", test::sample_journey());
  SnapshotBuilder builder;
  snapshot_of(dir, builder, "10:00:00");
  dir.write("j.yaml", "journey: sample\ntitle: Sample journey\nsteps:\n  - id: ask\n"
                      "    name: Ask\n    next: nowhere\n");
  const Snapshot s = snapshot_of(dir, builder, "10:05:00");
  const std::string page = journey_page(s, "j.yaml", View::Compare).value();
  CHECK(page.find("class=\"state broken\"") != std::string::npos);
  CHECK(page.find("The file as saved has errors (checked at 10:05:00)") != std::string::npos);
  CHECK(page.find("last version without errors, checked at 10:00:00") != std::string::npos);
  CHECK(page.find("id=\"diagram\" class=\"stale\"") != std::string::npos);
  CHECK(page.find("Ask for help") != std::string::npos); // the last good diagram
  CHECK(page.find("<span class=\"where\">6:11</span>") != std::string::npos);
  CHECK(page.find("nowhere") != std::string::npos);
  const std::string index = index_page(s);
  CHECK(index.find("class=\"bad\"") != std::string::npos);
  CHECK(index.find("last good shown") != std::string::npos);
}

TEST_CASE("the style sheet has the projector mode and print rules; the script no journey text") {
  CHECK(serve_css().find("body.projector .diagram svg") != std::string_view::npos);
  CHECK(serve_css().find("@media print") != std::string_view::npos);
  CHECK(serve_js().find("EventSource") != std::string_view::npos);
  CHECK(serve_js().find("requestFullscreen") != std::string_view::npos);
  CHECK(serve_js().find("window.print") != std::string_view::npos);
}

TEST_CASE("the index lists inputs that could not be used and files not served") {
  Snapshot s;
  s.version = 3;
  s.refused = {"dir/<link>.yaml"};
  Diagnostic missing;
  missing.severity = Severity::Error;
  missing.rule = "io";
  missing.message = "no such file";
  s.input_errors = {missing};
  const std::string index = index_page(s);
  CHECK(index.find("No journey files were found") != std::string::npos);
  CHECK(index.find("<code>dir/&lt;link&gt;.yaml</code>") != std::string::npos);
  CHECK(index.find("no such file") != std::string::npos);
}

TEST_CASE("many findings: the first five in view, the others folded, none lost") {
  Snapshot s;
  ServedJourney j;
  j.key = "j.yaml";
  j.heading = "J";
  j.blocked = true;
  for (std::uint32_t line = 1; line <= 9; ++line) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.rule = "unknown-key";
    d.message = "finding on line " + std::to_string(line);
    d.location = {line, 3};
    j.findings.push_back(d);
  }
  s.journeys.push_back(j);
  const std::string live = journey_live(s, "j.yaml", View::Compare).value();
  const std::size_t fold = live.find("<details>\n<summary>4 more findings</summary>");
  REQUIRE(fold != std::string::npos);
  CHECK(live.find("finding on line 5") < fold);
  CHECK(live.find("finding on line 6") > fold);
  CHECK(live.find("<span class=\"where\">9:3</span>") != std::string::npos);
  CHECK(live.find("There is no version without errors to draw yet.") != std::string::npos);
}
