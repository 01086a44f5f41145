// Erlang C: the M/M/c queue of a contact centre (waits, service level, agents needed).
#pragma once

#include <cstddef>

namespace journey {

/// Erlang B blocking probability for `agents` servers offered `traffic` erlangs, by the stable
/// recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)): no factorials, no powers.
double erlang_b(std::size_t agents, double traffic);

/// Erlang C: the probability that a contact waits, from Erlang B as
/// C = c B / (c - A (1 - B)); 1 when the traffic reaches the agents (A >= c).
double erlang_c(std::size_t agents, double traffic);

/// The steady state of an M/M/c queue (Poisson arrivals, exponential handle times, c agents).
struct QueueFigures {
  double traffic = 0;       ///< offered load A = arrival rate x handle time, in erlangs
  double utilisation = 0;   ///< A / c; the queue is stable only below 1
  bool stable = false;      ///< A < c: the queue settles; otherwise it grows without end
  double p_wait = 1;        ///< Erlang C: share of contacts that wait at all
  double mean_wait = 0;     ///< average speed of answer, seconds (infinite when unstable)
  double service_level = 0; ///< share answered within the target
};

/// Figures of a queue with `arrivals_per_second`, mean `handle_seconds` and `agents`, and the
/// share answered within `target_seconds`: SL = 1 - C exp(-(c - A) t / h).
QueueFigures mmc_queue(double arrivals_per_second, double handle_seconds, std::size_t agents,
                       double target_seconds);

/// The fewest agents that answer `share` of contacts within `target_seconds` (at least the
/// fewest that keep the queue stable, floor(A) + 1); 0 when there is no traffic.
std::size_t agents_needed(double arrivals_per_second, double handle_seconds, double share,
                          double target_seconds);

} // namespace journey
