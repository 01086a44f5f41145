// Monte Carlo simulation: N customers walk the journey graph, each wait and time drawn from its
// spread; percentiles of lead time, wait and customer effort per outcome, in memory independent
// of N and the same for a given seed whatever the number of threads.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/model/expected.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace journey {

/// What to simulate.
struct SimulationOptions {
  std::uint64_t customers = 100'000;
  std::uint64_t seed = 1;
  unsigned jobs = 1; ///< threads; the result does not depend on it
  /// Customers per block: block b draws from pcg32 stream b of `seed`, so the result depends on
  /// the seed and the block size, never on which thread ran which block.
  std::uint64_t block = 8192;
  /// A walk longer than this many steps is stopped and counted as unfinished (a trap).
  std::uint64_t max_steps = 1'000'000;
};

/// A streaming distribution of non-negative values: a log-scale histogram with 512 bins per
/// doubling (each bin spans 0.2% of its values), exact count, min and max per bin, and an exact
/// fixed-point sum. Its size does not depend on how many values it holds; merging is exact and
/// order-independent.
class Distribution {
public:
  static constexpr int kSubBits = 9;
  static constexpr int kOctaves = 48; ///< 1 s .. 2^48 s; below 1 s one bin, above one bin
  static constexpr std::size_t kBins = (std::size_t{kOctaves} << kSubBits) + 2;

  Distribution();
  void add(double x);
  void merge(const Distribution &other);

  std::uint64_t count() const { return count_; }
  double mean() const;
  double max() const { return count_ == 0 ? 0.0 : max_; }
  /// The smallest value at least a share `q` of the values are at most (nearest rank): exact when
  /// the values of its bin are all equal, else interpolated within the bin (error below 0.2%).
  double quantile(double q) const;
  /// How many values fall in [from, to), counted by bin (a bin straddling `to` counts where its
  /// values lie if they are all equal, else in proportion to its span).
  double count_between(double from, double to) const;

private:
  static std::size_t bin(double x);
  /// A bin's count and its smallest and largest value, side by side (one cache line per add).
  struct Bin {
    std::uint64_t count = 0;
    double low = 0;
    double high = 0;
  };
  /// Grows the stored window of bins to hold bins `low` to `high`, with room to spare.
  void cover(std::size_t low, std::size_t high);
  Bin &at(std::size_t k) { return bins_[k - base_]; }
  const Bin &at(std::size_t k) const { return bins_[k - base_]; }
  /// Bins `base_` to `base_ + bins_.size() - 1` only: a distribution is copied, merged and read
  /// over the span of its values, not all `kBins`.
  std::vector<Bin> bins_;
  std::size_t base_ = 0;
  /// The bins holding values lie in [first_, last_]: reading and merging skip the rest.
  std::size_t first_ = kBins;
  std::size_t last_ = 0;
  std::uint64_t count_ = 0;
  double max_ = 0;
  __extension__ __int128 sum_ = 0; ///< in 1/1024 s
};

/// The figures simulated.
/// Closed time is the part of the wait spent ready while the step's team, channel or the
/// customer's hours were closed (0 for every customer of a journey without calendars).
enum class SimMeasure { LeadTime, WaitTime, CustomerEffort, ClosedTime };
inline constexpr std::size_t kSimMeasures = 4;
/// The groups of customers: all, then by how their walk ended.
enum class SimGroup { All, Success, Abandon, Failure, NoEnd, Unfinished };
inline constexpr std::size_t kSimGroups = 6;

/// The distributions of one group of customers.
struct GroupResult {
  std::array<Distribution, kSimMeasures> measures;
  std::uint64_t held_up = 0; ///< customers held up at least once by a closure
};

/// Whose hours held customers up: a team, a channel, or the customers' own hours.
struct ClosureSource {
  std::string kind; ///< `team`, `channel` or `customer`
  std::string id;   ///< the team's or channel's id; empty for the customer
  std::string name; ///< for people
  double seconds = 0; ///< closed time it caused, over all customers
  std::uint64_t customers = 0; ///< customers it held up at least once
};

/// The result of a simulation.
struct SimulationResult {
  std::string journey;
  std::string file;
  std::uint64_t customers = 0;
  std::uint64_t seed = 0;
  std::vector<GroupResult> groups; ///< indexed by SimGroup
  bool spreads = false;            ///< some step has a spread (else only branches vary)
  /// The journey has calendars (`uses_calendars`): customers start at times drawn from
  /// `arrivals` and steps wait for their hours; otherwise time runs without calendars.
  bool calendars = false;
  /// Whose hours caused closed time, most closed time first (ties in the order the steps first use them); those that
  /// held nobody up are left out.
  std::vector<ClosureSource> closures;
  /// Why nobody was simulated (a loop with no way out catches walks for ever); empty when done.
  std::string problem;

  const Distribution &get(SimGroup g, SimMeasure m) const {
    return groups[static_cast<std::size_t>(g)].measures[static_cast<std::size_t>(m)];
  }
};

/// Walks `options.customers` customers from the entry (none, with `problem` set, when the walk
/// can be caught in a loop with no way out), following the branch probabilities
/// (cumulative tables per step, one 32-bit draw per step with a choice of branches) and drawing each wait and time from
/// its spread (uniform; log-normal by the polar method), on `options.jobs` threads. With calendars
/// each customer starts at a time of the week drawn from `arrivals`; a step ready while its
/// team's hours (else its channel's; for `actor: customer` steps also the customer's hours) are
/// closed starts at the next opening, and a working-time wait runs through the team's, else
/// channel's, open time. The active time of a step, once started, runs on.
SimulationResult simulate(const JourneyGraph &graph, const SimulationOptions &options);

std::string_view to_string(SimGroup g);
std::string_view to_string(SimMeasure m);

} // namespace journey
