// `journey render`: outside-in, inside-out and compare diagrams as DOT, SVG, PNG or PDF.
#include "command.h"
#include "common.h"
#include "render/graphviz.h"
#include "render/render.h"

#include <cctype>
#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace journey::tools {
namespace {

struct RenderOptions {
  InputOptions inputs;
  std::string view = "compare";
  std::string collapse;
  std::string output;
  std::string type;
};

/// A journey id made safe as a file name: anything but letters, digits, `.`, `_`, `-` becomes `_`.
std::string file_stem(const std::string &id) {
  std::string stem = id.empty() ? "journey" : id;
  for (char &c : stem) {
    c = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  }
  return stem.front() == '.' ? "_" + stem : stem;
}

int usage(const std::string &message) {
  fmt::print(stderr, "journey render: error: {}\n", message);
  return kExitUsage;
}

int run_render(const RenderOptions &options) {
  const View view = *parse_view(options.view);
  const ViewOptions view_options{value_of(kCollapseNames, options.collapse) == Collapse::Process};
  const bool to_stdout = options.output.empty() || options.output == "-";
  std::error_code ec;
  const bool to_directory = !to_stdout && (options.output.back() == '/' ||
                                           std::filesystem::is_directory(options.output, ec));
  std::optional<Format> format = parse_format(options.type);
  if (!format) {
    format = to_stdout      ? Format::Dot
             : to_directory ? Format::Svg
                            : format_from_path(options.output);
  }
  if (!format) {
    return usage("cannot tell the format of " + options.output +
                 " from its extension (.svg, .png, .pdf, .dot); use -T");
  }

  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "render");
  const std::vector<const CheckedFile *> journeys = run.journeys();
  if (!to_directory && !to_stdout && journeys.size() > 1) {
    return usage("several journeys need a directory: -o DIR/");
  }
  if (to_stdout && journeys.size() > 1 && *format != Format::Dot) {
    return usage("several journeys as " + std::string(to_string(*format)) +
                 " need a directory: -o DIR/");
  }
  if (to_directory) {
    std::filesystem::create_directories(options.output, ec);
    if (ec) {
      return usage("cannot create " + options.output + ": " + ec.message());
    }
  }

  bool failed = false;
  std::map<std::string, std::string> written; // output path -> journey file
  for (const CheckedFile *checked : journeys) {
    const Journey &journey = checked->file.journey;
    std::string data;
    try {
      data = render_journey(journey, view, *format, view_options);
    } catch (const RenderError &e) {
      fmt::print(stderr, "journey render: error: {}: {}\n", checked->file.path, e.what());
      failed = true;
      continue;
    }
    std::string path = to_stdout ? "" : options.output;
    if (to_directory) {
      path = (std::filesystem::path(options.output) /
              fmt::format("{}.{}.{}", file_stem(journey.id), to_string(view), to_string(*format)))
                 .string();
      if (auto [it, inserted] = written.emplace(path, checked->file.path); !inserted) {
        fmt::print(stderr,
                   "journey render: error: {}: journey id `{}` was already written from {}\n",
                   checked->file.path, journey.id, it->second);
        failed = true;
        continue;
      }
    }
    if (!write_output(path, data)) {
      return kExitUsage;
    }
  }
  return exit_code(run, failed);
}

std::function<int()> setup_render(CLI::App &app) {
  auto options = std::make_shared<RenderOptions>();
  CLI::App *cmd = app.add_subcommand(
      "render", "Draw journeys: what the customer experiences (outside-in) next to what the "
                "organisation sees (inside-out)");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("--view", options->view, "Which diagram to draw")
      ->check(choices(kViewNames))
      ->default_str("compare");
  cmd->add_option("--collapse", options->collapse,
                  "Draw each process as one box (inside-out), for large journeys")
      ->check(choices(kCollapseNames))
      ->type_name("process");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (format from its extension) or into DIR/ (one file per journey)")
      ->type_name("FILE|DIR/");
  cmd->add_option("-T,--type", options->type, "Output format; overrides the extension of -o")
      ->check(choices(kFormatNames))
      ->type_name("FORMAT");
  cmd->footer(footer(
      "Without -o, DOT goes to stdout. -o FILE takes the format from the extension (.svg, .png,\n"
      ".pdf, .dot, .gv); -T overrides it. -o DIR/ (or an existing directory) writes one file per\n"
      "journey, named <journey-id>.<view>.<format> (SVG unless -T says otherwise). Files are\n"
      "written to a temporary file and renamed, so a failure never leaves half a diagram.\n"
      "Colours, markers and layout: docs/diagrams.md."));
  return [options] { return run_render(*options); };
}

const RegisterCommand kRegister{30, setup_render};

} // namespace
} // namespace journey::tools
