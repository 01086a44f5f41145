// Report charts as inline SVG: the emotion curve and horizontal bars, each with a title, a
// text alternative and styling from the report's style sheet (defined once per page).
#pragma once

#include "journey/analysis/emotion_curve.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// One bar of a bar chart.
struct ChartBar {
  std::string label;      ///< e.g. a step or team name, as written (escaped when drawn)
  double value = 0;       ///< the bar's length relative to the longest bar; >= 0
  std::string value_text; ///< the value as read, e.g. `3d 4h (41%)`
};

/// The emotion curve as an SVG element: stage bands with their means, a grid from -3 to +3, the
/// line broken where a step states no emotion, a pain row marking steps with pain points, and
/// step names under the axis. `names` holds each point's step name. `id` prefixes the ids of the
/// title and description (unique on the page). `role="img"`, titled, described step by step.
std::string emotion_curve_svg(const EmotionCurve &curve, std::span<const std::string> names,
                              std::string_view id);

/// One sentence on the curve for readers of the page: the mean, the lowest point, the pains.
std::string emotion_curve_summary(const EmotionCurve &curve, std::span<const std::string> names);

/// A horizontal bar chart as an SVG element, titled `title`, the bars in the order given; its
/// description lists every bar with its value text.
std::string bar_chart_svg(std::span<const ChartBar> bars, std::string_view title,
                          std::string_view id);

/// The styles the charts use, once per page.
std::string_view chart_css();

} // namespace journey
