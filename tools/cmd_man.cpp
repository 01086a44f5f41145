// `journey man`: the manual pages, journey(1) and journey-COMMAND(1), written from the command
// line itself, for packages and `cmake --install`.
#include "cli_tree.h"
#include "command.h"
#include "common.h"
#include "man_page.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <system_error>

namespace journey::tools {
namespace {

struct ManOptions {
  std::string command;
  std::string output;
  std::string output_dir;
};

int write_all(const CliTree &tree, const std::string &dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    fmt::print(stderr, "journey: error: cannot create the folder `{}`: {}\n", dir, error.message());
    return kExitUsage;
  }
  const std::filesystem::path folder(dir);
  if (!write_output((folder / man_page_name(tree, tree.program)).string(),
                    program_man_page(tree))) {
    return kExitUsage;
  }
  for (const CliCommand &command : tree.commands) {
    if (!write_output((folder / man_page_name(tree, command)).string(),
                      command_man_page(tree, command))) {
      return kExitUsage;
    }
  }
  return kExitOk;
}

int run_man(const CLI::App &app, const ManOptions &options) {
  const CliTree tree = describe_cli(app, JOURNEY_VERSION);
  if (!options.output_dir.empty()) {
    return write_all(tree, options.output_dir);
  }
  if (options.command.empty()) {
    return write_output(options.output, program_man_page(tree)) ? kExitOk : kExitUsage;
  }
  const auto found = std::find_if(tree.commands.begin(), tree.commands.end(),
                                  [&](const CliCommand &c) { return c.name == options.command; });
  if (found == tree.commands.end()) {
    fmt::print(stderr, "journey man: error: there is no command `{}`\n", options.command);
    return kExitUsage;
  }
  return write_output(options.output, command_man_page(tree, *found)) ? kExitOk : kExitUsage;
}

std::function<int()> setup_man(CLI::App &app) {
  auto options = std::make_shared<ManOptions>();
  CLI::App *cmd = app.add_subcommand("man", "Print the manual page of journey or of a command");
  cmd->group(""); // not in `journey --help`: packages install the pages
  cmd->add_option("command", options->command, "The command (default: journey itself)")
      ->type_name("COMMAND");
  cmd->add_option("-o,--output", options->output, "Write the page to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--output-dir", options->output_dir,
                  "Write every page (journey.1, journey-COMMAND.1) into DIR")
      ->type_name("DIR")
      ->excludes("command")
      ->excludes("--output");
  cmd->footer("Read a page without installing it: journey man lint | man -l -\n"
              "Exit codes: 0 ok, 2 usage errors, an unknown command or an unwritable output.");
  return [options, &app] { return run_man(app, *options); };
}

const RegisterCommand kRegister{910, setup_man};

} // namespace
} // namespace journey::tools
