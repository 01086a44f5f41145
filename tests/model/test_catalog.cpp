// Catalog merging: shared definitions first, local ones after, redefinitions reported.
#include "journey/model/catalog.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace journey;

namespace {

template <typename T>
T named(std::string id, std::string name, std::uint32_t line) {
  T item;
  item.id = std::move(id);
  item.name = std::move(name);
  item.location = Location{line, 3};
  return item;
}

Catalog org() {
  Catalog c;
  c.file = "org.yaml";
  c.channels.push_back(named<Channel>("web", "Website", 3));
  c.teams.push_back(named<Team>("ops", "Operations", 7));
  c.processes.push_back(named<Process>("decide", "Decide", 9));
  c.processes.back().team = "ops";
  return c;
}

Journey apply() {
  Journey j;
  j.file = "apply.yaml";
  j.id = "apply";
  j.teams.push_back(named<Team>("sales", "Sales", 4));
  Step s;
  s.id = "decide";
  s.process = "decide";
  s.channel = "web";
  s.end = EndKind::Success;
  j.steps.push_back(s);
  return j;
}

} // namespace

TEST_CASE("merge_catalog: the catalog's definitions come first and references resolve") {
  Journey j = apply();
  std::vector<Diagnostic> out;
  merge_catalog(j, org(), out);
  CHECK(out.empty());
  REQUIRE(j.teams.size() == 2);
  CHECK(j.teams[0].id == "ops");
  CHECK(j.teams[1].id == "sales");
  CHECK(j.steps[0].channel_index == j.find_channel("web"));
  CHECK(j.steps[0].process_index == j.find_process("decide"));
  CHECK(j.steps[0].team_index == j.find_team("ops")); // the process's team
}

TEST_CASE("merge_catalog: a redefinition is reported at the journey's line, catalog's kept") {
  Journey j = apply();
  j.channels.push_back(named<Channel>("web", "Our own", 12));
  std::vector<Diagnostic> out;
  merge_catalog(j, org(), out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == "catalog-redefinition");
  CHECK(out[0].severity == Severity::Error);
  CHECK(out[0].file == "apply.yaml");
  CHECK(out[0].location == Location{12, 3});
  CHECK(out[0].message.find("org.yaml:3") != std::string::npos);
  REQUIRE(j.channels.size() == 1);
  CHECK(j.channels[0].name == "Website");
}

TEST_CASE("merge_catalogs: a catalog extending another, redefinitions reported at the top") {
  Catalog top;
  top.file = "team.yaml";
  top.teams.push_back(named<Team>("ops", "Ops again", 2));
  top.teams.push_back(named<Team>("risk", "Risk", 3));
  std::vector<Diagnostic> out;
  merge_catalogs(top, org(), out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].file == "team.yaml");
  CHECK(out[0].location.line == 2);
  REQUIRE(top.teams.size() == 2);
  CHECK(top.teams[0].name == "Operations");
  CHECK(top.teams[1].id == "risk");
  CHECK(top.channels.size() == 1);
  CHECK(top.processes.size() == 1);
}
