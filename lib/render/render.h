// Rendering: a journey's view as DOT text or as a laid-out SVG, PNG or PDF, in memory.
#pragma once

#include "journey/model/expected.h"
#include "journey/model/journey.h"
#include "journey/render/format.h"
#include "journey/render/graphviz.h"
#include "journey/render/views.h"

#include <string>

namespace journey {

/// Draws `view` of a journey as `format`: DOT text, or Graphviz's SVG, PNG or PDF bytes, with
/// what Graphviz said; on failure, why (a timeout says what helps). Deterministic: the same
/// journey gives the same DOT and SVG bytes. `metrics`: the journey's figures when it has been
/// measured already (see `build_view`). With `layout.page`, a compare view too large for one
/// legible sheet side by side is drawn stacked (the organisation above the customer) when that
/// needs fewer sheets.
Expected<Drawing> draw_journey(const Journey &journey, View view, Format format,
                               const ViewOptions &options, const LayoutOptions &layout,
                               const JourneyMetrics *metrics = nullptr);

/// `draw_journey` without a time bound, returning only the bytes. Throws RenderError.
std::string render_journey(const Journey &journey, View view, Format format,
                           const ViewOptions &options = {},
                           const JourneyMetrics *metrics = nullptr);

} // namespace journey
