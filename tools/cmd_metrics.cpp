// `journey metrics`: lead time, waits, handoffs, channel switches, cost to serve, contacts,
// outcomes and right first time of each journey, as a table, JSON or CSV.
#include "command.h"
#include "common.h"
#include "journey/portfolio/metrics_format.h"

namespace journey::tools {
namespace {

struct MetricsOptions {
  InputOptions inputs{.paths = {}, .config = {}, .measure = true};
  std::string format = "text";
  std::string by = "journey";
  std::string output;
  bool portfolio = false;
};

int run_metrics(const MetricsOptions &options) {
  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "metrics");
  std::vector<JourneyMetrics> measured;
  for (const CheckedFile *checked : run.journeys()) {
    measured.push_back(*checked->metrics);
  }
  const MetricsFormat format = *value_of(kMetricsFormatNames, options.format);
  if (options.portfolio && format == MetricsFormat::Json) {
    return finish(run, options.output, format_metrics_portfolio_json(measured));
  }
  const MetricsRows rows = *value_of(kMetricsRowsNames, options.by);
  return finish(run, options.output,
                format == MetricsFormat::Csv ? format_metrics_csv_by(measured, rows)
                                             : format_metrics(measured, format, true));
}

std::function<int()> setup_metrics(CLI::App &app) {
  auto options = std::make_shared<MetricsOptions>();
  CLI::App *cmd = app.add_subcommand(
      "metrics", "Measure journeys: lead time, waits, handoffs, channel switches, cost to serve, "
                 "contacts, outcomes and right first time");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(choices(kMetricsFormatNames))
      ->default_str("text");
  cmd->add_option("--by", options->by,
                  "CSV rows: one per journey, per stage of each journey, or per persona walking "
                  "each journey (text and JSON always hold all three)")
      ->check(choices(kMetricsRowsNames))
      ->default_str("journey");
  cmd->add_option("-o,--output", options->output, "Write the metrics to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_flag("--portfolio", options->portfolio,
                "With -f json: an object {journeys, portfolio} instead of the array, adding the "
                "portfolio's monthly totals and the capacity of shared teams and channels");
  cmd->footer(footer(
      "Each measure is given as expected (the random walk along the branch probabilities, loops\n"
      "included), min and max (over paths that repeat no step). Definitions: docs/metrics.md.\n"
      "JSON and CSV give durations in seconds; JSON is an array, whatever the number of files.\n"
      "Findings of the `budget` rule are printed but do not stop a journey being measured."));
  return [options] { return run_metrics(*options); };
}

const RegisterCommand kRegister{20, setup_metrics};

} // namespace
} // namespace journey::tools
