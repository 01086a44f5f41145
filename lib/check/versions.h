// Versions: the two sides of `journey diff`, each a file or `git:REV:PATH`, checked like any input.
#pragma once

#include "journey/check/check.h"
#include "journey/model/expected.h"

#include <optional>
#include <string>

namespace journey {

/// Reads `before` and `after` (see `parse_file_version`), then loads, lints and measures each
/// as `check_inputs` does, catalogs and configuration found from its working-tree path. The run
/// holds the two versions in that order, named by their specs; configuration errors are its
/// input errors (checking stops at the first version with any). Fails (`SPEC: reason` or
/// `cannot read SPEC: reason`) when a version cannot be read or is a shared catalog.
Expected<CheckRun> check_versions(const std::string &before, const std::string &after,
                                  const std::optional<std::string> &config);

/// One version (a file or `git:REV:PATH`), read and checked as `check_versions` checks each.
Expected<CheckRun> check_version(const std::string &spec,
                                 const std::optional<std::string> &config);

} // namespace journey
