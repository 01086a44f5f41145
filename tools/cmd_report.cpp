// `journey report`: one self-contained HTML page for analysts: the intent table, the portfolio map,
// and per journey its compare diagram, metrics and lint findings.
#include "analysis/metrics.h"
#include "command.h"
#include "common.h"
#include "portfolio/report.h"
#include "render/graphviz.h"
#include "render/portfolio_map.h"
#include "render/render.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

namespace journey::tools {
namespace {

struct ReportOptions {
  InputOptions inputs;
  std::string output;
  std::string title = "Customer journey report";
};

int run_report(const ReportOptions &options) {
  CheckRun run = check_inputs(options.inputs);
  bool left_out = false;
  const std::vector<const CheckedFile *> usable = processable_journeys(run, "report", left_out);
  const std::set<const CheckedFile *> analysed(usable.begin(), usable.end());

  ReportInput input;
  input.title = options.title;
  input.generator = fmt::format("journey {} · Graphviz {}", JOURNEY_VERSION, graphviz_version());
  std::vector<IntentRow> rows;
  std::vector<const Journey *> journeys;
  for (const CheckedFile &checked : run.files) {
    if (checked.file.io_error || checked.file.is_catalog) {
      continue;
    }
    const Journey &journey = checked.file.journey;
    ReportJourney entry;
    entry.file = checked.file.path;
    entry.id = journey.id;
    entry.title = journey.title;
    entry.intent = journey.intent;
    entry.owner = journey.owner;
    entry.findings = checked.findings;
    if (analysed.contains(&checked)) {
      entry.metrics = compute_metrics(journey);
      IntentRow row = make_intent_row(journey, *entry.metrics);
      row.file = checked.file.path;
      rows.push_back(std::move(row));
      journeys.push_back(&journey);
      try {
        entry.diagram_svg = render_journey(journey, View::Compare, Format::Svg);
      } catch (const RenderError &e) {
        entry.diagram_error = e.what();
      }
    }
    input.journeys.push_back(std::move(entry));
  }
  std::stable_sort(input.journeys.begin(), input.journeys.end(),
                   [](const ReportJourney &a, const ReportJourney &b) {
                     return std::forward_as_tuple(!a.metrics, a.intent.empty(), a.intent, a.title,
                                                  a.id, a.file) <
                            std::forward_as_tuple(!b.metrics, b.intent.empty(), b.intent, b.title,
                                                  b.id, b.file);
                   });
  input.table = build_intent_table(std::move(rows));
  try {
    input.map_svg = render_portfolio_map(journeys, Format::Svg);
  } catch (const RenderError &e) {
    input.map_error = e.what();
  }
  if (!write_output(options.output, build_report(input))) {
    return kExitUsage;
  }
  if (!run.input_errors.empty()) {
    return kExitUsage;
  }
  return left_out ? kExitFindings : kExitOk;
}

std::function<int()> setup_report(CLI::App &app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App *cmd = app.add_subcommand(
      "report", "One self-contained HTML report: the intent table, the portfolio map, and per "
                "journey its compare diagram, metrics and lint findings");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-o,--output", options->output,
                  "Write the report to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--title", options->title, "The report's heading")
      ->default_str("Customer journey report");
  cmd->footer("The page has inline CSS and SVG only: no scripts, fonts or other files, so it can\n"
              "be mailed or archived as it is. Journeys with lint errors are listed with their\n"
              "findings but not analysed; their errors are printed and the exit code is 1.\n"
              "Exit codes: 0 ok, 1 a journey had lint errors, 2 usage errors or unreadable files.");
  return [options] { return run_report(*options); };
}

const RegisterCommand kRegister{70, setup_report};

} // namespace
} // namespace journey::tools
