// Fuzz harness: `.journeylint.yaml` text through parse_config, then the severities it sets.
#include "check.h"

#include "journey/lint/lint.h"
#include "journey/lint/rule.h"
#include "journey/parse/config.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const std::vector<std::string_view> rule_ids = [] {
    std::vector<std::string_view> ids;
    for (const auto &rule : journey::all_rules()) {
      ids.push_back(rule.id);
    }
    return ids;
  }();
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const auto result = journey::parse_config(text, ".journeylint.yaml", rule_ids);
  for (const auto &d : result.diagnostics) {
    FUZZ_CHECK(d.rule == "config", "configuration findings are `config`");
    FUZZ_CHECK(!d.message.empty(), "a configuration finding says what is wrong");
  }
  if (journey::has_errors(result.diagnostics)) {
    return 0;
  }
  for (const auto &[rule, severity] : result.config.rules) {
    FUZZ_CHECK(journey::find_rule(rule) != nullptr, "a configured rule exists");
  }
  const auto &c = result.config;
  for (const auto &[id, budgets] : c.journeys) {
    const auto b = c.budgets_for(id);
    FUZZ_CHECK(!b.right_first_time || (*b.right_first_time >= 0 && *b.right_first_time <= 1),
               "a right-first-time budget is a probability");
  }
  std::vector<journey::Diagnostic> findings;
  for (const auto &rule : journey::all_rules()) {
    findings.push_back({journey::Severity::Error, std::string(rule.id), "finding", "x.yaml", {1, 1}});
  }
  journey::apply_severities(findings, c);
  for (const auto &d : findings) {
    FUZZ_CHECK(d.severity != journey::Severity::Off, "rules set to off are dropped");
  }
  return 0;
}
