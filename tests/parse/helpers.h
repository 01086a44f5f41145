// Shared helpers for the parser tests: parsing text and finding diagnostics by rule and position.
#pragma once

#include "journey/parse/parse.h"

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace journey::test {

/// "line:column" of a location, so failures print readable positions.
inline std::string at(const Location &l) {
  return std::to_string(l.line) + ":" + std::to_string(l.column);
}

/// Every diagnostic as "line:column rule: message", one per line, for failure output.
inline std::string dump(const std::vector<Diagnostic> &ds) {
  std::string out;
  for (const auto &d : ds) {
    out += at(d.location) + " " + d.rule + ": " + d.message + "\n";
  }
  return out;
}

/// The first diagnostic whose rule is `rule` and whose message contains `text`, or nullptr.
inline const Diagnostic *find(const std::vector<Diagnostic> &ds, std::string_view rule,
                              std::string_view text = {}) {
  for (const auto &d : ds) {
    if (d.rule == rule && d.message.find(text) != std::string::npos) {
      return &d;
    }
  }
  return nullptr;
}

/// Position of the first matching diagnostic, or "none".
inline std::string where(const std::vector<Diagnostic> &ds, std::string_view rule,
                         std::string_view text = {}) {
  const Diagnostic *d = find(ds, rule, text);
  return d == nullptr ? "none" : at(d->location);
}

/// A minimal valid journey header followed by `steps_yaml` (which starts at line 4).
inline std::string with_steps(std::string_view steps_yaml) {
  return "journey: j\ntitle: T\nsteps:\n" + std::string(steps_yaml);
}

inline std::string read_source_file(std::string_view relative) {
  std::ifstream in(std::string(JOURNEY_SOURCE_DIR) + "/" + std::string(relative), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace journey::test
