// `journey completion SHELL`: the shell completion script, written from the command line itself
// so it offers exactly the commands, options and values this `journey` takes.
#include "cli_tree.h"
#include "command.h"
#include "common.h"
#include "completion.h"

namespace journey::tools {
namespace {

struct CompletionOptions {
  std::string shell;
  std::string output;
};

int run_completion(const CLI::App &app, const CompletionOptions &options) {
  const CliTree tree = describe_cli(app, JOURNEY_VERSION);
  const std::string script = options.shell == "bash"  ? bash_completion(tree)
                             : options.shell == "zsh" ? zsh_completion(tree)
                                                      : fish_completion(tree);
  return write_output(options.output, script) ? kExitOk : kExitUsage;
}

std::function<int()> setup_completion(CLI::App &app) {
  auto options = std::make_shared<CompletionOptions>();
  CLI::App *cmd =
      app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  cmd->group(""); // not in `journey --help`: packages install the scripts
  cmd->add_option("shell", options->shell, "The shell")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->add_option("-o,--output", options->output, "Write the script to FILE instead of stdout")
      ->type_name("FILE");
  cmd->footer("The Debian package installs the scripts where the shells look for them. By hand:\n"
              "  journey completion bash > ~/.local/share/bash-completion/completions/journey\n"
              "  journey completion zsh > ~/.zfunc/_journey    # with fpath+=(~/.zfunc)\n"
              "  journey completion fish > ~/.config/fish/completions/journey.fish\n"
              "Exit codes: 0 ok, 2 usage errors or an unwritable FILE.");
  return [options, &app] { return run_completion(app, *options); };
}

const RegisterCommand kRegister{900, setup_completion};

} // namespace
} // namespace journey::tools
