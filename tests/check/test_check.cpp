// Check pipeline: what blocks a journey, and one run over clean, broken and over-budget journeys.
#include "journey/check/check.h"
#include "journey/check/exit_code.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace journey;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kClean = R"(journey: clean
title: Check my balance
owner: Apps
intent: Know my money
start: Wonders
ends: [Knows]
steps:
  - id: look
    name: Looks in the app
    time: 2m
    end: success
)";

/// A folder of journeys that lives as long as the object.
struct Folder {
  fs::path dir = fs::temp_directory_path() / ("journey-check-test-" + std::to_string(::getpid()));
  Folder() { fs::create_directories(dir); }
  ~Folder() { fs::remove_all(dir); }
  std::string write(const std::string &name, std::string_view text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

Diagnostic finding(Severity severity, std::string rule) {
  return Diagnostic{severity, std::move(rule), "message", "j.yaml", {1, 1}};
}

} // namespace

TEST_CASE("blocks_processing: unreadable, or an error other than budget") {
  CHECK_FALSE(blocks_processing(true, {}));
  CHECK(blocks_processing(false, {}));
  CHECK_FALSE(blocks_processing(true, {finding(Severity::Error, "budget")}));
  CHECK_FALSE(blocks_processing(true, {finding(Severity::Warning, "dead-end")}));
  CHECK(blocks_processing(true, {finding(Severity::Error, "dead-end")}));
}

TEST_CASE("check_inputs: clean journeys measured, broken ones blocked, errors collected") {
  Folder folder;
  std::string broken(kClean);
  broken.replace(broken.find("    end: success"), 16, "    next: missing");
  std::string over(kClean);
  over.replace(over.find("journey: clean"), 14, "journey: over");
  folder.write("a.yaml", kClean);
  folder.write("b.yaml", broken);
  folder.write(".journeylint.yaml", "journeys:\n  over:\n    budgets:\n      lead_time: 1m\n");
  folder.write("c.yaml", over);

  const CheckRun run = check_inputs({{folder.dir.string()}, std::nullopt, true});
  REQUIRE(run.files.size() == 3);
  CHECK(run.input_errors.empty());
  CHECK(run.journey_count() == 3);
  CHECK(run.files[0].metrics.has_value());
  CHECK(run.files[1].blocked);
  CHECK_FALSE(run.files[1].metrics.has_value());
  CHECK_FALSE(run.files[2].blocked);
  REQUIRE(run.files[2].metrics.has_value());
  CHECK(run.files[2].metrics->journey == "over");
  REQUIRE(run.journeys().size() == 2);
  CHECK(run.definitions()[1]->id == "over");
  CHECK(run.left_out());
  CHECK(run.has_errors());
  const LintReport errors = run.errors();
  CHECK(std::all_of(errors.diagnostics.begin(), errors.diagnostics.end(),
                    [](const Diagnostic &d) { return d.severity == Severity::Error; }));
  CHECK(std::any_of(errors.diagnostics.begin(), errors.diagnostics.end(),
                    [](const Diagnostic &d) { return d.rule == "budget"; }));
  CHECK(std::any_of(errors.diagnostics.begin(), errors.diagnostics.end(),
                    [](const Diagnostic &d) { return d.rule == "unknown-reference"; }));
  CHECK(exit_code(run) == kExitFindings);
}

TEST_CASE(
    "exit codes: 0 clean, 1 for a budget error alone or a missing output, 2 for input errors") {
  Folder folder;
  const std::string clean = folder.write("a.yaml", kClean);
  CHECK(exit_code(check_inputs({{clean}, {}, true})) == kExitOk);
  CHECK(exit_code(check_inputs({{clean}, {}, true}), true) == kExitFindings);
  const std::string budget = folder.write("budget.yaml", "budgets:\n  lead_time: 1m\n");
  const CheckRun over = check_inputs({{clean}, budget, true});
  CHECK_FALSE(over.left_out());
  CHECK(exit_code(over) == kExitFindings);
  const CheckRun missing = check_inputs({{clean, (folder.dir / "none.yaml").string()}, {}, true});
  CHECK(exit_code(missing, true) == kExitUsage);
}

TEST_CASE("check_inputs: missing files are input errors; nothing measured unless asked") {
  Folder folder;
  const std::string clean = folder.write("a.yaml", kClean);
  const CheckRun run = check_inputs({{clean, (folder.dir / "none.yaml").string()}, {}, false});
  REQUIRE(run.files.size() == 1);
  CHECK(run.input_errors.size() == 1);
  CHECK(run.journey_count() == 1);
  CHECK_FALSE(run.files[0].metrics.has_value());
  CHECK_FALSE(run.left_out());
  CHECK_FALSE(run.has_errors());
  CHECK(run.errors().diagnostics.size() == 1);
  CHECK(exit_code(run) == kExitUsage);
}
