// Measured experience: survey scales, dates and the history of each measure.
#include "journey/model/survey.h"

#include "journey/model/text.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace journey {

const SurveyScale &survey_scale(SurveyMeasure measure) {
  static const std::array<SurveyScale, kSurveyMeasures.size()> scales{{
      {"nps", "NPS", -100, 100, 0, "",
       "Net Promoter Score: % promoters minus % detractors, from -100 to 100"},
      {"ces", "CES", 1, 7, 1, "",
       "Customer Effort Score: the mean answer to \"they made it easy for me\", from 1 (strongly "
       "disagree) to 7 (strongly agree)"},
      {"csat", "CSAT", 0, 100, 0, "%",
       "Customer satisfaction: the % of respondents satisfied or very satisfied, from 0 to 100"},
  }};
  return scales[static_cast<std::size_t>(measure)];
}

namespace {

// Days from civil, after Howard Hinnant's algorithm (proleptic Gregorian calendar).
int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

} // namespace

Expected<int> parse_date(std::string_view text) {
  text = trim(text, " ");
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                     std::all_of(text.begin(), text.end(), [](char c) {
                       return c == '-' || (c >= '0' && c <= '9');
                     });
  if (!shape) {
    return failure("write the date as year-month-day, e.g. `2025-03-31`");
  }
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int y = number(0, 4);
  const int m = number(5, 2);
  const int d = number(8, 2);
  if (y < 1900) {
    return failure("the year must be 1900 or later");
  }
  if (m < 1 || m > 12) {
    return failure("there is no month " + std::to_string(m));
  }
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d < 1 || d > last) {
    return failure("that month has " + std::to_string(last) + " days");
  }
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_date(int day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  const auto two = [](unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(static_cast<int>(ymd.year())) + "-" +
         two(static_cast<unsigned>(ymd.month())) + "-" + two(static_cast<unsigned>(ymd.day()));
}

int today() {
  if (const char *fixed = std::getenv("JOURNEY_TODAY")) {
    if (const Expected<int> day = parse_date(fixed)) {
      return *day;
    }
  }
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(now.time_since_epoch().count());
}

std::vector<ScorePoint> score_history(const std::vector<Survey> &surveys, SurveyMeasure measure,
                                      std::string_view step) {
  std::vector<ScorePoint> out;
  for (const Survey &s : surveys) {
    const std::optional<SurveyScore> &score = s.score(measure);
    if (s.step == step && s.day && score) {
      out.push_back(ScorePoint{*s.day, s.date, score->value, s.sample});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ScorePoint &a, const ScorePoint &b) { return a.day < b.day; });
  return out;
}

std::string format_score(SurveyMeasure measure, double value) {
  const SurveyScale &scale = survey_scale(measure);
  const std::string number = format_decimal(value, scale.decimals);
  const bool plus = measure == SurveyMeasure::Nps && value > 0 && number != "0";
  return (plus ? "+" : "") + number + std::string(scale.unit);
}

std::string format_score_change(SurveyMeasure measure, double change) {
  const SurveyScale &scale = survey_scale(measure);
  const std::string number = format_decimal(change, scale.decimals);
  const bool plus = change > 0 && number != "0";
  return (plus ? "+" : "") + number + (scale.unit == "%" ? " pts" : "");
}

} // namespace journey
