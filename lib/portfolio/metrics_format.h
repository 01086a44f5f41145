// Metrics formats: the `journey metrics` output as a text table per journey, JSON or CSV.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/model/names.h"

#include <string>
#include <vector>

namespace journey {

enum class MetricsFormat { Text, Json, Csv };

/// The names of the metrics formats.
inline constexpr Named<MetricsFormat> kMetricsFormatNames[] = {
    {"text", MetricsFormat::Text}, {"json", MetricsFormat::Json}, {"csv", MetricsFormat::Csv}};

/// Per journey a compact table (expected, min, max) with human durations, outcomes, right first
/// time, flow efficiency, the critical path, the top waits and any note; `-` when undefined.
std::string format_metrics_text(const std::vector<JourneyMetrics> &all);

/// One object per journey, durations in seconds, undefined values null; an array when `array`
/// is set or there is not exactly one journey.
std::string format_metrics_json(const std::vector<JourneyMetrics> &all, bool array);

/// `{"journeys": [...], "portfolio": {"journeys", "journeys_with_volume", "monthly",
/// "capacity"}}`: the journeys as `format_metrics_json` writes them, the monthly figures summed
/// over every journey with a volume (loads on a shared channel or team added up; null when none
/// has a volume) and the capacity of each staffed channel and team against that load.
std::string format_metrics_portfolio_json(const std::vector<JourneyMetrics> &all);

/// A header row, then one row per journey (RFC 4180 quoting); undefined values are empty.
std::string format_metrics_csv(const std::vector<JourneyMetrics> &all);

/// What a row of the CSV stands for: a journey, a stage of a journey, or a persona's walk.
enum class MetricsRows { Journey, Stage, Persona };

/// The names of the row kinds (`journey metrics --by`).
inline constexpr Named<MetricsRows> kMetricsRowsNames[] = {{"journey", MetricsRows::Journey},
                                                          {"stage", MetricsRows::Stage},
                                                          {"persona", MetricsRows::Persona}};

/// A header row, then one row per stage (or persona) of each journey that has them: the
/// journey's id, the stage's (persona's) name, then its expected figures.
std::string format_metrics_csv_by(const std::vector<JourneyMetrics> &all, MetricsRows rows);

/// Dispatches on `format`; `array` as for `format_metrics_json`.
std::string format_metrics(const std::vector<JourneyMetrics> &all, MetricsFormat format,
                           bool array);

} // namespace journey
