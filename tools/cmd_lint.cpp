// `journey lint`: check journey definitions, for workshops (text) and CI (JSON, SARIF, JUnit,
// GitHub annotations).
#include "command.h"
#include "common.h"
#include "journey/lint/rule.h"
#include "journey/model/text.h"

#include <algorithm>
#include <fmt/format.h>

namespace journey::tools {
namespace {

struct LintOptions {
  InputOptions inputs;
  std::string format = "text";
  std::string output;
  bool strict = false;
  int max_warnings = -1;
  bool list_rules = false;
};

int run_lint(const LintOptions &options) {
  if (options.list_rules) {
    std::size_t widest = 0;
    for (const Rule &r : all_rules()) {
      widest = std::max(widest, r.id.size());
    }
    for (const Rule &r : all_rules()) {
      fmt::print("{:<{}} {:<8} {}\n", r.id, widest, to_string(r.default_severity), r.summary);
    }
    return kExitOk;
  }
  if (options.inputs.paths.empty()) {
    fmt::print(stderr, "journey lint: error: no input (give files, directories or -)\n");
    return kExitUsage;
  }
  const OutputFormat format = *parse_output_format(options.format);
  const CheckRun run = check_inputs(options.inputs);
  const bool quiet = conventions().quiet;
  LintReport shown = run.report;
  if (quiet) {
    std::erase_if(shown.diagnostics,
                  [](const Diagnostic &d) { return d.severity != Severity::Error; });
  }
  const bool color = options.output.empty() && use_color(stdout);
  if (!write_output(options.output, format_report(shown, format, color, JOURNEY_VERSION))) {
    return kExitUsage;
  }
  if (!run.input_errors.empty()) {
    print_findings(LintReport{run.input_errors, {}, {}});
  }
  print_skipped(run);
  if (format == OutputFormat::Text && !quiet) {
    fmt::print(stderr, "{}\n", summary_line(run.report));
  }
  if (!run.input_errors.empty()) {
    return kExitUsage;
  }
  const std::size_t errors = count_severity(run.report, Severity::Error);
  const std::size_t warnings = count_severity(run.report, Severity::Warning);
  if (errors > 0) {
    return kExitFindings;
  }
  if (options.strict && warnings > 0) {
    if (quiet) {
      fmt::print(stderr, "journey lint: --strict fails the run on {} (not shown with --quiet)\n",
                 plural(warnings, "warning", "warnings"));
    }
    return kExitFindings;
  }
  if (options.max_warnings >= 0 && warnings > static_cast<std::size_t>(options.max_warnings)) {
    fmt::print(stderr, "journey lint: {} warnings exceed --max-warnings {}\n", warnings,
               options.max_warnings);
    return kExitFindings;
  }
  return kExitOk;
}

std::function<int()> setup_lint(CLI::App &app) {
  auto options = std::make_shared<LintOptions>();
  CLI::App *cmd = app.add_subcommand(
      "lint", "Check journey definitions: syntax, references, reachability, dead ends, traps, "
              "loops and channel bounces");
  add_input_options(*cmd, options->inputs, false);
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(choices(kOutputFormatNames))
      ->default_str("text");
  cmd->add_option("-o,--output", options->output, "Write the report to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_flag("--strict", options->strict, "Exit 1 on warnings too");
  cmd->add_option("--max-warnings", options->max_warnings,
                  "Exit 1 when there are more than N warnings")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--list-rules", options->list_rules, "List every rule with its default severity");
  cmd->footer(
      "Exit codes: 0 no errors, 1 errors (or warnings with --strict / over --max-warnings),\n"
      "2 usage errors, unreadable files or a bad configuration. --quiet reports errors only\n"
      "but counts warnings all the same, so it never changes the exit code.\n"
      "A directory is searched for journey files: *.yaml and *.yml (or the configuration's\n"
      "`include`), less the configuration's `exclude`, other tools' files (.pre-commit-config.yaml,\n"
      ".github/, docker-compose.yml, ...) and files without journey or catalog keys at the top.\n"
      "Suppress a finding with `# journey-lint: disable=<rule>` on its line or the line above.");
  return [options] { return run_lint(*options); };
}

const RegisterCommand kRegister{10, setup_lint};

} // namespace
} // namespace journey::tools
