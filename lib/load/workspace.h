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
  /// The survey sidecar read with the journey (`x.surveys.yaml` next to `x.yaml`), as shown in
  /// diagnostics, and its text; empty when there is none.
  std::string surveys_path;
  std::string surveys_text;
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

/// A whole file (`-`: standard input), at most kMaxFileBytes (refused as soon as more is read);
/// on failure, the reason, saying what the thing is when it is not a file.
Expected<std::string> read_file(const std::string &path);

/// Empty when `path` is a regular file (links followed); else what it is or why it cannot be
/// reached, in a participant's words: "is a directory, not a file", "is a device, not a file",
/// "is a symbolic link loop ...", "no such file or directory", "permission denied ...".
std::string why_not_readable(const std::string &path);

/// Writes `data` to `path`. A regular file (or a new one) is replaced atomically, through a
/// temporary file in its folder and a rename, keeping its permissions, so a failure never leaves
/// a half-written file; a symbolic link is followed and the file it names replaced, never the
/// link. A character device or a named pipe is written straight through; `/dev/stdout`,
/// `/dev/stderr` and `/dev/fd/N` write to that open descriptor. A directory, a block device or a
/// socket is refused. On failure, the reason.
Expected<void> write_file_atomic(const std::string &path, std::string_view data);

/// Creates `path` holding `data`, failing if it exists (even as a dangling link): written to a
/// temporary file in the same folder, then linked into place, so there is never half a file and
/// never an overwritten one. On failure, the reason.
Expected<void> write_new_file(const std::string &path, std::string_view data);

/// True when a YAML text looks like a shared catalog (top-level `channels`/`teams`/`processes`
/// but no `journey`, `title` or `steps`).
bool looks_like_catalog(std::string_view text);

} // namespace journey
