// Rendering: build the view's DOT, then let Graphviz lay it out and render it.
#include "journey/render/render.h"

#include "journey/model/text.h"

namespace journey {

Expected<Drawing> draw_journey(const Journey &journey, View view, Format format,
                               const ViewOptions &options, const LayoutOptions &layout,
                               const JourneyMetrics *metrics) {
  LayoutOptions bounded = layout;
  if (bounded.advice.empty()) {
    std::vector<std::string> helps;
    if (view == View::Compare) {
      helps.emplace_back("draw one view (--view outside-in or --view inside-out)");
    }
    if (view != View::OutsideIn && options.detail == Detail::Steps) {
      helps.emplace_back("draw the organisation by process (--detail processes)");
    }
    helps.emplace_back("or split the journey into smaller journeys");
    bounded.advice = join(helps, ", ");
  }
  Expected<Drawing> drawing =
      draw_dot(build_view(journey, view, options, metrics).to_dot(), format, bounded);
  if (!drawing || !layout.page || view != View::Compare || options.stacked || drawing->pages == 1) {
    return drawing;
  }
  // Too large for one legible sheet side by side: the two views one above the other may fit.
  ViewOptions stacked = options;
  stacked.stacked = true;
  Expected<Drawing> above =
      draw_dot(build_view(journey, view, stacked, metrics).to_dot(), format, bounded);
  // A PDF counts the sheets written (cut between boxes, blank ones left out), others the estimate.
  const auto sheets = [format](const Drawing &d) { return format == Format::Pdf ? d.sheets : d.pages; };
  if (above && (sheets(*above) < sheets(*drawing) ||
                (sheets(*above) == sheets(*drawing) && above->scale > drawing->scale))) {
    return above;
  }
  return drawing;
}

std::string render_journey(const Journey &journey, View view, Format format,
                           const ViewOptions &options, const JourneyMetrics *metrics) {
  return render_dot(build_view(journey, view, options, metrics).to_dot(), format);
}

} // namespace journey
