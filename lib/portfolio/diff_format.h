// Journey diff formats: text for terminals, Markdown for pull-request comments and job summaries,
// JSON for tools.
#pragma once

#include "journey/model/names.h"
#include "journey/portfolio/diff.h"

#include <string>

namespace journey {

enum class DiffFormat { Text, Json, Markdown };

/// The names of the diff formats; `md` is another name for `markdown`.
inline constexpr Named<DiffFormat> kDiffFormatNames[] = {{"text", DiffFormat::Text},
                                                         {"json", DiffFormat::Json},
                                                         {"markdown", DiffFormat::Markdown},
                                                         {"md", DiffFormat::Markdown}};

/// Sections for the journey's own fields, steps added, removed and changed, and the metrics
/// that moved (with their budgets), then a one-line summary.
std::string format_diff_text(const JourneyDiff &diff);

/// GitHub Flavored Markdown: a heading, the summary line, then tables of the journey's fields,
/// the steps added, removed and changed (one row per changed field) and the metrics that moved;
/// every cell escaped (`markdown_cell`).
std::string format_diff_markdown(const JourneyDiff &diff);

/// `{"before", "after", "journey", "fields", "steps": {"added", "removed", "changed"},
/// "metrics": [...], "changed", "regression"}`; every metric is listed, undefined values are null.
std::string format_diff_json(const JourneyDiff &diff);

/// Dispatches on `format`.
std::string format_diff(const JourneyDiff &diff, DiffFormat format);

/// The budgeted metrics that got worse with their changes: `expected lead time +2d, ...`.
std::string format_regressions(const JourneyDiff &diff);

} // namespace journey
