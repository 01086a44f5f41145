// Served files: the journey files under `journey serve`'s PATH arguments, each with the key its
// page is found by; files reached through links that leave their PATH are not served.
#pragma once

#include "journey/model/diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace journey {

/// One file the site serves.
struct ServedFile {
  std::string path; ///< as the workspace expanded it (what findings name)
  std::string key;  ///< the file's path relative to its PATH argument (its directory for a file)
};

/// The served files of `journey serve`'s arguments, and what was left out.
struct ServedFiles {
  std::vector<ServedFile> files;    ///< in expansion order
  std::vector<Diagnostic> errors;   ///< missing PATHs (rule `io`)
  std::vector<std::string> refused; ///< files whose real path is outside their PATH argument
};

/// Expands `args` as every command does (journey_files.h selection, `config` overriding the
/// discovery of `.journeylint.yaml`), then keeps only the files
/// whose real path lies inside the real path of the argument they were found under, so a link
/// inside a served folder never exposes a file outside it. Keys are unique: a repeated key gets
/// `~2`, `~3` appended.
ServedFiles find_served_files(const std::vector<std::string> &args,
                              const std::optional<std::string> &config = {});

} // namespace journey
