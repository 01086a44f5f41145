// Diagnostic helpers: severity names and deterministic ordering.
#include "journey/model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace journey {

std::string_view to_string(Severity s) {
  switch (s) {
  case Severity::Off:
    return "off";
  case Severity::Info:
    return "info";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity s : {Severity::Off, Severity::Info, Severity::Warning, Severity::Error}) {
    if (text == to_string(s)) {
      return s;
    }
  }
  return std::nullopt;
}

bool has_errors(const std::vector<Diagnostic> &diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

void sort_diagnostics(std::vector<Diagnostic> &diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic &a, const Diagnostic &b) {
                     return std::tie(a.file, a.location.line, a.location.column, a.rule, a.message) <
                            std::tie(b.file, b.location.line, b.location.column, b.rule, b.message);
                   });
}

} // namespace journey
