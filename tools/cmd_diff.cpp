// `journey diff`: what changed between two versions of a journey (steps added, removed and
// changed; metric deltas) and whether a budgeted metric got worse; either side may come from git.
#include "analysis/metrics.h"
#include "command.h"
#include "common.h"
#include "lint/lint.h"
#include "parse/parse.h"
#include "portfolio/diff_format.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace journey::tools {
namespace {

namespace fs = std::filesystem;

struct DiffOptions {
  std::string before;
  std::string after;
  std::string format = "text";
  std::string output;
  std::optional<std::string> config;
  bool fail_on_regression = false;
};

/// Where one version comes from: a file, or `git:REV:path`.
struct Source {
  std::string spec;     ///< as given, shown in messages
  std::string path;     ///< the working-tree path (catalogs and configuration are found from it)
  std::string revision; ///< empty for a file in the working tree
};

std::optional<Source> parse_source(const std::string &spec, std::string &error) {
  if (spec.rfind("git:", 0) != 0) {
    return Source{spec, spec, ""};
  }
  const std::size_t colon = spec.find(':', 4);
  if (colon == std::string::npos || colon == 4 || colon + 1 == spec.size()) {
    error = "expected git:REV:PATH, e.g. git:HEAD~1:journeys/apply.yaml";
    return std::nullopt;
  }
  Source source{spec, spec.substr(colon + 1), spec.substr(4, colon - 4)};
  if (source.revision.front() == '-') {
    error = fmt::format("`{}` is not a revision", source.revision);
    return std::nullopt;
  }
  return source;
}

/// Runs a program (no shell) and collects its standard output and error; returns its exit status,
/// or -1 when it could not be started (`err` then says why).
int run_program(const std::vector<std::string> &args, std::string &out, std::string &err) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe(out_pipe) != 0) {
    err = std::strerror(errno);
    return -1;
  }
  if (::pipe(err_pipe) != 0) {
    err = std::strerror(errno);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[1]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[1]);
  std::vector<char *> argv;
  for (const std::string &a : args) {
    argv.push_back(const_cast<char *>(a.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    err = std::strerror(spawned);
    return -1;
  }
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string *sinks[2] = {&out, &err};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) {
        continue;
      }
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (pollfd &p : fds) {
    if (p.fd >= 0) {
      ::close(p.fd);
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/// Reads a version's text from the working tree or from git; on failure, the reason.
Expected<std::string> read_source(const Source &source) {
  if (source.revision.empty()) {
    return read_file(source.path);
  }
  fs::path path(source.path);
  if (path.is_absolute()) {
    std::error_code ec;
    path = fs::relative(path, fs::current_path(), ec);
  }
  std::string object = source.revision + ":" + path.generic_string();
  if (!path.generic_string().starts_with("./") && !path.generic_string().starts_with("../")) {
    object = source.revision + ":./" + path.generic_string();
  }
  std::string text;
  std::string err;
  const int status = run_program({"git", "--no-pager", "show", object}, text, err);
  if (status == -1) {
    return failure(fmt::format("cannot run git: {}", err));
  }
  if (status != 0) {
    std::string reason = err.substr(0, err.find('\n'));
    if (reason.starts_with("fatal: ")) {
      reason = reason.substr(7);
    }
    return failure(reason.empty() ? fmt::format("git show {} failed", object) : reason);
  }
  if (text.size() > kMaxFileBytes) {
    return failure("the file is too large");
  }
  return text;
}

/// One version, read, parsed and linted.
struct Version {
  Journey journey;
  std::string text;
  std::vector<Diagnostic> findings;
};

bool blocks_diff(const std::vector<Diagnostic> &findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Diagnostic &d) {
    return d.severity == Severity::Error && d.rule != "budget";
  });
}

int run_diff(const DiffOptions &options) {
  std::string error;
  std::optional<Source> sources[2] = {parse_source(options.before, error), std::nullopt};
  if (!sources[0]) {
    fmt::print(stderr, "journey diff: error: {}: {}\n", options.before, error);
    return kExitUsage;
  }
  sources[1] = parse_source(options.after, error);
  if (!sources[1]) {
    fmt::print(stderr, "journey diff: error: {}: {}\n", options.after, error);
    return kExitUsage;
  }
  Workspace workspace(options.config, rule_ids());
  Version versions[2];
  LintReport problems;
  bool blocked = false;
  const LintConfig *new_config = nullptr;
  for (int i = 0; i < 2; ++i) {
    const Source &source = *sources[i];
    Version &version = versions[i];
    Expected<std::string> text = read_source(source);
    if (!text) {
      fmt::print(stderr, "journey diff: error: cannot read {}: {}\n", source.spec, text.error());
      return kExitUsage;
    }
    version.text = std::move(*text);
    LoadedFile parsed = workspace.load_text(source.path, source.spec, version.text);
    version.journey = std::move(parsed.journey);
    std::vector<Diagnostic> config_errors;
    const LintConfig *config = workspace.config_for(source.path, config_errors);
    if (!config_errors.empty()) {
      LintReport report;
      report.diagnostics = config_errors;
      print_findings(report);
      return kExitUsage;
    }
    static const LintConfig kDefaults;
    version.findings = lint(version.journey, std::move(parsed.diagnostics), parsed.readable,
                            version.text, config != nullptr ? *config : kDefaults);
    if (i == 1) {
      new_config = config;
    }
    problems.files.push_back(source.spec);
    problems.texts.emplace(source.spec, version.text);
    if (!parsed.readable || blocks_diff(version.findings)) {
      blocked = true;
      for (const Diagnostic &d : version.findings) {
        if (d.severity == Severity::Error) {
          problems.diagnostics.push_back(d);
        }
      }
    }
  }
  if (blocked) {
    print_findings(problems);
    fmt::print(stderr, "journey diff: fix the lint errors above first\n");
    return kExitFindings;
  }
  const Budgets budgets =
      new_config != nullptr ? new_config->budgets_for(versions[1].journey.id) : Budgets{};
  JourneyDiff diff =
      diff_journeys(versions[0].journey, versions[1].journey, compute_metrics(versions[0].journey),
                    compute_metrics(versions[1].journey), budgets);
  diff.before_file = sources[0]->spec;
  diff.after_file = sources[1]->spec;
  const std::string data =
      options.format == "json" ? format_diff_json(diff) : format_diff_text(diff);
  if (!write_output(options.output, data)) {
    return kExitUsage;
  }
  if (options.fail_on_regression && diff.has_regression()) {
    std::string worse;
    for (const MetricDelta &m : diff.metrics) {
      if (m.regression) {
        worse += fmt::format("{}{} {}", worse.empty() ? "" : ", ", m.label, format_metric_delta(m));
      }
    }
    fmt::print(stderr, "journey diff: budgeted metrics got worse: {}\n", worse);
    return kExitFindings;
  }
  return kExitOk;
}

std::function<int()> setup_diff(CLI::App &app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App *cmd = app.add_subcommand(
      "diff", "What changed between two versions of a journey: steps added, removed and "
              "changed, and how the metrics moved");
  cmd->add_option("old", options->before, "The old version: a file, or git:REV:PATH")
      ->required()
      ->type_name("OLD");
  cmd->add_option("new", options->after, "The new version: a file, or git:REV:PATH")
      ->required()
      ->type_name("NEW");
  cmd->add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  cmd->add_option("-o,--output", options->output, "Write the diff to FILE instead of stdout")
      ->type_name("FILE");
  cmd->add_option("--config", options->config,
                  "Use this configuration instead of the nearest .journeylint.yaml")
      ->type_name("FILE");
  cmd->add_flag("--fail-on-regression", options->fail_on_regression,
                "Exit 1 when a metric with a budget got worse");
  cmd->footer(
      "git:REV:PATH reads PATH (relative to the current folder) as of revision REV with\n"
      "`git show`, e.g. `journey diff git:origin/main:journeys/a.yaml journeys/a.yaml`. Shared\n"
      "catalogs are read from the working tree, relative to PATH. Budgets are those in force for\n"
      "NEW (.journeylint.yaml or --config); a budgeted metric that got worse is a regression.\n"
      "Exit codes: 0 ok, 1 a regression with --fail-on-regression or lint errors in a version,\n"
      "2 usage errors, unreadable files or git errors.");
  return [options] { return run_diff(*options); };
}

const RegisterCommand kRegister{50, setup_diff};

} // namespace
} // namespace journey::tools
