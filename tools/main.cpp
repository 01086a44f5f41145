// The `journey` executable: one binary, one subcommand per job, like git or cargo.
#include "command.h"
#include "journey/model/suggest.h"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

#ifndef JOURNEY_VERSION
#define JOURNEY_VERSION "0.0.0"
#endif

int main(int argc, char **argv) {
  using namespace journey;
  using namespace journey::tools;
  CLI::App app{"journey: customer-journey maps as versioned text and hard numbers.\n"
               "Lint journey definitions, measure handoffs, waits, lead time, cost to serve and\n"
               "right first time, and draw what the customer experiences next to what the\n"
               "organisation sees.",
               "journey"};
  app.set_version_flag("-V,--version", std::string("journey ") + JOURNEY_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  app.footer("Run `journey <command> --help` for a command's options.\n" +
             std::string(kExitCodesHelp));

  auto &registry = command_registry();
  std::stable_sort(registry.begin(), registry.end(),
                   [](const CommandEntry &a, const CommandEntry &b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App *, std::function<int()>>> commands;
  for (const CommandEntry &entry : registry) {
    std::function<int()> run = entry.setup(app);
    commands.emplace_back(app.get_subcommands({}).back(), std::move(run));
  }

  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string_view> names;
    for (auto &[sub, run] : commands) {
      names.push_back(sub->get_name());
    }
    const std::string_view word = argv[1];
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      fmt::print(stderr,
                 "journey: error: unknown command `{}`{}\nRun `journey --help` for the list of "
                 "commands.\n",
                 word, journey::did_you_mean(word, names));
      return kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success &e) { // --help, --help-all, --version
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    if (argc == 1) {
      std::fputs(app.help().c_str(), stdout);
      return kExitUsage;
    }
    fmt::print(stderr, "journey: error: {}\nRun `journey --help` for usage.\n", e.what());
    return kExitUsage;
  }
  for (auto &[sub, run] : commands) {
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception &e) {
        fmt::print(stderr, "journey: internal error: {}\n", e.what());
        return kExitInternal;
      }
    }
  }
  return kExitUsage;
}
