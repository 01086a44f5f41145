// Journey files: globs, the built-in excludes, the top-level-key test, and directory walks that
// keep other tools' YAML out.
#include "helpers.h"
#include "journey/load/journey_files.h"
#include "journey/load/workspace.h"

#include <doctest/doctest.h>

using namespace journey;
using journey::test::TempDir;

namespace {

constexpr std::string_view kJourney = "journey: j\ntitle: T\nsteps:\n  - id: a\n    end: success\n";

LintConfig with_globs(std::vector<std::string> include, std::vector<std::string> exclude) {
  LintConfig config;
  config.include = std::move(include);
  config.exclude = std::move(exclude);
  return config;
}

} // namespace

TEST_CASE("glob_matches: * and ? within a name, ** across folders, classes") {
  CHECK(glob_matches("*.yaml", "a.yaml"));
  CHECK(glob_matches("*.yaml", "deep/down/a.yaml")); // no slash: the file's name alone
  CHECK_FALSE(glob_matches("*.yaml", "a.yml"));
  CHECK(glob_matches("journeys/*.yaml", "journeys/a.yaml"));
  CHECK_FALSE(glob_matches("journeys/*.yaml", "journeys/sub/a.yaml"));
  CHECK_FALSE(glob_matches("journeys/*.yaml", "other/journeys/a.yaml"));
  CHECK(glob_matches("journeys/**/*.yaml", "journeys/a.yaml"));
  CHECK(glob_matches("journeys/**/*.yaml", "journeys/x/y/a.yaml"));
  CHECK(glob_matches("**/draft-*.yml", "draft-1.yml"));
  CHECK(glob_matches("**/draft-*.yml", "a/b/draft-1.yml"));
  CHECK_FALSE(glob_matches("**/draft-*.yml", "a/b/draft-1.yaml"));
  CHECK(glob_matches("journeys/**", "journeys/a/b.yaml"));
  CHECK(glob_matches("/top.yaml", "top.yaml"));
  CHECK_FALSE(glob_matches("/top.yaml", "sub/top.yaml"));
  CHECK(glob_matches("v?.yaml", "v1.yaml"));
  CHECK_FALSE(glob_matches("v?.yaml", "v10.yaml"));
  CHECK(glob_matches("v[0-9].yaml", "v7.yaml"));
  CHECK_FALSE(glob_matches("v[!0-9].yaml", "v7.yaml"));
  CHECK(glob_matches("v[!0-9].yaml", "vx.yaml"));
  CHECK_FALSE(glob_matches("a*b", "a/b"));
}

TEST_CASE("glob_matches: linear on long paths and many stars") {
  const std::string path = std::string(5000, 'a') + "/" + std::string(5000, 'a') + ".yaml";
  const std::string glob = "**/" + std::string(200, '*') + "b";
  CHECK_FALSE(glob_matches(glob, path)); // would take ages with naive backtracking
}

TEST_CASE("is_excluded: other tools' files, configured globs, and whole folders") {
  const LintConfig defaults;
  CHECK(is_excluded(defaults, ".journeylint.yaml"));
  CHECK(is_excluded(defaults, "sub/.journeylint.yaml"));
  CHECK(is_excluded(defaults, ".pre-commit-config.yaml"));
  CHECK(is_excluded(defaults, ".github/workflows/ci.yml"));
  CHECK(is_excluded(defaults, "docker-compose.yml"));
  CHECK(is_excluded(defaults, "deploy/docker-compose.prod.yaml"));
  CHECK(is_excluded(defaults, ".gitlab-ci.yml"));
  CHECK(is_excluded(defaults, "web/node_modules/x/package.yaml"));
  CHECK_FALSE(is_excluded(defaults, "journeys/apply.yaml"));
  CHECK_FALSE(is_excluded(defaults, "compose-a-letter.yaml"));
  const LintConfig config = with_globs({}, {"drafts/", "**/*.old.yaml"});
  CHECK(is_excluded(config, "drafts/a.yaml"));
  CHECK(is_excluded(config, "team/drafts/a.yaml"));
  CHECK(is_excluded(config, "x/y.old.yaml"));
  CHECK_FALSE(is_excluded(config, "x/y.yaml"));
  CHECK(is_excluded(config, "docker-compose.yml")); // the built-in ones still apply
}

TEST_CASE("is_included: *.yaml and *.yml by default, else the configured globs") {
  CHECK(is_included(LintConfig{}, "a/b.yaml"));
  CHECK(is_included(LintConfig{}, "b.yml"));
  CHECK_FALSE(is_included(LintConfig{}, "b.json"));
  const LintConfig config = with_globs({"journeys/**/*.yaml"}, {});
  CHECK(is_included(config, "journeys/a.yaml"));
  CHECK_FALSE(is_included(config, "config/app.yaml"));
}

TEST_CASE("may_be_journey_file: journey and catalog keys at the top level") {
  CHECK(may_be_journey_file(kJourney));
  CHECK(may_be_journey_file("# comment\n---\nsteps: []\n"));
  CHECK_FALSE(may_be_journey_file("# a scenario\nscenario: s\nchannels:\n  phone: {staff: 8}\n"));
  CHECK(may_be_journey_file("\"journey\": quoted\n"));
  CHECK(may_be_journey_file("channels:\n  web: {name: Web}\n"));
  CHECK(may_be_journey_file("catalog: ../org.yaml\nteams: {}\n"));
  CHECK(may_be_journey_file("{journey: flow, steps: []}\n"));
  CHECK(may_be_journey_file("jouney: typo\nsteps:\n  - id: a\n")); // one key is enough
  CHECK_FALSE(may_be_journey_file("services:\n  web:\n    image: nginx\n    steps: nested\n"));
  CHECK_FALSE(may_be_journey_file("name: CI\non: [push]\njobs:\n  build:\n    steps: []\n"));
  CHECK_FALSE(may_be_journey_file("repos:\n  - repo: local\n"));
  CHECK_FALSE(may_be_journey_file("- hosts: all\n  tasks: []\n"));
  CHECK(may_be_journey_file(""));                   // still to be written: the linter says so
  CHECK(may_be_journey_file("# only a comment\n"));
}

TEST_CASE("Workspace::expand: a directory yields journeys and catalogs, not other tools' YAML") {
  TempDir dir;
  dir.write("journeys/apply.yaml", kJourney);
  dir.write("journeys/drafts/idea.yaml", kJourney);
  dir.write("journeys/old.yml", kJourney);
  dir.write("org.yaml", "channels:\n  web: {name: Web}\n");
  dir.write("docker-compose.yml", "services:\n  web:\n    image: nginx\n");
  dir.write("app-config.yaml", "server:\n  port: 8080\n");
  dir.write(".github/workflows/ci.yml", "on: [push]\njobs: {}\n");
  dir.write(".pre-commit-config.yaml", "repos: []\n");
  dir.write(".journeylint.yaml", "exclude: [drafts/, old.yml]\n");
  Workspace workspace(std::nullopt, {});
  std::vector<Diagnostic> errors;
  std::vector<SkippedFile> skipped;
  const auto found = workspace.expand({dir.path.string()}, errors, false, &skipped);
  CHECK(errors.empty());
  REQUIRE(found.size() == 2);
  CHECK(found[0] == (dir.path / "journeys/apply.yaml").string());
  CHECK(found[1] == (dir.path / "org.yaml").string());
  // Each skipped file or folder with its reason; an excluded folder is not entered.
  REQUIRE(skipped.size() == 4);
  CHECK(skipped[0].path == (dir.path / "app-config.yaml").string());
  CHECK(skipped[0].reason.find("no `journey`") != std::string::npos);
  CHECK(skipped[1].path == (dir.path / "docker-compose.yml").string());
  CHECK(skipped[1].reason == "another tool's file (`docker-compose*.yml`)");
  CHECK(skipped[2].path == (dir.path / "journeys/drafts/").string());
  CHECK(skipped[2].reason.starts_with("excluded by `drafts/` in "));
  CHECK(skipped[3].path == (dir.path / "journeys/old.yml").string());
  CHECK(skipped[3].reason.starts_with("excluded by `old.yml` in "));

  SUBCASE("named files are kept, unless force_exclude selects them as a walk would") {
    const std::vector<std::string> named = {(dir.path / "docker-compose.yml").string(),
                                            (dir.path / "journeys/drafts/idea.yaml").string(),
                                            (dir.path / "journeys/apply.yaml").string(),
                                            (dir.path / ".journeylint.yaml").string()};
    CHECK(workspace.expand(named, errors).size() == 4);
    skipped.clear();
    const auto forced = workspace.expand(named, errors, true, &skipped);
    CHECK(forced == std::vector<std::string>{(dir.path / "journeys/apply.yaml").string()});
    CHECK(skipped.size() == 3);
  }
  SUBCASE("include narrows the search") {
    dir.write(".journeylint.yaml", "include: ['journeys/**/*.yaml']\n");
    Workspace narrowed(std::nullopt, {});
    const auto only = narrowed.expand({dir.path.string()}, errors);
    CHECK(only == std::vector<std::string>{(dir.path / "journeys/apply.yaml").string(),
                                           (dir.path / "journeys/drafts/idea.yaml").string()});
  }
}
