// Portfolio map: intents, the journeys serving them, and the internal processes each journey
// cuts across, grouped by owning team; processes shared by several journeys stand out.
#pragma once

#include "model/journey.h"
#include "render/dot_graph.h"
#include "render/format.h"

#include <string>
#include <vector>

namespace journey {

/// Builds the map of several journeys, left to right: intents, journeys, then processes in one
/// box per owning team. Processes are matched across journeys by id (a shared catalog keeps ids
/// consistent). Node classes: `intent`, `journey`, `process`, and `shared` on processes used by
/// two journeys or more. The result does not depend on the order of `journeys`.
DotGraph build_portfolio_map(const std::vector<const Journey *> &journeys);

/// Draws the map as `format` (DOT text, or laid out by Graphviz). Throws RenderError.
std::string render_portfolio_map(const std::vector<const Journey *> &journeys, Format format);

} // namespace journey
