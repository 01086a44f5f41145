// Erlang C through the Erlang B recursion, and the figures of an M/M/c queue built on it.
#include "journey/analysis/erlang.h"

#include <cmath>
#include <limits>

namespace journey {

double erlang_b(std::size_t agents, double traffic) {
  if (!(traffic > 0)) {
    return agents == 0 ? 1.0 : 0.0;
  }
  double b = 1.0;
  for (std::size_t k = 1; k <= agents; ++k) {
    const double ab = traffic * b;
    b = ab / (static_cast<double>(k) + ab);
    if (b == 0) {
      break; // underflowed: stays 0 for every further agent
    }
  }
  return b;
}

double erlang_c(std::size_t agents, double traffic) {
  const double c = static_cast<double>(agents);
  if (!(traffic > 0)) {
    return 0.0;
  }
  if (traffic >= c) {
    return 1.0;
  }
  const double b = erlang_b(agents, traffic);
  return c * b / (c - traffic * (1.0 - b));
}

QueueFigures mmc_queue(double arrivals_per_second, double handle_seconds, std::size_t agents,
                       double target_seconds) {
  QueueFigures q;
  const double c = static_cast<double>(agents);
  q.traffic = arrivals_per_second > 0 && handle_seconds > 0 ? arrivals_per_second * handle_seconds
                                                            : 0.0;
  q.utilisation = agents > 0 ? q.traffic / c
                             : (q.traffic > 0 ? std::numeric_limits<double>::infinity() : 0.0);
  q.stable = q.traffic < c || q.traffic == 0;
  if (!q.stable) {
    q.p_wait = 1.0;
    q.mean_wait = std::numeric_limits<double>::infinity();
    q.service_level = 0.0;
    return q;
  }
  q.p_wait = erlang_c(agents, q.traffic);
  if (q.traffic == 0) {
    q.mean_wait = 0;
    q.service_level = 1;
    return q;
  }
  q.mean_wait = q.p_wait * handle_seconds / (c - q.traffic);
  q.service_level =
      1.0 - q.p_wait * std::exp(-(c - q.traffic) * std::max(0.0, target_seconds) / handle_seconds);
  return q;
}

std::size_t agents_needed(double arrivals_per_second, double handle_seconds, double share,
                          double target_seconds) {
  const double traffic = arrivals_per_second * handle_seconds;
  if (!(traffic > 0) || !std::isfinite(traffic)) {
    return 0;
  }
  constexpr double kLargest = 1e8; // agents; beyond, the recursion would take too long
  if (traffic >= kLargest) {
    return static_cast<std::size_t>(std::ceil(traffic)) + 1;
  }
  // Erlang B's recursion continues from the stable minimum upwards, one agent at a time.
  auto agents = static_cast<std::size_t>(std::floor(traffic)) + 1;
  double b = erlang_b(agents, traffic);
  for (;;) {
    const double c = static_cast<double>(agents);
    const double p_wait = c * b / (c - traffic * (1.0 - b));
    const double level =
        1.0 - p_wait * std::exp(-(c - traffic) * std::max(0.0, target_seconds) / handle_seconds);
    if (level >= share || p_wait < 1e-12) {
      return agents;
    }
    ++agents;
    const double ab = traffic * b;
    b = ab / (static_cast<double>(agents) + ab);
  }
}

} // namespace journey
