// `journey render`: outside-in, inside-out and compare diagrams as DOT, SVG, PNG or PDF.
#include "command.h"
#include "common.h"
#include "model/text.h"
#include "render/format.h"
#include "render/graphviz.h"
#include "render/render.h"

#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
    c = is_id_char(c) ? c : '_';
  }
  return stem.front() == '.' ? "_" + stem : stem;
}

bool is_directory_target(const std::string &path) {
  std::error_code ec;
  return !path.empty() && (path.back() == '/' || std::filesystem::is_directory(path, ec));
}

int usage(const std::string &message) {
  fmt::print(stderr, "journey render: error: {}\n", message);
  return kExitUsage;
}

int run_render(const RenderOptions &options) {
  const View view = parse_view(options.view).value_or(View::Compare);
  ViewOptions view_options;
  view_options.collapse_process = options.collapse == "process";
  const bool to_directory = is_directory_target(options.output);
  std::optional<Format> format;
  if (!options.type.empty()) {
    format = parse_format(options.type);
  } else if (options.output.empty() || options.output == "-") {
    format = Format::Dot;
  } else if (to_directory) {
    format = Format::Svg;
  } else {
    format = format_from_path(options.output);
    if (!format) {
      return usage("cannot tell the format of " + options.output +
                   " from its extension (.svg, .png, .pdf, .dot); use -T");
    }
  }

  CheckRun run = check_inputs(options.inputs);
  bool left_out = false;
  std::vector<const CheckedFile *> journeys = processable_journeys(run, "render", left_out);
  const bool to_stdout = options.output.empty() || options.output == "-";
  if (!to_directory && !to_stdout && journeys.size() > 1) {
    return usage("several journeys need a directory: -o DIR/");
  }
  if (to_stdout && journeys.size() > 1 && *format != Format::Dot) {
    return usage("several journeys as " + std::string(to_string(*format)) +
                 " need a directory: -o DIR/");
  }
  if (to_directory) {
    std::error_code ec;
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
    std::string path = options.output;
    if (to_directory) {
      std::string name = file_stem(journey.id) + "." + std::string(to_string(view)) + "." +
                         std::string(to_string(*format));
      path = (std::filesystem::path(options.output) / name).string();
      auto [it, inserted] = written.emplace(path, checked->file.path);
      if (!inserted) {
        fmt::print(stderr,
                   "journey render: error: {}: journey id `{}` was already written from {}\n",
                   checked->file.path, journey.id, it->second);
        failed = true;
        continue;
      }
    }
    if (!write_output(to_stdout ? "" : path, data)) {
      return kExitUsage;
    }
  }
  if (!run.input_errors.empty()) {
    return kExitUsage;
  }
  return left_out || failed ? kExitFindings : kExitOk;
}

std::function<int()> setup_render(CLI::App &app) {
  auto options = std::make_shared<RenderOptions>();
  CLI::App *cmd = app.add_subcommand(
      "render", "Draw journeys: what the customer experiences (outside-in) next to what the "
                "organisation sees (inside-out)");
  add_input_options(*cmd, options->inputs);
  cmd->add_option("--view", options->view, "Which diagram to draw")
      ->check(CLI::IsMember({"outside-in", "inside-out", "compare"}))
      ->default_str("compare");
  cmd->add_option("--collapse", options->collapse,
                  "Draw each process as one box (inside-out), for large journeys")
      ->check(CLI::IsMember({"process"}))
      ->type_name("process");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (format from its extension) or into DIR/ (one file per journey)")
      ->type_name("FILE|DIR/");
  cmd->add_option("-T,--type", options->type, "Output format; overrides the extension of -o")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
      ->type_name("FORMAT");
  cmd->footer(
      "Without -o, DOT goes to stdout. -o FILE takes the format from the extension (.svg, .png,\n"
      ".pdf, .dot, .gv); -T overrides it. -o DIR/ (or an existing directory) writes one file per\n"
      "journey, named <journey-id>.<view>.<format> (SVG unless -T says otherwise). Files are\n"
      "written to a temporary file and renamed, so a failure never leaves half a diagram.\n"
      "A journey with lint errors is not drawn: its errors are printed and the exit code is 1.\n"
      "Colours, markers and layout: docs/diagrams.md.\n"
      "Exit codes: 0 ok, 1 a journey had lint errors or could not be drawn, 2 usage errors or\n"
      "unreadable files.");
  return [options] { return run_render(*options); };
}

const RegisterCommand kRegister{30, setup_render};

} // namespace
} // namespace journey::tools
