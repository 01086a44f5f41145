// Print sheets: cuts in the gaps between boxes (else straight, with overlap), blank sheets left out.
#include "journey/render/sheets.h"

#include <algorithm>

namespace journey {
namespace {

struct Span {
  double from = 0;
  double to = 0;
};

/// The boxes' extents along one axis, sorted by each end, for counting the boxes a cut crosses.
struct Axis {
  std::vector<Span> spans;
  std::vector<double> froms; ///< sorted
  std::vector<double> tos;   ///< sorted

  explicit Axis(std::vector<Span> all) {
    std::erase_if(all, [](const Span &s) { return s.to <= s.from; });
    spans = std::move(all);
    for (const Span &s : spans) {
      froms.push_back(s.from);
      tos.push_back(s.to);
    }
    std::ranges::sort(froms);
    std::ranges::sort(tos);
  }
  /// How many boxes a cut at `x` goes through.
  std::ptrdiff_t crossed(double x) const {
    return (std::ranges::lower_bound(froms, x) - froms.begin()) -
           (std::ranges::upper_bound(tos, x) - tos.begin());
  }
};

/// Cuts `whole` into parts of at most `span`. Each cut is where the fewest boxes are crossed
/// after `fill` of the part (the furthest such place). Through a gap, nothing is repeated; else
/// the next part starts `sheet_overlap_pt` back, or further (at most half the part) to show whole
/// the crossed boxes that fit a part.
std::vector<Span> cut_axis(Span whole, double span, const Axis &axis, double fill, int &straight) {
  constexpr double eps = 1e-6;
  constexpr double clearance = 6; // points kept between a cut and the box after it
  const double length = whole.to;
  std::vector<Span> parts;
  double start = whole.from;
  while (span > eps && start + span < length - eps) {
    const double limit = start + span;
    if (length - limit <= last_overhang_pt && (axis.tos.empty() || axis.tos.back() <= limit)) {
      break; // only the edge of a frame is left: the last sheet takes it into its margin
    }
    const double earliest = start + span * fill;
    double best = limit;
    std::ptrdiff_t fewest = axis.crossed(limit);
    // Box edges in the second half, right to left: the first place crossing nothing is the best.
    auto consider = [&](const std::vector<double> &edges) {
      auto first = std::ranges::lower_bound(edges, earliest);
      auto last = std::ranges::upper_bound(edges, limit);
      while (last != first) {
        const double x = *--last;
        const std::ptrdiff_t n = axis.crossed(x);
        if (n < fewest || (n == fewest && x > best)) {
          fewest = n;
          best = x;
        }
        if (n == 0) {
          break;
        }
      }
    };
    consider(axis.froms);
    consider(axis.tos);
    if (fewest == 0) {
      // Just before the box after the gap (or down its middle when narrow), inside this part.
      auto after = std::ranges::lower_bound(axis.froms, best);
      auto before = std::ranges::upper_bound(axis.tos, best);
      const double gap_from = before == axis.tos.begin() ? start : *std::prev(before);
      const double gap_to = after == axis.froms.end() ? length : *after;
      const double cut = std::clamp(std::max((gap_from + gap_to) / 2, gap_to - clearance),
                                    std::max(gap_from, earliest), limit);
      parts.push_back({start, cut});
      start = cut;
      continue;
    }
    double next = best - sheet_overlap_pt;
    for (const Span &s : axis.spans) {
      if (s.from < best && best < s.to && s.to - s.from + 2 * clearance <= span) {
        next = std::min(next, s.from - clearance);
      }
    }
    parts.push_back({start, best});
    start = std::max(next, (start + best) / 2); // back at most half the part: a quarter sheet on
    ++straight;
  }
  parts.push_back({start, length});
  return parts;
}

/// The cuts along one axis with the fewest parts: cutting in the second half of each sheet first,
/// then nearer its edge (which crosses more boxes, but may save a sheet of a sliver).
std::vector<Span> fewest_parts(Span whole, double span, const Axis &axis, int &straight) {
  std::vector<Span> best;
  int best_straight = 0;
  for (double fill : {0.5, 0.75, 0.9}) {
    int cuts = 0;
    std::vector<Span> parts = cut_axis(whole, span, axis, fill, cuts);
    if (best.empty() || parts.size() < best.size()) {
      best = std::move(parts);
      best_straight = cuts;
    }
  }
  straight += best_straight;
  return best;
}

/// The parts that a span [from, to] reaches into, as a first and one-past-last index.
std::pair<std::size_t, std::size_t> reached(const std::vector<Span> &parts, double from, double to) {
  auto first = std::ranges::upper_bound(parts, from, {}, &Span::to);
  auto last = first;
  while (last != parts.end() && last->from < to) {
    ++last;
  }
  return {static_cast<std::size_t>(first - parts.begin()), static_cast<std::size_t>(last - parts.begin())};
}

} // namespace

SheetPlan plan_sheets(PointSize drawing, PointSize area, const PrintContent &content) {
  SheetPlan plan;
  std::vector<Span> across;
  std::vector<Span> down;
  across.reserve(content.boxes.size());
  down.reserve(content.boxes.size());
  for (const PrintRect &box : content.boxes) {
    across.push_back({box.left, box.right});
    down.push_back({box.top, box.bottom});
  }
  // Only what is drawn is cut and printed: the blank around it is not, the paper has margins.
  Span wide{drawing.width, 0};
  Span high{drawing.height, 0};
  for (const auto *list : {&content.boxes, &content.marks}) {
    for (const PrintRect &r : *list) {
      wide = {std::min(wide.from, r.left), std::max(wide.to, r.right)};
      high = {std::min(high.from, r.top), std::max(high.to, r.bottom)};
    }
  }
  if (wide.to <= wide.from || high.to <= high.from) {
    wide = {0, drawing.width};
    high = {0, drawing.height};
  }
  wide = {std::max(0.0, wide.from), std::min(drawing.width, wide.to)};
  high = {std::max(0.0, high.from), std::min(drawing.height, high.to)};
  const std::vector<Span> columns =
      fewest_parts(wide, area.width, Axis(std::move(across)), plan.straight_cuts);
  const std::vector<Span> rows =
      fewest_parts(high, area.height, Axis(std::move(down)), plan.straight_cuts);
  plan.columns = static_cast<int>(columns.size());
  plan.rows = static_cast<int>(rows.size());

  std::vector<char> drawn(columns.size() * rows.size(), 0);
  auto mark = [&](const PrintRect &r) {
    const auto [c0, c1] = reached(columns, r.left, std::max(r.right, r.left + 1e-9));
    const auto [r0, r1] = reached(rows, r.top, std::max(r.bottom, r.top + 1e-9));
    for (std::size_t row = r0; row < r1; ++row) {
      for (std::size_t column = c0; column < c1; ++column) {
        drawn[row * columns.size() + column] = 1;
      }
    }
  };
  std::ranges::for_each(content.boxes, mark);
  std::ranges::for_each(content.marks, mark);

  std::vector<int> numbers(drawn.size(), 0);
  int next = 0;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    if (drawn[i] != 0) {
      numbers[i] = ++next;
    }
  }
  if (next == 0) { // nothing drawn at all: still one sheet, the top-left one
    numbers[0] = next = 1;
  }
  plan.blank = static_cast<int>(drawn.size()) - next;
  const std::size_t width = columns.size();
  for (std::size_t row = 0; row < rows.size(); ++row) {
    for (std::size_t column = 0; column < width; ++column) {
      const std::size_t i = row * width + column;
      if (numbers[i] == 0) {
        continue;
      }
      Sheet sheet;
      sheet.number = numbers[i];
      sheet.row = static_cast<int>(row) + 1;
      sheet.column = static_cast<int>(column) + 1;
      sheet.part = {columns[column].from, rows[row].from, columns[column].to, rows[row].to};
      sheet.left = column > 0 ? numbers[i - 1] : 0;
      sheet.right = column + 1 < width ? numbers[i + 1] : 0;
      sheet.above = row > 0 ? numbers[i - width] : 0;
      sheet.below = row + 1 < rows.size() ? numbers[i + width] : 0;
      plan.sheets.push_back(sheet);
    }
  }
  return plan;
}

} // namespace journey
