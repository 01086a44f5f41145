// Journey diff formats: text for people and pull-request comments, JSON for tools.
#pragma once

#include "journey/model/names.h"
#include "journey/portfolio/diff.h"

#include <string>

namespace journey {

enum class DiffFormat { Text, Json };

/// The names of the diff formats.
inline constexpr Named<DiffFormat> kDiffFormatNames[] = {{"text", DiffFormat::Text},
                                                         {"json", DiffFormat::Json}};

/// Sections for the journey's own fields, steps added, removed and changed, and the metrics
/// that moved (with their budgets), then a one-line summary.
std::string format_diff_text(const JourneyDiff &diff);

/// `{"before", "after", "journey", "fields", "steps": {"added", "removed", "changed"},
/// "metrics": [...], "changed", "regression"}`; every metric is listed, undefined values are null.
std::string format_diff_json(const JourneyDiff &diff);

/// Dispatches on `format`.
std::string format_diff(const JourneyDiff &diff, DiffFormat format);

/// The budgeted metrics that got worse with their changes: `expected lead time +2d, ...`.
std::string format_regressions(const JourneyDiff &diff);

} // namespace journey
