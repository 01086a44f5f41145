// Print sheets: where to cut a drawing too large for one legible sheet, as data.
#pragma once

#include "journey/render/page.h"

#include <vector>

namespace journey {

/// A rectangle on the printed drawing, in points: origin at the drawing's top left, y downwards.
struct PrintRect {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

/// What is drawn where on the drawing, at print scale.
struct PrintContent {
  std::vector<PrintRect> boxes; ///< boxes and text a cut should not go through (nodes, labels)
  std::vector<PrintRect> marks; ///< everything else drawn (pieces of arrows, frames): a sheet with
                                ///< one of these on it is not blank
};

/// One printed sheet: the part of the drawing on it, and its printed neighbours.
struct Sheet {
  int number = 0; ///< 1-based, in reading order, counting printed sheets only
  int row = 0;    ///< 1-based row of the grid
  int column = 0; ///< 1-based column of the grid
  PrintRect part; ///< the part of the drawing printed on this sheet
  int left = 0;   ///< the sheet the drawing continues from on the left, 0 for none
  int right = 0;  ///< the sheet it continues on to the right, 0 for none
  int above = 0;  ///< the sheet above, 0 for none
  int below = 0;  ///< the sheet below, 0 for none
};

/// A drawing cut into a grid of sheets.
struct SheetPlan {
  int rows = 1;
  int columns = 1;
  std::vector<Sheet> sheets; ///< the printed sheets in reading order (row by row)
  int blank = 0;             ///< sheets of the grid not printed: nothing is drawn on them
  int straight_cuts = 0;     ///< cuts through a box, printed on both sheets with an overlap
};

/// How much two sheets cut through a box both show, in points.
inline constexpr double sheet_overlap_pt = 24;

/// How far past the printable area the last row or column may run into the margin (which
/// holds no marker on that side) rather than leave a sheet with only the edge of a frame on it.
inline constexpr double last_overhang_pt = 12;

/// Cuts the drawn part of a drawing of `drawing` points (the blank around its content left out)
/// into a grid of parts of at most `area` (the printable area), in as few rows and columns as it can. Each cut (the same down the whole drawing, or
/// across it) goes where it crosses the fewest boxes in the second half of a sheet (or nearer
/// its edge, when that saves a row or column): through a gap between boxes where there is one,
/// else straight, the next sheet starting at least `sheet_overlap_pt` earlier and early enough to
/// show the crossed boxes whole. Sheets with nothing on them are left out; numbers and
/// neighbours count the printed sheets only.
SheetPlan plan_sheets(PointSize drawing, PointSize area, const PrintContent &content);

} // namespace journey
