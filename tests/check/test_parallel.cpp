// parallel_for: every index once, results by index, progress on the caller, failures rethrown;
// and check_inputs giving the same run on one thread and on several.
#include "journey/check/check.h"
#include "journey/check/parallel.h"

#include <algorithm>
#include <atomic>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

using namespace journey;
namespace fs = std::filesystem;

TEST_CASE("parallel_for: every index exactly once, on several threads") {
  for (unsigned jobs : {1u, 2u, 7u, 0u}) {
    std::vector<std::atomic<int>> seen(1000);
    parallel_for(seen.size(), jobs, [&](std::size_t i) { ++seen[i]; });
    CHECK(std::all_of(seen.begin(), seen.end(), [](const std::atomic<int> &n) { return n == 1; }));
  }
  parallel_for(0, 4, [](std::size_t) { FAIL("no work for an empty range"); });
}

TEST_CASE("parallel_for: ticks on the calling thread, last with the count") {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::size_t> ticks;
  bool on_caller = true;
  parallel_for(
      40, 3, [](std::size_t) { std::this_thread::sleep_for(std::chrono::milliseconds(10)); },
      [&](std::size_t done) {
        on_caller = on_caller && std::this_thread::get_id() == caller;
        ticks.push_back(done);
      });
  CHECK(on_caller);
  REQUIRE(ticks.size() >= 2); // ~130 ms of work: at least one tick on the way
  CHECK(ticks.back() == 40);
  CHECK(std::is_sorted(ticks.begin(), ticks.end()));
}

TEST_CASE("parallel_for: the first failure is rethrown once the threads stopped") {
  std::atomic<int> ran{0};
  CHECK_THROWS_WITH_AS(parallel_for(
                           100, 4,
                           [&](std::size_t i) {
                             ++ran;
                             if (i == 10) {
                               throw std::runtime_error("broken");
                             }
                           }),
                       "broken", std::runtime_error);
  CHECK(ran >= 11);
}

TEST_CASE("check_inputs: the same run on one thread and on four") {
  const fs::path dir =
      fs::temp_directory_path() / ("journey-parallel-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "org.yaml") << "channels:\n  web: {name: Web, cost: 1}\n";
  for (int i = 0; i < 60; ++i) {
    std::ofstream out(dir / ("j" + std::to_string(i) + ".yaml"));
    out << "journey: j" << i << "\ntitle: Journey " << i << "\ncatalog: org.yaml\nsteps:\n"
        << "  - id: a\n    channel: web\n    time: " << i + 1 << "m\n"
        << (i % 7 == 0 ? "    next: missing\n" : "    next: b\n")
        << "  - id: b\n    channel: web\n    end: success\n";
  }
  CheckOptions options;
  options.paths = {dir.string()};
  options.measure = true;
  options.jobs = 1;
  const CheckRun one = check_inputs(options);
  options.jobs = 4;
  std::vector<std::string> stages;
  options.progress = [&](std::string_view stage, std::size_t, std::size_t total) {
    CHECK(total == 61);
    if (stages.empty() || stages.back() != stage) {
      stages.emplace_back(stage);
    }
  };
  const CheckRun four = check_inputs(options);
  fs::remove_all(dir);

  CHECK(stages == std::vector<std::string>{"reading", "measuring", ""});
  REQUIRE(one.files.size() == 61);
  REQUIRE(four.files.size() == one.files.size());
  CHECK(four.report.files == one.report.files);
  REQUIRE(four.report.diagnostics.size() == one.report.diagnostics.size());
  CHECK(one.report.diagnostics.size() >= 9); // every seventh journey names a missing step
  for (std::size_t i = 0; i < one.report.diagnostics.size(); ++i) {
    CHECK(four.report.diagnostics[i].file == one.report.diagnostics[i].file);
    CHECK(four.report.diagnostics[i].message == one.report.diagnostics[i].message);
  }
  for (std::size_t i = 0; i < one.files.size(); ++i) {
    CHECK(four.files[i].file.path == one.files[i].file.path);
    CHECK(four.files[i].blocked == one.files[i].blocked);
    REQUIRE(four.files[i].metrics.has_value() == one.files[i].metrics.has_value());
    if (one.files[i].metrics) {
      CHECK(four.files[i].metrics->cost.expected == one.files[i].metrics->cost.expected);
    }
  }
}
