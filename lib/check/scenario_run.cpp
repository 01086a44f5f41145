// Scenario runs: a scenario applied to copies of the current journeys, which are checked again.
#include "journey/check/scenario_run.h"

#include <unordered_set>

namespace journey {

ScenarioRun check_scenario(const CheckRun &current, const Scenario &scenario) {
  ScenarioRun out;
  const std::vector<const CheckedFile *> files = current.journeys();
  std::vector<Journey> journeys;
  journeys.reserve(files.size());
  for (const CheckedFile *f : files) {
    journeys.push_back(f->file.journey);
  }
  out.errors = apply_scenario(scenario, journeys);
  if (!out.errors.empty()) {
    return out;
  }
  std::unordered_set<std::string> named;
  for (const JourneyScenario &js : scenario.journeys) {
    named.insert(js.journey);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    // Shared staff may change the capacity and computed queues of any journey.
    const bool changed = !scenario.staff.empty() || named.contains(files[i]->file.journey.id);
    if (!changed) {
      out.run.files.push_back(*files[i]);
    } else {
      LoadedFile file = files[i]->file;
      file.journey = std::move(journeys[i]);
      const LintConfig *config = files[i]->config ? &*files[i]->config : nullptr;
      out.run.files.push_back(check_file(std::move(file), config, true));
    }
    const CheckedFile &checked = out.run.files.back();
    out.run.report.files.push_back(checked.file.path);
    out.run.report.texts.emplace(checked.file.path, checked.file.text);
    out.run.report.diagnostics.insert(out.run.report.diagnostics.end(), checked.findings.begin(),
                                      checked.findings.end());
  }
  return out;
}

} // namespace journey
