// Snapshots: findings and figures of the file as saved; the last good diagrams kept while it is
// broken; diagrams drawn again only when their DOT changed.
#include "helpers.h"
#include "journey/serve/snapshot.h"

#include <doctest/doctest.h>

using namespace journey;
using journey::test::TempDir;

namespace {

Snapshot check_and_draw(SnapshotBuilder &builder, const std::string &dir, std::string_view now) {
  Snapshot s = builder.check(find_served_files({dir}), std::nullopt, now);
  for (View view : kServedViews) {
    builder.draw(s, view);
  }
  return s;
}

} // namespace

TEST_CASE("a good journey has its findings, figures and every view drawn") {
  TempDir dir;
  dir.write("j.yaml", test::sample_journey());
  SnapshotBuilder builder;
  const Snapshot s = check_and_draw(builder, dir.path.string(), "10:00:00");
  REQUIRE(s.journeys.size() == 1);
  const ServedJourney &j = s.journeys[0];
  CHECK(j.key == "j.yaml");
  CHECK(j.heading == "Sample journey");
  CHECK_FALSE(j.blocked);
  REQUIRE(j.metrics);
  CHECK(j.metrics->steps == 2);
  for (const ServedDiagram &d : j.diagrams) {
    REQUIRE(d.svg);
    CHECK(d.svg->find("<svg") != std::string::npos);
  }
  CHECK(j.diagrams[served_view_index(View::Compare)].svg->find("Ask for help") !=
        std::string::npos);
  CHECK(j.diagrams[served_view_index(View::OutsideIn)].svg->find("Ask for help") !=
        std::string::npos);
  CHECK(j.checked_at == "10:00:00");
  CHECK(j.good_at == "10:00:00");
  CHECK(s.find("j.yaml") == &s.journeys[0]);
  CHECK(s.find("missing.yaml") == nullptr);
}

TEST_CASE("a broken save keeps the last good figures and diagrams, with the current errors") {
  TempDir dir;
  const std::string file = dir.write("j.yaml", test::sample_journey());
  SnapshotBuilder builder;
  const Snapshot good = check_and_draw(builder, dir.path.string(), "10:00:00");
  dir.write("j.yaml", "journey: sample\ntitle: Broken\nsteps:\n  - id: ask\n    nxt: nowhere\n");
  const Snapshot broken = check_and_draw(builder, dir.path.string(), "10:01:00");
  REQUIRE(broken.journeys.size() == 1);
  const ServedJourney &j = broken.journeys[0];
  CHECK(j.blocked);
  CHECK(j.count(Severity::Error) > 0);
  CHECK(j.findings[0].location.line > 0);
  REQUIRE(j.metrics);
  CHECK(j.metrics->steps == 2);
  CHECK(j.good_at == "10:00:00");
  CHECK(j.checked_at == "10:01:00");
  CHECK(j.diagrams[0].svg == good.journeys[0].diagrams[0].svg);
  CHECK(broken.version > good.version);

  dir.write("j.yaml", test::sample_journey("Sample journey", "A brand new step"));
  const Snapshot fixed = check_and_draw(builder, dir.path.string(), "10:02:00");
  const ServedJourney &f = fixed.journeys[0];
  CHECK_FALSE(f.blocked);
  CHECK(f.metrics->steps == 3);
  REQUIRE(f.diagrams[0].svg);
  CHECK(f.diagrams[0].svg->find("A brand new step") != std::string::npos);
}

TEST_CASE("a file broken from the start has findings and no diagram") {
  TempDir dir;
  dir.write("j.yaml", "journey: [unclosed\n");
  SnapshotBuilder builder;
  const Snapshot s = check_and_draw(builder, dir.path.string(), "10:00:00");
  REQUIRE(s.journeys.size() == 1);
  CHECK(s.journeys[0].blocked);
  CHECK_FALSE(s.journeys[0].has_good());
  CHECK_FALSE(s.journeys[0].diagrams[0].svg);
  CHECK(s.journeys[0].findings[0].rule == "yaml-syntax");
}

TEST_CASE("only diagrams whose DOT changed are drawn again") {
  TempDir dir;
  dir.write("a.yaml", test::sample_journey("A"));
  dir.write("b.yaml", test::sample_journey("B"));
  SnapshotBuilder builder;
  const Snapshot first = check_and_draw(builder, dir.path.string(), "10:00:00");
  dir.write("b.yaml", test::sample_journey("B changed"));
  Snapshot second = builder.check(find_served_files({dir.path.string()}), std::nullopt, "10:00:01");
  CHECK(second.journeys[0].diagrams[0].svg == first.journeys[0].diagrams[0].svg);
  CHECK_FALSE(second.journeys[1].diagrams[0].svg);
  CHECK(builder.draw(second, View::Compare));
  REQUIRE(second.journeys[1].diagrams[0].svg);
  CHECK(second.journeys[1].diagrams[0].svg->find("B changed") != std::string::npos);
  CHECK_FALSE(builder.draw(second, View::Compare));
}

TEST_CASE("a journey whose file is removed leaves the snapshot") {
  TempDir dir;
  dir.write("a.yaml", test::sample_journey("A"));
  const std::string b = dir.write("b.yaml", test::sample_journey("B"));
  SnapshotBuilder builder;
  CHECK(check_and_draw(builder, dir.path.string(), "10:00:00").journeys.size() == 2);
  std::filesystem::remove(b);
  const Snapshot s = check_and_draw(builder, dir.path.string(), "10:00:01");
  REQUIRE(s.journeys.size() == 1);
  CHECK(s.journeys[0].key == "a.yaml");
}

TEST_CASE("the snapshot names the shared catalogs the journeys use, once each") {
  TempDir dir;
  dir.write("org.yaml", "channels:\n  web: {name: Website, kind: digital}\n");
  std::string with_catalog = test::sample_journey("A");
  with_catalog.insert(with_catalog.find("steps:"), "catalog: ../org.yaml\n");
  dir.write("sub/a.yaml", with_catalog);
  dir.write("sub/b.yaml", with_catalog);
  SnapshotBuilder builder;
  const Snapshot s =
      builder.check(find_served_files({(dir.path / "sub").string()}), std::nullopt, "10:00:00");
  REQUIRE(s.journeys.size() == 2);
  REQUIRE(s.catalogs.size() == 1);
  CHECK(std::filesystem::equivalent(s.catalogs[0], dir.path / "org.yaml"));
}
