// Watcher: tells when a file under the served paths may have changed: inotify on every folder
// (editors that save by renaming included), or polling the files' times and sizes where inotify
// is not available.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace journey {

/// Watches `paths` (files and folders, folders recursively, hidden folders skipped).
class Watcher {
public:
  /// How changes are noticed.
  enum class Mode { Inotify, Polling };

  /// Uses inotify unless `mode` is Polling or inotify cannot be set up; `poll_interval` is the
  /// period of polling.
  explicit Watcher(std::vector<std::string> paths, Mode mode = Mode::Inotify,
                   std::chrono::milliseconds poll_interval = std::chrono::milliseconds(250));
  ~Watcher();
  Watcher(const Watcher &) = delete;
  Watcher &operator=(const Watcher &) = delete;

  /// The mode in use.
  Mode mode() const;

  /// Watches `files` too (files outside the paths, such as shared catalogs), through their
  /// folders; files already watched are skipped. Call from the thread that calls `wait`.
  void also_watch(const std::vector<std::string> &files);

  /// Waits up to `timeout` for a change; then waits until nothing more changed for `quiet`
  /// (at most `timeout` more), so a save in several writes is one change. True when something
  /// changed. Folders created meanwhile are watched from then on.
  bool wait(std::chrono::milliseconds timeout,
            std::chrono::milliseconds quiet = std::chrono::milliseconds(25));

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace journey
