// Outcome-conditional figures: expected lead time, wait, cost and effort of the walks that end in
// one outcome, exactly, from the absorbing chain conditioned on where it is absorbed.
#pragma once

#include "journey/analysis/journey_graph.h"

#include <vector>

namespace journey {

/// Expected figures of the walks that end in one kind of end.
struct OutcomeFigures {
  EndKind outcome = EndKind::Success;
  double probability = 0;     ///< of ending there
  double lead_time = 0;       ///< seconds, given the walk ends there
  double wait_time = 0;       ///< seconds
  double customer_effort = 0; ///< seconds (`customer_effort` of analysis/effort.h)
  double cost = 0;
};

/// For each kind of end the walk reaches with positive probability (success, abandon, failure, in
/// that order), the expected figures of the walks that end there. With h_o(u) the probability of
/// ending in outcome o from step u, the walk conditioned on ending in o visits step u
/// N(entry, u) h_o(u) / h_o(entry) times on average (Doob's h-transform), so each figure is
/// sum_u N(entry, u) h_o(u) figure(u) / h_o(entry). `visits` are N(entry, .) (`expected_visits`,
/// solved); empty when the chain cannot be solved. `wait` is each step's wait, with computed
/// queues (`wait: queue`) filled in.
std::vector<OutcomeFigures> outcome_figures(const JourneyGraph &graph,
                                            const std::vector<double> &visits,
                                            const std::vector<double> &wait);

} // namespace journey
