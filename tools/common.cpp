// Shared driver code: the load-then-lint pipeline every command starts with.
#include "common.h"

#include "lint/lint.h"
#include "lint/rule.h"

#include <fmt/format.h>

#include <cstdlib>
#include <set>
#include <unistd.h>

namespace journey::tools {

void add_input_options(CLI::App &command, InputOptions &options, bool required) {
  command
      .add_option("inputs", options.paths,
                  "Journey files or directories (searched for *.yaml, *.yml); - reads stdin")
      ->required(required)
      ->type_name("FILE|DIR");
  command.add_option("--config", options.config,
                     "Use this configuration instead of the nearest .journeylint.yaml")
      ->type_name("FILE");
}

std::vector<std::string_view> rule_ids() {
  std::vector<std::string_view> ids;
  for (const Rule &r : all_rules()) {
    ids.push_back(r.id);
  }
  return ids;
}

CheckRun check_inputs(const InputOptions &options) {
  CheckRun run;
  Workspace workspace(options.config, rule_ids());
  std::vector<std::string> paths = workspace.expand(options.paths, run.input_errors);
  std::set<std::string> config_errors_seen;
  for (const std::string &path : paths) {
    CheckedFile checked;
    checked.file = workspace.load(path);
    run.report.files.push_back(checked.file.path);
    if (checked.file.io_error) {
      run.input_errors.insert(run.input_errors.end(), checked.file.diagnostics.begin(),
                              checked.file.diagnostics.end());
      checked.has_journey_errors = true;
      run.files.push_back(std::move(checked));
      continue;
    }
    std::vector<Diagnostic> config_errors;
    checked.config = workspace.config_for(path, config_errors);
    for (Diagnostic &d : config_errors) {
      if (config_errors_seen.insert(d.file + ":" + std::to_string(d.location.line) + ":" +
                                    std::to_string(d.location.column) + d.message)
              .second) {
        run.input_errors.push_back(std::move(d));
      }
    }
    static const LintConfig kDefaults;
    const LintConfig &config = checked.config != nullptr ? *checked.config : kDefaults;
    if (checked.file.is_catalog) {
      checked.findings = checked.file.diagnostics;
      apply_severities(checked.findings, config);
      apply_suppressions(checked.findings, checked.file.text);
      sort_diagnostics(checked.findings);
    } else {
      checked.findings = lint(checked.file.journey, checked.file.diagnostics, checked.file.readable,
                              checked.file.text, config);
    }
    checked.has_journey_errors = has_errors(checked.findings) || !checked.file.readable;
    run.report.diagnostics.insert(run.report.diagnostics.end(), checked.findings.begin(),
                                  checked.findings.end());
    run.report.texts.emplace(checked.file.path, checked.file.text);
    run.files.push_back(std::move(checked));
  }
  sort_diagnostics(run.input_errors);
  return run;
}

std::vector<const CheckedFile *> processable_journeys(const CheckRun &run, std::string_view command,
                                                      bool &left_out) {
  LintReport errors;
  errors.diagnostics = run.input_errors;
  errors.files = run.report.files;
  errors.texts = run.report.texts;
  std::vector<const CheckedFile *> out;
  left_out = false;
  for (const CheckedFile &checked : run.files) {
    if (checked.file.io_error) {
      continue;
    }
    bool blocked = !checked.file.readable;
    for (const Diagnostic &d : checked.findings) {
      if (d.severity == Severity::Error) {
        errors.diagnostics.push_back(d);
        blocked = blocked || d.rule != "budget";
      }
    }
    if (checked.file.is_catalog) {
      continue;
    }
    if (blocked) {
      left_out = true;
      continue;
    }
    out.push_back(&checked);
  }
  if (!errors.diagnostics.empty()) {
    print_findings(errors);
  }
  if (left_out) {
    fmt::print(stderr, "journey {}: journeys with lint errors were left out (run `journey lint` "
                       "for every finding)\n",
               command);
  }
  return out;
}

bool use_color(std::FILE *stream) {
  const char *no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') {
    return false;
  }
  const char *term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return ::isatty(::fileno(stream)) != 0;
}

void print_findings(const LintReport &report) {
  std::string text = format_text(report, use_color(stderr));
  std::fputs(text.c_str(), stderr);
}

bool write_output(const std::string &path, std::string_view data) {
  if (path.empty() || path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  if (const Expected<void> written = write_file_atomic(path, data); !written) {
    fmt::print(stderr, "journey: error: cannot write {}: {}\n", path, written.error());
    return false;
  }
  return true;
}

} // namespace journey::tools
