// The check pipeline: load, configure, lint and measure every input, with one rule for which
// findings block a journey from being measured or drawn.
#include "journey/check/check.h"

#include "journey/check/parallel.h"
#include "journey/lint/lint.h"
#include "journey/lint/rule.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace journey {

bool blocks_processing(bool readable, const std::vector<Diagnostic> &findings) {
  return !readable || std::any_of(findings.begin(), findings.end(), [](const Diagnostic &d) {
    return d.severity == Severity::Error && d.rule != "budget";
  });
}

std::vector<const CheckedFile *> CheckRun::journeys() const {
  std::vector<const CheckedFile *> out;
  for (const CheckedFile &checked : files) {
    if (checked.is_journey() && !checked.blocked) {
      out.push_back(&checked);
    }
  }
  return out;
}

std::vector<const Journey *> CheckRun::definitions() const {
  std::vector<const Journey *> out;
  for (const CheckedFile *checked : journeys()) {
    out.push_back(&checked->file.journey);
  }
  return out;
}

std::size_t CheckRun::journey_count() const {
  return static_cast<std::size_t>(std::count_if(
      files.begin(), files.end(), [](const CheckedFile &c) { return c.is_journey(); }));
}

bool CheckRun::left_out() const {
  return std::any_of(files.begin(), files.end(),
                     [](const CheckedFile &c) { return c.is_journey() && c.blocked; });
}

bool CheckRun::has_errors() const {
  return left_out() || journey::has_errors(report.diagnostics);
}

LintReport CheckRun::errors() const {
  LintReport out;
  out.diagnostics = input_errors;
  for (const CheckedFile &checked : files) {
    std::copy_if(checked.findings.begin(), checked.findings.end(),
                 std::back_inserter(out.diagnostics),
                 [](const Diagnostic &d) { return d.severity == Severity::Error; });
  }
  out.files = report.files;
  out.texts = report.texts;
  return out;
}

std::vector<std::string_view> rule_ids() {
  std::vector<std::string_view> ids;
  for (const Rule &r : all_rules()) {
    ids.push_back(r.id);
  }
  return ids;
}

CheckedFile check_file(LoadedFile file, const LintConfig *config, bool measure) {
  static const LintConfig kDefaults;
  CheckedFile checked;
  if (config != nullptr) {
    checked.config = *config;
  }
  const LintConfig &in_force = config != nullptr ? *config : kDefaults;
  if (file.is_catalog) {
    checked.findings = file.diagnostics;
    apply_severities(checked.findings, in_force);
    apply_suppressions(checked.findings, file.text, file.readable);
    sort_diagnostics(checked.findings);
  } else {
    checked.findings = lint(file.journey, file.diagnostics, file.readable, file.text, in_force);
    checked.blocked = blocks_processing(file.readable, checked.findings);
    if (measure && !checked.blocked) {
      checked.metrics = compute_metrics(file.journey);
    }
  }
  checked.file = std::move(file);
  return checked;
}

CheckRun check_inputs(const CheckOptions &options) {
  CheckRun run;
  Workspace workspace(options.config, rule_ids());
  const std::vector<std::string> paths =
      workspace.expand(options.paths, run.input_errors, options.force_exclude, &run.skipped);
  const std::size_t count = paths.size();
  // `-` as the file it stands for: where its catalog and configuration are found.
  const auto source = [&](std::size_t i) -> const std::string & {
    return paths[i] == "-" && options.stdin_filename ? *options.stdin_filename : paths[i];
  };
  const auto progress = [&](std::string_view stage) {
    return [&options, stage, count](std::size_t done) {
      if (options.progress) {
        options.progress(stage, done, count);
      }
    };
  };

  std::vector<LoadedFile> loaded(count);
  const auto first_stdin = std::find(paths.begin(), paths.end(), "-");
  parallel_for(
      count, options.jobs,
      [&](std::size_t i) {
        if (paths[i] == "-" && paths.begin() + static_cast<std::ptrdiff_t>(i) != first_stdin) {
          loaded[i].path = "<stdin>";
          loaded[i].io_error = true;
          loaded[i].diagnostics.push_back(Diagnostic{Severity::Error, "io",
                                                     "standard input can be read only once",
                                                     loaded[i].path, {}});
          return;
        }
        loaded[i] = workspace.read_input(
            paths[i], paths[i] == "-" ? options.stdin_filename.value_or("<stdin>") : paths[i]);
      },
      progress("reading"));

  std::vector<const LintConfig *> configs(count, nullptr);
  std::set<std::string> config_errors_seen;
  for (std::size_t i = 0; i < count; ++i) {
    if (loaded[i].io_error) {
      continue;
    }
    workspace.resolve_catalog(loaded[i], source(i));
    std::vector<Diagnostic> config_errors;
    configs[i] = workspace.config_for(source(i), config_errors);
    for (Diagnostic &d : config_errors) {
      if (config_errors_seen
              .insert(d.file + ":" + std::to_string(d.location.line) + ":" +
                      std::to_string(d.location.column) + d.message)
              .second) {
        run.input_errors.push_back(std::move(d));
      }
    }
  }

  run.files.resize(count);
  parallel_for(
      count, options.jobs,
      [&](std::size_t i) {
        if (loaded[i].io_error) {
          run.files[i].file = std::move(loaded[i]);
          run.files[i].blocked = true;
        } else {
          run.files[i] = check_file(std::move(loaded[i]), configs[i], options.measure);
        }
      },
      progress(options.measure ? "measuring" : "linting"));

  for (CheckedFile &checked : run.files) {
    run.report.files.push_back(checked.file.path);
    if (checked.file.io_error) {
      run.input_errors.insert(run.input_errors.end(), checked.file.diagnostics.begin(),
                              checked.file.diagnostics.end());
      continue;
    }
    run.report.diagnostics.insert(run.report.diagnostics.end(), checked.findings.begin(),
                                  checked.findings.end());
    run.report.texts.emplace(checked.file.path, checked.file.text);
    if (!checked.file.surveys_path.empty()) {
      run.report.texts.emplace(checked.file.surveys_path, checked.file.surveys_text);
    }
  }
  sort_diagnostics(run.input_errors);
  run.report.input_errors = run.input_errors;
  std::error_code no_folder; // a deleted working folder: SARIF then names no %SRCROOT% URI
  run.report.source_root = std::filesystem::current_path(no_folder).string();
  if (options.progress) {
    options.progress({}, count, count);
  }
  return run;
}

} // namespace journey
