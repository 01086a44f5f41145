// Scenario files: a scenario named on the command line (a file or `git:REV:PATH`), read and parsed.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/expected.h"
#include "journey/model/scenario.h"

#include <string>
#include <vector>

namespace journey {

/// A scenario file as read: its text (for printing findings) and what the parser made of it.
struct ScenarioFile {
  std::string path; ///< as named, shown in findings
  std::string text;
  Scenario scenario;
  std::vector<Diagnostic> diagnostics; ///< from parsing
};

/// Reads `spec` (a file or `git:REV:PATH`) when it is a scenario (a top-level `scenario:` key);
/// nullopt when it is something else (a journey, a folder, a file that cannot be read: those
/// are reported by the usual pipeline). Fails only for a bad `git:` spec or revision.
Expected<std::optional<ScenarioFile>> read_scenario_file(const std::string &spec);

} // namespace journey
