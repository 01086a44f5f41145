// Subcommand registration: each `cmd_*.cpp` registers itself; `main.cpp` builds the CLI from them.
// Every command returns one of the exit codes of check/exit_code.h.
#pragma once

#include "journey/check/exit_code.h"

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace journey::tools {

/// Adds exactly one subcommand to `app` and returns the function that runs it (its exit code).
using CommandSetup = std::function<int()> (*)(CLI::App &app);

struct CommandEntry {
  int order; ///< position in `journey --help`
  CommandSetup setup;
};

/// Every registered subcommand.
inline std::vector<CommandEntry> &command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}

/// Registers a subcommand from a static object in its source file.
struct RegisterCommand {
  RegisterCommand(int order, CommandSetup setup) { command_registry().push_back({order, setup}); }
};

} // namespace journey::tools
