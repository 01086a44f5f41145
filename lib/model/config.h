// LintConfig: rule severities and metric budgets from `.journeylint.yaml`.
#pragma once

#include "journey/model/diagnostic.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace journey {

/// Limits on a journey's expected metrics; a journey over budget fails `journey lint`.
struct Budgets {
  std::optional<double> lead_time;        ///< seconds, on the expected value
  std::optional<double> wait_time;        ///< seconds
  std::optional<double> handoffs;         ///< count
  std::optional<double> channel_switches; ///< count
  std::optional<double> cost;             ///< currency units
  std::optional<double> right_first_time; ///< a minimum probability, 0..1
  Location location;                      ///< where these budgets were written

  bool empty() const {
    return !lead_time && !wait_time && !handoffs && !channel_switches && !cost && !right_first_time;
  }
  /// This set with the fields of `more` laid over it.
  Budgets overridden_by(const Budgets &more) const;
};

/// Settings read from a `.journeylint.yaml` (or `--config FILE`).
struct LintConfig {
  std::string file;                        ///< where it was read from; empty for defaults
  std::map<std::string, Severity> rules;   ///< rule id -> severity override
  Budgets budgets;                         ///< for every journey
  std::map<std::string, Budgets> journeys; ///< journey id -> budgets laid over the global ones
  std::vector<std::string> include;        ///< globs of journey files; empty: `*.yaml`, `*.yml`
  std::vector<std::string> exclude;        ///< globs never linted, added to the built-in ones
  /// The day survey dates are judged against (days since 1970-01-01); empty: `today()`. Not
  /// read from the file: set by tests, so that no finding depends on the clock.
  std::optional<int> today;

  /// Budgets in force for one journey.
  Budgets budgets_for(const std::string &journey_id) const;
};

} // namespace journey
