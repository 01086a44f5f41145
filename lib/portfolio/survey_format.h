// Measured experience as the report and `journey diff` show it: latest scores, trends, changes.
#pragma once

#include "journey/model/survey.h"
#include "journey/portfolio/diff.h"

#include <string>
#include <vector>

namespace journey {

/// The report's "Measured experience" part of a journey: a table of the latest NPS, CES and
/// CSAT of the journey and of each step surveyed (date, sample, change since the previous
/// result) and, for a measure with results on several dates, a small inline SVG trend
/// (`role="img"` with a `<title>`, no script, every text escaped). Empty without results.
std::string report_surveys_html(const std::vector<Survey> &surveys);

/// A trend of one measure's history as inline SVG, oldest left; empty under two points.
std::string survey_trend_svg(SurveyMeasure measure, const std::vector<ScorePoint> &history,
                             std::string_view subject);

/// How the latest scores moved between two versions of a journey, as `journey diff` lists
/// changed fields: one `NPS`, `CES` or `CSAT` change per measure of the journey (and `NPS of
/// step id` per step) whose latest result differs, e.g. `+12 (2025-03-31, n=400)` to
/// `+18 (2025-06-30, n=410), +6`.
std::vector<FieldChange> survey_changes(const std::vector<Survey> &before,
                                        const std::vector<Survey> &after);

} // namespace journey
