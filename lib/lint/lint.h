// The lint runner: every enabled rule over one parsed journey, with configured severities and
// inline suppressions applied.
#pragma once

#include "journey/model/config.h"
#include "journey/model/diagnostic.h"
#include "journey/model/journey.h"

#include <string_view>
#include <vector>

namespace journey {

/// Lints one journey. `parse_diagnostics` are the parser's findings for the same text; when
/// `readable` is false (the text was not YAML) only they are reported. Severities come from each
/// rule's default and `config.rules`; rules set to `off` are dropped; findings on a line with
/// (or below a line with) `# journey-lint: disable=<id>[,<id>...]` (or `disable=all`) are
/// dropped. The result is sorted by position.
std::vector<Diagnostic> lint(const Journey &journey, std::vector<Diagnostic> parse_diagnostics,
                             bool readable, std::string_view text, const LintConfig &config);

/// Applies rule severities from defaults and `config` (dropping `off`) to findings.
void apply_severities(std::vector<Diagnostic> &diagnostics, const LintConfig &config);

/// Drops findings suppressed by `# journey-lint: disable=...` comments in `text`. When the text
/// could not be read as a journey (`readable` false), `disable=all` keeps the errors saying why.
void apply_suppressions(std::vector<Diagnostic> &diagnostics, std::string_view text,
                        bool readable = true);

} // namespace journey
