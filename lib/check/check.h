// The check pipeline every command starts with: load the inputs, resolve their catalogs and
// configuration, lint them, and measure the journeys fit for it.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/lint/output.h"
#include "journey/load/workspace.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Called on the thread that runs `check_inputs`, about every 100 ms while a stage (`reading`,
/// then `linting` or `measuring`) runs and once at its end: `done` of `total` files; then once
/// with an empty stage when the run is over.
using CheckProgress =
    std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

/// What to check.
struct CheckOptions {
  std::vector<std::string> paths;    ///< `FILE|DIR|-` arguments
  std::optional<std::string> config; ///< overrides discovery of `.journeylint.yaml`
  bool measure = false;              ///< compute the metrics of every journey that is not blocked
  unsigned jobs = 0;                 ///< threads reading, linting and measuring; 0: every core
  /// The file `-` stands for: its name in findings, its folder for catalog and configuration.
  std::optional<std::string> stdin_filename = {};
  bool force_exclude = false;  ///< select named files as directories' files are (see `expand`)
  CheckProgress progress = {}; ///< optional
};

/// One input after loading, linting and (when asked) measuring.
struct CheckedFile {
  LoadedFile file;
  std::vector<Diagnostic> findings;      ///< lint findings, severities applied, sorted
  std::optional<LintConfig> config;      ///< in force for this file (a copy, so it outlives the
                                         ///< workspace that found it); empty when it had errors
  bool blocked = false;                  ///< a journey not to be measured or drawn
  std::optional<JourneyMetrics> metrics; ///< with `measure`, for journeys not blocked

  /// A journey file that could be read (not a catalog, not a missing file).
  bool is_journey() const { return !file.io_error && !file.is_catalog; }
};

/// True when a journey with these findings must not be measured or drawn: it could not be parsed,
/// or it has an error other than `budget` (which is about its figures, not its definition).
bool blocks_processing(bool readable, const std::vector<Diagnostic> &findings);

/// Every input of a command, checked.
struct CheckRun {
  std::vector<CheckedFile> files;       ///< in input order
  std::vector<Diagnostic> input_errors; ///< missing files, bad configuration; sorted
  std::vector<SkippedFile> skipped;     ///< YAML files found but not journey files, sorted
  LintReport report;                    ///< every finding, for `journey lint`

  /// The journeys fit for measuring and drawing, in input order.
  std::vector<const CheckedFile *> journeys() const;
  /// The definitions of `journeys()`.
  std::vector<const Journey *> definitions() const;
  /// How many journey files were read, blocked or not.
  std::size_t journey_count() const;
  /// True when a journey was blocked (left out of measuring and drawing).
  bool left_out() const;
  /// True when an input has a finding at error severity or a journey was blocked.
  bool has_errors() const;
  /// The input errors and every finding at error severity, for printing.
  LintReport errors() const;
};

/// The ids of every lint rule (what a configuration may name).
std::vector<std::string_view> rule_ids();

/// Expands, loads, lints and (with `measure`) measures every input: files are read and parsed,
/// then linted and measured, on `jobs` threads, with catalogs and configurations resolved in
/// between in input order, so the result is the same whatever the number of threads.
CheckRun check_inputs(const CheckOptions &options);

/// Lints one loaded file with `config` (defaults when nullptr) and, with `measure`, measures it
/// when it is a journey fit for it.
CheckedFile check_file(LoadedFile file, const LintConfig *config, bool measure);

} // namespace journey
