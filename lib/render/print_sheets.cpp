// Print sheets: a cairo PDF page per sheet; the drawing through a subsurface that clips it to the
// printable area (and that Graphviz may finish without ending the document), markers around it.
#include "journey/render/print_sheets.h"

#include "journey/model/text.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <vector>

namespace journey {
namespace {

cairo_status_t append(void *closure, const unsigned char *data, unsigned int length) {
  static_cast<std::string *>(closure)->append(reinterpret_cast<const char *>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceFree {
  void operator()(cairo_surface_t *s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t *c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using Context = std::unique_ptr<cairo_t, ContextFree>;

/// Writes `text` centred on (x, y) (y the baseline), turned by `angle` radians.
void centred_text(cairo_t *cr, std::string_view text, double x, double y, double angle) {
  if (text.empty()) {
    return;
  }
  const std::string s(text);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, s.c_str(), &extents);
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, angle);
  cairo_move_to(cr, -(extents.x_advance / 2), extents.height / 2);
  cairo_show_text(cr, s.c_str());
  cairo_restore(cr);
}

double text_width(cairo_t *cr, const std::string &text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

/// The markers of a sheet, the title shortened (with "…") until the footer fits `width`: the
/// longest start of it in whole UTF-8 characters that fits, found by halving (a footer is
/// measured a few times, not once per character of a long title).
SheetMarkers fitted_markers(cairo_t *cr, const Sheet &sheet, int count, std::string_view title,
                            double width) {
  SheetMarkers words = sheet_markers(sheet, count, title);
  if (text_width(cr, words.footer) <= width) {
    return words;
  }
  std::vector<std::size_t> starts; // where each character of the title starts
  for (std::size_t i = 0; i < title.size();) {
    starts.push_back(i);
    char32_t cp = 0;
    i += std::max<std::size_t>(decode_utf8(title, i, cp), 1);
  }
  auto shortened = [&](std::size_t kept) {
    return sheet_markers(
        sheet, count, std::string(title.substr(0, kept < starts.size() ? starts[kept] : 0)) + "…");
  };
  // Keeping `low` characters fits (or none does, and the ellipsis stands alone); `high` does not.
  std::size_t low = 0;
  std::size_t high = starts.size();
  while (high - low > 1) {
    const std::size_t middle = low + (high - low) / 2;
    (text_width(cr, shortened(middle).footer) <= width ? low : high) = middle;
  }
  return shortened(low);
}

} // namespace

SheetMarkers sheet_markers(const Sheet &sheet, int count, std::string_view title) {
  SheetMarkers m;
  auto from = [](int n, std::string_view arrow) {
    return n == 0 ? std::string{} : fmt::format("{} continued from sheet {}", arrow, n);
  };
  auto on = [](int n, std::string_view arrow) {
    return n == 0 ? std::string{} : fmt::format("continues on sheet {} {}", n, arrow);
  };
  m.left = from(sheet.left, "←");
  m.above = from(sheet.above, "↑");
  m.right = on(sheet.right, "→");
  m.below = on(sheet.below, "↓");
  m.footer = count == 1 ? std::string(title)
                        : fmt::format("{}{}sheet {} of {} (row {}, column {})", title,
                                      title.empty() ? "" : " — ", sheet.number, count, sheet.row,
                                      sheet.column);
  return m;
}

Expected<std::string> print_sheets(const SheetPlan &plan, const PageSetup &page,
                                   std::string_view title, const DrawOnCairo &draw) {
  const PointSize paper = paper_size(page);
  std::string out;
  Surface pdf(cairo_pdf_surface_create_for_stream(append, &out, paper.width, paper.height));
  if (cairo_surface_status(pdf.get()) != CAIRO_STATUS_SUCCESS) {
    return failure(std::string("cannot start the PDF: ") +
                   cairo_status_to_string(cairo_surface_status(pdf.get())));
  }
  // No creation date (the time of writing would make the same input give a different file).
  cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
  if (!title.empty()) {
    const std::string t(title);
    cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_TITLE, t.c_str());
  }
  Context cr(cairo_create(pdf.get()));
  cairo_select_font_face(cr.get(), "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr.get(), sheet_marker_pt);
  const int count = static_cast<int>(plan.sheets.size());
  const double m = page_margin_pt;
  const PointSize area = printable_area(page);
  for (const Sheet &sheet : plan.sheets) {
    const double width = (sheet.part.right - sheet.part.left);
    const double height = (sheet.part.bottom - sheet.part.top);
    {
      // Graphviz ends its page by finishing the target: a subsurface, so the document goes on.
      // One sheet is centred, as a drawing that fits is; several line up at the top left.
      const double x = count == 1 ? m + std::max(0.0, (area.width - width) / 2) : m;
      const double y = count == 1 ? m + std::max(0.0, (area.height - height) / 2) : m;
      Surface part(cairo_surface_create_for_rectangle(pdf.get(), x, y, width, height));
      Context on_part(cairo_create(part.get()));
      if (!draw(on_part.get(), sheet.part)) {
        return failure("cannot draw sheet " + std::to_string(sheet.number));
      }
    }
    const SheetMarkers words = fitted_markers(cr.get(), sheet, count, title, paper.width - 2 * m);
    cairo_set_source_rgb(cr.get(), 0.2, 0.2, 0.2);
    const double middle_y = m + area.height / 2;
    // Side markers read along the edge they stand on; the footer is the last line of the sheet.
    centred_text(cr.get(), words.left, m / 2, middle_y, -M_PI / 2);
    centred_text(cr.get(), words.right, paper.width - m / 2, middle_y, M_PI / 2);
    centred_text(cr.get(), words.above, paper.width / 2, m / 2, 0);
    centred_text(cr.get(), words.below, paper.width / 2, paper.height - m + sheet_marker_pt + 2, 0);
    centred_text(cr.get(), words.footer, paper.width / 2, paper.height - sheet_marker_pt / 2 - 4, 0);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(pdf.get());
  if (cairo_surface_status(pdf.get()) != CAIRO_STATUS_SUCCESS) {
    return failure(std::string("cannot write the PDF: ") +
                   cairo_status_to_string(cairo_surface_status(pdf.get())));
  }
  pdf.reset();
  return out;
}

} // namespace journey
