// Subcommand registration: each `cmd_*.cpp` registers itself; `main.cpp` builds the CLI from them.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace journey::tools {

/// Adds one subcommand to `app` and returns the function that runs it (its exit code).
using CommandSetup = std::function<int()> (*)(CLI::App &app);

struct CommandEntry {
  int order; ///< position in `journey --help`
  CommandSetup setup;
};

/// Every registered subcommand.
std::vector<CommandEntry> &command_registry();

/// Registers a subcommand from a static object in its source file.
struct RegisterCommand {
  RegisterCommand(int order, CommandSetup setup) { command_registry().push_back({order, setup}); }
};

/// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1; ///< errors in the journeys (or warnings with --strict)
inline constexpr int kExitUsage = 2;    ///< bad usage, unreadable files, bad configuration

} // namespace journey::tools
