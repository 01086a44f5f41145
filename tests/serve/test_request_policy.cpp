// Request policy: Host names (DNS rebinding), methods, and the headers of every response.
#include "journey/serve/request_policy.h"

#include <doctest/doctest.h>

using namespace journey;

TEST_CASE("on loopback only loopback names with the bound port are ours") {
  const HostPolicy hosts("127.0.0.1", 8800);
  CHECK(hosts.allows("127.0.0.1:8800"));
  CHECK(hosts.allows("localhost:8800"));
  CHECK(hosts.allows("LOCALHOST:8800"));
  CHECK(hosts.allows("[::1]:8800"));
  CHECK_FALSE(hosts.allows("127.0.0.1:8801"));
  CHECK_FALSE(hosts.allows("127.0.0.1"));
  CHECK_FALSE(hosts.allows("evil.example:8800"));
  CHECK_FALSE(hosts.allows("localhost.evil.example:8800"));
  CHECK_FALSE(hosts.allows("10.0.0.5:8800"));
  CHECK_FALSE(hosts.allows(""));
  CHECK_FALSE(hosts.allows(":8800"));
  CHECK_FALSE(hosts.allows("localhost:8800x"));
  CHECK_FALSE(hosts.allows("[::1"));
}

TEST_CASE("on another address IP literals and the machine's name are ours, other names not") {
  const HostPolicy hosts("0.0.0.0", 9000, "workshop-laptop");
  CHECK(hosts.allows("192.168.1.20:9000"));
  CHECK(hosts.allows("[fe80::1]:9000"));
  CHECK(hosts.allows("workshop-laptop:9000"));
  CHECK(hosts.allows("localhost:9000"));
  CHECK_FALSE(hosts.allows("attacker.example:9000"));
  CHECK_FALSE(hosts.allows("192.168.1.20:9001"));
  CHECK(HostPolicy::is_loopback("127.0.0.2"));
  CHECK(HostPolicy::is_loopback("::1"));
  CHECK_FALSE(HostPolicy::is_loopback("0.0.0.0"));
}

TEST_CASE("only GET and HEAD are routed") {
  const HostPolicy hosts("127.0.0.1", 8800);
  CHECK_FALSE(refuse_request(hosts, "GET", "localhost:8800"));
  CHECK_FALSE(refuse_request(hosts, "HEAD", "localhost:8800"));
  for (const char *method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}) {
    const auto refusal = refuse_request(hosts, method, "localhost:8800");
    REQUIRE(refusal);
    CHECK(refusal->status == 405);
  }
  const auto foreign = refuse_request(hosts, "GET", "evil.example:8800");
  REQUIRE(foreign);
  CHECK(foreign->status == 403);
}

TEST_CASE("every response forbids inline script, framing and sniffing") {
  bool csp = false;
  for (const auto &[name, value] : security_headers()) {
    if (name == "Content-Security-Policy") {
      csp = true;
      CHECK(value.find("script-src 'self'") != std::string::npos);
      CHECK(value.find("unsafe-inline") == std::string::npos);
      CHECK(value.find("frame-ancestors 'none'") != std::string::npos);
    }
  }
  CHECK(csp);
}
