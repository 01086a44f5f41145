// Shared driver code: load and lint inputs, print findings, choose colours.
#pragma once

#include "lint/output.h"
#include "load/workspace.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace journey::tools {

/// One input after loading and linting.
struct CheckedFile {
  LoadedFile file;
  std::vector<Diagnostic> findings; ///< lint findings, severities applied, sorted
  const LintConfig *config = nullptr;
  bool has_errors() const { return has_journey_errors; }
  bool has_journey_errors = false;
};

/// Every input of a command, loaded and linted.
struct CheckRun {
  std::vector<CheckedFile> files;
  std::vector<Diagnostic> input_errors; ///< missing files, bad configuration: exit code 2
  LintReport report;                    ///< every finding, for printing
};

/// Options every command that reads journeys takes.
struct InputOptions {
  std::vector<std::string> paths;
  std::optional<std::string> config;
};

/// Adds `FILE|DIR...` and `--config` to a subcommand.
void add_input_options(CLI::App &command, InputOptions &options, bool required = true);

/// Expands, loads and lints every input.
CheckRun check_inputs(const InputOptions &options);

/// The journeys of a run fit for processing further: readable journey files (not catalogs)
/// without lint errors other than `budget` (which is about the figures, not the definition).
/// Prints the input errors and the error findings of every file to stderr; sets `left_out` when
/// a journey was left out, and then tells the user so, naming `command`.
std::vector<const CheckedFile *> processable_journeys(const CheckRun &run, std::string_view command,
                                                      bool &left_out);

/// True when the stream is a terminal and NO_COLOR is not set.
bool use_color(std::FILE *stream);

/// Prints findings in text form to stderr (for commands other than `lint`).
void print_findings(const LintReport &report);

/// The ids of every lint rule.
std::vector<std::string_view> rule_ids();

/// Writes `data` to `path` (atomically) or to stdout when `path` is empty or `-`.
/// Prints an error and returns false on failure.
bool write_output(const std::string &path, std::string_view data);

} // namespace journey::tools
