// Workspace: the file system side of every command: finding journey files, reading them safely,
// discovering `.journeylint.yaml`, and resolving shared catalogs.
#pragma once

#include "journey/model/catalog.h"
#include "journey/model/config.h"
#include "journey/model/diagnostic.h"
#include "journey/model/expected.h"
#include "journey/model/journey.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Largest input file read (bytes); larger files are refused with a diagnostic.
inline constexpr std::size_t kMaxFileBytes = 256u << 20;

/// One input file, read and parsed, with its catalog merged in.
struct LoadedFile {
  std::string path;          ///< as shown in diagnostics (`<stdin>` for `-`)
  std::string text;
  bool is_catalog = false;   ///< a shared catalog, not a journey
  bool readable = false;     ///< parsed well enough to be checked further
  bool io_error = false;     ///< could not be read at all (exit code 2)
  Journey journey;           ///< empty for catalogs
  std::vector<Diagnostic> diagnostics; ///< from reading, parsing and catalog resolution
};

/// A YAML file a directory search (or `--force-exclude`) left out, and why.
struct SkippedFile {
  std::string path;   ///< a folder ends in `/`
  std::string reason; ///< e.g. "excluded by `drafts/` in .journeylint.yaml"
};

/// Finds, reads and parses inputs; caches configurations and catalogs across files.
class Workspace {
public:
  /// `config_path` overrides discovery of `.journeylint.yaml` when set.
  /// `rule_ids` are the rule ids a configuration may name.
  Workspace(std::optional<std::string> config_path, std::vector<std::string_view> rule_ids);
  ~Workspace();

  /// Expands FILE, DIR and `-` arguments into input paths, in argument order, each directory's
  /// journey files (recursively, hidden folders skipped) sorted by path. A directory yields the
  /// files its configuration includes and does not exclude (journey_files.h) that may be
  /// journeys by their top-level keys; the others go to `skipped` when given. Named files are
  /// always kept, unless `force_exclude` applies the same selection to them. Missing paths
  /// become diagnostics (rule `io`).
  std::vector<std::string> expand(const std::vector<std::string> &args,
                                  std::vector<Diagnostic> &errors, bool force_exclude = false,
                                  std::vector<SkippedFile> *skipped = nullptr);

  /// Reads and parses one input (`-` reads standard input once).
  LoadedFile load(const std::string &path);

  /// Reads and parses one input without resolving its catalog, and names it `display_name` in
  /// diagnostics (`-` reads standard input). Touches no state of the workspace, so several
  /// threads may read different inputs at once.
  LoadedFile read_input(const std::string &path, std::string display_name) const;

  /// Resolves the catalog of a file from `read_input` (relative to `path`, the path it was read
  /// as; a catalog file resolves the catalogs it extends) and merges it in. Not thread-safe.
  void resolve_catalog(LoadedFile &file, const std::string &path);

  /// Parses `text` as the file at `path` (its catalog is found relative to `path`) and names
  /// it `display_name` in diagnostics: for versions of a file that are not on disk, such as
  /// one read from git history.
  LoadedFile load_text(const std::string &path, std::string display_name, std::string text);

  /// The configuration in force for a file: `--config`, else the nearest `.journeylint.yaml` in
  /// its folder or a parent, else defaults. Errors (rule `config`) go to `errors`; a config with
  /// errors yields nullptr.
  const LintConfig *config_for(const std::string &path, std::vector<Diagnostic> &errors);

private:
  static LoadedFile parse_text(std::string display_name, std::string text);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A whole file (`-`: standard input), at most kMaxFileBytes; on failure, the reason.
Expected<std::string> read_file(const std::string &path);

/// Writes `data` to `path` through a temporary file in the same folder and a rename, so a
/// failure never leaves a half-written file. On failure, the reason.
Expected<void> write_file_atomic(const std::string &path, std::string_view data);

/// True when a YAML text looks like a shared catalog (top-level `channels`/`teams`/`processes`
/// but no `journey`, `title` or `steps`).
bool looks_like_catalog(std::string_view text);

} // namespace journey
