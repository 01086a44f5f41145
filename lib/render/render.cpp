// Rendering: build the view's DOT, then let Graphviz lay it out and render it.
#include "journey/render/render.h"

namespace journey {

Expected<Drawing> draw_journey(const Journey &journey, View view, Format format,
                               const ViewOptions &options, const LayoutOptions &layout,
                               const JourneyMetrics *metrics) {
  LayoutOptions bounded = layout;
  if (bounded.advice.empty()) {
    bounded.advice = view == View::Compare
                         ? "allow more with --layout-timeout, or draw one view (--view outside-in "
                           "or --view inside-out)"
                         : "allow more with --layout-timeout";
    if (view != View::OutsideIn && options.detail == Detail::Steps) {
      bounded.advice += ", or draw the organisation by process (--detail processes)";
    }
  }
  return draw_dot(build_view(journey, view, options, metrics).to_dot(), format, bounded);
}

std::string render_journey(const Journey &journey, View view, Format format,
                           const ViewOptions &options, const JourneyMetrics *metrics) {
  return render_dot(build_view(journey, view, options, metrics).to_dot(), format);
}

} // namespace journey
