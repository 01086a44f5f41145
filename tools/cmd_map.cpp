// `journey map`: one diagram of a portfolio: intents, the journeys serving them, and the internal
// processes they cut across, with shared processes and their teams standing out.
#include "command.h"
#include "common.h"
#include "journey/render/graphviz.h"
#include "journey/render/portfolio_map.h"

#include <fmt/format.h>

namespace journey::tools {
namespace {

struct MapOptions {
  InputOptions inputs;
  std::string output;
  std::string format;
};

int run_map(const MapOptions &options) {
  const bool to_stdout = options.output.empty() || options.output == "-";
  const std::optional<Format> format = !options.format.empty() ? parse_format(options.format)
                                       : to_stdout             ? Format::Svg
                                                               : format_from_path(options.output);
  if (!format) {
    fmt::print(stderr,
               "journey map: error: cannot tell the format from `{}`; name it .svg, .png, .pdf "
               "or .dot, or give -T\n",
               options.output);
    return kExitUsage;
  }
  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "map");
  std::string data;
  try {
    data = render_portfolio_map(run.definitions(), *format);
  } catch (const RenderError &e) {
    fmt::print(stderr, "journey map: error: {}\n", e.what());
    return exit_code(run, true);
  }
  return finish(run, options.output, data);
}

std::function<int()> setup_map(CLI::App &app) {
  auto options = std::make_shared<MapOptions>();
  CLI::App *cmd = app.add_subcommand(
      "map", "One diagram of the portfolio: intents, the journeys serving them, and the internal "
             "processes they cut across (shared processes stand out, with their teams)");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("-o,--output", options->output, "Write the diagram to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("-T,--type", options->format,
                  "dot, svg, png or pdf (default: from the -o extension, else svg)")
      ->check(choices(kFormatNames));
  cmd->footer(
      footer("Processes are matched across journeys by id, so define them once in a shared\n"
             "catalog (`catalog: org.yaml`)."));
  return [options] { return run_map(*options); };
}

const RegisterCommand kRegister{60, setup_map};

} // namespace
} // namespace journey::tools
