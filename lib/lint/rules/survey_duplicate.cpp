// Rule survey-duplicate: two results for one measure of one journey or step on the same date.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <vector>

namespace journey::rules {

void check_survey_duplicate(const Journey &journey, const RuleContext &, Reporter &out) {
  // (step, day, measure, entry) sorted, so equal keys are neighbours: n log n.
  std::vector<std::tuple<std::string_view, int, std::size_t, std::size_t>> keys;
  for (std::size_t i = 0; i < journey.surveys.size(); ++i) {
    const Survey &s = journey.surveys[i];
    for (std::size_t m = 0; m < kSurveyMeasures.size(); ++m) {
      if (s.day && s.scores[m]) {
        keys.emplace_back(s.step, *s.day, m, i);
      }
    }
  }
  std::sort(keys.begin(), keys.end());
  for (std::size_t k = 1; k < keys.size(); ++k) {
    const auto &[step, day, m, i] = keys[k];
    const auto &[prev_step, prev_day, prev_m, first] = keys[k - 1];
    if (step != prev_step || day != prev_day || m != prev_m) {
      continue;
    }
    const Survey &s = journey.surveys[i];
    const Survey &earlier = journey.surveys[first];
    const SurveyScale &scale = survey_scale(kSurveyMeasures[m]);
    out.report_in(s.file, "survey-duplicate",
                  fmt::format("{} gives a second {} for {} (the other is at {}line {}): "
                              "a trend needs one figure per date; keep the right one, or "
                              "date the other wave",
                              survey_subject(s), scale.label, s.date,
                              earlier.file == s.file ? "" : earlier.file + " ",
                              earlier.scores[m]->location.line),
                  s.scores[m]->location);
  }
}

} // namespace journey::rules
