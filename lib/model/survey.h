// Measured experience: dated survey results (NPS, CES, CSAT) of a journey or one of its steps.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/expected.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// What a survey measured.
enum class SurveyMeasure { Nps, Ces, Csat };

/// Every measure, in the order tables and documentation list them.
inline constexpr std::array<SurveyMeasure, 3> kSurveyMeasures{SurveyMeasure::Nps, SurveyMeasure::Ces,
                                                              SurveyMeasure::Csat};

/// The scale a measure is written on.
struct SurveyScale {
  std::string_view key;   ///< the YAML key and JSON name: `nps`, `ces`, `csat`
  std::string_view label; ///< as column headings show it: `NPS`, `CES`, `CSAT`
  double minimum;
  double maximum;
  int decimals;           ///< shown with this many decimals
  std::string_view unit;  ///< after the number: `%` for CSAT, else empty
  std::string_view meaning; ///< the scale in a participant's words
};

/// NPS: -100 to 100 (% promoters minus % detractors). CES: the mean answer from 1 to 7 to "the
/// organisation made it easy for me", 7 the easiest. CSAT: the % of respondents satisfied (4 or 5
/// of 5), 0 to 100. Higher is better for all three.
const SurveyScale &survey_scale(SurveyMeasure measure);

/// Sample sizes below this many respondents are too small to trust (rule `survey-sample`).
inline constexpr double kSmallSample = 30;

/// One measured score, with where it was written.
struct SurveyScore {
  double value = 0;
  Location location;
};

/// One dated survey result: any of NPS, CES and CSAT, of the whole journey or of one step.
struct Survey {
  std::string file;            ///< the file it was written in: the journey's or its sidecar
  Location location;           ///< the entry's first key
  std::string date;            ///< as written: `2025-03-31`
  std::optional<int> day;      ///< days since 1970-01-01; empty when the date is not valid
  Location date_location;
  std::string step;            ///< the step surveyed; empty for the whole journey
  Location step_location;
  std::optional<double> sample; ///< respondents
  Location sample_location;
  std::array<std::optional<SurveyScore>, kSurveyMeasures.size()> scores;

  const std::optional<SurveyScore> &score(SurveyMeasure m) const {
    return scores[static_cast<std::size_t>(m)];
  }
  std::optional<SurveyScore> &score(SurveyMeasure m) { return scores[static_cast<std::size_t>(m)]; }
};

/// Reads a calendar date `YYYY-MM-DD` (years 1900 to 9999) as days since 1970-01-01; on a bad
/// date, the reason.
Expected<int> parse_date(std::string_view text);
/// `YYYY-MM-DD` of days since 1970-01-01.
std::string format_date(int day);
/// Today (UTC) as days since 1970-01-01, or the date in `JOURNEY_TODAY` when it is set and valid,
/// so that runs and tests can be repeated on any day.
int today();

/// One point of a measure's history.
struct ScorePoint {
  int day = 0;
  std::string date;
  double value = 0;
  std::optional<double> sample;
};

/// The results for `measure` of the journey (`step` empty) or of one step, oldest first; entries
/// without a valid date are left out; two results on one date keep file order.
std::vector<ScorePoint> score_history(const std::vector<Survey> &surveys, SurveyMeasure measure,
                                      std::string_view step = {});

/// A score as shown: `+12` for NPS, `5.4` for CES, `78%` for CSAT.
std::string format_score(SurveyMeasure measure, double value);
/// A change of score as shown: `+6`, `-0.3`, `+4 pts`.
std::string format_score_change(SurveyMeasure measure, double change);

} // namespace journey
