// Compare formats: current against future state per month as text, JSON, CSV or Markdown.
#pragma once

#include "journey/model/names.h"
#include "journey/portfolio/compare.h"

#include <string>

namespace journey {

enum class CompareFormat { Text, Json, Csv, Markdown };

/// The names of the compare formats; `md` is another name for `markdown`.
inline constexpr Named<CompareFormat> kCompareFormatNames[] = {
    {"text", CompareFormat::Text},
    {"json", CompareFormat::Json},
    {"csv", CompareFormat::Csv},
    {"markdown", CompareFormat::Markdown},
    {"md", CompareFormat::Markdown}};

/// A figure's value as shown: `12,000`, `84,000.00` for money, `1,250 h`, `3d 4h`, `85.0%`,
/// `4.25` FTE; `-` when undefined.
std::string format_figure(FigureUnit unit, double value);
/// The change, signed: `+1,200`, `-3,400.00`, `-2d 1h`, `-5.0 pp`; `0` when unchanged, `-`
/// when undefined.
std::string format_figure_change(const FigureChange &f);

/// A table per journey (and the portfolio), one row per figure (rows 0 in both states left
/// out), then the journeys added and removed and the notes.
std::string format_compare_text(const Comparison &c);

/// GitHub Flavored Markdown for a pull-request comment: a heading, a summary line, a table per
/// journey (and the portfolio); every cell escaped.
std::string format_compare_markdown(const Comparison &c);

/// `{"current", "future", "journeys": [{"journey", "current_file", "future_file", "monthly",
/// "figures": [{"key", "label", "unit", "current", "future", "difference", "relative",
/// "higher_is_better", "neutral", "worse"}]}], "totals", "added", "removed", "notes",
/// "changed"}`; durations in
/// seconds, hours in hours, undefined values null; `totals` null for one journey.
std::string format_compare_json(const Comparison &c);

/// `scope,journey,key,label,unit,current,future,difference,relative` rows (scope `journey`,
/// `portfolio`, `added` or `removed`); text fields neutralised (`csv_field`), undefined empty.
std::string format_compare_csv(const Comparison &c);

/// Dispatches on `format`.
std::string format_compare(const Comparison &c, CompareFormat format);

} // namespace journey
