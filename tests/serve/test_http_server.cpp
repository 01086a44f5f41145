// The server on a loopback port: what it serves, what it refuses (traversal, foreign Host,
// methods other than GET and HEAD, oversized headers), how it bounds slow clients, and its
// change events.
#include "helpers.h"

#include <doctest/doctest.h>

using namespace journey;
using journey::test::RawClient;
using journey::test::request;
using journey::test::Served;
using journey::test::status_of;
using journey::test::TempDir;
using std::chrono::milliseconds;

namespace {

/// Short limits, so the tests of slow clients take about a second.
ServeLimits short_limits() {
  ServeLimits limits;
  limits.threads = 4;
  limits.queue = 4;
  limits.request_timeout = milliseconds(600);
  limits.idle_timeout = milliseconds(600);
  limits.write_timeout = milliseconds(600);
  limits.event_streams = 2;
  limits.event_stream_lifetime = milliseconds(3000);
  return limits;
}

/// A folder with one journey and, outside it, a file that must never be served.
struct Site {
  TempDir outside;
  TempDir dir;
  std::string secret;
  Site() {
    secret = outside.write("secret.yaml", test::sample_journey("TOP SECRET JOURNEY"));
    outside.write("passwd", "root:x:0:0:secret-marker");
    dir.write("j.yaml", test::sample_journey());
    std::filesystem::create_symlink(secret, dir.path / "link.yaml");
  }
};

} // namespace

TEST_CASE("the server answers the index, a journey page, the assets, with the security headers") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  const std::string index = request(served.port, "GET", "/", served.host());
  CHECK(status_of(index) == 200);
  CHECK(index.find("Content-Security-Policy: default-src 'none'; script-src 'self'") !=
        std::string::npos);
  CHECK(index.find("X-Content-Type-Options: nosniff") != std::string::npos);
  CHECK(index.find("href=\"/journey/j.yaml\"") != std::string::npos);
  const std::string page = request(served.port, "GET", "/journey/j.yaml", served.host());
  CHECK(status_of(page) == 200);
  CHECK(page.find("<svg") != std::string::npos);
  const std::string live =
      request(served.port, "GET", "/journey/j.yaml?view=outside-in&part=live", served.host());
  CHECK(status_of(live) == 200);
  CHECK(live.find("X-Journey-Version: ") != std::string::npos);
  CHECK(live.find("<html") == std::string::npos);
  const std::string head = request(served.port, "HEAD", "/journey/j.yaml", served.host());
  CHECK(status_of(head) == 200);
  CHECK(head.find("<svg") == std::string::npos);
  const std::string js = request(served.port, "GET", "/assets/serve.js", served.host());
  CHECK(js.find("Content-Type: text/javascript") != std::string::npos);
  CHECK(status_of(request(served.port, "GET", "/journey/j.yaml?view=bogus", served.host())) == 404);
}

TEST_CASE("traversal, encoded or not, absolute paths and links out of PATH are refused") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  const std::string outside = site.outside.path.string();
  const std::vector<std::string> targets = {
      "/../../../../etc/passwd",
      "/journey/../../../../etc/passwd",
      "/journey/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/journey/..%2f..%2f..%2fetc%2fpasswd",
      "/journey/%252e%252e%252fetc%252fpasswd",
      "/journey/..%5c..%5cetc%5cpasswd",
      "/journey/" + outside + "/passwd",
      "/journey/" + outside + "/secret.yaml",
      "/journey/%2F" + outside.substr(1) + "/secret.yaml",
      "/journey//etc/passwd",
      "/journey/j.yaml/../../link.yaml",
      "/journey/link.yaml",
      "/journey/j.yaml%00.html",
      "/assets/../../../etc/passwd",
      "/assets/%2e%2e/j.yaml",
      "/etc/passwd",
      outside + "/passwd",
      "/j.yaml",
      "//" + outside + "/passwd",
  };
  for (const std::string &target : targets) {
    CAPTURE(target);
    const std::string answer = request(served.port, "GET", target, served.host());
    const int status = status_of(answer);
    CHECK((status == 404 || status == 400));
    CHECK(answer.find("secret-marker") == std::string::npos);
    CHECK(answer.find("TOP SECRET") == std::string::npos);
    CHECK(answer.find("root:") == std::string::npos);
  }
  const std::string index = request(served.port, "GET", "/", served.host());
  CHECK(index.find("TOP SECRET") == std::string::npos);
  CHECK(index.find("link.yaml") != std::string::npos); // listed as not served
}

TEST_CASE("a foreign or missing Host is refused (DNS rebinding)") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  const std::string port = std::to_string(served.port);
  for (const std::string &host :
       std::vector<std::string>{"evil.example:" + port, "evil.example", "127.0.0.1",
                                "127.0.0.1:" + std::to_string(served.port + 1),
                                "localhost.evil.example:" + port, std::string()}) {
    CAPTURE(host);
    const std::string answer = request(served.port, "GET", "/journey/j.yaml", host);
    CHECK(status_of(answer) == 403);
    CHECK(answer.find("<svg") == std::string::npos);
  }
  RawClient no_host(served.port);
  no_host.send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
  CHECK(status_of(no_host.receive(milliseconds(3000))) == 403);
  CHECK(status_of(request(served.port, "GET", "/", "localhost:" + port)) == 200);
}

TEST_CASE("methods other than GET and HEAD are refused and the connection closed") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  for (const char *method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    CAPTURE(method);
    RawClient client(served.port);
    // Keep-alive asked for, and a body that must not be taken for a second request.
    client.send(std::string(method) + " /journey/j.yaml HTTP/1.1\r\nHost: " + served.host() +
                "\r\nContent-Length: 38\r\n\r\nGET /journey/j.yaml HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string answer = client.receive(milliseconds(3000));
    CHECK(status_of(answer) == 405);
    CHECK(answer.find("Allow: GET, HEAD") != std::string::npos);
    CHECK(answer.find("HTTP/1.1", 5) == std::string::npos);
    CHECK(client.closed());
  }
  CHECK(std::filesystem::exists(site.dir.path / "j.yaml"));
}

TEST_CASE("oversized request lines and headers are refused, and the server goes on") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  {
    const std::string answer =
        request(served.port, "GET", "/journey/" + std::string(20000, 'a'), served.host());
    CHECK((status_of(answer) == 400 || status_of(answer) == 414 || answer.empty()));
  }
  {
    const std::string answer = request(served.port, "GET", "/", served.host(),
                                       "X-Big: " + std::string(12000, 'b') + "\r\n");
    CHECK((status_of(answer) == 400 || status_of(answer) == 431 || answer.empty()));
  }
  {
    // Many headers, each small: the request as a whole is over the budget.
    std::string headers;
    for (int i = 0; i < 400; ++i) {
      headers += "X-Many-" + std::to_string(i) + ": " + std::string(100, 'c') + "\r\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const std::string answer = request(served.port, "GET", "/", served.host(), headers);
    CHECK(std::chrono::steady_clock::now() - start < milliseconds(3000));
    CHECK(status_of(answer) != 200);
  }
  CHECK(status_of(request(served.port, "GET", "/", served.host())) == 200);
}

TEST_CASE("a silent client is dropped after the request timeout") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  RawClient silent(served.port);
  REQUIRE(silent.connected());
  const auto start = std::chrono::steady_clock::now();
  silent.receive(milliseconds(5000));
  CHECK(silent.closed());
  CHECK(std::chrono::steady_clock::now() - start < milliseconds(2500));
}

TEST_CASE("a client trickling its headers is dropped at the request deadline") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  RawClient slow(served.port);
  const auto start = std::chrono::steady_clock::now();
  slow.send("GET / HTTP/1.1\r\nHost: " + served.host() + "\r\n");
  bool dropped = false;
  for (int i = 0; i < 60 && !dropped; ++i) {
    dropped = !slow.send("X: y\r\n") || (slow.receive(milliseconds(100)), slow.closed());
  }
  CHECK(dropped);
  CHECK(std::chrono::steady_clock::now() - start < milliseconds(3000));
}

TEST_CASE("slow clients on every thread only delay others until their deadline") {
  Site site;
  const ServeLimits limits = short_limits();
  Served served(site.dir.path.string(), limits);
  std::vector<std::unique_ptr<RawClient>> slow;
  for (std::size_t i = 0; i < limits.threads + limits.queue; ++i) {
    slow.push_back(std::make_unique<RawClient>(served.port));
    slow.back()->send("GET / HTTP/1.1\r\n");
  }
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = request(served.port, "GET", "/", served.host());
  CHECK(status_of(answer) == 200);
  CHECK(std::chrono::steady_clock::now() - start < milliseconds(4000));
}

TEST_CASE("change events reach every open stream; streams over the bound are told to retry") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  const std::string version_seen = std::to_string(served.site.current()->version);
  std::vector<std::unique_ptr<RawClient>> streams;
  for (int i = 0; i < 2; ++i) {
    streams.push_back(std::make_unique<RawClient>(served.port));
    streams.back()->send("GET /events?since=" + version_seen +
                         " HTTP/1.1\r\nHost: " + served.host() + "\r\n\r\n");
    CHECK(streams.back()->receive(milliseconds(2000), "retry: 1000").find("text/event-stream") !=
          std::string::npos);
  }
  const std::string third =
      request(served.port, "GET", "/events?since=" + version_seen, served.host());
  CHECK(status_of(third) == 503);

  site.dir.write("j.yaml", test::sample_journey("Sample journey", "Step added live"));
  for (auto &stream : streams) {
    const std::string events = stream->receive(milliseconds(3000), "event: change");
    CHECK(events.find("event: change") != std::string::npos);
  }
  const std::string page = request(served.port, "GET", "/journey/j.yaml", served.host());
  CHECK(page.find("Step added live") != std::string::npos);
}

TEST_CASE("a closed page gives its event stream back") {
  Site site;
  Served served(site.dir.path.string(), short_limits());
  const std::string since = std::to_string(served.site.current()->version);
  const std::string events =
      "GET /events?since=" + since + " HTTP/1.1\r\nHost: " + served.host() + "\r\n\r\n";
  RawClient kept(served.port);
  kept.send(events);
  CHECK(kept.receive(milliseconds(2000), "retry:").find("retry:") != std::string::npos);
  {
    RawClient closed(served.port);
    closed.send(events);
    CHECK(closed.receive(milliseconds(2000), "retry:").find("retry:") != std::string::npos);
  }
  bool reopened = false;
  const auto start = std::chrono::steady_clock::now();
  while (!reopened && std::chrono::steady_clock::now() - start < milliseconds(2500)) {
    RawClient again(served.port);
    again.send(events);
    reopened = again.receive(milliseconds(500), "retry:").find("retry:") != std::string::npos;
  }
  CHECK(reopened);
}

TEST_CASE("stopping the server does not wait for idle connections") {
  Site site;
  ServeLimits limits = short_limits();
  limits.idle_timeout = milliseconds(20000);
  limits.request_timeout = milliseconds(20000);
  auto served = std::make_unique<Served>(site.dir.path.string(), limits);
  RawClient idle(served->port);
  idle.send("GET / HTTP/1.1\r\nHost: " + served->host() + "\r\n\r\n");
  CHECK(status_of(idle.receive(milliseconds(2000), "</html>")) == 200);
  const auto start = std::chrono::steady_clock::now();
  served.reset();
  CHECK(std::chrono::steady_clock::now() - start < milliseconds(3000));
}
