// Lint rules: the registry entry every rule has, and the reporter rules write findings to.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/model/config.h"
#include "journey/model/diagnostic.h"
#include "journey/model/journey.h"

#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Collects one rule's findings on one journey.
class Reporter {
public:
  Reporter(const Journey &journey, std::vector<Diagnostic> &out) : journey_(journey), out_(out) {}
  /// Records a finding; severity is filled in later from the rule's default and the config.
  void report(std::string_view rule, std::string message, Location where) {
    out_.push_back(Diagnostic{Severity::Error, std::string(rule), std::move(message), journey_.file, where});
  }
  /// Records a finding in another file read with the journey (its survey sidecar).
  void report_in(std::string file, std::string_view rule, std::string message, Location where) {
    out_.push_back(Diagnostic{Severity::Error, std::string(rule), std::move(message),
                              std::move(file), where});
  }

private:
  const Journey &journey_;
  std::vector<Diagnostic> &out_;
};

/// What a rule may look at besides the journey: the configuration, and the journey's resolved
/// graph (rules read it and never walk `Step::next` themselves).
struct RuleContext {
  const LintConfig &config;
  const JourneyGraph &graph;
  int today = 0; ///< days since 1970-01-01 (`journey::today()`, or `LintConfig::today`)
};

/// A check over a parsed journey. Parser-side rules (`yaml-syntax`, ...) have none.
using CheckFunction = void (*)(const Journey &, const RuleContext &, Reporter &);

/// One lint rule: a stable id, a one-line summary, a default severity, and its check.
struct Rule {
  std::string_view id;
  std::string_view summary;
  Severity default_severity;
  CheckFunction check; ///< nullptr for rules the parser reports
};

/// Every rule, in the order of the documentation (the registry table).
const std::vector<Rule> &all_rules();
/// The rule with this id, or nullptr.
const Rule *find_rule(std::string_view id);

/// The project's repository (`JOURNEY_PROJECT_URL`, set when configuring the build).
std::string_view project_url();
/// The page of a rule: `<project_url()>/blob/main/docs/rules/<id>.md`.
std::string rule_url(std::string_view id);

} // namespace journey
