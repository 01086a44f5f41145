// Manual pages in man(7) format, written from the command-line definition: journey(1) and one
// journey-COMMAND(1) per subcommand.
#pragma once

#include "cli_tree.h"

#include <string>

namespace journey::tools {

/// The page of the program itself: its options and the list of commands.
std::string program_man_page(const CliTree &tree);

/// The page of one subcommand of `tree`.
std::string command_man_page(const CliTree &tree, const CliCommand &command);

/// The file name of a command's page: `journey.1`, `journey-lint.1`.
std::string man_page_name(const CliTree &tree, const CliCommand &command);

} // namespace journey::tools
