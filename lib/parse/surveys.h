// Survey results in YAML: the `surveys:` list of a journey and its sidecar file.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/survey.h"

#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// The sidecar file of the journey at `journey_path`: `x.surveys.yaml` for `x.yaml` or `x.yml`;
/// empty for a path that is neither.
std::string surveys_sidecar_path(std::string_view journey_path);

/// The journey file a sidecar belongs to: `x.yaml` for `x.surveys.yaml` (`x.yml` for
/// `x.surveys.yml`); empty when `path` is not named like a sidecar.
std::string sidecar_journey_path(std::string_view path);

/// Survey results read from a sidecar file and what was wrong with its text.
struct SurveysResult {
  std::vector<Survey> surveys;
  std::string journey;       ///< the journey id the file names; empty when it names none
  Location journey_location;
  std::vector<Diagnostic> diagnostics; ///< named after the sidecar file
  bool readable = true;
};

/// Parses a sidecar file (`surveys:` and its list, as in a journey). Never throws.
SurveysResult parse_surveys(std::string_view text, std::string_view filename);

} // namespace journey
