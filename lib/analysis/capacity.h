// Capacity: queues computed with Erlang C, and the utilisation and FTE of staffed channels and teams.
#pragma once

#include "journey/analysis/erlang.h"
#include "journey/analysis/journey_graph.h"
#include "journey/analysis/volume.h"
#include "journey/model/journey.h"

#include <string>
#include <vector>

namespace journey {

/// The queue of one staffed channel, fed by the steps of a journey with `wait: queue`.
struct ChannelQueue {
  std::string channel; ///< channel id
  std::string name;
  double arrivals_per_month = 0; ///< volume x expected passes through its `wait: queue` steps
  double open_seconds_per_month = 0;
  double handle_seconds = 0; ///< mean `time` of those steps, weighted by passes
  std::size_t agents = 0;    ///< whole agents of the channel's `staff`
  ServiceLevel target;
  QueueFigures figures;
  std::size_t agents_needed = 0; ///< to reach the target
};

/// Every queue of a journey, and the wait it puts on each step (0 where none is computed).
struct Queues {
  std::vector<ChannelQueue> channels;
  std::vector<double> wait;          ///< per step, seconds
  std::vector<std::string> problems; ///< queues that could not be computed or do not settle
};

/// Computes the queue of every channel that has steps with `wait: queue`, from the journey's
/// volume, the channel's staff and opening hours and the expected visits of each step. A queue
/// that cannot be computed (no volume, no staff) or does not settle adds a problem and no wait.
Queues compute_queues(const JourneyGraph &graph, const std::vector<double> &visits);

/// The capacity of a staffed channel or team against its monthly load.
struct Capacity {
  std::string kind; ///< `channel` or `team`
  std::string id;
  std::string name;
  double staff = 0;
  double work_hours = 0;      ///< per month: handle time (channels) or work (teams)
  double available_hours = 0; ///< per month: staff x open hours, or staff x productive hours
  double utilisation = 0;     ///< work / available
  double fte_needed = 0;      ///< staff that would do the work at 100%
};

/// Hours one person of a team works per month when the team does not say: 30 a week.
inline constexpr double kDefaultProductiveHoursPerWeek = 30.0;

/// Every staffed channel and team of `monthly`, channels first, each in the order given.
std::vector<Capacity> capacity(const MonthlyFigures &monthly);

} // namespace journey
