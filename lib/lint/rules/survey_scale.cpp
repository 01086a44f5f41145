// Rule survey-scale: an NPS, CES or CSAT outside its scale (and, as `unknown-reference`, a survey of
// a step that is not in the journey).
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/suggest.h"
#include "journey/model/text.h"

#include <fmt/format.h>

#include <unordered_set>

namespace journey::rules {

std::string survey_subject(const Survey &survey) {
  return survey.step.empty() ? fmt::format("the survey of {}", survey.date)
                             : fmt::format("the survey of step `{}` on {}", survey.step,
                                           survey.date);
}

void check_survey_scale(const Journey &journey, const RuleContext &, Reporter &out) {
  std::vector<std::string_view> step_ids;
  for (const Step &s : journey.steps) {
    step_ids.push_back(s.id);
  }
  const std::unordered_set<std::string_view> known(step_ids.begin(), step_ids.end());
  for (const Survey &survey : journey.surveys) {
    for (SurveyMeasure m : kSurveyMeasures) {
      const std::optional<SurveyScore> &score = survey.score(m);
      const SurveyScale &scale = survey_scale(m);
      if (score && (score->value < scale.minimum || score->value > scale.maximum)) {
        out.report_in(survey.file, "survey-scale",
                      fmt::format("{} gives {} {}, outside its scale: {}; check the figure "
                                  "against the survey report",
                                  survey_subject(survey), scale.label,
                                  format_decimal(score->value, 2), scale.meaning),
                      score->location);
      }
    }
    if (!survey.step.empty() && !known.contains(survey.step)) {
      out.report_in(survey.file, "unknown-reference",
                    fmt::format("{} names step `{}`, which is not in the journey{}: fix the id, "
                                "or leave `step` out for the whole journey",
                                survey_subject(survey), survey.step,
                                step_ids.size() <= 10'000 ? did_you_mean(survey.step, step_ids)
                                                          : std::string()),
                    either(survey.step_location, survey.location));
    }
  }
}

} // namespace journey::rules
