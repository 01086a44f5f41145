// `journey render`: outside-in, inside-out and compare diagrams as DOT, SVG, PNG or PDF, and the
// outside-in view as a Mermaid flowchart.
#include "command.h"
#include "common.h"
#include "journey/lint/output.h"
#include "journey/load/output_target.h"
#include "journey/model/escape.h"
#include "journey/render/graphviz.h"
#include "journey/render/mermaid.h"
#include "journey/render/page.h"
#include "journey/render/render.h"

#include <fmt/format.h>
#include <map>

namespace journey::tools {
namespace {

struct RenderOptions {
  InputOptions inputs{.paths = {}, .config = {}, .measure = true};
  std::string view; ///< empty: `compare`, or `outside-in` for Mermaid
  std::string collapse;
  std::string detail = "processes";
  std::string output;
  std::string type;
  std::string layout_timeout = "30s";
  std::string page;
  bool portrait = false;
  bool no_emotion_lane = false;
};

int usage(const std::string &message) {
  fmt::print(stderr, "journey render: error: {}\n", message);
  return kExitUsage;
}

/// Prints what went wrong or what Graphviz said while drawing one journey, as findings of that file.
void print_drawing_findings(const std::string &file, Severity severity,
                            const std::vector<std::string> &messages) {
  LintReport report;
  report.files.push_back(file);
  for (const std::string &message : messages) {
    report.diagnostics.push_back(Diagnostic{severity, "render", message, file, {}});
  }
  if (!report.diagnostics.empty()) {
    print_findings(report);
  }
}

/// The `-T` names: the Graphviz formats and Mermaid.
std::vector<std::string> type_names() {
  std::vector<std::string> names = names_of(kFormatNames);
  names.insert(names.end(), std::begin(kMermaidNames), std::end(kMermaidNames));
  return names;
}

int run_render(const RenderOptions &options) {
  using Kind = OutputTarget::Kind;
  ViewOptions view_options{options.collapse.empty() ? *value_of(kDetailNames, options.detail)
                                                   : Detail::Processes};
  view_options.emotion_lane = !options.no_emotion_lane;
  const OutputTarget target = output_target(options.output);
  const bool mermaid = options.type.empty() ? target.kind == Kind::File && is_mermaid_path(target.path)
                                            : is_mermaid_name(options.type);
  if (mermaid && !options.view.empty() && options.view != "outside-in") {
    return usage("Mermaid draws the outside-in view only; leave out --view or use -T svg for " +
                 options.view);
  }
  const View view = options.view.empty() ? (mermaid ? View::OutsideIn : View::Compare)
                                         : *parse_view(options.view);
  std::optional<Format> format = parse_format(options.type);
  if (!format && !mermaid) {
    format = target.kind == Kind::Stdout      ? Format::Dot
             : target.kind == Kind::Directory ? Format::Svg
                                              : format_from_path(target.path);
  }
  if (!format && !mermaid) {
    return usage("cannot tell the format of " + options.output +
                 " from its extension (.svg, .png, .pdf, .dot, .mmd); use -T");
  }

  LayoutOptions layout;
  const Expected<std::chrono::milliseconds> timeout = parse_layout_timeout(options.layout_timeout);
  if (!timeout) {
    return usage("--layout-timeout " + options.layout_timeout + ": " + timeout.error());
  }
  layout.timeout = *timeout;
  if (!options.page.empty()) {
    layout.page = PageSetup{*value_of(kPaperNames, options.page), options.portrait, {}};
  } else if (options.portrait) {
    return usage("--portrait needs --page A4|A3|letter");
  }

  const CheckRun run = check_inputs(options.inputs);
  print_problems(run, "render");
  const std::vector<const CheckedFile *> journeys = run.journeys();
  if (target.kind == Kind::File && journeys.size() > 1) {
    return usage("several journeys need a directory: -o DIR/");
  }
  if (target.kind == Kind::Stdout && journeys.size() > 1 && (mermaid || format != Format::Dot)) {
    return usage(fmt::format("several journeys as {} need a directory: -o DIR/",
                             mermaid ? kMermaidNames[0] : to_string(*format)));
  }
  if (const Expected<void> created = create_output_directory(target); !created) {
    return usage("cannot create " + options.output + ": " + created.error());
  }
  bool failed = false;
  std::map<std::string, std::string> written; // output path -> journey file
  for (const CheckedFile *checked : journeys) {
    const Journey &journey = checked->file.journey;
    std::string data;
    if (mermaid) {
      data = render_mermaid(journey);
    } else {
      LayoutOptions journey_layout = layout;
      if (journey_layout.page) {
        journey_layout.page->title = fmt::format(
            "{} — {}", journey.title.empty() ? journey.id : journey.title, to_string(view));
      }
      Expected<Drawing> drawing = draw_journey(journey, view, *format, view_options, journey_layout,
                                               checked->metrics ? &*checked->metrics : nullptr);
      if (!drawing) {
        print_drawing_findings(checked->file.path, Severity::Error,
                               {"cannot draw the " + std::string(to_string(view)) +
                                " view: " + drawing.error()});
        failed = true;
        continue;
      }
      // A PDF is split into sheets, the blank ones left out: it may be one sheet after all.
      if (layout.page && drawing->pages > 1 && (format != Format::Pdf || drawing->sheets > 1)) {
        const std::string one_view =
            view == View::Compare ? "; or draw one view (--view outside-in or --view inside-out)" : "";
        drawing->notes.push_back(
            drawing->sheets > 1
                ? fmt::format("at legible size (text at least {} pt) the drawing does not fit one "
                              "sheet of {}: it is written as {} sheets, a PDF page each, with "
                              "\"continued\" markers in the margins{}",
                              min_text_pt, options.page, drawing->sheets, one_view)
                : fmt::format("at legible size (text at least {} pt) the drawing needs {} sheets of "
                              "{}: as {} it is one image of its own size; write a PDF (-T pdf) "
                              "for the sheets{}",
                              min_text_pt, drawing->pages, options.page, to_string(*format), one_view));
      }
      print_drawing_findings(checked->file.path, Severity::Warning, drawing->notes);
      data = std::move(drawing->data);
    }
    std::string path = target.path;
    if (target.kind == Kind::Directory) {
      path = journey_output_path(
          target, journey.id,
          fmt::format("{}.{}", to_string(view), mermaid ? "mmd" : to_string(*format)));
      if (auto [it, inserted] = written.emplace(path, checked->file.path); !inserted) {
        fmt::print(stderr,
                   "journey render: error: {}: journey id `{}` was already written from {}\n",
                   escape_terminal(checked->file.path), escape_terminal(journey.id),
                   escape_terminal(it->second));
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
  cmd->add_option("--view", options->view, "Which diagram to draw (Mermaid: outside-in only)")
      ->check(choices(kViewNames))
      ->default_str("compare");
  cmd->add_option("--detail", options->detail,
                  "Inside-out: one box per process (default), or every step")
      ->check(choices(kDetailNames))
      ->default_str("processes");
  cmd->add_option("--collapse", options->collapse,
                  "Same as --detail processes, the default (kept for older scripts)")
      ->check(choices(kCollapseNames))
      ->type_name("process");
  cmd->add_option("-o,--output", options->output,
                  "Write to FILE (format from its extension) or into DIR/ (one file per journey)")
      ->type_name("FILE|DIR/");
  cmd->add_option("-T,--type", options->type, "Output format; overrides the extension of -o")
      ->check(CLI::IsMember(type_names()))
      ->type_name("FORMAT");
  cmd->add_option("--layout-timeout", options->layout_timeout,
                  "Longest time one diagram's layout may take (0: no bound)")
      ->default_str("30s")
      ->type_name("DURATION");
  cmd->add_option("--page", options->page,
                  "Fit each diagram to a sheet of paper, never shrinking text below 7 pt")
      ->check(choices(kPaperNames))
      ->type_name("A4|A3|letter");
  cmd->add_flag("--portrait", options->portrait, "With --page: upright sheets (default: landscape)");
  cmd->add_flag("--no-emotion-lane", options->no_emotion_lane,
                "Outside-in: leave out the emotion lane beside the steps");
  cmd->footer(footer(
      "Without -o, DOT goes to stdout. -o FILE takes the format from the extension (.svg, .png,\n"
      ".pdf, .dot, .gv); -T overrides it. -o DIR/ (or an existing directory) writes one file per\n"
      "journey, named <journey-id>.<view>.<format> (SVG unless -T says otherwise). Files are\n"
      "written to a temporary file and renamed, so a failure never leaves half a diagram.\n"
      "-T mermaid (or -o FILE.mmd) writes the outside-in view as a Mermaid flowchart, which\n"
      "GitHub and GitLab draw inside a ```mermaid block of Markdown.\n"
      "--page scales to a sheet of paper (landscape unless --portrait); a diagram that would\n"
      "need text smaller than 7 pt is kept legible: as PDF it is split into sheets with\n"
      "\"continued\" markers, as PNG or SVG it stays one image of its own size.\n"
      "Graphviz's messages are printed as warnings of the journey file; a layout that exceeds\n"
      "--layout-timeout is stopped and reported as an error.\n"
      "Colours, markers and layout: docs/diagrams.md."));
  return [options] { return run_render(*options); };
}

const RegisterCommand kRegister{30, setup_render};

} // namespace
} // namespace journey::tools
