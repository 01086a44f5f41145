// HTTP server: cpp-httplib with a bounded thread pool, connections read under a byte budget and a
// deadline, every request checked before routing, and pages built from the current snapshot.
#include "journey/serve/http_server.h"

#include "journey/serve/assets.h"
#include "journey/serve/pages.h"
#include "journey/serve/request_policy.h"

#include <arpa/inet.h>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <httplib.h>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace journey {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// A fixed number of threads taking connections from a queue of fixed length; a full queue
/// makes the accepting thread wait, so further clients wait in the kernel's backlog.
class BoundedPool final : public httplib::TaskQueue {
public:
  BoundedPool(std::size_t threads, std::size_t capacity)
      : capacity_(std::max<std::size_t>(1, capacity)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(1, threads); ++i) {
      threads_.emplace_back([this] { work(); });
    }
  }

  void enqueue(std::function<void()> job) override {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return jobs_.size() < capacity_ || stopping_; });
    jobs_.push_back(std::move(job));
    not_empty_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    not_empty_.notify_all();
    not_full_.notify_all();
    for (std::thread &t : threads_) {
      t.join();
    }
    threads_.clear();
  }

private:
  void work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
        if (jobs_.empty()) {
          return;
        }
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      not_full_.notify_one();
      job();
    }
  }

  std::size_t capacity_;
  std::vector<std::thread> threads_;
  std::deque<std::function<void()>> jobs_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  bool stopping_ = false;
};

int millis_left(Clock::time_point until) {
  const auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

bool wait_for(int sock, short events, int timeout_ms) {
  pollfd p{sock, events, 0};
  for (;;) {
    const int n = poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    return n > 0;
  }
}

void address_of(int sock, bool peer, std::string &ip, int &port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof(addr);
  const int rc = peer ? getpeername(sock, reinterpret_cast<sockaddr *>(&addr), &len)
                      : getsockname(sock, reinterpret_cast<sockaddr *>(&addr), &len);
  if (rc != 0) {
    return;
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto *a = reinterpret_cast<const sockaddr_in *>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof(text));
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto *a = reinterpret_cast<const sockaddr_in6 *>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof(text));
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

/// A connection as httplib reads and writes it: each request must arrive whole within the
/// request timeout and the byte budget; each write must make progress within the write timeout.
class GuardedStream final : public httplib::Stream {
public:
  GuardedStream(int sock, const ServeLimits &limits) : sock_(sock), limits_(limits) {}

  /// True once a read failed: the request was too large, too slow, or the client left. What
  /// follows on the connection cannot be trusted to start a request.
  bool failed() const { return failed_; }

  /// Waits up to `timeout` for the next request to begin; then starts its deadline and budget.
  bool next_request(milliseconds timeout) {
    if (start_ == end_ && !wait_for(sock_, POLLIN, static_cast<int>(timeout.count()))) {
      return false;
    }
    deadline_ = Clock::now() + limits_.request_timeout;
    budget_ = limits_.max_request_bytes;
    return true;
  }

  bool is_readable() const override {
    return start_ < end_ || wait_for(sock_, POLLIN, millis_left(deadline_));
  }

  /// False as soon as the client has gone (hung up), so an event stream ends with its page.
  bool is_writable() const override {
    pollfd p{sock_, static_cast<short>(POLLOUT | POLLRDHUP), 0};
    int n = 0;
    while ((n = poll(&p, 1, static_cast<int>(limits_.write_timeout.count()))) < 0 &&
           errno == EINTR) {
    }
    return n > 0 && (p.revents & POLLOUT) != 0 &&
           (p.revents & (POLLHUP | POLLERR | POLLRDHUP)) == 0;
  }

  ssize_t read(char *ptr, size_t size) override {
    if (budget_ == 0 || Clock::now() >= deadline_) {
      failed_ = true;
      return -1;
    }
    if (start_ == end_) {
      if (!wait_for(sock_, POLLIN, millis_left(deadline_))) {
        failed_ = true;
        return -1;
      }
      const ssize_t n = recv(sock_, buffer_, sizeof(buffer_), 0);
      if (n <= 0) {
        failed_ = true;
        return n;
      }
      start_ = 0;
      end_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min({size, end_ - start_, budget_});
    std::memcpy(ptr, buffer_ + start_, n);
    start_ += n;
    budget_ -= n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char *ptr, size_t size) override {
    if (!is_writable()) {
      return -1;
    }
    return send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string &ip, int &port) const override {
    address_of(sock_, true, ip, port);
  }
  void get_local_ip_and_port(std::string &ip, int &port) const override {
    address_of(sock_, false, ip, port);
  }
  ::socket_t socket() const override { return sock_; }

private:
  int sock_;
  const ServeLimits &limits_;
  Clock::time_point deadline_ = Clock::now();
  std::size_t budget_ = 0;
  char buffer_[4096] = {};
  std::size_t start_ = 0;
  std::size_t end_ = 0;
  bool failed_ = false;
};

/// Set by the refusal of a request: the connection is closed after the answer, as an unread
/// body would otherwise be taken for the next request.
thread_local bool close_after_response = false;

/// Offers httplib gzip at most: its Brotli encoder runs at the highest quality, which takes a
/// third of a second for a large diagram, longer than drawing it.
void prefer_gzip(httplib::Request &req) {
  const bool gzip = req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
  req.headers.erase("Accept-Encoding");
  if (gzip) {
    req.headers.emplace("Accept-Encoding", "gzip");
  }
}

/// httplib's server with connections processed through GuardedStream.
class GuardedServer final : public httplib::Server {
public:
  explicit GuardedServer(const ServeLimits &limits) : limits_(limits) {}

  /// Stops accepting, and ends idle connections within a tenth of a second.
  void stop_serving() {
    stopping_ = true;
    stop();
  }

private:
  bool process_and_close_socket(::socket_t sock) override {
    GuardedStream stream(sock, limits_);
    bool ok = true;
    for (std::size_t n = 0; n < limits_.keep_alive_requests && !stopping_; ++n) {
      if (!next_request(stream, n == 0 ? limits_.request_timeout : limits_.idle_timeout)) {
        break;
      }
      close_after_response = false;
      bool closed = false;
      ok = process_request(stream, n + 1 == limits_.keep_alive_requests, closed,
                           [&](httplib::Request &req) { prefer_gzip(req); });
      if (!ok || closed || close_after_response || stream.failed()) {
        break;
      }
    }
    shutdown(sock, SHUT_RDWR);
    close(sock);
    return ok;
  }

  /// Waits for the next request in short slices, so a stopping server does not wait out the
  /// idle connections.
  bool next_request(GuardedStream &stream, milliseconds timeout) const {
    const auto until = Clock::now() + timeout;
    while (!stopping_) {
      const milliseconds slice = std::min(
          milliseconds(100), std::chrono::duration_cast<milliseconds>(until - Clock::now()));
      if (slice <= milliseconds(0)) {
        return false;
      }
      if (stream.next_request(slice)) {
        return true;
      }
    }
    return false;
  }

  const ServeLimits &limits_;
  std::atomic<bool> stopping_{false};
};

constexpr std::string_view kHtml = "text/html; charset=utf-8";

} // namespace

struct SiteServer::Impl {
  const LiveSite &site;
  ServeLimits limits;
  GuardedServer server{limits};
  std::optional<HostPolicy> hosts;
  std::atomic<std::size_t> streams{0};
  std::atomic<bool> stopping{false};

  Impl(const LiveSite &s, ServeLimits l) : site(s), limits(l) {}

  void setup() {
    server.new_task_queue = [this] { return new BoundedPool(limits.threads, limits.queue); };
    server.set_payload_max_length(4096);
    server.set_keep_alive_max_count(limits.keep_alive_requests);
    httplib::Headers headers;
    for (const auto &[name, value] : security_headers()) {
      headers.emplace(name, value);
    }
    server.set_default_headers(headers);
    server.set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
      const std::optional<Refusal> refusal =
          refuse_request(*hosts, req.method, req.get_header_value("Host"));
      if (!refusal) {
        return httplib::Server::HandlerResponse::Unhandled;
      }
      res.status = refusal->status;
      if (refusal->status == 405) {
        res.set_header("Allow", "GET, HEAD");
      }
      res.set_header("Connection", "close");
      res.set_content(message_page(refusal->title, refusal->text), std::string(kHtml));
      close_after_response = true;
      return httplib::Server::HandlerResponse::Handled;
    });
    server.set_error_handler([](const httplib::Request &, httplib::Response &res) {
      if (res.status == 404) {
        res.set_content(message_page("Not found", "There is no such page. Journeys are listed "
                                                  "on the first page."),
                        std::string(kHtml));
      } else if (res.body.empty()) {
        res.set_content(message_page("Refused", "The request could not be read: it was too "
                                                "large, too slow or malformed."),
                        std::string(kHtml));
      }
    });
    server.Get("/", [this](const httplib::Request &req, httplib::Response &res) {
      const auto snapshot = site.current();
      res.set_header("X-Journey-Version", std::to_string(snapshot->version));
      res.set_content(req.get_param_value("part") == "live" ? index_live(*snapshot)
                                                            : index_page(*snapshot),
                      std::string(kHtml));
    });
    server.Get("/journey/(.+)", [this](const httplib::Request &req, httplib::Response &res) {
      const auto snapshot = site.current();
      View view = View::Compare;
      if (req.has_param("view")) {
        const std::optional<View> named = parse_view(req.get_param_value("view"));
        if (!named) {
          res.status = 404;
          return;
        }
        view = *named;
      }
      const std::string key = req.matches[1];
      const std::optional<std::string> page = req.get_param_value("part") == "live"
                                                  ? journey_live(*snapshot, key, view)
                                                  : journey_page(*snapshot, key, view);
      if (!page) {
        res.status = 404;
        return;
      }
      res.set_header("X-Journey-Version", std::to_string(snapshot->version));
      res.set_content(*page, std::string(kHtml));
    });
    server.Get(std::string(kStyleRoute), [](const httplib::Request &, httplib::Response &res) {
      res.set_content(std::string(serve_css()), "text/css; charset=utf-8");
    });
    server.Get(std::string(kScriptRoute), [](const httplib::Request &, httplib::Response &res) {
      res.set_content(std::string(serve_js()), "text/javascript; charset=utf-8");
    });
    server.Get("/events",
               [this](const httplib::Request &req, httplib::Response &res) { events(req, res); });
  }

  /// Server-sent events: `change` with the new version whenever the snapshot changes; a
  /// comment every 15 s to keep the stream open; closed after its lifetime, and the browser
  /// reconnects with the version it saw.
  void events(const httplib::Request &req, httplib::Response &res) {
    if (streams.fetch_add(1) >= limits.event_streams) {
      streams.fetch_sub(1);
      res.status = 503;
      res.set_header("Retry-After", "2");
      res.set_content("Too many live pages are open; this one reconnects shortly.\n",
                      "text/plain; charset=utf-8");
      return;
    }
    std::uint64_t seen = 0;
    const std::string since = req.has_header("Last-Event-ID")
                                  ? req.get_header_value("Last-Event-ID")
                                  : req.get_param_value("since");
    std::from_chars(since.data(), since.data() + since.size(), seen); // 0 when not a number
    auto release = std::shared_ptr<void>(nullptr, [this](void *) { streams.fetch_sub(1); });
    const auto until = Clock::now() + limits.event_stream_lifetime;
    auto first = std::make_shared<bool>(true);
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, seen, until, first, release](std::size_t, httplib::DataSink &sink) mutable {
          if (*first) {
            *first = false;
            const std::string hello = "retry: 1000\n\n";
            if (!sink.write(hello.data(), hello.size())) {
              return false;
            }
            if (site.current()->version == seen) {
              return true;
            }
          } else {
            const auto ping_at = Clock::now() + milliseconds(15000);
            for (;;) {
              if (stopping.load() || site.stopping() || Clock::now() >= until) {
                sink.done();
                return true;
              }
              if (!sink.is_writable()) {
                return false; // the page was closed
              }
              if (site.wait_for_change(seen, milliseconds(250)) != seen) {
                break;
              }
              if (Clock::now() >= ping_at) {
                const std::string ping = ": still here\n\n";
                return sink.write(ping.data(), ping.size());
              }
            }
          }
          seen = site.current()->version;
          const std::string event = fmt::format("id: {0}\nevent: change\ndata: {0}\n\n", seen);
          return sink.write(event.data(), event.size());
        });
  }
};

SiteServer::SiteServer(const LiveSite &site, ServeLimits limits)
    : impl_(std::make_unique<Impl>(site, limits)) {
  impl_->setup();
}

SiteServer::~SiteServer() {
  stop();
}

Expected<int> SiteServer::bind(const std::string &host, int port) {
  int bound = port;
  if (port == 0) {
    bound = impl_->server.bind_to_any_port(host);
    if (bound <= 0) {
      return failure(fmt::format("cannot listen on {}: no free port", host));
    }
  } else if (!impl_->server.bind_to_port(host, port)) {
    return failure(fmt::format("cannot listen on {} port {}: it is in use, or not an address of "
                               "this machine",
                               host, port));
  }
  char name[256] = {};
  std::string machine;
  if (gethostname(name, sizeof(name) - 1) == 0) {
    machine = name;
  }
  impl_->hosts.emplace(host, bound, machine);
  return bound;
}

bool SiteServer::run() {
  return impl_->hosts && impl_->server.listen_after_bind();
}

void SiteServer::stop() {
  impl_->stopping = true;
  impl_->server.stop_serving();
}

} // namespace journey
