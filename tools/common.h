// Shared driver code: input options, printing findings, writing outputs, choices from name tables.
#pragma once

#include "journey/check/exit_code.h"
#include "journey/model/names.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <string_view>

namespace journey::tools {

/// Options every command that reads journeys takes.
using InputOptions = CheckOptions;

/// Adds `FILE|DIR...` and `--config` to a subcommand.
void add_input_options(CLI::App &command, InputOptions &options, bool required = true);

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

/// True when the stream is a terminal and NO_COLOR is not set.
bool use_color(std::FILE *stream);

/// Prints findings in text form to stderr (for commands other than `lint`).
void print_findings(const LintReport &report);

/// Writes `data` to `path` (atomically) or to stdout when `path` is empty or `-`.
/// Prints an error and returns false on failure.
bool write_output(const std::string &path, std::string_view data);

} // namespace journey::tools
