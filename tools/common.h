// Shared driver code: input options, printing findings, writing outputs, choices from name tables.
#pragma once

#include "journey/check/check.h"
#include "journey/check/exit_code.h"
#include "journey/model/expected.h"
#include "journey/model/names.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace journey::tools {

/// Options every command that reads journeys takes.
using InputOptions = CheckOptions;

/// Adds `FILE|DIR...`, `--config`, `--stdin-filename`, `--force-exclude`, `-j/--jobs`,
/// `--color`, `-q/--quiet` and `-v/--verbose` to a subcommand, and shows a progress line on a
/// terminal during long runs.
void add_input_options(CLI::App &command, InputOptions &options, bool required = true);

/// `--color`: when output is coloured.
enum class ColorMode { Auto, Always, Never };

/// The settings of `--color`, `--quiet` and `--verbose` for this run.
struct Conventions {
  ColorMode color = ColorMode::Auto;
  bool quiet = false;   ///< errors only: no warnings, notes, summaries or progress
  bool verbose = false; ///< notes on the YAML files a directory walk skipped
};

/// The conventions in force (set by the options of the command being run).
Conventions &conventions();

/// A CLI11 check accepting exactly the names of a library name table.
template <typename E, std::size_t N> CLI::IsMember choices(const Named<E> (&table)[N]) {
  return CLI::IsMember(names_of(table));
}

/// A command's help footer: `text`, then what happens to journeys with lint errors and where the
/// exit codes are listed.
std::string footer(std::string_view text);

/// Prints the run's input errors and findings at error severity to stderr, and says when
/// journeys with lint errors were left out by `command`.
void print_problems(const CheckRun &run, std::string_view command);

/// Writes a command's output (see `write_output`) and returns its exit code: 2 when it cannot
/// be written, else `exit_code(run, output_failed)`.
int finish(const CheckRun &run, const std::string &path, std::string_view data,
           bool output_failed = false);

/// True when output to `stream` is coloured: `--color always|never`; else not when NO_COLOR is
/// set (not empty); else as FORCE_COLOR says when set (`0` and `false` say no); else not when
/// TERM=dumb; else when the stream is a terminal.
bool use_color(std::FILE *stream);

/// Prints notes on the files a directory walk skipped (with `--verbose`).
void print_skipped(const CheckRun &run);

/// Prints findings in text form to stderr (for commands other than `lint`).
void print_findings(const LintReport &report);

/// Writes `data` to `path` (atomically) or to stdout when `path` is empty or `-`.
/// Prints an error and returns false on failure.
bool write_output(const std::string &path, std::string_view data);

/// For commands that need every journey measured (`compare`, `diff`): prints why `run` cannot
/// go on and returns the exit code (2 for an unreadable input, 1 for lint errors), or nullopt.
std::optional<int> stop_unless_measured(const Expected<CheckRun> &run, std::string_view command);

} // namespace journey::tools
