// Request policy: the Host check against DNS rebinding, the method check and the response headers.
#include "journey/serve/request_policy.h"

#include "journey/model/text.h"

#include <algorithm>
#include <arpa/inet.h>
#include <charconv>

namespace journey {
namespace {

bool is_ipv4(const std::string &text) {
  in_addr a{};
  return inet_pton(AF_INET, text.c_str(), &a) == 1;
}

bool is_ipv6(const std::string &text) {
  in6_addr a{};
  return inet_pton(AF_INET6, text.c_str(), &a) == 1;
}

/// `host` as a Host header names it: IPv6 literals in brackets, lower case.
std::string host_name(std::string_view host) {
  std::string name = ascii_lower(host);
  if (is_ipv6(name)) {
    name = "[" + name + "]";
  }
  return name;
}

} // namespace

bool HostPolicy::is_loopback(std::string_view host) {
  const std::string name = ascii_lower(host);
  if (name == "localhost" || name == "::1" || name == "[::1]") {
    return true;
  }
  in_addr a{};
  return inet_pton(AF_INET, name.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

HostPolicy::HostPolicy(std::string bind_host, int port, std::string machine_name) : port_(port) {
  names_ = {"localhost", "127.0.0.1", "[::1]"};
  if (!is_loopback(bind_host)) {
    names_.push_back(host_name(bind_host));
    any_ip_literal_ = true;
    if (!machine_name.empty()) {
      names_.push_back(ascii_lower(machine_name));
    }
  } else {
    names_.push_back(host_name(bind_host));
  }
}

bool HostPolicy::allows(std::string_view header) const {
  std::string_view name = header;
  std::string_view port;
  if (header.starts_with('[')) {
    const std::size_t close = header.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    name = header.substr(0, close + 1);
    const std::string_view rest = header.substr(close + 1);
    if (!rest.empty()) {
      if (!rest.starts_with(':')) {
        return false;
      }
      port = rest.substr(1);
    }
  } else if (const std::size_t colon = header.rfind(':'); colon != std::string_view::npos) {
    name = header.substr(0, colon);
    port = header.substr(colon + 1);
  }
  int number = 80;
  if (!port.empty()) {
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (ec != std::errc() || end != port.data() + port.size()) {
      return false;
    }
  }
  if (number != port_ || name.empty()) {
    return false;
  }
  const std::string lower = ascii_lower(name);
  if (std::find(names_.begin(), names_.end(), lower) != names_.end()) {
    return true;
  }
  if (!any_ip_literal_) {
    return false;
  }
  if (lower.starts_with('[') && lower.ends_with(']')) {
    return is_ipv6(lower.substr(1, lower.size() - 2));
  }
  return is_ipv4(lower);
}

std::optional<Refusal> refuse_request(const HostPolicy &hosts, std::string_view method,
                                      std::string_view host_header) {
  if (!hosts.allows(host_header)) {
    return Refusal{403, "Wrong host name",
                   "This server only answers requests addressed to it by its own name and "
                   "port. Open the address journey serve printed."};
  }
  if (method != "GET" && method != "HEAD") {
    return Refusal{405, "Method not allowed",
                   "This server only shows journeys: it answers GET and HEAD requests, nothing "
                   "that changes anything."};
  }
  return std::nullopt;
}

const std::vector<std::pair<std::string, std::string>> &security_headers() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Cache-Control", "no-store"},
  };
  return headers;
}

} // namespace journey
