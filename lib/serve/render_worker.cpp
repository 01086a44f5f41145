// Render worker: a pre-forked process that draws each diagram in a child of its own.
#include "journey/serve/render_worker.h"

#include "journey/render/graphviz.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace journey {
namespace {

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool read_exact(int fd, char *out, std::size_t size) {
  while (size > 0) {
    const ssize_t n = read(fd, out, size);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    out += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

/// A message on a pipe: one status byte (1 ok, 0 failed), eight bytes of length, the text.
std::string frame(bool ok, std::string_view text) {
  std::string out(9, '\0');
  out[0] = ok ? '\1' : '\0';
  const std::uint64_t size = text.size();
  std::memcpy(out.data() + 1, &size, sizeof(size));
  return out.append(text);
}

/// Reads one frame; nullopt at the end of the pipe or on a short read.
std::optional<std::pair<bool, std::string>> read_frame(int fd) {
  char head[9];
  if (!read_exact(fd, head, sizeof(head))) {
    return std::nullopt;
  }
  std::uint64_t size = 0;
  std::memcpy(&size, head + 1, sizeof(size));
  if (size > (std::uint64_t{1} << 31)) {
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!read_exact(fd, text.data(), text.size())) {
    return std::nullopt;
  }
  return std::pair{head[0] == '\1', std::move(text)};
}

std::string draw_framed(const std::string &dot) {
  try {
    return frame(true, render_dot(dot, Format::Svg));
  } catch (const RenderError &e) {
    return frame(false, e.what());
  }
}

/// The worker's loop: a DOT text in, a child draws it, its answer (or why it died) out.
[[noreturn]] void serve_requests(int requests, int replies) {
  bool first = true;
  for (;;) {
    const auto request = read_frame(requests);
    if (!request) {
      _exit(0);
    }
    int pipe_fds[2];
    std::string reply;
    if (first) {
      // The first diagram is drawn here: Graphviz then has its fonts and plugins loaded, and
      // every child starts with them (a tenth of a second saved per diagram).
      first = false;
      reply = draw_framed(request->second);
    } else if (pipe(pipe_fds) != 0) {
      reply = draw_framed(request->second);
    } else if (const pid_t child = fork(); child == 0) {
      close(pipe_fds[0]);
      write_all(pipe_fds[1], draw_framed(request->second));
      _exit(0);
    } else {
      close(pipe_fds[1]);
      const auto answer = child > 0 ? read_frame(pipe_fds[0]) : std::nullopt;
      close(pipe_fds[0]);
      int status = 0;
      if (child > 0) {
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
      }
      if (answer) {
        reply = frame(answer->first, answer->second);
      } else if (child < 0) {
        reply = draw_framed(request->second);
      } else {
        reply = frame(false, WIFSIGNALED(status)
                                 ? fmt::format("Graphviz stopped while drawing this diagram "
                                               "(signal {})",
                                               WTERMSIG(status))
                                 : std::string("Graphviz stopped while drawing this diagram"));
      }
    }
    if (!write_all(replies, reply)) {
      _exit(0);
    }
  }
}

} // namespace

RenderWorker::RenderWorker() {
  // A write to a worker that died must fail, not end the server.
  std::signal(SIGPIPE, SIG_IGN);
  int to_worker[2];
  int from_worker[2];
  if (pipe(to_worker) != 0) {
    return;
  }
  if (pipe(from_worker) != 0) {
    close(to_worker[0]);
    close(to_worker[1]);
    return;
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    close(to_worker[1]);
    close(from_worker[0]);
    // Ends with the server, however it ends; Ctrl-C in the terminal is the server's to handle.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) {
      _exit(0);
    }
    std::signal(SIGINT, SIG_IGN);
    serve_requests(to_worker[0], from_worker[1]);
  }
  close(to_worker[0]);
  close(from_worker[1]);
  if (pid < 0) {
    close(to_worker[1]);
    close(from_worker[0]);
    return;
  }
  pid_ = pid;
  requests_ = to_worker[1];
  replies_ = from_worker[0];
}

RenderWorker::~RenderWorker() {
  if (pid_ > 0) {
    close(requests_);
    close(replies_);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
}

Expected<std::string> RenderWorker::render_svg(std::string_view dot) {
  std::lock_guard lock(mutex_);
  if (pid_ > 0) {
    if (write_all(requests_, frame(true, dot))) {
      if (auto reply = read_frame(replies_)) {
        if (reply->first) {
          return std::move(reply->second);
        }
        return failure(std::move(reply->second));
      }
    }
    // The worker is gone: draw here from now on.
    close(requests_);
    close(replies_);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  try {
    return render_dot(dot, Format::Svg);
  } catch (const RenderError &e) {
    return failure(e.what());
  }
}

} // namespace journey
