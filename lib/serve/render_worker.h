// Render worker: draws diagrams in short-lived child processes, so Graphviz's memory leaks (about
// half a megabyte per layout of a 50-step journey in 2.42) and crashes end with the child
// instead of growing or stopping a server that redraws on every save for hours.
#pragma once

#include "journey/model/expected.h"

#include <mutex>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace journey {

/// A process forked once, while the caller is still single-threaded, that forks a child per
/// diagram: the child lays out and renders with Graphviz in-process (render_dot) and exits.
class RenderWorker {
public:
  /// Forks the worker. Must be called before the process starts threads; when the fork fails,
  /// `render` draws in this process instead.
  RenderWorker();
  /// Closes the worker's pipe, so it exits, and waits for it.
  ~RenderWorker();
  RenderWorker(const RenderWorker &) = delete;
  RenderWorker &operator=(const RenderWorker &) = delete;

  /// DOT text laid out and rendered as SVG; on failure, Graphviz's messages, or why the child
  /// stopped. Serialised: one diagram at a time.
  Expected<std::string> render_svg(std::string_view dot);

  /// True while diagrams are drawn in child processes (false after a failed fork).
  bool isolated() const { return pid_ > 0; }

private:
  std::mutex mutex_;
  pid_t pid_ = -1;
  int requests_ = -1; ///< to the worker
  int replies_ = -1;  ///< from the worker
};

} // namespace journey
