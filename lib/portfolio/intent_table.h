// Intent table: one row per journey (intent, title, start, ends, processes, owner, headline
// metrics), grouped by customer intent; the table a workshop hands out.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/model/journey.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace journey {

/// One journey in the intent table.
struct IntentRow {
  std::string intent;  ///< customer intent; empty when the journey names none
  std::string journey; ///< journey id
  std::string title;   ///< customer journey, in the customer's words
  std::string file;
  std::string start;                  ///< start point
  std::vector<std::string> ends;      ///< end points
  std::vector<std::string> processes; ///< names of the internal processes its steps use
  std::string owner;
  /// Names of the personas walking the journey: its `persona` first, then its `personas`.
  std::vector<std::string> personas;
  double lead_time = 0; ///< expected lead time, seconds; NaN when undefined
  double handoffs = 0;  ///< expected handoffs; NaN when undefined
  double wait_share = 0;       ///< expected wait / expected lead time; NaN when undefined
  double right_first_time = 0; ///< NaN when undefined
  double cost = 0;             ///< expected cost to serve; NaN when undefined
  double success = 0;          ///< probability of ending in success; NaN when undefined

  /// The latest NPS, CES and CSAT of the whole journey (by `kSurveyMeasures`); empty when none.
  std::array<std::optional<ScorePoint>, kSurveyMeasures.size()> scores;
};

/// The journeys serving one intent.
struct IntentGroup {
  std::string intent; ///< empty for journeys without an intent (listed last)
  std::vector<IntentRow> rows;
};

/// Every journey, grouped by intent: intents in alphabetical order (journeys without an intent
/// last), rows within an intent by title, then id, then file.
struct IntentTable {
  std::vector<IntentGroup> groups;
  std::size_t row_count() const;
};

/// The names of the personas walking a journey: its `persona` first, then its `personas` (a
/// persona's id when it is not defined).
std::vector<std::string> persona_names(const Journey &journey);

/// The row of one journey; processes are listed by name in the order the steps first use them.
IntentRow make_intent_row(const Journey &journey, const JourneyMetrics &metrics);

/// Groups and orders rows; the result does not depend on the order of `rows`.
IntentTable build_intent_table(std::vector<IntentRow> rows);

/// The heading shown for an intent: the intent, or `(no intent)`.
std::string intent_heading(const std::string &intent);

} // namespace journey
