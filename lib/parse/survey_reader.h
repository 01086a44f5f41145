// Reads a `surveys:` list along the key table `survey_rule()`; shared by journeys and sidecars.
#pragma once

#include "journey/model/survey.h"
#include "journey/parse/reader.h"

#include <vector>

namespace journey::detail {

/// Appends the entries of the `surveys` list at `list` to `out`, reporting every mistake.
void read_surveys(Reader &reader, yaml::NodeId list, std::vector<Survey> &out);

} // namespace journey::detail
