// Tests of Erlang B/C and the M/M/c figures: published worked examples, a discrete-event
// simulation of the queue, and stability on large contact centres.
#include "journey/analysis/erlang.h"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <functional>
#include <queue>
#include <random>
#include <vector>

using doctest::Approx;
using journey::agents_needed;
using journey::erlang_b;
using journey::erlang_c;
using journey::mmc_queue;

TEST_CASE("erlang: small cases by hand") {
  // One agent: B = A / (1 + A); C = A (M/M/1: the probability of waiting is the utilisation).
  CHECK(erlang_b(1, 0.5) == Approx(0.5 / 1.5));
  CHECK(erlang_c(1, 0.5) == Approx(0.5));
  // Two agents, A = 1: B = (1/2) / (1 + 1 + 1/2) = 0.2; C = 2 * 0.2 / (2 - 1 * 0.8) = 1/3.
  CHECK(erlang_b(2, 1.0) == Approx(0.2));
  CHECK(erlang_c(2, 1.0) == Approx(1.0 / 3.0));
  CHECK(erlang_c(3, 3.0) == 1.0);
  CHECK(erlang_c(3, 0.0) == 0.0);
  const journey::QueueFigures none = mmc_queue(0, 180, 3, 20);
  CHECK(none.stable);
  CHECK(none.mean_wait == 0);
  CHECK(none.service_level == 1);
}

// Call Centre Helper, "Erlang C Formula - Made Simple with an Easy Worked Example"
// (callcentrehelper.com): 100 calls in 30 minutes, 180 s average handle time, target 80% of calls
// answered in 20 s. Traffic 10 erlangs; with 11 agents the probability of waiting is 68.21%,
// the service level 39% and the average speed of answer 122.8 s; 14 agents are needed
// (13 give 79.6%, 14 give 88.8%).
TEST_CASE("erlang: the Call Centre Helper worked example") {
  const double arrivals = 100.0 / 1800.0;
  const journey::QueueFigures eleven = mmc_queue(arrivals, 180, 11, 20);
  CHECK(eleven.traffic == Approx(10.0));
  CHECK(eleven.p_wait == Approx(0.6821).epsilon(0.0005));
  CHECK(eleven.mean_wait == Approx(122.8).epsilon(0.001));
  CHECK(eleven.service_level == Approx(0.39).epsilon(0.01));
  CHECK(mmc_queue(arrivals, 180, 13, 20).service_level == Approx(0.796).epsilon(0.001));
  CHECK(mmc_queue(arrivals, 180, 14, 20).service_level == Approx(0.888).epsilon(0.001));
  CHECK(agents_needed(arrivals, 180, 0.8, 20) == 14);
}

// Westbay Engineers, "The Erlang-C formula" (westbay.ndirect.co.uk/erlang.htm): 360 calls per
// half hour, 4 minutes each, 55 agents, target 15 s. Traffic 48 erlangs, occupancy 0.873,
// probability of waiting 24.0%, average speed of answer 8.2 s, service level 84.6%.
TEST_CASE("erlang: the Westbay Engineers worked example") {
  const journey::QueueFigures q = mmc_queue(360.0 / 1800.0, 240, 55, 15);
  CHECK(q.traffic == Approx(48.0));
  CHECK(q.utilisation == Approx(0.873).epsilon(0.001));
  CHECK(q.p_wait == Approx(0.240).epsilon(0.01));
  CHECK(q.mean_wait == Approx(8.2).epsilon(0.01));
  CHECK(q.service_level == Approx(0.846).epsilon(0.001));
}

TEST_CASE("erlang: a queue at or over capacity grows without end") {
  const journey::QueueFigures full = mmc_queue(10.0 / 180.0, 180, 10, 20);
  CHECK_FALSE(full.stable);
  CHECK(full.utilisation == Approx(1.0));
  CHECK(std::isinf(full.mean_wait));
  CHECK(full.service_level == 0);
  CHECK_FALSE(mmc_queue(1, 180, 0, 20).stable);
  CHECK(agents_needed(10.0 / 180.0, 180, 0.8, 20) > 10);
}

TEST_CASE("erlang: stable for large contact centres (no factorials, no overflow)") {
  // 5,000 agents at 98% occupancy: A^c / c! overflows a double many times over.
  const double traffic = 4900;
  const double c = erlang_c(5000, traffic);
  CHECK(std::isfinite(c));
  CHECK(c > 0);
  CHECK(c < 1);
  // More agents never make the wait longer.
  double previous = 1.0;
  for (std::size_t agents = 4901; agents < 5100; ++agents) {
    const double p = erlang_c(agents, traffic);
    CHECK(p <= previous);
    previous = p;
  }
  const std::size_t needed = agents_needed(traffic / 300.0, 300, 0.8, 20);
  CHECK(needed > 4900);
  CHECK(needed < 5100);
  CHECK(mmc_queue(traffic / 300.0, 300, needed, 20).service_level >= 0.8);
  CHECK(mmc_queue(traffic / 300.0, 300, needed - 1, 20).service_level < 0.8);
}

namespace {

/// Mean wait and share answered within `target` of `customers` through a first-come first-served
/// M/M/c queue: each arrival takes the agent that frees up first.
struct Simulated {
  double mean_wait = 0;
  double within = 0;
  double waited = 0;
};
Simulated simulate_mmc(double arrivals_per_second, double handle_seconds, std::size_t agents,
                       double target, std::size_t customers, unsigned seed) {
  std::mt19937_64 random(seed);
  std::exponential_distribution<double> gap(arrivals_per_second);
  std::exponential_distribution<double> handle(1.0 / handle_seconds);
  std::priority_queue<double, std::vector<double>, std::greater<>> free_at;
  for (std::size_t a = 0; a < agents; ++a) {
    free_at.push(0.0);
  }
  const std::size_t warm_up = customers / 10;
  double now = 0;
  double total_wait = 0;
  std::size_t answered_within = 0;
  std::size_t waited = 0;
  for (std::size_t i = 0; i < customers + warm_up; ++i) {
    now += gap(random);
    const double agent_free = free_at.top();
    free_at.pop();
    const double start = std::max(now, agent_free);
    free_at.push(start + handle(random));
    if (i >= warm_up) {
      total_wait += start - now;
      answered_within += start - now <= target ? 1 : 0;
      waited += start > now ? 1 : 0;
    }
  }
  const auto n = static_cast<double>(customers);
  return {total_wait / n, static_cast<double>(answered_within) / n,
          static_cast<double>(waited) / n};
}

} // namespace

TEST_CASE("erlang: agrees with a discrete-event simulation of the M/M/c queue") {
  struct Case {
    double arrivals;
    double handle;
    std::size_t agents;
  };
  // Occupancy 80% on 3 agents, 90% on 10, 70% on 1.
  for (const Case c : {Case{2.4 / 300, 300, 3}, Case{9.0 / 180, 180, 10}, Case{0.7 / 60, 60, 1}}) {
    CAPTURE(c.agents);
    const journey::QueueFigures exact = mmc_queue(c.arrivals, c.handle, c.agents, 20);
    const Simulated sim = simulate_mmc(c.arrivals, c.handle, c.agents, 20, 1'000'000, 12345);
    CHECK(sim.mean_wait == Approx(exact.mean_wait).epsilon(0.05));
    CHECK(sim.waited == Approx(exact.p_wait).epsilon(0.02));
    CHECK(sim.within == Approx(exact.service_level).epsilon(0.02));
  }
}
