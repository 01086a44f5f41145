// Journey files, and only those: which YAML files a directory walk lints, by glob and by content.
#pragma once

#include "journey/model/config.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Other tools' YAML, never linted as a journey: matched as `exclude` globs are, before the
/// configuration's own.
std::span<const std::string_view> builtin_excludes();

/// True when `glob` matches `path` (`/`-separated, relative). `*` and `?` stay within one folder
/// name, `[abc]`/`[a-z]`/`[!a]` match one character, `**` spans any number of folders (`a/**/b`
/// also matches `a/b`). A glob without `/` is matched against each name of the path alone.
bool glob_matches(std::string_view glob, std::string_view path);

/// Why a file is not linted as a journey, in a participant's words (for `--verbose`).
struct Exclusion {
  std::string glob;  ///< the glob that matched
  bool builtin;      ///< one of `builtin_excludes()`, else the configuration's
};

/// The exclusion a file at `path` (relative to the configuration's folder) falls under: the path,
/// or one of its folders, matches a built-in or configured `exclude` glob.
std::optional<Exclusion> excluded_by(const LintConfig &config, std::string_view path);

/// True when `excluded_by` finds an exclusion.
bool is_excluded(const LintConfig &config, std::string_view path);

/// True when a file at `path` is one a directory is searched for: it matches the configured
/// `include` globs, or by default ends in `.yaml` or `.yml`.
bool is_included(const LintConfig &config, std::string_view path);

/// True when a YAML text may be a journey or a catalog: at the top level it has a `journey`,
/// `title`, `steps`, `channels`, `teams`, `processes` or `catalog` key, or it is written in flow
/// style (`{...}`, left for the parser to check), or it holds nothing but comments (a journey
/// still to be written). Other tools' files (`services:`, `jobs:`, `repos:`, a top-level list)
/// are not, nor scenario files (a `scenario` key before any of those).
bool may_be_journey_file(std::string_view text);

} // namespace journey
