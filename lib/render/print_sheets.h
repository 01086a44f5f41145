// Print sheets into one PDF: a page the size of the paper per sheet, markers in the margins.
#pragma once

#include "journey/model/expected.h"
#include "journey/render/page.h"
#include "journey/render/sheets.h"

#include <functional>
#include <string>
#include <string_view>

namespace journey {

/// The size of the marker and footer text on printed sheets, points.
inline constexpr double sheet_marker_pt = 9;

/// What a printed sheet's margin says: "← continued from sheet 2", ..., and the footer.
struct SheetMarkers {
  std::string left;
  std::string right;
  std::string above;
  std::string below;
  std::string footer; ///< "TITLE — VIEW — sheet 3 of 6 (row 2, column 1)", the title alone
                      ///< when there is one sheet
};

/// The words in the margins of `sheet`, one of `count` sheets of a drawing called `title`.
SheetMarkers sheet_markers(const Sheet &sheet, int count, std::string_view title);

/// Draws `part` of the drawing (in paper points, see `PrintRect`) at print scale onto a cairo
/// context (`cairo_t *`), the part's top left at the origin; returns false when it could not.
using DrawOnCairo = std::function<bool(void *cairo, const PrintRect &part)>;

/// A PDF of the sheets of `plan`, one page of `page`'s paper size each: the sheet's part of the
/// drawing inside the margins (clipped to it), the markers around it.
Expected<std::string> print_sheets(const SheetPlan &plan, const PageSetup &page,
                                   std::string_view title, const DrawOnCairo &draw);

} // namespace journey
