// Versions: read each side of a diff from disk or git, then check it with the shared pipeline.
#include "journey/check/versions.h"

#include "journey/load/git.h"

#include <fmt/format.h>

namespace journey {

namespace {

/// Reads, loads, lints and measures one version into `run`; false when checking must stop
/// (configuration errors, now in `run.input_errors`).
Expected<bool> check_one(Workspace &workspace, const FileVersion &version, CheckRun &run) {
  Expected<std::string> text = read_file_version(version);
  if (!text) {
    return failure(fmt::format("cannot read {}: {}", version.spec, text.error()));
  }
  LoadedFile file = workspace.load_text(version.path, version.spec, std::move(*text));
  if (file.is_catalog) {
    return failure(fmt::format("{} is a shared catalog, not a journey", version.spec));
  }
  const LintConfig *in_force = workspace.config_for(version.path, run.input_errors);
  if (!run.input_errors.empty()) {
    return false;
  }
  CheckedFile checked = check_file(std::move(file), in_force, true);
  run.report.files.push_back(checked.file.path);
  run.report.texts.emplace(checked.file.path, checked.file.text);
  run.report.diagnostics.insert(run.report.diagnostics.end(), checked.findings.begin(),
                                checked.findings.end());
  run.files.push_back(std::move(checked));
  return true;
}

} // namespace

Expected<CheckRun> check_versions(const std::string &before, const std::string &after,
                                  const std::optional<std::string> &config) {
  FileVersion versions[2];
  const std::string *specs[2] = {&before, &after};
  for (int i = 0; i < 2; ++i) {
    Expected<FileVersion> version = parse_file_version(*specs[i]);
    if (!version) {
      return failure(fmt::format("{}: {}", *specs[i], version.error()));
    }
    versions[i] = std::move(*version);
  }
  CheckRun run;
  Workspace workspace(config, rule_ids());
  for (const FileVersion &version : versions) {
    Expected<bool> go_on = check_one(workspace, version, run);
    if (!go_on) {
      return failure(go_on.error());
    }
    if (!*go_on) {
      return run;
    }
  }
  return run;
}

Expected<CheckRun> check_version(const std::string &spec,
                                 const std::optional<std::string> &config) {
  Expected<FileVersion> version = parse_file_version(spec);
  if (!version) {
    return failure(fmt::format("{}: {}", spec, version.error()));
  }
  CheckRun run;
  Workspace workspace(config, rule_ids());
  Expected<bool> go_on = check_one(workspace, *version, run);
  if (!go_on) {
    return failure(go_on.error());
  }
  return run;
}

} // namespace journey
