// `journey report`: one self-contained HTML page for analysts and boards: the intent table with
// headline figures, the portfolio map, and per journey its KPI tiles, emotion curve, waits,
// lint findings, metrics and compare diagram.
#include "command.h"
#include "common.h"
#include "journey/lint/output.h"
#include "journey/model/escape.h"
#include "journey/portfolio/report.h"
#include "journey/render/graphviz.h"
#include "journey/render/portfolio_map.h"
#include "journey/render/render.h"

#include <algorithm>
#include <fmt/format.h>

namespace journey::tools {
namespace {

struct ReportOptions {
  InputOptions inputs{.paths = {}, .config = {}, .measure = true};
  std::string output;
  std::string title = "Customer journey report";
  bool allow_missing_diagrams = false;
  std::string diagrams = "auto";
};

void print_drawing_problem(const std::string &file, Severity severity, const std::string &message) {
  LintReport report;
  report.files.push_back(file);
  report.diagnostics.push_back(Diagnostic{severity, "render", message, file, {}});
  print_findings(report);
}

int run_report(const ReportOptions &options) {
  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "report");
  const ReportDiagrams asked = *value_of(kReportDiagramsNames, options.diagrams);
  const auto journeys = static_cast<std::size_t>(std::count_if(
      run.files.begin(), run.files.end(), [](const CheckedFile &f) { return f.is_journey(); }));
  const ReportDiagrams diagrams = resolve_report_diagrams(asked, journeys);
  ReportInput input;
  input.diagrams_left_out = asked == ReportDiagrams::Auto && diagrams == ReportDiagrams::None;
  input.title = options.title;
  input.generator = fmt::format("journey {} · Graphviz {}", JOURNEY_VERSION, graphviz_version());
  std::vector<IntentRow> rows;
  bool incomplete = false;
  for (const CheckedFile &checked : run.files) {
    if (!checked.is_journey()) {
      continue;
    }
    const Journey &journey = checked.file.journey;
    ReportJourney &entry = input.journeys.emplace_back(
        make_report_journey(journey, checked.findings, checked.metrics));
    if (entry.metrics && diagrams != ReportDiagrams::None) {
      rows.push_back(make_intent_row(journey, *entry.metrics));
      Expected<Drawing> drawing =
          draw_journey(journey, View::Compare, Format::Svg, {}, {}, &*entry.metrics);
      if (drawing) {
        entry.diagram_svg = std::move(drawing->data);
        for (const std::string &note : drawing->notes) {
          print_drawing_problem(entry.file, Severity::Warning, note);
        }
      } else {
        entry.diagram_error = drawing.error();
        print_drawing_problem(entry.file,
                              options.allow_missing_diagrams ? Severity::Warning : Severity::Error,
                              "cannot draw the compare view: " + drawing.error());
        incomplete = true;
      }
      if (diagrams == ReportDiagrams::All) {
        Expected<Drawing> steps = draw_journey(journey, View::InsideOut, Format::Svg,
                                               {.detail = Detail::Steps}, {}, &*entry.metrics);
        if (steps) {
          entry.more_diagrams.emplace_back("What the organisation does, step by step",
                                           std::move(steps->data));
        } else {
          print_drawing_problem(entry.file, Severity::Warning,
                                "cannot draw the inside-out view by step: " + steps.error());
        }
      }
    } else if (entry.metrics) {
      rows.push_back(make_intent_row(journey, *entry.metrics));
    }
  }
  sort_report_journeys(input.journeys);
  input.table = build_intent_table(std::move(rows));
  Expected<Drawing> map = draw_portfolio_map(run.definitions(), Format::Svg, {});
  if (map) {
    input.map_svg = std::move(map->data);
  } else {
    input.map_error = map.error();
    fmt::print(stderr, "journey report: {}: the portfolio map: {}\n",
               options.allow_missing_diagrams ? "warning" : "error", escape_terminal(map.error()));
    incomplete = true;
  }
  return finish(run, options.output, build_report(input),
                incomplete && !options.allow_missing_diagrams);
}

std::function<int()> setup_report(CLI::App &app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App *cmd = app.add_subcommand(
      "report", "One self-contained HTML report: the intent table, the portfolio map, and per "
                "journey its KPI tiles, emotion curve, waits, compare diagram, metrics and lint "
                "findings; prints on A4 and Letter");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-o,--output", options->output,
                  "Write the report to FILE (atomically) instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--title", options->title, "The report's heading")
      ->default_str("Customer journey report");
  cmd->add_option("--diagrams", options->diagrams,
                  fmt::format("Diagrams per journey: auto (the default: compare for up to {} "
                              "journeys, none above, with a note saying how to get them), "
                              "compare (both views side by side), all (also the inside-out "
                              "view step by step), or none (figures and charts only)",
                              kReportDiagramsAutoMost))
      ->check(choices(kReportDiagramsNames))
      ->default_str("auto");
  cmd->add_flag("--allow-missing-diagrams", options->allow_missing_diagrams,
                "Exit 0 even when a diagram cannot be drawn (it is replaced by a note)");
  cmd->footer(
      footer("The page has inline CSS and SVG only: no scripts, fonts or other files, so it\n"
             "can be mailed or archived as it is. Journeys with lint errors are listed with\n"
             "their findings but not analysed. A diagram Graphviz cannot draw is replaced\n"
             "by a note, and the exit code is 1 (0 with --allow-missing-diagrams)."));
  return [options] { return run_report(*options); };
}

const RegisterCommand kRegister{70, setup_report};

} // namespace
} // namespace journey::tools
