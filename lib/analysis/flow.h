// Flow of customers through the graph: how often each edge is taken, where customers out of sight
// come out, and shares rounded so that they add up.
#pragma once

#include "journey/analysis/journey_graph.h"

#include <cstddef>
#include <span>
#include <vector>

namespace journey {

/// Expected number of times one customer takes each edge, by edge id: the expected visits of its
/// step times its probability, on the journey's absorbing chain. Empty when there is no finite
/// expectation (a loop with no way out).
std::vector<double> edge_flow(const JourneyGraph &graph);

/// A shown step, and the probability of reaching it before any other shown step.
struct Passage {
  std::size_t to = 0;
  double p = 0;
};

/// Where customers come out who enter the steps out of sight (those not flagged in `shown`) at a
/// given step: the first shown step they reach, passing only steps out of sight, with its
/// probability, by step index. Filled for every hidden step with an edge from a shown step, and
/// for the entry when it is hidden; empty for the others. The probabilities add up to 1, less
/// the share that leaves the graph out of sight or is caught in a loop with no way out. Solved
/// group by group (hidden steps linked by edges), one absorbing-chain solve per step a group is
/// entered by; each list is sorted by step.
std::vector<std::vector<Passage>> passages_out_of_sight(const JourneyGraph &graph,
                                                        const Flags &shown);

/// Splits `total` units (100 for whole percentages, 1000 for tenths) among `shares` in proportion
/// to them, by largest remainder: the parts add up to exactly `total` and each is its exact
/// figure rounded up or down (ties go to the earlier share). All zero when the shares do not add
/// up to a positive number; negative and non-finite shares count as 0.
std::vector<long> largest_remainder(std::span<const double> shares, long total);

} // namespace journey
