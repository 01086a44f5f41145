// Wording shared by the rules' messages: how steps and lists of steps are named.
#pragma once

#include "journey/model/journey.h"

#include <span>
#include <string>
#include <string_view>

namespace journey::rules {

/// "step `id`", or "the step at line N" for a step without an id.
std::string step_name(const Step &step);

/// The ids of `steps` joined by `separator`, each in backticks; long lists keep the first and
/// last few ids around "…" and end with "(N steps)".
std::string step_list(const Journey &journey, std::span<const std::size_t> steps,
                      std::string_view separator);

/// `preferred` when it is known, else `fallback`.
inline Location either(Location preferred, Location fallback) {
  return preferred.known() ? preferred : fallback;
}

} // namespace journey::rules
