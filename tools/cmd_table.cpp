// `journey table`: the intent table of a portfolio (intent, journey, start and end points,
// internal processes, owner, headline metrics) as Markdown, CSV, JSON or HTML.
#include "analysis/metrics.h"
#include "command.h"
#include "common.h"
#include "portfolio/table_format.h"

#include <fmt/format.h>

namespace journey::tools {
namespace {

struct TableOptions {
  InputOptions inputs;
  std::string format = "md";
  std::string output;
};

int run_table(const TableOptions &options) {
  CheckRun run = check_inputs(options.inputs);
  bool left_out = false;
  std::vector<IntentRow> rows;
  for (const CheckedFile *checked : processable_journeys(run, "table", left_out)) {
    IntentRow row = make_intent_row(checked->file.journey, compute_metrics(checked->file.journey));
    row.file = checked->file.path;
    rows.push_back(std::move(row));
  }
  const IntentTable table = build_intent_table(std::move(rows));
  const TableFormat format = parse_table_format(options.format).value_or(TableFormat::Markdown);
  if (!write_output(options.output, format_table(table, format))) {
    return kExitUsage;
  }
  if (!run.input_errors.empty()) {
    return kExitUsage;
  }
  return left_out ? kExitFindings : kExitOk;
}

std::function<int()> setup_table(CLI::App &app) {
  auto options = std::make_shared<TableOptions>();
  CLI::App *cmd = app.add_subcommand(
      "table", "The intent table: per journey its customer intent, start and end points, the "
               "internal processes it uses, owner, expected lead time and handoffs");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"md", "csv", "json", "html"}))
      ->default_str("md");
  cmd->add_option("-o,--output", options->output, "Write the table to FILE instead of stdout")
      ->type_name("FILE");
  cmd->footer("Rows are grouped by intent (alphabetical; journeys without an intent last), then\n"
              "ordered by title. CSV quotes as RFC 4180 says (lists joined with `; `, lead\n"
              "time also in seconds). Shared catalogs (`catalog:`) are not rows.\n"
              "A journey with lint errors is left out: its errors are printed and the exit code\n"
              "is 1. Exit codes: 0 ok, 1 a journey had lint errors, 2 usage errors or unreadable\n"
              "files.");
  return [options] { return run_table(*options); };
}

const RegisterCommand kRegister{40, setup_table};

} // namespace
} // namespace journey::tools
