// Versions from git: a file named as `git:REV:PATH` is read with `git show` instead of from disk.
#pragma once

#include "journey/model/expected.h"

#include <string>

namespace journey {

/// A file version as named on the command line: a path in the working tree, or `git:REV:PATH`.
struct FileVersion {
  std::string spec;     ///< as given, shown in messages
  std::string path;     ///< the working-tree path (catalogs and configuration are found from it)
  std::string revision; ///< empty for the file in the working tree
};

/// Splits `FILE` or `git:REV:PATH`; fails when a `git:` spec lacks its revision or path, or the
/// revision looks like an option.
Expected<FileVersion> parse_file_version(const std::string &spec);

/// Reads a version's text: from the working tree, or as of its revision with `git show` (run
/// without a shell; PATH relative to the current folder). Fails with git's own message for a bad
/// revision or path, or with why git could not be run.
Expected<std::string> read_file_version(const FileVersion &version);

} // namespace journey
