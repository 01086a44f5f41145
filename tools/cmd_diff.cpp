// `journey diff`: what changed between two versions of a journey (steps added, removed and
// changed; metric deltas) and whether a budgeted metric got worse; either side may come from git.
#include "journey/check/versions.h"
#include "command.h"
#include "common.h"
#include "journey/model/escape.h"
#include "journey/model/suggest.h"
#include "journey/portfolio/diff_format.h"

#include <algorithm>
#include <fmt/format.h>

namespace journey::tools {
namespace {

struct DiffOptions {
  std::string before;
  std::string after;
  std::string format = "text";
  std::string output;
  std::optional<std::string> config;
  bool fail_on_regression = false;
  std::vector<std::string> watched;
};

int run_diff(const DiffOptions &options) {
  const Expected<CheckRun> run = check_versions(options.before, options.after, options.config);
  if (const std::optional<int> stop = stop_unless_measured(run, "diff")) {
    return *stop;
  }
  const CheckedFile &before = run->files[0];
  const CheckedFile &after = run->files[1];
  const Budgets budgets =
      after.config ? after.config->budgets_for(after.file.journey.id) : Budgets{};
  JourneyDiff diff = diff_journeys(before.file.journey, after.file.journey, *before.metrics,
                                   *after.metrics, budgets, options.watched);
  std::vector<std::string_view> keys;
  for (const MetricDelta &m : diff.metrics) {
    keys.push_back(m.metric);
  }
  for (const std::string &w : options.watched) {
    if (!std::any_of(keys.begin(), keys.end(),
                     [&](std::string_view k) { return is_watched(k, {w}); })) {
      fmt::print(stderr,
                 "journey diff: error: --regression-on `{}` names no metric of these versions{}; "
                 "`journey diff -f json` lists them\n",
                 escape_terminal(w), escape_terminal(did_you_mean(w, keys)));
      return kExitUsage;
    }
  }
  diff.before_file = before.file.path;
  diff.after_file = after.file.path;
  if (!write_output(options.output,
                    format_diff(diff, *value_of(kDiffFormatNames, options.format)))) {
    return kExitUsage;
  }
  if (options.fail_on_regression && diff.has_regression()) {
    fmt::print(stderr, "journey diff: budgeted or watched metrics got worse: {}\n", format_regressions(diff));
    return kExitFindings;
  }
  return kExitOk;
}

std::function<int()> setup_diff(CLI::App &app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App *cmd = app.add_subcommand(
      "diff", "What changed between two versions of a journey: steps added, removed and "
              "changed, and how the metrics moved");
  cmd->add_option("old", options->before, "The old version: a file, or git:REV:PATH")
      ->required()
      ->type_name("OLD");
  cmd->add_option("new", options->after, "The new version: a file, or git:REV:PATH")
      ->required()
      ->type_name("NEW");
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(choices(kDiffFormatNames))
      ->default_str("text");
  cmd->add_option("-o,--output", options->output, "Write the diff to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--config", options->config,
                  "Use this configuration instead of the nearest .journeylint.yaml")
      ->type_name("FILE");
  cmd->add_flag("--fail-on-regression", options->fail_on_regression,
                "Exit 1 when a metric with a budget (or named by --regression-on) got worse");
  cmd->add_option("--regression-on", options->watched,
                  "Metrics that are regressions when they get worse, budget or not: keys as in "
                  "`-f json`, a key standing for every key under it (monthly.cost, monthly.fte, "
                  "failure_demand_contacts, queue, monthly)")
      ->delimiter(',')
      ->type_name("KEY,...");
  cmd->footer(
      "git:REV:PATH reads PATH (relative to the current folder) as of revision REV with\n"
      "`git show`, e.g. `journey diff git:origin/main:journeys/a.yaml journeys/a.yaml`. Shared\n"
      "catalogs are read from the working tree, relative to PATH. Budgets are those in force for\n"
      "NEW (.journeylint.yaml or --config); a budgeted metric that got worse is a regression,\n"
      "and so is one named by --regression-on (with a `volume`, the monthly figures: e.g.\n"
      "--regression-on monthly.cost,monthly.fte,monthly.failure_demand_contacts).\n"
      "Exit codes: 0 ok, 1 a regression with --fail-on-regression or lint errors in a version,\n"
      "2 usage errors, unreadable files or git errors.");
  return [options] { return run_diff(*options); };
}

const RegisterCommand kRegister{50, setup_diff};

} // namespace
} // namespace journey::tools
