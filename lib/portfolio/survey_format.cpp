// Measured experience in the report (table and inline SVG trends) and in `journey diff`.
#include "journey/portfolio/survey_format.h"

#include "journey/portfolio/cells.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace journey {
namespace {

/// The steps surveyed, in order of first result; "" (the whole journey) first when present.
std::vector<std::string> subjects(const std::vector<Survey> &surveys) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Survey &s : surveys) {
    if (s.step.empty() && seen.insert("").second) {
      out.insert(out.begin(), "");
    }
  }
  for (const Survey &s : surveys) {
    if (!s.step.empty() && seen.insert(s.step).second) {
      out.push_back(s.step);
    }
  }
  return out;
}

std::string point_text(SurveyMeasure m, const ScorePoint &p) {
  return fmt::format("{} ({}{})", format_score(m, p.value), p.date,
                     p.sample ? ", n=" + format_count(*p.sample) : "");
}

/// The least span of a trend's vertical axis, so that noise does not fill the chart.
double least_span(SurveyMeasure m) {
  return m == SurveyMeasure::Ces ? 1.0 : 10.0;
}

} // namespace

std::string survey_trend_svg(SurveyMeasure measure, const std::vector<ScorePoint> &history,
                             std::string_view subject) {
  if (history.size() < 2) {
    return {};
  }
  constexpr double kWidth = 260, kHeight = 64, kLeft = 8, kRight = 8, kTop = 14, kBottom = 14;
  const SurveyScale &scale = survey_scale(measure);
  double low = history.front().value;
  double high = low;
  for (const ScorePoint &p : history) {
    low = std::min(low, p.value);
    high = std::max(high, p.value);
  }
  if (high - low < least_span(measure)) {
    const double middle = (high + low) / 2;
    low = middle - least_span(measure) / 2;
    high = middle + least_span(measure) / 2;
  }
  const int first = history.front().day;
  const double days = std::max(1, history.back().day - first);
  const auto x = [&](const ScorePoint &p) {
    return kLeft + (kWidth - kLeft - kRight) * (p.day - first) / days;
  };
  const auto y = [&](const ScorePoint &p) {
    return kTop + (kHeight - kTop - kBottom) * (high - p.value) / (high - low);
  };
  const ScorePoint &last = history.back();
  const std::string title =
      fmt::format("{} of {}: {} results from {} to {}; latest {}", scale.label, subject,
                  history.size(), history.front().date, last.date, point_text(measure, last));
  std::string points;
  std::string dots;
  for (const ScorePoint &p : history) {
    points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x(p), y(p));
    dots += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\"><title>{}</title></circle>",
                        x(p), y(p), escape_html_text(point_text(measure, p)));
  }
  const bool better = last.value >= history[history.size() - 2].value;
  return fmt::format(
      "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {0} {1}\"><title>{2}</title>"
      "<polyline points=\"{3}\" fill=\"none\" stroke=\"{4}\" stroke-width=\"2\"/>"
      "<g fill=\"{4}\">{5}</g>"
      "<text x=\"{6}\" y=\"{1}\" font-size=\"10\" fill=\"#666\">{7}</text>"
      "<text x=\"{8}\" y=\"{1}\" font-size=\"10\" fill=\"#666\" text-anchor=\"end\">{9}</text>"
      "</svg>",
      kWidth, kHeight, escape_html_text(title), points, better ? "#1e8449" : "#c0392b", dots,
      kLeft, escape_html_text(history.front().date), kWidth - kRight, escape_html_text(last.date));
}

std::string report_surveys_html(const std::vector<Survey> &surveys) {
  std::string rows;
  std::string trends;
  for (const std::string &step : subjects(surveys)) {
    const std::string subject = step.empty() ? "the journey" : "step " + step;
    for (SurveyMeasure m : kSurveyMeasures) {
      const std::vector<ScorePoint> history = score_history(surveys, m, step);
      if (history.empty()) {
        continue;
      }
      const ScorePoint &last = history.back();
      const std::string change =
          history.size() > 1
              ? fmt::format("{} since {}",
                            format_score_change(m, last.value - history[history.size() - 2].value),
                            history[history.size() - 2].date)
              : std::string("first result");
      rows += fmt::format(
          "<tr><th scope=\"row\">{}{}</th><td class=\"num\">{}</td><td>{}</td>"
          "<td class=\"num\">{}</td><td>{}</td></tr>\n",
          survey_scale(m).label,
          step.empty() ? std::string() : " of <code>" + escape_html_text(step) + "</code>",
          escape_html_text(format_score(m, last.value)), escape_html_text(last.date),
          last.sample ? format_count(*last.sample) : std::string("n/a"),
          escape_html_text(change));
      const std::string svg = survey_trend_svg(m, history, subject);
      if (!svg.empty()) {
        trends += fmt::format("<figure class=\"trend\" style=\"margin:0\">{}<figcaption "
                              "style=\"font-size:.85em;color:#555\">{}{}</figcaption></figure>\n",
                              svg, survey_scale(m).label,
                              step.empty() ? std::string()
                                           : " of <code>" + escape_html_text(step) + "</code>");
      }
    }
  }
  if (rows.empty()) {
    return {};
  }
  return "<h3>Measured experience</h3>\n<table class=\"metrics surveys\">\n<thead><tr><th "
         "scope=\"col\">Measure</th><th scope=\"col\">Latest</th><th scope=\"col\">Date</th><th "
         "scope=\"col\">Sample</th><th scope=\"col\">Change</th></tr></thead>\n" +
         rows + "</table>\n" + (trends.empty() ? ""
                         : "<div class=\"trends\" style=\"display:flex;flex-wrap:wrap;gap:1em\">\n" +
                               trends + "</div>\n");
}

std::vector<FieldChange> survey_changes(const std::vector<Survey> &before,
                                        const std::vector<Survey> &after) {
  std::vector<std::string> steps = subjects(after);
  for (const std::string &s : subjects(before)) {
    if (std::find(steps.begin(), steps.end(), s) == steps.end()) {
      steps.push_back(s);
    }
  }
  std::vector<FieldChange> out;
  for (const std::string &step : steps) {
    for (SurveyMeasure m : kSurveyMeasures) {
      const std::vector<ScorePoint> old_history = score_history(before, m, step);
      const std::vector<ScorePoint> new_history = score_history(after, m, step);
      const ScorePoint *was = old_history.empty() ? nullptr : &old_history.back();
      const ScorePoint *now = new_history.empty() ? nullptr : &new_history.back();
      if (was == nullptr && now == nullptr) {
        continue;
      }
      if (was != nullptr && now != nullptr && was->day == now->day && was->value == now->value &&
          was->sample == now->sample) {
        continue;
      }
      FieldChange change;
      change.field = std::string(survey_scale(m).label) + (step.empty() ? "" : " of step " + step);
      change.before = was != nullptr ? point_text(m, *was) : "(none)";
      change.after = now != nullptr ? point_text(m, *now) : "(none)";
      if (was != nullptr && now != nullptr) {
        change.after += ", " + format_score_change(m, now->value - was->value);
      }
      out.push_back(std::move(change));
    }
  }
  return out;
}

} // namespace journey
