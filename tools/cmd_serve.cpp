// `journey serve`: the workshop's live view: a local web server showing each journey's diagram,
// findings and figures, redrawn within a second of every save.
#include "command.h"
#include "common.h"
#include "journey/model/escape.h"
#include "journey/model/text.h"
#include "journey/serve/http_server.h"
#include "journey/serve/live_site.h"
#include "journey/serve/request_policy.h"

#include <csignal>
#include <fmt/format.h>
#include <pthread.h>
#include <thread>

namespace journey::tools {
namespace {

struct ServeOptions {
  std::vector<std::string> paths{"."};
  std::optional<std::string> config;
  std::string host = "127.0.0.1";
  int port = 8800;
  bool poll = false;
};

std::string url_host(const std::string &host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

int run_serve(const ServeOptions &options) {
  // SIGINT and SIGTERM are taken by one thread that stops the server; every other thread,
  // created after this, has them blocked.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  LiveSite site({.paths = options.paths,
                 .config = options.config,
                 .watch = options.poll ? Watcher::Mode::Polling : Watcher::Mode::Inotify,
                 .on_publish = [](const Snapshot &s) {
                   std::size_t broken = 0;
                   for (const ServedJourney &j : s.journeys) {
                     broken += j.blocked ? 1 : 0;
                   }
                   if (!conventions().quiet) {
                     fmt::print(stderr, "journey serve: {} checked, {} with errors\n",
                                plural(s.journeys.size(), "journey", "journeys"), broken);
                   }
                 }});
  const auto first = site.current();
  for (const Diagnostic &d : first->input_errors) {
    fmt::print(stderr, "journey serve: error: {}{}\n",
               d.file.empty() ? "" : escape_terminal(d.file) + ": ", escape_terminal(d.message));
  }
  for (const std::string &path : first->refused) {
    fmt::print(stderr,
               "journey serve: warning: {} is not served: it leads outside the folder given\n",
               escape_terminal(path));
  }
  if (first->journeys.empty() && !first->input_errors.empty()) {
    return kExitUsage;
  }
  SiteServer server(site);
  const Expected<int> port = server.bind(options.host, options.port);
  if (!port) {
    fmt::print(stderr, "journey serve: error: {}\n", escape_terminal(port.error()));
    return kExitUsage;
  }
  if (!HostPolicy::is_loopback(options.host)) {
    fmt::print(stderr,
               "journey serve: warning: listening on {}: anyone who can reach this machine on "
               "port {} can read these journeys\n",
               escape_terminal(options.host), *port);
  }
  fmt::print("journey serve: {} at http://{}:{}/ ({}; Ctrl-C stops)\n",
             plural(first->journeys.size(), "journey", "journeys"), url_host(options.host), *port,
             site.watch_mode() == Watcher::Mode::Inotify ? "watching for saves"
                                                         : "polling for saves");
  std::fflush(stdout);
  std::thread stopper([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  const bool served = server.run();
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return served ? kExitOk : kExitUsage;
}

std::function<int()> setup_serve(CLI::App &app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App *cmd = app.add_subcommand(
      "serve", "Live view for workshops: a local web page per journey with its diagram, lint "
               "findings and figures, redrawn as soon as the file is saved");
  cmd->add_option("PATH", options->paths, "Journey files and folders to serve (default: .)")
      ->type_name("FILE|DIR");
  cmd->add_option("--config", options->config,
                  "Use this .journeylint.yaml instead of the nearest one")
      ->type_name("FILE");
  cmd->add_option("--host", options->host,
                  "Address to listen on; anything but loopback lets others read the journeys")
      ->default_str("127.0.0.1");
  cmd->add_option("-p,--port", options->port, "Port to listen on; 0 picks a free one")
      ->default_str("8800")
      ->check(CLI::Range(0, 65535));
  cmd->add_flag("--poll", options->poll,
                "Notice saves by polling the files (for network or container folders where "
                "inotify sees nothing)");
  cmd->footer("Open the printed address in a browser (several may watch at once). Each save\n"
              "redraws the page within a second; a save with errors keeps the last good\n"
              "diagram and shows the errors. The server answers only GET and HEAD, only\n"
              "requests addressed to it by name, and never serves files by path.\n"
              "Exit codes: 0 after Ctrl-C; 2 when no PATH exists or the address cannot be bound.");
  return [options] { return run_serve(*options); };
}

const RegisterCommand kRegister{95, setup_serve};

} // namespace
} // namespace journey::tools
