// `journey simulate`: a Monte Carlo walk of many customers through each journey, with spreads:
// percentiles of lead time, wait and customer effort per outcome, and a histogram (SVG with -o).
#include "command.h"
#include "common.h"
#include "journey/analysis/simulate.h"
#include "journey/check/parallel.h"
#include "journey/load/output_target.h"
#include "journey/model/escape.h"
#include "journey/portfolio/simulate_format.h"

#include <fmt/format.h>

namespace journey::tools {
namespace {

struct SimulateOptions {
  InputOptions inputs{.paths = {}, .config = {}, .measure = false};
  std::uint64_t customers = 100'000;
  std::uint64_t seed = 1;
  std::string format = "text";
  std::string output;
};

int usage(const std::string &message) {
  fmt::print(stderr, "journey simulate: error: {}\n", message);
  return kExitUsage;
}

int run_simulate(const SimulateOptions &options) {
  using Kind = OutputTarget::Kind;
  const OutputTarget target = output_target(options.output);
  if (target.kind == Kind::File && !target.path.ends_with(".svg")) {
    return usage("-o writes the chart as SVG: give a file ending in .svg, or a folder (DIR/) "
                 "for one chart per journey; the figures go to standard output");
  }
  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "simulate");
  const std::vector<const CheckedFile *> journeys = run.journeys();
  if (target.kind == Kind::File && journeys.size() > 1) {
    return usage("several journeys need a folder for their charts: -o DIR/");
  }
  if (const Expected<void> created = create_output_directory(target); !created) {
    return usage("cannot create " + options.output + ": " + created.error());
  }
  SimulationOptions sim;
  sim.customers = options.customers;
  sim.seed = options.seed;
  sim.jobs = resolve_jobs(options.inputs.jobs);
  std::vector<SimulationResult> results;
  bool failed = false;
  bool failed_journey = false;
  for (const CheckedFile *checked : journeys) {
    const JourneyGraph graph(checked->file.journey);
    SimulationResult result = simulate(graph, sim);
    if (!result.problem.empty()) {
      fmt::print(stderr, "{}",
                 escape_terminal(fmt::format("{}: error: cannot simulate: {}\n",
                                             checked->file.journey.file, result.problem),
                                 LineEnds::Keep));
      failed_journey = true;
      continue;
    }
    results.push_back(std::move(result));
    if (target.kind != Kind::Stdout) {
      const std::string path = target.kind == Kind::File
                                   ? target.path
                                   : journey_output_path(target, results.back().journey, "svg");
      failed = !write_output(path, simulation_svg(results.back())) || failed;
    }
  }
  if (failed) {
    return kExitUsage;
  }
  const SimulateFormat format = *value_of(kSimulateFormatNames, options.format);
  return finish(run, "", format_simulation(results, format), failed_journey);
}

std::function<int()> setup_simulate(CLI::App &app) {
  auto options = std::make_shared<SimulateOptions>();
  CLI::App *cmd = app.add_subcommand(
      "simulate", "Simulate many customers through journeys: percentiles of lead time, wait and "
                  "customer effort per outcome, and a histogram");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-n,--customers", options->customers, "How many customers walk each journey")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}))
      ->default_str("100000");
  cmd->add_option("--seed", options->seed,
                  "Seed of the random streams: the same seed gives the "
                  "same figures, whatever the number of --jobs")
      ->default_str("1");
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(choices(kSimulateFormatNames))
      ->default_str("text");
  cmd->add_option("-o,--output", options->output,
                  "Write the lead-time chart as SVG to FILE.svg, or to DIR/<journey>.svg")
      ->type_name("FILE|DIR");
  cmd->footer(footer(
      "Each customer follows the branch probabilities and draws every wait and time from its\n"
      "spread (`2d-5d`, `{typical: 2d, p90: 7d}`). Percentiles are exact to 0.2% (a streaming\n"
      "histogram). JSON and CSV give durations in seconds. Definitions: docs/metrics.md."));
  return [options] { return run_simulate(*options); };
}

const RegisterCommand kRegister{25, setup_simulate};

} // namespace
} // namespace journey::tools
