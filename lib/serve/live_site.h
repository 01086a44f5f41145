// Live site: keeps the snapshot of the served journeys current: a thread of its own watches the
// files, checks them again after a save and draws the changed diagrams, off the HTTP threads.
#pragma once

#include "journey/serve/render_worker.h"
#include "journey/serve/snapshot.h"
#include "journey/serve/watcher.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace journey {

/// What `LiveSite` serves and how it notices changes.
struct LiveSiteOptions {
  std::vector<std::string> paths = {};    ///< FILE|DIR arguments
  std::optional<std::string> config = {}; ///< overrides discovery of `.journeylint.yaml`
  Watcher::Mode watch = Watcher::Mode::Inotify;
  /// Called on the site's thread once per check of the files, with the snapshot published
  /// (for logging); optional.
  std::function<void(const Snapshot &)> on_publish = {};
};

/// The current snapshot, rebuilt on every change of the files.
class LiveSite {
public:
  /// Builds the first snapshot (every diagram drawn) before returning, then watches. Diagrams
  /// are drawn in child processes (render_worker.h): construct the site before starting threads.
  explicit LiveSite(LiveSiteOptions options);
  /// Stops watching and wakes every waiter.
  ~LiveSite();
  LiveSite(const LiveSite &) = delete;
  LiveSite &operator=(const LiveSite &) = delete;

  /// The snapshot now; never null.
  std::shared_ptr<const Snapshot> current() const;

  /// Waits until the version differs from `seen`, up to `timeout` or until the site stops;
  /// returns the version then.
  std::uint64_t wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;

  /// True once the site is stopping: waiters should finish.
  bool stopping() const;

  /// How changes are noticed.
  Watcher::Mode watch_mode() const;

private:
  void publish(const Snapshot &snapshot, bool checked);
  void rebuild();
  void run();

  LiveSiteOptions options_;
  RenderWorker worker_; ///< first: forked before any thread starts
  SnapshotBuilder builder_;
  std::unique_ptr<Watcher> watcher_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::shared_ptr<const Snapshot> current_;
  bool stopping_ = false;
  std::thread thread_;
};

} // namespace journey
