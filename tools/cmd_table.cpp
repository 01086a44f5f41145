// `journey table`: the intent table of a portfolio (intent, journey, start and end points,
// internal processes, owner, headline metrics) as Markdown, CSV, JSON or HTML.
#include "command.h"
#include "common.h"
#include "journey/portfolio/load_format.h"
#include "journey/portfolio/table_format.h"

namespace journey::tools {
namespace {

struct TableOptions {
  InputOptions inputs{.paths = {}, .config = {}, .measure = true};
  std::string format = "md";
  std::string output;
  std::string by; ///< `team` or `channel`: the load table instead of the intent table
};

int run_table(const TableOptions &options) {
  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "table");
  const TableFormat format = *parse_table_format(options.format);
  if (!options.by.empty()) {
    std::vector<JourneyMetrics> all;
    std::size_t left_out = 0;
    for (const CheckedFile *checked : run.journeys()) {
      all.push_back(*checked->metrics);
      left_out += monthly_figures(*checked->metrics) ? 0 : 1;
    }
    const LoadKind kind = *value_of(kLoadKindNames, options.by);
    return finish(run, options.output,
                  format_load_table(portfolio_loads(all, kind), kind, format, left_out));
  }
  std::vector<IntentRow> rows;
  for (const CheckedFile *checked : run.journeys()) {
    rows.push_back(make_intent_row(checked->file.journey, *checked->metrics));
  }
  const IntentTable table = build_intent_table(std::move(rows));
  return finish(run, options.output, format_table(table, format));
}

std::function<int()> setup_table(CLI::App &app) {
  auto options = std::make_shared<TableOptions>();
  CLI::App *cmd = app.add_subcommand(
      "table", "The intent table: per journey its customer intent, start and end points, the "
               "internal processes it uses, owner, expected lead time and handoffs");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(choices(kTableFormatNames))
      ->default_str("md");
  cmd->add_option("-o,--output", options->output, "Write the table to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--by", options->by,
                  "The load table instead: per team (or contact channel) the monthly work of "
                  "every journey with a volume, against its staff; most loaded first")
      ->check(choices(kLoadKindNames))
      ->type_name("team|channel");
  cmd->footer(footer("Rows are grouped by intent (alphabetical; journeys without an intent last),\n"
                     "then ordered by title, with the latest NPS, CES and CSAT. CSV quotes as RFC\n"
                     "4180 says (lists joined with `; `, lead time also in seconds). Shared\n"
                     "catalogs (`catalog:`) are not rows. With --by team|channel: utilisation,\n"
                     "FTE needed, work hours and contacts per month, as `journey metrics DIR`\n"
                     "sums them."));
  return [options] { return run_table(*options); };
}

const RegisterCommand kRegister{40, setup_table};

} // namespace
} // namespace journey::tools
