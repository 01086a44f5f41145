// Output targets: where a command writes: standard output, one file, or one file per journey in
// a folder.
#pragma once

#include "journey/model/expected.h"

#include <string>
#include <string_view>

namespace journey {

/// Where `-o` points.
struct OutputTarget {
  enum class Kind { Stdout, File, Directory };
  Kind kind = Kind::Stdout;
  std::string path; ///< the file or folder; empty for standard output
};

/// Reads `-o` as given: empty or `-` is standard output; a path ending in `/` or naming an
/// existing folder is a folder; anything else a file.
OutputTarget output_target(const std::string &output);

/// Creates the folder of a Directory target (and its parents); false with a reason in `error`.
Expected<void> create_output_directory(const OutputTarget &target);

/// The file of one journey in a Directory target: `DIR/<id>.<suffix>`, the id made safe as a
/// file name (anything but ASCII letters, digits, `.`, `_` and `-` becomes `_`; no leading dot).
std::string journey_output_path(const OutputTarget &target, std::string_view journey_id,
                                std::string_view suffix);

} // namespace journey
