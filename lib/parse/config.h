// Config parser: `.journeylint.yaml` text to a LintConfig.
#pragma once

#include "journey/model/config.h"
#include "journey/model/diagnostic.h"

#include <string_view>
#include <vector>

namespace journey {

/// A parsed configuration and what was wrong with it (rule `config`; any error makes the whole
/// configuration unusable, which tools report with exit code 2).
struct ConfigResult {
  LintConfig config;
  std::vector<Diagnostic> diagnostics;
};

/// Parses `rules: {id: off|info|warning|error}`, `budgets: {...}`, `include`/`exclude` globs and
/// `journeys: {<journey id>: {budgets: {...}}}`. `rule_ids` are the ids a config may name.
ConfigResult parse_config(std::string_view text, std::string_view filename,
                          const std::vector<std::string_view> &rule_ids);

} // namespace journey
