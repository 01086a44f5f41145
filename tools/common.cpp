// Shared driver code: what every command prints around the library's check pipeline.
#include "common.h"

#include <cstdlib>
#include <fmt/format.h>
#include <unistd.h>

namespace journey::tools {

void add_input_options(CLI::App &command, InputOptions &options, bool required) {
  command
      .add_option("inputs", options.paths,
                  "Journey files or directories (searched for *.yaml, *.yml); - reads stdin")
      ->required(required)
      ->type_name("FILE|DIR");
  command
      .add_option("--config", options.config,
                  "Use this configuration instead of the nearest .journeylint.yaml")
      ->type_name("FILE");
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
  if (run.left_out()) {
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
  const char *no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') {
    return false;
  }
  const char *term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return ::isatty(::fileno(stream)) != 0;
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

} // namespace journey::tools
