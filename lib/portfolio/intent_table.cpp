// Intent table: rows from journeys and their metrics, grouped and ordered deterministically.
#include "journey/portfolio/intent_table.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_set>

namespace journey {

std::size_t IntentTable::row_count() const {
  std::size_t n = 0;
  for (const IntentGroup &g : groups) {
    n += g.rows.size();
  }
  return n;
}

std::vector<std::string> persona_names(const Journey &journey) {
  std::vector<std::string> names;
  const auto persona_name = [&](const std::string &id) {
    const Index p = journey.find_persona(id);
    return p == npos ? id : journey.personas[static_cast<std::size_t>(p)].name;
  };
  if (!journey.persona.empty()) {
    names.push_back(persona_name(journey.persona));
  }
  for (const PersonaWalk &walk : journey.walks) {
    if (walk.persona != journey.persona) {
      names.push_back(persona_name(walk.persona));
    }
  }
  return names;
}

IntentRow make_intent_row(const Journey &journey, const JourneyMetrics &metrics) {
  IntentRow row;
  row.intent = journey.intent;
  row.journey = journey.id;
  row.title = journey.title.empty() ? journey.id : journey.title;
  row.file = journey.file;
  row.start = journey.start;
  row.ends = journey.ends;
  row.owner = journey.owner;
  std::unordered_set<Index> seen;
  for (const Step &step : journey.steps) {
    if (step.process_index != npos && seen.insert(step.process_index).second) {
      const Process &p = journey.processes[static_cast<std::size_t>(step.process_index)];
      row.processes.push_back(p.name.empty() ? p.id : p.name);
    }
  }
  row.personas = persona_names(journey);
  row.lead_time = metrics.lead_time.expected;
  row.handoffs = metrics.handoffs.expected;
  row.wait_share = metrics.lead_time.expected > 0
                       ? metrics.wait_time.expected / metrics.lead_time.expected
                       : std::numeric_limits<double>::quiet_NaN();
  row.right_first_time = metrics.right_first_time;
  row.cost = metrics.cost.expected;
  const auto success = metrics.outcomes.find("success");
  row.success = metrics.expected_defined && success != metrics.outcomes.end()
                    ? success->second
                    : std::numeric_limits<double>::quiet_NaN();

  for (std::size_t m = 0; m < kSurveyMeasures.size(); ++m) {
    std::vector<ScorePoint> history = score_history(journey.surveys, kSurveyMeasures[m]);
    if (!history.empty()) {
      row.scores[m] = std::move(history.back());
    }
  }
  return row;
}

IntentTable build_intent_table(std::vector<IntentRow> rows) {
  std::sort(rows.begin(), rows.end(), [](const IntentRow &a, const IntentRow &b) {
    return std::forward_as_tuple(a.intent.empty(), a.intent, a.title, a.journey, a.file) <
           std::forward_as_tuple(b.intent.empty(), b.intent, b.title, b.journey, b.file);
  });
  IntentTable table;
  for (IntentRow &row : rows) {
    if (table.groups.empty() || table.groups.back().intent != row.intent) {
      table.groups.push_back(IntentGroup{row.intent, {}});
    }
    table.groups.back().rows.push_back(std::move(row));
  }
  return table;
}

std::string intent_heading(const std::string &intent) {
  return intent.empty() ? "(no intent)" : intent;
}

} // namespace journey
