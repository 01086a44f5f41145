// Rule survey-sample: a survey result from no respondents, or from too few to trust.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/text.h"

#include <fmt/format.h>

namespace journey::rules {

void check_survey_sample(const Journey &journey, const RuleContext &, Reporter &out) {
  for (const Survey &survey : journey.surveys) {
    if (!survey.sample) {
      continue;
    }
    const Location where = either(survey.sample_location, survey.location);
    if (*survey.sample == 0) {
      out.report_in(survey.file, "survey-sample",
                    fmt::format("{} has a sample of 0: nobody answered, so there is no score; "
                                "write the number of respondents, or leave the result out",
                                survey_subject(survey)),
                    where);
    } else if (*survey.sample < kSmallSample) {
      out.report_in(survey.file, "survey-sample",
                    fmt::format("{} comes from only {} answering: under {} a single customer "
                                "moves the score by several points; read it as anecdote, or "
                                "survey more customers",
                                survey_subject(survey),
                                plural(static_cast<std::size_t>(*survey.sample), "customer", "customers"),
                                format_decimal(kSmallSample, 0)),
                    where);
    }
  }
}

} // namespace journey::rules
