// `journey map`: one diagram of a portfolio: intents, the journeys serving them, and the internal
// processes they cut across, with shared processes and their teams standing out.
#include "command.h"
#include "common.h"
#include "render/format.h"
#include "render/graphviz.h"
#include "render/portfolio_map.h"

#include <fmt/format.h>

namespace journey::tools {
namespace {

struct MapOptions {
  InputOptions inputs;
  std::string output;
  std::string format;
};

int run_map(const MapOptions &options) {
  std::optional<Format> format;
  if (!options.format.empty()) {
    format = parse_format(options.format);
  } else if (!options.output.empty() && options.output != "-") {
    format = format_from_path(options.output);
    if (!format) {
      fmt::print(stderr,
                 "journey map: error: cannot tell the format from `{}`; name it .svg, .png, .pdf "
                 "or .dot, or give -T\n",
                 options.output);
      return kExitUsage;
    }
  } else {
    format = Format::Svg;
  }
  CheckRun run = check_inputs(options.inputs);
  bool left_out = false;
  std::vector<const Journey *> journeys;
  for (const CheckedFile *checked : processable_journeys(run, "map", left_out)) {
    journeys.push_back(&checked->file.journey);
  }
  std::string data;
  try {
    data = render_portfolio_map(journeys, *format);
  } catch (const RenderError &e) {
    fmt::print(stderr, "journey map: error: {}\n", e.what());
    return kExitUsage;
  }
  if (!write_output(options.output, data)) {
    return kExitUsage;
  }
  if (!run.input_errors.empty()) {
    return kExitUsage;
  }
  return left_out ? kExitFindings : kExitOk;
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
      ->check(CLI::IsMember({"dot", "gv", "svg", "png", "pdf"}));
  cmd->footer("Processes are matched across journeys by id, so define them once in a shared\n"
              "catalog (`catalog: org.yaml`). A journey with lint errors is left out: its errors\n"
              "are printed and the exit code is 1. Exit codes: 0 ok, 1 a journey had lint errors,\n"
              "2 usage errors, unreadable files or a Graphviz failure.");
  return [options] { return run_map(*options); };
}

const RegisterCommand kRegister{60, setup_map};

} // namespace
} // namespace journey::tools
