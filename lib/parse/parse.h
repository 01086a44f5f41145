// Parser: journey and catalog YAML text to the model, with every mistake as a diagnostic.
#pragma once

#include "journey/model/catalog.h"
#include "journey/model/diagnostic.h"
#include "journey/model/journey.h"

#include <string_view>
#include <vector>

namespace journey {

/// A parsed journey and what was wrong with its text.
struct ParseResult {
  Journey journey;
  std::vector<Diagnostic> diagnostics; ///< rules yaml-syntax, duplicate-key, unknown-key,
                                       ///< missing-field, invalid-value
  /// False when the text was not YAML at all (nothing of the journey could be read).
  bool readable = true;
};

/// Parses one journey definition. Never throws on bad input and never recurses over the text;
/// references are resolved (`Journey::resolve`) but not checked: that is the linter's job.
ParseResult parse(std::string_view text, std::string_view filename);

/// A parsed shared catalog and what was wrong with its text.
struct CatalogResult {
  Catalog catalog;
  std::vector<Diagnostic> diagnostics;
  bool readable = true;
};

/// Parses a shared catalog file (`catalog`, `channels`, `teams`, `processes`).
/// The keys and values both parsers accept are in `parse/keys.h`.
CatalogResult parse_catalog(std::string_view text, std::string_view filename);

} // namespace journey
