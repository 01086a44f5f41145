// Diagnostic: one user-facing finding (a parse error or a lint result) with its source position.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// A 1-based position in a source file; line 0 means "no position" (e.g. a missing file).
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  bool known() const { return line != 0; }
  friend bool operator==(const Location &, const Location &) = default;
};

/// Severity of a diagnostic; `Off` only appears in configuration, never in reported findings.
enum class Severity { Off, Info, Warning, Error };

/// "off", "info", "warning" or "error".
std::string_view to_string(Severity s);
/// Parses "off|info|warning|error"; nullopt on anything else.
std::optional<Severity> parse_severity(std::string_view text);

/// A finding about a journey definition, attributed to a rule with a stable id.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string rule;
  std::string message;
  std::string file;
  Location location;
};

/// True if any diagnostic has error severity.
bool has_errors(const std::vector<Diagnostic> &diagnostics);

/// Sorts diagnostics by file, line, column, rule, message (stable, deterministic output).
void sort_diagnostics(std::vector<Diagnostic> &diagnostics);

} // namespace journey
