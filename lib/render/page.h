// Print pages: paper sizes, and the scale that fits a drawing on one page without illegible text.
#pragma once

#include "journey/model/names.h"

#include <optional>
#include <string>
#include <string_view>

namespace journey {

/// A paper size for `render --page`.
enum class Paper { A4, A3, Letter };

/// The names of the paper sizes.
inline constexpr Named<Paper> kPaperNames[] = {
    {"A4", Paper::A4}, {"A3", Paper::A3}, {"letter", Paper::Letter}};

/// Text smaller than this many points on paper cannot be read at arm's length.
inline constexpr double min_text_pt = 7.0;

/// The blank margin on every side of a printed sheet, points (1/2 inch).
inline constexpr double page_margin_pt = 36;

/// A sheet to print on: landscape unless `portrait`.
struct PageSetup {
  Paper paper = Paper::A4;
  bool portrait = false;
  std::string title; ///< what the footer of each sheet calls the drawing, when it is split
};

/// A width and height in points (1/72 inch).
struct PointSize {
  double width = 0;
  double height = 0;
};

/// The sheet's size in points, oriented.
PointSize paper_size(const PageSetup &page);
/// The printable area: the sheet less a margin of 1/2 inch on every side.
PointSize printable_area(const PageSetup &page);

/// How a drawing goes on paper.
struct PageFit {
  double scale = 1;    ///< paper points per layout point (at most 1)
  int pages = 1;       ///< sheets needed at that scale (1 when the drawing fits)
};

/// The largest scale (at most 1) at which a drawing of `drawing` points fits the printable area,
/// unless its smallest text (`smallest_text_pt` at scale 1) would fall below `min_text_pt`: then
/// the scale that keeps that text legible, and the number of sheets it needs.
PageFit fit_page(PointSize drawing, double smallest_text_pt, const PageSetup &page);

} // namespace journey
