// Scenario parser: a scenario file's YAML to the model, with every mistake as a diagnostic.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/scenario.h"
#include "journey/parse/keys.h"

#include <string_view>
#include <vector>

namespace journey {

/// A parsed scenario and what was wrong with its text.
struct ScenarioResult {
  Scenario scenario;
  std::vector<Diagnostic> diagnostics; ///< yaml-syntax, unknown-key, missing-field, invalid-value
  bool readable = true;                ///< false when nothing of it could be read
};

/// Parses a scenario file (docs/format.md, "Scenarios"). Steps added are read as a journey's
/// steps are; what the changes name is checked when the scenario is applied.
ScenarioResult parse_scenario(std::string_view text, std::string_view filename);

/// True when `text` is a scenario rather than a journey: a top-level `scenario:` key.
bool is_scenario_text(std::string_view text);

/// The top level of a scenario file, and its nested mappings.
const MappingRule &scenario_rule();
const MappingRule &scenario_journey_rule();
const MappingRule &scenario_step_rule();
const MappingRule &scenario_staff_rule();
const MappingRule &scenario_share_rule();
const MappingRule &scenario_removal_rule();

} // namespace journey
