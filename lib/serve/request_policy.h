// Request policy: what the live site answers at all: GET and HEAD only, and only requests whose
// `Host` names the server itself (no DNS rebinding); the security headers of every response.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey {

/// The host names a request's `Host` header may carry for a server bound to `bind_host` on
/// `port`: `localhost`, `127.0.0.1` and `[::1]` for a loopback address; else also the bound
/// name, and IP literals (any address of the machine), and `machine_name` when given.
class HostPolicy {
public:
  HostPolicy(std::string bind_host, int port, std::string machine_name = {});

  /// True when `host_header` (`name[:port]`) names this server: an allowed name and, when a
  /// port is given, the bound port (a missing port means 80, which is only ours on 80).
  bool allows(std::string_view host_header) const;

  /// True when `host` is a loopback address or `localhost`.
  static bool is_loopback(std::string_view host);

private:
  std::vector<std::string> names_;
  bool any_ip_literal_ = false;
  int port_;
};

/// Why a request is refused before routing: HTTP status and a sentence for the page; nullopt
/// when it may be routed.
struct Refusal {
  int status;
  std::string title;
  std::string text;
};
std::optional<Refusal> refuse_request(const HostPolicy &hosts, std::string_view method,
                                      std::string_view host_header);

/// The headers every response carries: a Content-Security-Policy allowing only the site's own
/// script, style sheet and event stream (no inline script, no frames), no sniffing, no
/// referrer, no caching.
const std::vector<std::pair<std::string, std::string>> &security_headers();

} // namespace journey
