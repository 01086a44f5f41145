// Versions from git: `git show REV:./PATH` run with posix_spawnp, its output read through pipes.
#include "journey/load/git.h"

#include "journey/load/workspace.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace journey {
namespace {

namespace fs = std::filesystem;

/// What a program that ran wrote and how it exited.
struct ProgramResult {
  int status = 0; ///< the exit status; 128 when it did not exit normally
  std::string out;
  std::string err;
};

/// Runs a program (no shell) and collects its standard output and error; fails when it could not
/// be started.
Expected<ProgramResult> run_program(const std::vector<std::string> &args) {
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe(out_pipe) != 0) {
    return failure(std::strerror(errno));
  }
  if (::pipe(err_pipe) != 0) {
    const int saved = errno;
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return failure(std::strerror(saved));
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
    return failure(std::strerror(spawned));
  }
  ProgramResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string *sinks[2] = {&result.out, &result.err};
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
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  return result;
}

} // namespace

Expected<FileVersion> parse_file_version(const std::string &spec) {
  if (spec.rfind("git:", 0) != 0) {
    return FileVersion{spec, spec, ""};
  }
  const std::size_t colon = spec.find(':', 4);
  if (colon == std::string::npos || colon == 4 || colon + 1 == spec.size()) {
    return failure("expected git:REV:PATH, e.g. git:HEAD~1:journeys/apply.yaml");
  }
  FileVersion source{spec, spec.substr(colon + 1), spec.substr(4, colon - 4)};
  if (source.revision.front() == '-') {
    return failure(fmt::format("`{}` is not a revision", source.revision));
  }
  return source;
}

Expected<std::string> read_file_version(const FileVersion &source) {
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
  Expected<ProgramResult> git = run_program({"git", "--no-pager", "show", object});
  if (!git) {
    return failure(fmt::format("cannot run git: {}", git.error()));
  }
  if (git->status != 0) {
    std::string reason = git->err.substr(0, git->err.find('\n'));
    if (reason.starts_with("fatal: ")) {
      reason = reason.substr(7);
    }
    return failure(reason.empty() ? fmt::format("git show {} failed", object) : reason);
  }
  if (git->out.size() > kMaxFileBytes) {
    return failure("the file is too large");
  }
  return std::move(git->out);
}

} // namespace journey
