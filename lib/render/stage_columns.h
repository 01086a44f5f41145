// Stage columns: which stage each step is drawn in, in the order every view shows stages.
#pragma once

#include "journey/analysis/journey_graph.h"

#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// The name of the column of the steps without a stage.
inline constexpr std::string_view kNoStage = "(no stage)";

/// The column of each step by index: declared stages first, then names used but not declared
/// in order of first use, then `(no stage)` for reachable steps without one. `columns` receives
/// the names. Every step is -1 when no step names a stage; unreachable steps are always -1.
std::vector<int> stage_columns(const JourneyGraph &graph, std::vector<std::string> &columns);

} // namespace journey
