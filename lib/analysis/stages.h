// Stages in the numbers: the journey's most likely path, and expected figures per stage.
#pragma once

#include "journey/analysis/journey_graph.h"

#include <cstddef>
#include <string>
#include <vector>

namespace journey {

/// The most likely path: from the entry, the most probable way on at each step (the first written
/// on ties), never along an edge that closes a loop, until the walk leaves the graph or would
/// come back to a step already on the path. Step indexes, entry first; linear in the graph.
std::vector<std::size_t> main_path(const JourneyGraph &graph);

/// True when some step names a stage (a stage order inherited from the catalog alone does not
/// count: not every journey of a catalog is mapped in stages).
bool has_stages(const Journey &journey);

/// Expected figures of one stage per customer starting the journey.
struct StageFigures {
  std::string stage;       ///< the stage's name; empty for the steps without a stage
  bool declared = false;   ///< in the journey's (or catalog's) `stages`
  std::size_t steps = 0;   ///< steps of the definition in the stage
  double visits = 0;       ///< expected passes through its steps
  double lead_time = 0;    ///< seconds: expected wait + time
  double wait_time = 0;    ///< seconds
  double cost = 0;
  double pain = 0;         ///< expected pain points met (passes x pain points of the step)
  double emotion = 0;      ///< mean emotion over the passes through steps with one; NaN if none
};

/// One row per declared stage (in order), then per stage named but not declared (in order of
/// first use), then `(no stage)` when some step has none. Each figure is the sum over the stage's
/// steps of expected visits x the step's figure, so the rows add up to the journey's expected
/// lead time, wait and cost. `visits` are the expected visits of each step (`expected_visits`);
/// `wait` each step's wait with computed queues filled in.
std::vector<StageFigures> stage_figures(const JourneyGraph &graph,
                                        const std::vector<double> &visits,
                                        const std::vector<double> &wait);

} // namespace journey
