// Rule unknown-persona: a `persona` or `personas` entry naming a persona nobody defined.
#include "journey/lint/rules/rules.h"
#include "journey/model/suggest.h"

#include <fmt/format.h>

namespace journey::rules {

void check_unknown_persona(const Journey &journey, const RuleContext &, Reporter &out) {
  std::vector<std::string_view> ids;
  for (const Persona &p : journey.personas) {
    ids.push_back(p.id);
  }
  const auto check = [&](const std::string &id, Location where) {
    if (id.empty() || journey.find_persona(id) != npos) {
      return;
    }
    out.report("unknown-persona",
               fmt::format("persona `{}` is not defined{}: define it once in the catalog under "
                           "`personas` (`{}: {{name: ..., description: ...}}`), or give it a "
                           "`name` here",
                           id, ids.size() <= 1000 ? did_you_mean(id, ids) : std::string(), id),
               where);
  };
  check(journey.persona, journey.persona_location);
  for (const PersonaWalk &walk : journey.walks) {
    check(walk.persona, walk.location);
  }
}

} // namespace journey::rules
