// Personas in the numbers: branch shares laid over the journey, then measured as any journey.
#include "journey/analysis/personas.h"

#include "journey/analysis/metrics.h"

#include <limits>
#include <unordered_map>

namespace journey {

Journey walked_by(const Journey &journey, const PersonaWalk &walk) {
  Journey copy = journey;
  copy.walks.clear();
  std::unordered_map<std::string_view, std::size_t> step_of;
  for (std::size_t i = 0; i < copy.steps.size(); ++i) {
    step_of.emplace(copy.steps[i].id, i); // first definition wins, as in `resolve`
  }
  std::vector<std::uint8_t> named(copy.steps.size(), 0);
  for (const BranchShare &share : walk.shares) {
    const auto it = step_of.find(share.step);
    if (it == step_of.end()) {
      continue;
    }
    Step &step = copy.steps[it->second];
    for (const Transition &t : step.next) {
      if (t.to == share.to) {
        named[it->second] = 1;
      }
    }
  }
  for (std::size_t i = 0; i < copy.steps.size(); ++i) {
    if (named[i]) {
      for (Transition &t : copy.steps[i].next) {
        t.p.reset();
      }
    }
  }
  for (const BranchShare &share : walk.shares) {
    const auto it = step_of.find(share.step);
    if (it == step_of.end()) {
      continue;
    }
    for (Transition &t : copy.steps[it->second].next) {
      if (t.to == share.to) {
        t.p = share.p;
      }
    }
  }
  copy.persona = walk.persona;
  copy.resolve();
  return copy;
}

PersonaFigures persona_figures(const Journey &journey, const JourneyMetrics &m) {
  PersonaFigures f;
  f.persona = journey.persona;
  f.name = journey.persona;
  if (const Index p = journey.find_persona(journey.persona); p != npos) {
    f.name = journey.personas[p].name;
    f.description = journey.personas[p].description;
  }
  f.lead_time = m.lead_time.expected;
  f.wait_time = m.wait_time.expected;
  f.cost = m.cost.expected;
  f.handoffs = m.handoffs.expected;
  f.contacts = m.contacts.expected;
  f.customer_effort = m.customer_effort.expected;
  f.right_first_time = m.right_first_time;
  const auto success = m.outcomes.find("success");
  f.success = m.expected_defined && success != m.outcomes.end()
                  ? success->second
                  : std::numeric_limits<double>::quiet_NaN();
  f.problem = m.problem;
  return f;
}

std::vector<PersonaFigures> personas_side_by_side(const Journey &journey,
                                                  const JourneyMetrics &metrics) {
  std::vector<PersonaFigures> rows;
  if (journey.persona.empty() && journey.walks.empty()) {
    return rows;
  }
  rows.push_back(persona_figures(journey, metrics));
  rows.back().as_written = true;
  for (const PersonaWalk &walk : journey.walks) {
    if (walk.persona == journey.persona) {
      continue; // defines the journey's own persona: its shares are the steps'
    }
    const Journey walked = walked_by(journey, walk);
    rows.push_back(persona_figures(walked, compute_metrics(walked)));
  }
  return rows;
}

} // namespace journey
