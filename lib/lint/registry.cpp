// The rule registry: every lint rule, its id, summary, default severity and check, in one table.
#include "lint/rule.h"
#include "lint/rules/rules.h"

namespace journey {

const std::vector<Rule> &all_rules() {
  static const std::vector<Rule> rules{
      // Reported by the parser (lib/parse); listed here for ids, docs and configuration.
      {"yaml-syntax", "YAML that does not parse", Severity::Error, nullptr},
      {"duplicate-key", "a key repeated in one mapping", Severity::Error, nullptr},
      {"unknown-key", "a key the journey format does not have", Severity::Error, nullptr},
      {"missing-field", "a required field is missing", Severity::Error, nullptr},
      {"invalid-value", "a value of the wrong type or out of range", Severity::Error, nullptr},
      // Checks over the parsed journey (lib/lint/rules/).
  };
  return rules;
}

const Rule *find_rule(std::string_view id) {
  for (const Rule &r : all_rules()) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

} // namespace journey
