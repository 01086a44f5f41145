// `journey compare`: current against future state per month (cost, customer-hours, contacts,
// failure demand, FTE, lead time, right first time), of one journey or a portfolio.
#include "command.h"
#include "common.h"
#include "journey/analysis/simulate.h"
#include "journey/check/parallel.h"
#include "journey/check/scenario_run.h"
#include "journey/check/versions.h"
#include "journey/load/scenario_file.h"
#include "journey/model/escape.h"
#include "journey/portfolio/compare_format.h"

#include <fmt/format.h>
#include <variant>

namespace journey::tools {
namespace {

struct CompareOptions {
  std::string current;
  std::string future;
  std::string format = "text";
  std::string output;
  std::optional<std::string> config;
  unsigned jobs = 0;
  std::uint64_t customers = 20'000;
};

/// One state, checked: a `git:REV:PATH` version, or files and folders as every command reads them.
Expected<CheckRun> check_state(const std::string &spec, const CompareOptions &options) {
  if (spec.starts_with("git:")) {
    return check_version(spec, options.config);
  }
  CheckOptions inputs;
  inputs.paths = {spec};
  inputs.config = options.config;
  inputs.measure = true;
  inputs.jobs = options.jobs;
  return check_inputs(inputs);
}

/// The figures of a checked state, or the exit code that stops the comparison. The P90 of lead
/// time comes from simulating `options.customers` customers of each journey with the same seed in
/// both states, so an unchanged journey keeps the same P90 and a changed one moves by its change,
/// not by sampling noise.
std::variant<std::vector<StateFigures>, int> state_figures(const Expected<CheckRun> &run,
                                                           const CompareOptions &options) {
  if (const std::optional<int> stop = stop_unless_measured(run, "compare")) {
    return *stop;
  }
  SimulationOptions sim;
  sim.customers = options.customers;
  sim.jobs = resolve_jobs(options.jobs);
  std::vector<StateFigures> out;
  for (const CheckedFile *checked : run->journeys()) {
    StateFigures figures{*checked->metrics, std::nullopt, std::nullopt};
    if (options.customers > 0 && checked->metrics->expected_defined) {
      const SimulationResult result = simulate(JourneyGraph(checked->file.journey), sim);
      if (result.problem.empty()) {
        figures.lead_time_p90 = result.get(SimGroup::All, SimMeasure::LeadTime).quantile(0.9);
        if (result.calendars) {
          figures.closed_time = result.get(SimGroup::All, SimMeasure::ClosedTime).mean();
        }
      }
    }
    out.push_back(std::move(figures));
  }
  return out;
}

/// The future state a scenario makes of the current one, or the exit code that stops.
std::variant<CheckRun, int> scenario_state(const ScenarioFile &file, const CheckRun &current) {
  const auto report = [&](const std::vector<Diagnostic> &findings) {
    print_findings(LintReport{findings, {file.path}, {{file.path, file.text}}});
  };
  if (has_errors(file.diagnostics)) {
    report(file.diagnostics);
    return kExitUsage;
  }
  ScenarioRun future = check_scenario(current, file.scenario);
  if (!future.errors.empty()) {
    report(future.errors);
    return kExitUsage;
  }
  if (future.run.left_out()) {
    print_findings(future.run.errors());
    fmt::print(stderr,
               "journey compare: the scenario {} leaves journeys with the lint errors "
               "above\n",
               escape_terminal(file.path));
    return kExitFindings;
  }
  return std::move(future.run);
}

int run_compare(const CompareOptions &options) {
  Expected<CheckRun> current_run = check_state(options.current, options);
  auto current = state_figures(current_run, options);
  if (const int *code = std::get_if<int>(&current)) {
    return *code;
  }
  const Expected<std::optional<ScenarioFile>> scenario = read_scenario_file(options.future);
  if (!scenario) {
    fmt::print(stderr, "journey compare: error: {}\n", escape_terminal(scenario.error()));
    return kExitUsage;
  }
  Expected<CheckRun> future_run = failure("");
  if (*scenario) {
    auto applied = scenario_state(**scenario, *current_run);
    if (const int *code = std::get_if<int>(&applied)) {
      return *code;
    }
    future_run = std::move(std::get<CheckRun>(applied));
  } else {
    future_run = check_state(options.future, options);
  }
  auto future = state_figures(future_run, options);
  if (const int *code = std::get_if<int>(&future)) {
    return *code;
  }
  const auto &before = std::get<std::vector<StateFigures>>(current);
  const auto &after = std::get<std::vector<StateFigures>>(future);
  if (before.empty() || after.empty()) {
    fmt::print(stderr, "journey compare: error: no journey found in {}\n",
               escape_terminal(before.empty() ? options.current : options.future));
    return kExitUsage;
  }
  Comparison comparison = compare_states(before, after);
  comparison.current = options.current;
  comparison.future = options.future;
  if (!write_output(options.output,
                    format_compare(comparison, *value_of(kCompareFormatNames, options.format)))) {
    return kExitUsage;
  }
  return kExitOk;
}

std::function<int()> setup_compare(CLI::App &app) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App *cmd = app.add_subcommand(
      "compare", "Current against future state per month: cost, customer-hours, contacts, "
                 "failure demand, FTE, lead time and right first time");
  cmd->add_option("current", options->current,
                  "The current state: a journey file, a folder of journeys, or git:REV:PATH")
      ->required()
      ->type_name("CURRENT");
  cmd->add_option("future", options->future,
                  "The future state: a journey file, a folder of journeys, git:REV:PATH, or a "
                  "scenario file applied to CURRENT")
      ->required()
      ->type_name("FUTURE");
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(choices(kCompareFormatNames))
      ->default_str("text");
  cmd->add_option("-o,--output", options->output, "Write the comparison to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--config", options->config,
                  "Use this configuration instead of the nearest .journeylint.yaml")
      ->type_name("FILE");
  cmd->add_option("-j,--jobs", options->jobs,
                  "Threads reading and measuring folders and simulating the P90s (0: every core)")
      ->type_name("N");
  cmd->add_option("--customers", options->customers,
                  "Customers simulated per journey and state for the P90 of lead time (same "
                  "seed in both states; 0 leaves the P90 out)")
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{100'000'000}))
      ->default_str("20000")
      ->type_name("N");
  cmd->footer(
      "Journeys are matched by id (two single files are compared whatever their ids); journeys\n"
      "in one state only are listed as added or removed, and count in the portfolio totals.\n"
      "Monthly figures need a `volume` in both states. Definitions: docs/metrics.md.\n"
      "A scenario file (a top-level `scenario:` key; docs/format.md, \"Scenarios\") changes\n"
      "copies of CURRENT's journeys: volumes, staff, waits, branch shares, steps removed and "
      "added.\n"
      "Exit codes: 0 ok, 1 lint errors in a state (or left by the scenario), 2 usage errors,\n"
      "unreadable files, git errors or a scenario naming what does not exist.");
  return [options] { return run_compare(*options); };
}

const RegisterCommand kRegister{55, setup_compare};

} // namespace
} // namespace journey::tools
