// Shared catalogs through the workspace: definitions merged in, redefinitions reported at the
// journey's line, include loops and missing files as `catalog` errors.
#include "helpers.h"
#include "journey/load/workspace.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

using namespace journey;
using test::TempDir;

namespace {

constexpr std::string_view kOrg = R"(channels:
  web:
    name: Website
    kind: digital
teams:
  ops: Operations
processes:
  decide:
    name: Decide on the loan
    team: ops
)";

std::vector<Diagnostic> of_rule(const LoadedFile &file, std::string_view rule) {
  std::vector<Diagnostic> out;
  std::copy_if(file.diagnostics.begin(), file.diagnostics.end(), std::back_inserter(out),
               [&](const Diagnostic &d) { return d.rule == rule; });
  return out;
}

} // namespace

TEST_CASE("catalog: a journey uses the catalog's definitions and adds its own") {
  TempDir dir;
  dir.write("org.yaml", kOrg);
  const std::string path = dir.write("j/apply.yaml", R"(journey: apply
title: Apply
catalog: ../org.yaml
teams:
  sales: Sales
steps:
  - id: apply
    name: Applies
    channel: web
    team: sales
    next: decide
  - id: decide
    name: Decision
    process: decide
    end: success
)");
  Workspace workspace(std::nullopt, {});
  const LoadedFile file = workspace.load(path);
  CHECK(file.diagnostics.empty());
  const Journey &j = file.journey;
  REQUIRE(j.find_team("ops") != npos);
  REQUIRE(j.find_team("sales") != npos);
  CHECK(j.teams[static_cast<std::size_t>(j.find_team("ops"))].from_catalog);
  CHECK_FALSE(j.teams[static_cast<std::size_t>(j.find_team("sales"))].from_catalog);
  CHECK(j.steps[1].process_index != npos);
  CHECK(j.steps[1].team_index == j.find_team("ops"));
  CHECK(j.processes[static_cast<std::size_t>(j.steps[1].process_index)].name ==
        "Decide on the loan");
}

TEST_CASE("catalog-redefinition: reported at the journey's own definition, catalog's kept") {
  TempDir dir;
  dir.write("org.yaml", kOrg);
  const std::string path = dir.write("apply.yaml", R"(journey: apply
title: Apply
catalog: org.yaml
channels:
  web:
    name: Our own website
    kind: digital
processes:
  decide:
    name: Decide differently
steps:
  - id: apply
    name: Applies
    channel: web
    process: decide
    end: success
)");
  Workspace workspace(std::nullopt, {});
  const LoadedFile file = workspace.load(path);
  const std::vector<Diagnostic> found = of_rule(file, "catalog-redefinition");
  REQUIRE(found.size() == 2);
  CHECK(found[0].location.line == 5);
  CHECK(found[0].file == path);
  CHECK(found[0].severity == Severity::Error);
  CHECK(found[0].message.find("channel `web`") != std::string::npos);
  CHECK(found[1].location.line == 9);
  CHECK(found[1].message.find("process `decide`") != std::string::npos);
  const Journey &j = file.journey;
  CHECK(j.channels.size() == 1);
  CHECK(j.channels[0].name == "Website");
  CHECK(j.processes[0].name == "Decide on the loan");
}

TEST_CASE("catalog: include loop between catalogs is an error, not a hang") {
  TempDir dir;
  dir.write("a.yaml", "catalog: b.yaml\nteams:\n  one: One\n");
  dir.write("b.yaml", "catalog: a.yaml\nteams:\n  two: Two\n");
  const std::string path = dir.write("j.yaml", R"(journey: j
title: J
catalog: a.yaml
steps:
  - id: s
    name: S
    team: one
    end: success
)");
  Workspace workspace(std::nullopt, {});
  const LoadedFile file = workspace.load(path);
  const std::vector<Diagnostic> found = of_rule(file, "catalog");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::Error);
  CHECK(found[0].message.find("include loop") != std::string::npos);
  CHECK(file.journey.find_team("one") != npos);
  CHECK(file.journey.find_team("two") != npos);
}

TEST_CASE("catalog: a catalog that names itself is a loop") {
  TempDir dir;
  dir.write("self.yaml", "catalog: ./self.yaml\nteams:\n  one: One\n");
  const std::string path =
      dir.write("j.yaml", "journey: j\ntitle: J\ncatalog: self.yaml\n"
                          "steps:\n  - id: s\n    name: S\n    end: success\n");
  Workspace workspace(std::nullopt, {});
  const std::vector<Diagnostic> found = of_rule(workspace.load(path), "catalog");
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("include loop") != std::string::npos);
}

TEST_CASE("catalog: a missing catalog file is reported where the journey names it") {
  TempDir dir;
  const std::string path = dir.write("j.yaml", R"(journey: j
title: J
catalog: shared/missing.yaml
steps:
  - id: s
    name: S
    end: success
)");
  Workspace workspace(std::nullopt, {});
  const LoadedFile file = workspace.load(path);
  const std::vector<Diagnostic> found = of_rule(file, "catalog");
  REQUIRE(found.size() == 1);
  CHECK(found[0].location.line == 3);
  CHECK(found[0].severity == Severity::Error);
  CHECK(found[0].message.find("shared/missing.yaml") != std::string::npos);
  CHECK(found[0].message.find("not found") != std::string::npos);
}

TEST_CASE("catalog: a folder, a device or an unreadable file is called what it is") {
  TempDir dir;
  dir.write("shared/org.yaml", kOrg);
  const auto message = [&](const std::string &catalog) {
    const std::string path = dir.write("j.yaml", "journey: j\ntitle: J\ncatalog: " + catalog +
                                                     "\nsteps:\n  - id: s\n    name: S\n"
                                                     "    end: success\n");
    Workspace workspace(std::nullopt, {});
    const std::vector<Diagnostic> found = of_rule(workspace.load(path), "catalog");
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.line == 3);
    return found[0].message;
  };
  CHECK(message("shared") == "catalog `shared` (" + (dir.path / "shared").string() +
                                 ") is a directory, not a file; `catalog:` names a shared "
                                 "catalog file, relative to this file");
  CHECK(message("/dev/zero") == "catalog `/dev/zero` is a device, not a file; `catalog:` names a "
                                "shared catalog file, relative to this file");
  // /proc/self/mem claims to be an empty regular file; reading it fails.
  CHECK(message("/proc/self/mem").starts_with("catalog `/proc/self/mem`: cannot read: "));
}
