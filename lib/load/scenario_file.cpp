// Scenario files: read from disk or git, recognised by their top-level key, then parsed.
#include "journey/load/scenario_file.h"

#include "journey/load/git.h"
#include "journey/parse/scenario.h"

#include <filesystem>
#include <fmt/format.h>

namespace journey {

Expected<std::optional<ScenarioFile>> read_scenario_file(const std::string &spec) {
  Expected<FileVersion> version = parse_file_version(spec);
  if (!version) {
    return failure(fmt::format("{}: {}", spec, version.error()));
  }
  if (version->revision.empty()) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(version->path, error)) {
      return std::optional<ScenarioFile>{};
    }
  }
  Expected<std::string> text = read_file_version(*version);
  if (!text) {
    if (version->revision.empty()) {
      return std::optional<ScenarioFile>{};
    }
    return failure(fmt::format("cannot read {}: {}", spec, text.error()));
  }
  if (!is_scenario_text(*text)) {
    return std::optional<ScenarioFile>{};
  }
  ScenarioResult parsed = parse_scenario(*text, spec);
  return std::optional<ScenarioFile>{ScenarioFile{spec, std::move(*text),
                                                  std::move(parsed.scenario),
                                                  std::move(parsed.diagnostics)}};
}

} // namespace journey
