// Serve test helpers: a temporary folder of journeys, a live site served on a free loopback
// port, and a raw HTTP client that sends exactly the bytes given.
#pragma once

#include "journey/serve/http_server.h"
#include "journey/serve/live_site.h"

#include <arpa/inet.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace journey::test {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// A journey that lints without errors; `extra` is appended as one more step before the end.
inline std::string sample_journey(std::string_view title = "Sample journey",
                                  std::string_view extra_step = "") {
  std::string text = "journey: sample\ntitle: " + std::string(title) +
                     "\nintent: Help me\nowner: Someone\nsteps:\n"
                     "  - id: ask\n    name: Ask for help\n    time: 5m\n    next: " +
                     (extra_step.empty() ? std::string("answer") : std::string("extra")) + "\n";
  if (!extra_step.empty()) {
    text += "  - id: extra\n    name: " + std::string(extra_step) +
            "\n    time: 1m\n    next: answer\n";
  }
  return text + "  - id: answer\n    name: Get the answer\n    time: 2m\n    end: success\n";
}

/// A fresh temporary folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("journey-serve-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  /// Writes `text` to `name` through a temporary file and a rename, as editors save.
  std::string write(const std::string &name, std::string_view text) const {
    const fs::path file = path / name;
    fs::create_directories(file.parent_path());
    const fs::path temp = file.string() + ".tmp~";
    std::ofstream(temp, std::ios::binary) << text;
    fs::rename(temp, file);
    return file.string();
  }
};

/// A live site over `dir`, served on a free loopback port by a thread of its own.
struct Served {
  LiveSite site;
  SiteServer server;
  int port = 0;
  std::thread thread;

  explicit Served(const std::string &dir, ServeLimits limits = {})
      : site(LiveSiteOptions{.paths = {dir}}), server(site, limits) {
    port = server.bind("127.0.0.1", 0).value();
    thread = std::thread([this] { server.run(); });
  }
  ~Served() {
    server.stop();
    thread.join();
  }
  std::string host() const { return "127.0.0.1:" + std::to_string(port); }
};

/// A TCP connection to the loopback port.
class RawClient {
public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient &) = delete;
  RawClient &operator=(const RawClient &) = delete;

  bool connected() const { return connected_; }

  /// Sends all of `bytes`; false when the server closed the connection.
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) {
        return false;
      }
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  /// Reads until the server closes the connection, `until` appears, or `timeout` passes.
  std::string receive(milliseconds timeout, std::string_view until = {}) {
    std::string out;
    const auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (::poll(&p, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) {
        continue;
      }
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buffer, static_cast<std::size_t>(n));
      if (!until.empty() && out.find(until) != std::string::npos) {
        break;
      }
    }
    return out;
  }

  /// True once `receive` saw the server close the connection.
  bool closed() const { return closed_; }

private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
};

/// One request on a new connection with `Connection: close`; the whole answer.
inline std::string request(int port, std::string_view method, std::string_view target,
                           std::string_view host, std::string_view extra_headers = {}) {
  RawClient client(port);
  client.send(std::string(method) + " " + std::string(target) +
              " HTTP/1.1\r\nHost: " + std::string(host) + "\r\nConnection: close\r\n" +
              std::string(extra_headers) + "\r\n");
  return client.receive(milliseconds(5000));
}

/// The status code of an HTTP answer, 0 when there is none.
inline int status_of(std::string_view answer) {
  if (!answer.starts_with("HTTP/1.1 ") || answer.size() < 12) {
    return 0;
  }
  return std::stoi(std::string(answer.substr(9, 3)));
}

} // namespace journey::test
