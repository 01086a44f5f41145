// `journey map`: one diagram of a portfolio: intents, the journeys serving them, and the internal
// processes they cut across, with shared processes and their teams standing out.
#include "command.h"
#include "common.h"
#include "journey/model/escape.h"
#include "journey/render/graphviz.h"
#include "journey/render/portfolio_map.h"

#include <fmt/format.h>

namespace journey::tools {
namespace {

struct MapOptions {
  InputOptions inputs;
  std::string output;
  std::string format;
  std::string layout_timeout = "30s";
  bool load = false; ///< the load map: teams and contact channels by utilisation
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
  LayoutOptions layout;
  const Expected<std::chrono::milliseconds> timeout = parse_layout_timeout(options.layout_timeout);
  if (!timeout) {
    fmt::print(stderr, "journey map: error: --layout-timeout {}: {}\n",
               escape_terminal(options.layout_timeout), escape_terminal(timeout.error()));
    return kExitUsage;
  }
  layout.timeout = *timeout;
  CheckOptions inputs = options.inputs;
  inputs.measure = inputs.measure || options.load;
  const CheckRun run = check_inputs(inputs);
  print_problems(run, "map");
  Expected<Drawing> drawing = failure("no map");
  if (options.load) {
    std::vector<JourneyMetrics> metrics;
    for (const CheckedFile *checked : run.journeys()) {
      metrics.push_back(*checked->metrics);
    }
    drawing = draw_load_map(load_map_view(run.definitions(), metrics), *format, layout);
  } else {
    drawing = draw_portfolio_map(run.definitions(), *format, layout);
  }
  if (!drawing) {
    fmt::print(stderr, "journey map: error: cannot draw the map: {}\n",
               escape_terminal(drawing.error()));
    return exit_code(run, true);
  }
  for (const std::string &note : drawing->notes) {
    fmt::print(stderr, "journey map: warning: {}\n", escape_terminal(note));
  }
  return finish(run, options.output, drawing->data);
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
  cmd->add_option("--layout-timeout", options->layout_timeout,
                  "Longest time the map's layout may take (0: no bound)")
      ->default_str("30s")
      ->type_name("DURATION");
  cmd->add_flag("--load", options->load,
                "The load map instead: each team and contact channel sized by its monthly work "
                "and coloured by utilisation, with the hours of every journey with a volume");
  cmd->footer(
      footer("Processes are matched across journeys by id, so define them once in a shared\n"
             "catalog (`catalog: org.yaml`). A layout that exceeds --layout-timeout is stopped\n"
             "and reported as an error (exit code 1)."));
  return [options] { return run_map(*options); };
}

const RegisterCommand kRegister{60, setup_map};

} // namespace
} // namespace journey::tools
