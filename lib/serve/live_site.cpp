// Live site: the watch-check-draw-publish loop and the waiters of the event streams.
#include "journey/serve/live_site.h"

#include <ctime>
#include <fmt/format.h>

namespace journey {
namespace {

std::string local_time_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  localtime_r(&now, &parts);
  return fmt::format("{:02}:{:02}:{:02}", parts.tm_hour, parts.tm_min, parts.tm_sec);
}

} // namespace

LiveSite::LiveSite(LiveSiteOptions options)
    : options_(std::move(options)),
      builder_([this](std::string_view dot) { return worker_.render_svg(dot); }) {
  watcher_ = std::make_unique<Watcher>(options_.paths, options_.watch);
  rebuild();
  thread_ = std::thread([this] { run(); });
}

LiveSite::~LiveSite() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::shared_ptr<const Snapshot> LiveSite::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

std::uint64_t LiveSite::wait_for_change(std::uint64_t seen,
                                        std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return stopping_ || current_->version != seen; });
  return current_->version;
}

bool LiveSite::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

Watcher::Mode LiveSite::watch_mode() const {
  return watcher_->mode();
}

void LiveSite::publish(const Snapshot &snapshot, bool checked) {
  auto copy = std::make_shared<const Snapshot>(snapshot);
  {
    std::lock_guard lock(mutex_);
    current_ = copy;
  }
  changed_.notify_all();
  if (checked && options_.on_publish) {
    options_.on_publish(*copy);
  }
}

void LiveSite::rebuild() {
  const ServedFiles files = find_served_files(options_.paths, options_.config);
  Snapshot snapshot = builder_.check(files, options_.config, local_time_now());
  watcher_->also_watch(snapshot.catalogs);
  // The compare view first: it is what the room looks at; the other views follow.
  builder_.draw(snapshot, View::Compare);
  publish(snapshot, true);
  bool drew = false;
  for (View view : kServedViews) {
    drew = builder_.draw(snapshot, view) || drew;
  }
  if (drew) {
    snapshot.version = builder_.next_version();
    publish(snapshot, false);
  }
}

void LiveSite::run() {
  while (!stopping()) {
    if (watcher_->wait(std::chrono::milliseconds(200))) {
      rebuild();
    }
  }
}

} // namespace journey
