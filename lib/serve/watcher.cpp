// Watcher: inotify watches on every served folder, or a signature of times and sizes polled.
#include "journey/serve/watcher.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <poll.h>
#include <set>
#include <sys/inotify.h>
#include <thread>
#include <unistd.h>

namespace journey {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM |
                                  IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

bool hidden(const fs::path &p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name.front() == '.' && name != "..";
}

/// The folders to watch: each folder argument and its subfolders (hidden ones skipped), and
/// the folder of each file argument. Iterative, links to folders not followed.
std::set<std::string> folders_of(const std::vector<std::string> &paths) {
  std::set<std::string> out;
  for (const std::string &path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      const fs::path parent = fs::path(path).parent_path();
      out.insert(parent.empty() ? "." : parent.string());
      continue;
    }
    out.insert(path);
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        if (hidden(it->path())) {
          it.disable_recursion_pending();
        } else {
          out.insert(it->path().string());
        }
      }
    }
  }
  return out;
}

/// Times, sizes and names of everything under `paths`, folded into one number.
std::size_t signature(const std::vector<std::string> &paths) {
  std::size_t sig = 1469598103934665603ull;
  const auto mix = [&](std::size_t v) { sig = (sig ^ v) * 1099511628211ull; };
  const auto add = [&](const fs::path &p) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    mix(std::hash<std::string>{}(p.string()));
    mix(static_cast<std::size_t>(st.type()));
    if (fs::is_regular_file(st)) {
      mix(static_cast<std::size_t>(fs::file_size(p, ec)));
      mix(static_cast<std::size_t>(fs::last_write_time(p, ec).time_since_epoch().count()));
    }
  };
  for (const std::string &path : paths) {
    add(path);
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      continue;
    }
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (hidden(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      add(it->path());
    }
  }
  return sig;
}

} // namespace

struct Watcher::Impl {
  std::vector<std::string> paths;
  Mode mode = Mode::Polling;
  std::chrono::milliseconds interval;
  int fd = -1;
  std::set<std::string> watched;
  std::size_t last = 0;

  void watch_folders() {
    for (const std::string &folder : folders_of(paths)) {
      if (!watched.contains(folder) && inotify_add_watch(fd, folder.c_str(), kEvents) >= 0) {
        watched.insert(folder);
      }
    }
  }

  /// Reads pending events; true when there were any. Waits up to `timeout` for the first.
  bool drain(std::chrono::milliseconds timeout) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(timeout.count())) <= 0) {
      return false;
    }
    alignas(inotify_event) std::array<char, 16384> buffer{};
    bool any = false;
    bool new_folder = false;
    for (;;) {
      const ssize_t n = read(fd, buffer.data(), buffer.size());
      if (n <= 0) {
        break;
      }
      any = true;
      for (ssize_t at = 0; at < n;) {
        const auto *event = reinterpret_cast<const inotify_event *>(buffer.data() + at);
        new_folder = new_folder || (event->mask & IN_ISDIR) != 0 || (event->mask & IN_IGNORED) != 0;
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
    if (new_folder) {
      watched.clear();
      watch_folders();
    }
    return any;
  }

  bool poll_once() {
    const std::size_t now = signature(paths);
    const bool changed = now != last;
    last = now;
    return changed;
  }
};

Watcher::Watcher(std::vector<std::string> paths, Mode mode, std::chrono::milliseconds interval)
    : impl_(std::make_unique<Impl>()) {
  impl_->paths = std::move(paths);
  impl_->interval = interval;
  if (mode == Mode::Inotify) {
    impl_->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  }
  if (impl_->fd >= 0) {
    impl_->mode = Mode::Inotify;
    impl_->watch_folders();
  } else {
    impl_->last = signature(impl_->paths);
  }
}

Watcher::~Watcher() {
  if (impl_->fd >= 0) {
    close(impl_->fd);
  }
}

Watcher::Mode Watcher::mode() const {
  return impl_->mode;
}

void Watcher::also_watch(const std::vector<std::string> &files) {
  bool added = false;
  for (const std::string &file : files) {
    if (std::find(impl_->paths.begin(), impl_->paths.end(), file) == impl_->paths.end()) {
      impl_->paths.push_back(file);
      added = true;
    }
  }
  if (!added) {
    return;
  }
  if (impl_->mode == Mode::Inotify) {
    impl_->watch_folders();
  } else {
    impl_->last = signature(impl_->paths);
  }
}

bool Watcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet) {
  const auto deadline = Clock::now() + timeout;
  const auto left = [](Clock::time_point until) {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()));
  };
  if (impl_->mode == Mode::Inotify) {
    if (!impl_->drain(timeout)) {
      return false;
    }
    const auto settle = Clock::now() + timeout;
    while (Clock::now() < settle && impl_->drain(std::min(quiet, left(settle)))) {
    }
    return true;
  }
  for (;;) {
    if (impl_->poll_once()) {
      break;
    }
    if (Clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::min(impl_->interval, left(deadline)));
  }
  const auto settle = Clock::now() + timeout;
  while (Clock::now() < settle) {
    std::this_thread::sleep_for(quiet);
    if (!impl_->poll_once()) {
      break;
    }
  }
  return true;
}

} // namespace journey
