// Rule missing-owner: a journey without an owner has nobody to decide on changes to it.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

namespace journey::rules {

void check_missing_owner(const Journey &journey, const RuleContext &, Reporter &out) {
  if (!journey.location.known() || !journey.owner.empty()) {
    return; // nothing of the file could be read, or there is an owner
  }
  out.report("missing-owner",
             "the journey has no `owner`: name the journey owner, the design authority who "
             "decides on changes to it (e.g. `owner: Head of Account Opening`)",
             either(journey.id_location, journey.location));
}

} // namespace journey::rules
