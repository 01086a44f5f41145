// Rendering: build the view's DOT, then let Graphviz lay it out and render it.
#include "journey/render/render.h"

namespace journey {

Expected<Drawing> draw_journey(const Journey &journey, View view, Format format,
                               const ViewOptions &options, const LayoutOptions &layout,
                               const JourneyMetrics *metrics) {
  return draw_dot(build_view(journey, view, options, metrics).to_dot(), format, layout);
}

std::string render_journey(const Journey &journey, View view, Format format,
                           const ViewOptions &options, const JourneyMetrics *metrics) {
  return render_dot(build_view(journey, view, options, metrics).to_dot(), format);
}

} // namespace journey
