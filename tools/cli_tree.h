// The command line as data, read from the CLI11 definition at run time, for man pages and
// shell completions that cannot drift from the options `journey` really takes.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace journey::tools {

/// One option or positional argument of a command.
struct CliOption {
  std::vector<std::string> short_names; ///< `-f`
  std::vector<std::string> long_names;  ///< `--format`
  std::string value_name;               ///< `FILE`, `FORMAT`; empty for a flag
  std::vector<std::string> choices;     ///< the accepted values, when they are a fixed set
  std::string description;
  std::string default_value;
  bool positional = false;
  bool required = false;
  bool repeated = false; ///< takes any number of values (`FILE|DIR...`)
  bool takes_value() const { return !value_name.empty(); }
  /// The value is a file or folder, completed from the file system: a positional argument
  /// without fixed values, or an option whose value is named FILE, DIR or PATH.
  bool paths() const;
};

/// A command: `journey` itself or one of its subcommands.
struct CliCommand {
  std::string name; ///< `lint`; `journey` for the program itself
  std::string description;
  std::string footer;
  std::vector<CliOption> options;     ///< named options, in definition order (help first)
  std::vector<CliOption> positionals; ///< in order
};

/// The program: its own options and its visible subcommands, in `journey --help` order.
struct CliTree {
  std::string version;
  CliCommand program;
  std::vector<CliCommand> commands;
};

/// Describes `app` and its subcommands as they are defined now. Hidden subcommands (empty group)
/// and hidden options are left out.
CliTree describe_cli(const CLI::App &app, std::string version);

/// `text` on one line: runs of white space, newlines included, become one space.
std::string one_line(std::string_view text);

} // namespace journey::tools
