// Print pages: sheet sizes in points, and fitting a drawing on them no smaller than legible.
#include "journey/render/page.h"

#include <algorithm>
#include <cmath>

namespace journey {
namespace {

PointSize portrait_size(Paper paper) {
  switch (paper) {
  case Paper::A4:
    return {595.28, 841.89};
  case Paper::A3:
    return {841.89, 1190.55};
  case Paper::Letter:
    return {612, 792};
  }
  return {595.28, 841.89};
}

} // namespace

PointSize paper_size(const PageSetup &page) {
  const PointSize p = portrait_size(page.paper);
  return page.portrait ? p : PointSize{p.height, p.width};
}

PointSize printable_area(const PageSetup &page) {
  const PointSize p = paper_size(page);
  return {p.width - 2 * page_margin_pt, p.height - 2 * page_margin_pt};
}

PageFit fit_page(PointSize drawing, double smallest_text_pt, const PageSetup &page) {
  const PointSize area = printable_area(page);
  PageFit fit;
  if (drawing.width <= 0 || drawing.height <= 0) {
    return fit;
  }
  fit.scale = std::min({1.0, area.width / drawing.width, area.height / drawing.height});
  const double legible = smallest_text_pt > 0 ? min_text_pt / smallest_text_pt : 0;
  if (fit.scale < legible) {
    fit.scale = std::min(1.0, legible);
    const double across = std::ceil(drawing.width * fit.scale / area.width - 1e-9);
    const double down = std::ceil(drawing.height * fit.scale / area.height - 1e-9);
    fit.pages = static_cast<int>(std::max(1.0, across) * std::max(1.0, down));
  }
  return fit;
}

} // namespace journey
