// serve_load: the load benchmark of `journey serve`: N clients on keep-alive connections request
// the site's pages for a fixed time, then throughput and latency percentiles are printed.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <httplib.h>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  std::string host = "127.0.0.1";
  int port = 0;
  int clients = 20;
  double seconds = 10;
  std::vector<std::string> paths;
};

int usage() {
  std::fprintf(stderr, "usage: serve_load --port N [--host H] [--clients 20] [--seconds 10] "
                       "PATH...\n");
  return 2;
}

double percentile(const std::vector<double> &sorted, double p) {
  if (sorted.empty()) {
    return 0;
  }
  const auto at = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(at, sorted.size() - 1)];
}

} // namespace

int main(int argc, char **argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--host" && has_value) {
      options.host = argv[++i];
    } else if (arg == "--port" && has_value) {
      options.port = std::atoi(argv[++i]);
    } else if (arg == "--clients" && has_value) {
      options.clients = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--seconds" && has_value) {
      options.seconds = std::max(0.1, std::atof(argv[++i]));
    } else if (!arg.starts_with("--")) {
      options.paths.push_back(arg);
    } else {
      return usage();
    }
  }
  if (options.port <= 0 || options.paths.empty()) {
    return usage();
  }
  const auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(options.seconds));
  std::atomic<long> errors{0};
  std::atomic<long> bytes{0};
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(options.clients));
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int c = 0; c < options.clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client(options.host, options.port);
      client.set_keep_alive(true);
      client.set_connection_timeout(5);
      client.set_read_timeout(10);
      const httplib::Headers headers = {{"Accept-Encoding", "gzip"}};
      std::vector<double> &mine = latencies[static_cast<std::size_t>(c)];
      for (std::size_t n = static_cast<std::size_t>(c); Clock::now() < until; ++n) {
        const std::string &path = options.paths[n % options.paths.size()];
        const auto t0 = Clock::now();
        const httplib::Result res = client.Get(path, headers);
        const auto t1 = Clock::now();
        if (!res || res->status != 200) {
          ++errors;
          continue;
        }
        bytes += static_cast<long>(res->body.size());
        mine.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      }
    });
  }
  for (std::thread &t : threads) {
    t.join();
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> all;
  for (const std::vector<double> &l : latencies) {
    all.insert(all.end(), l.begin(), l.end());
  }
  std::sort(all.begin(), all.end());
  std::printf("clients %d, %.1f s: %zu requests, %.0f requests/s, %.1f MB/s; latency ms: "
              "p50 %.2f, p95 %.2f, p99 %.2f, max %.2f; %ld failed\n",
              options.clients, elapsed, all.size(), static_cast<double>(all.size()) / elapsed,
              static_cast<double>(bytes.load()) / elapsed / 1e6, percentile(all, 0.50),
              percentile(all, 0.95), percentile(all, 0.99), all.empty() ? 0.0 : all.back(),
              errors.load());
  return errors.load() == 0 ? 0 : 1;
}
