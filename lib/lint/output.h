// Lint output formats: text (clang-style with caret), JSON, SARIF 2.1.0, JUnit XML, GitHub
// workflow annotations.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/names.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// The findings of one lint run, with what is needed to print them.
struct LintReport {
  std::vector<Diagnostic> diagnostics;      ///< sorted
  std::vector<std::string> files;           ///< every file checked, in order
  std::map<std::string, std::string> texts; ///< file -> its text, for source lines in `text`
  std::vector<Diagnostic> input_errors{};   ///< inputs not read or not configured (SARIF: tool
                                            ///< execution notifications)
  std::string source_root{};                ///< absolute folder relative paths start from (SARIF:
                                            ///< %SRCROOT%); empty when unknown
};

enum class OutputFormat { Text, Json, Sarif, Junit, Github };

/// The names of the lint output formats, for `parse_output_format` and `journey lint --format`.
inline constexpr Named<OutputFormat> kOutputFormatNames[] = {{"text", OutputFormat::Text},
                                                             {"json", OutputFormat::Json},
                                                             {"sarif", OutputFormat::Sarif},
                                                             {"junit", OutputFormat::Junit},
                                                             {"github", OutputFormat::Github}};

/// Parses a name of `kOutputFormatNames`; nullopt for any other name.
std::optional<OutputFormat> parse_output_format(std::string_view name);

/// `file:line:col: severity: message [rule]`, the source line and a caret; ANSI colours if asked.
std::string format_text(const LintReport &report, bool color);
/// A JSON array of {file, line, column, severity, rule, message}; positions 1-based.
std::string format_json(const LintReport &report);
/// SARIF 2.1.0 for GitHub code scanning: every rule with its page (`helpUri`), relative paths
/// under `%SRCROOT%`, absolute ones as `file://` URIs, input errors as tool execution
/// notifications.
std::string format_sarif(const LintReport &report, std::string_view tool_version);
/// JUnit XML: one test case per file, failing when it has errors.
std::string format_junit(const LintReport &report);
/// GitHub Actions workflow commands (`::error file=...,line=...,col=...,title=...::message`).
std::string format_github(const LintReport &report);
/// Dispatches on `format`.
std::string format_report(const LintReport &report, OutputFormat format, bool color,
                          std::string_view tool_version);

/// `N errors, M warnings in K files` (singular forms where N is 1), then the inputs or
/// configurations that could not be used (`; 1 input or configuration error`), if any.
std::string summary_line(const LintReport &report);

/// Counts findings at a severity.
std::size_t count_severity(const LintReport &report, Severity severity);

} // namespace journey
