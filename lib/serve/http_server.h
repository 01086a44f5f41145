// HTTP server: the live site over HTTP with cpp-httplib: the pages, the style sheet and script,
// and the change events, within fixed bounds of threads, queue, request size and time.
#pragma once

#include "journey/model/expected.h"
#include "journey/serve/live_site.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace journey {

/// The bounds that keep a burst of requests, or slow or hostile clients, from taking the server
/// over: they slow it down instead.
struct ServeLimits {
  std::size_t threads = 32;              ///< connections served at once
  std::size_t queue = 64;                ///< accepted connections waiting for a thread; then the
                                         ///< server stops accepting until one is free
  std::size_t max_request_bytes = 16384; ///< request line, headers and body, per request
  std::chrono::milliseconds request_timeout{5000}; ///< to receive a whole request, once begun
  std::chrono::milliseconds idle_timeout{5000};    ///< between requests on a connection
  std::chrono::milliseconds write_timeout{5000};   ///< for a client to take more of a response
  std::size_t keep_alive_requests = 100;           ///< requests per connection
  std::size_t event_streams = 8;                   ///< change-event streams open at once
  std::chrono::milliseconds event_stream_lifetime{25000}; ///< then the browser reconnects
};

/// Serves a live site. Every request is checked first (request_policy.h): a foreign `Host` or a
/// method other than GET and HEAD is refused. Routes: `/` (the index), `/journey/<key>` (a
/// journey's page, `?view=` outside-in or inside-out, `?part=live` for the part that changes),
/// `/events` (server-sent change events), and the fixed style sheet and script (assets.h).
/// Nothing is ever read from the file system on a request.
class SiteServer {
public:
  SiteServer(const LiveSite &site, ServeLimits limits = {});
  ~SiteServer();
  SiteServer(const SiteServer &) = delete;
  SiteServer &operator=(const SiteServer &) = delete;

  /// Binds to `host` and `port` (0: any free port); returns the port bound.
  Expected<int> bind(const std::string &host, int port);

  /// Serves until `stop`; false when it could not.
  bool run();

  /// Stops `run` (from another thread or a signal-handling thread).
  void stop();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace journey
