// Rule survey-date: a survey result dated after today, usually a mistyped year or month.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

namespace journey::rules {

void check_survey_date(const Journey &journey, const RuleContext &context, Reporter &out) {
  for (const Survey &survey : journey.surveys) {
    if (survey.day && *survey.day > context.today) {
      out.report_in(survey.file, "survey-date",
                    fmt::format("{} is after today ({}): a result cannot be measured before "
                                "the survey closes; check the year and the month",
                                survey_subject(survey), format_date(context.today)),
                    either(survey.date_location, survey.location));
    }
  }
}

} // namespace journey::rules
