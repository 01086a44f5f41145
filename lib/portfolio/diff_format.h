// Journey diff formats: text for people and pull-request comments, JSON for tools.
#pragma once

#include "portfolio/diff.h"

#include <string>

namespace journey {

/// Sections for the journey's own fields, steps added, removed and changed, and the metrics
/// that moved (with their budgets), then a one-line summary.
std::string format_diff_text(const JourneyDiff &diff);

/// `{"before", "after", "journey", "fields", "steps": {"added", "removed", "changed"},
/// "metrics": [...], "changed", "regression"}`; every metric is listed, undefined values are null.
std::string format_diff_json(const JourneyDiff &diff);

} // namespace journey
