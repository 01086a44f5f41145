// Rule missing-intent: a journey without a customer intent cannot be judged from the customer's
// side.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

namespace journey::rules {

void check_missing_intent(const Journey &journey, const RuleContext &, Reporter &out) {
  if (!journey.location.known() || !journey.intent.empty()) {
    return; // nothing of the file could be read, or there is an intent
  }
  out.report("missing-intent",
             "the journey has no `intent`: say which customer need it serves, in the customer's "
             "words (e.g. `intent: Help me manage my day to day money`)",
             either(journey.id_location, journey.location));
}

} // namespace journey::rules
