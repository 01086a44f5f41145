// Shell completion scripts for bash, zsh and fish, written from the command-line definition.
#pragma once

#include "cli_tree.h"

#include <string>

namespace journey::tools {

/// For bash-completion (/usr/share/bash-completion/completions/journey): commands, options and
/// their fixed values; files and folders where a command takes them.
std::string bash_completion(const CliTree &tree);

/// For zsh (a `_journey` file on $fpath), with a description of every command and option.
std::string zsh_completion(const CliTree &tree);

/// For fish (vendor_completions.d/journey.fish), with a description of every command and option.
std::string fish_completion(const CliTree &tree);

} // namespace journey::tools
