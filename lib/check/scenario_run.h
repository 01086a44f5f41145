// Scenario runs: the future state a scenario makes of a checked current state.
#pragma once

#include "journey/check/check.h"
#include "journey/model/scenario.h"

#include <vector>

namespace journey {

/// The journeys of a current state with a scenario applied, linted and measured again.
struct ScenarioRun {
  CheckRun run;                         ///< the future state, in the current state's order
  std::vector<Diagnostic> errors;       ///< changes that name what does not exist
};

/// Applies `scenario` to the journeys of `current` (those fit for measuring), then lints and
/// measures each changed journey with the configuration in force for its file; unchanged
/// journeys keep their findings and figures. A journey the scenario breaks (a lint error) is
/// left out of measuring, as in any run (`CheckRun::left_out`).
ScenarioRun check_scenario(const CheckRun &current, const Scenario &scenario);

} // namespace journey
