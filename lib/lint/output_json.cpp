// JSON output: an array of findings with 1-based positions.
#include "journey/lint/output.h"

#include <nlohmann/json.hpp>

namespace journey {

std::string format_json(const LintReport &report) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Diagnostic &d : report.diagnostics) {
    out.push_back({{"file", d.file},
                   {"line", d.location.line},
                   {"column", d.location.column},
                   {"severity", std::string(to_string(d.severity))},
                   {"rule", d.rule},
                   {"message", d.message}});
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace journey
