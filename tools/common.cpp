// Shared driver code: what every command prints around the library's check pipeline.
#include "common.h"
#include "journey/model/escape.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

namespace journey::tools {

namespace {

constexpr Named<ColorMode> kColorModeNames[] = {
    {"auto", ColorMode::Auto},
    {"always", ColorMode::Always},
    {"never", ColorMode::Never},
};

bool env_set(const char *name) {
  const char *value = std::getenv(name);
  return value != nullptr && value[0] != '\0';
}

/// The progress line on stderr: only on a terminal (never in CI logs or under --quiet), only once
/// a run has taken a second, rewritten in place and cleared when the run is over.
class ProgressLine {
public:
  void operator()(std::string_view stage, std::size_t done, std::size_t total) {
    if (stage.empty()) {
      if (shown_) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        shown_ = false;
      }
      return;
    }
    if (!enabled() || std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) {
      return;
    }
    fmt::print(stderr, "\r\x1b[Kjourney: {} {}/{} {}", stage, done, total,
               total == 1 ? "file" : "files");
    std::fflush(stderr);
    shown_ = true;
  }

private:
  bool enabled() {
    if (!decided_) {
      const char *term = std::getenv("TERM");
      enabled_ = ::isatty(::fileno(stderr)) != 0 && !env_set("CI") && !conventions().quiet &&
                 !(term != nullptr && std::string_view(term) == "dumb");
      decided_ = true;
    }
    return enabled_;
  }

  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  bool decided_ = false;
  bool enabled_ = false;
  bool shown_ = false;
};

} // namespace

Conventions &conventions() {
  static Conventions settings;
  return settings;
}

void add_input_options(CLI::App &command, InputOptions &options, bool required) {
  command
      .add_option("inputs", options.paths,
                  "Journey files or directories (searched for journey files); - reads stdin")
      ->required(required)
      ->type_name("FILE|DIR");
  command
      .add_option("--config", options.config,
                  "Use this configuration instead of the nearest .journeylint.yaml")
      ->type_name("FILE");
  command
      .add_option("--stdin-filename", options.stdin_filename,
                  "The file standard input (-) stands for: findings name it, and its catalog and "
                  ".journeylint.yaml are found from its folder")
      ->type_name("PATH");
  command.add_flag("--force-exclude", options.force_exclude,
                   "Skip named files that a directory search would skip (include/exclude globs, "
                   "other tools' YAML): for pre-commit and editors");
  command
      .add_option("-j,--jobs", options.jobs,
                  "Read, lint and measure on N threads (0: every core); the output is the same "
                  "for any N")
      ->type_name("N")
      ->default_str("0")
      ->check(CLI::Range(0u, 1024u));
  command
      .add_option_function<std::string>(
          "--color",
          [](const std::string &when) { conventions().color = *value_of(kColorModeNames, when); },
          "Colour the text output: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR "
          "asks for it), always or never")
      ->type_name("WHEN")
      ->check(choices(kColorModeNames))
      ->default_str("auto");
  command.add_flag_callback("-q,--quiet", [] { conventions().quiet = true; },
                            "Report errors only: no warnings, notes, summary or progress");
  command.add_flag_callback("-v,--verbose", [] { conventions().verbose = true; },
                            "Also name the YAML files skipped as not journey files");
  command.parse_complete_callback([&options] {
    if (options.stdin_filename &&
        std::find(options.paths.begin(), options.paths.end(), "-") == options.paths.end()) {
      throw CLI::ValidationError("--stdin-filename",
                                 "names what standard input stands for: give `-` as an input");
    }
  });
  options.progress = ProgressLine();
}

std::string footer(std::string_view text) {
  return fmt::format("{}\nA journey with lint errors is left out: its errors are printed and the "
                     "exit code is 1.\nExit codes: see `journey --help`.",
                     text);
}

void print_problems(const CheckRun &run, std::string_view command) {
  const LintReport errors = run.errors();
  if (!errors.diagnostics.empty()) {
    print_findings(errors);
  }
  print_skipped(run);
  if (run.left_out() && !conventions().quiet) {
    fmt::print(stderr,
               "journey {}: journeys with lint errors were left out (run `journey lint` "
               "for every finding)\n",
               command);
  }
}

int finish(const CheckRun &run, const std::string &path, std::string_view data,
           bool output_failed) {
  return write_output(path, data) ? exit_code(run, output_failed) : kExitUsage;
}

bool use_color(std::FILE *stream) {
  switch (conventions().color) {
  case ColorMode::Always:
    return true;
  case ColorMode::Never:
    return false;
  case ColorMode::Auto:
    break;
  }
  if (env_set("NO_COLOR")) {
    return false;
  }
  if (env_set("FORCE_COLOR")) {
    const std::string_view force = std::getenv("FORCE_COLOR");
    return force != "0" && force != "false";
  }
  const char *term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return ::isatty(::fileno(stream)) != 0;
}

void print_skipped(const CheckRun &run) {
  if (!conventions().verbose || conventions().quiet) {
    return;
  }
  for (const SkippedFile &file : run.skipped) {
    fmt::print(stderr, "journey: note: skipped {}: {}\n", file.path, file.reason);
  }
}

void print_findings(const LintReport &report) {
  std::fputs(format_text(report, use_color(stderr)).c_str(), stderr);
}

bool write_output(const std::string &path, std::string_view data) {
  if (path.empty() || path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    return std::fflush(stdout) == 0;
  }
  if (const Expected<void> written = write_file_atomic(path, data); !written) {
    fmt::print(stderr, "journey: error: cannot write {}: {}\n", path, written.error());
    return false;
  }
  return true;
}

std::optional<int> stop_unless_measured(const Expected<CheckRun> &run, std::string_view command) {
  if (!run) {
    fmt::print(stderr, "journey {}: error: {}\n", command, escape_terminal(run.error()));
    return kExitUsage;
  }
  if (!run->input_errors.empty()) {
    print_findings(LintReport{run->input_errors, {}, {}});
    return kExitUsage;
  }
  if (run->left_out()) {
    print_findings(run->errors());
    fmt::print(stderr, "journey {}: fix the lint errors above first\n", command);
    return kExitFindings;
  }
  return std::nullopt;
}

} // namespace journey::tools
