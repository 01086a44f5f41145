// Sheet planning: cuts between boxes, straight cuts with overlap, blank sheets left out, numbering.
#include "journey/render/print_sheets.h"
#include "journey/render/sheets.h"

#include <doctest/doctest.h>

using namespace journey;

namespace {

PrintRect box(double left, double top, double width, double height) {
  return {left, top, left + width, top + height};
}

/// Every box lies wholly on some sheet.
bool on_some_sheet(const SheetPlan &plan, const PrintRect &r) {
  for (const Sheet &s : plan.sheets) {
    if (s.part.left <= r.left && r.right <= s.part.right && s.part.top <= r.top && r.bottom <= s.part.bottom) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("a drawing that fits the area is one sheet") {
  const SheetPlan plan = plan_sheets({500, 300}, {770, 523}, {{box(10, 10, 100, 50)}, {}});
  CHECK(plan.rows == 1);
  CHECK(plan.columns == 1);
  REQUIRE(plan.sheets.size() == 1);
  CHECK(plan.sheets[0].number == 1);
  // Only what is drawn is printed: the blank around the box is left to the paper's margins.
  CHECK(plan.sheets[0].part.left == 10);
  CHECK(plan.sheets[0].part.right == 110);
  CHECK(plan.sheets[0].part.bottom == 60);
  CHECK(plan.sheets[0].left == 0);
  CHECK(plan.sheets[0].right == 0);
}

TEST_CASE("cuts go through the gap between boxes, not through a box") {
  // Boxes every 150 points, 100 wide: gaps at 100-150, 250-300, ...; a sheet 400 wide.
  PrintContent content;
  for (int i = 0; i < 6; ++i) {
    content.boxes.push_back(box(150.0 * i, 20, 100, 40));
  }
  const SheetPlan plan = plan_sheets({850, 100}, {400, 500}, content);
  CHECK(plan.straight_cuts == 0);
  CHECK(plan.rows == 1);
  REQUIRE(plan.columns >= 3);
  for (const Sheet &s : plan.sheets) {
    CHECK(s.part.right - s.part.left <= 400 + 1e-9);
    for (const PrintRect &b : content.boxes) {
      const bool cut = b.left < s.part.right && s.part.right < b.right;
      CHECK_FALSE(cut);
    }
  }
  for (const PrintRect &b : content.boxes) {
    CHECK(on_some_sheet(plan, b));
  }
  // Sheets touch where the cut is in a gap: nothing printed twice, nothing lost.
  for (std::size_t i = 1; i < plan.sheets.size(); ++i) {
    CHECK(plan.sheets[i].part.left == doctest::Approx(plan.sheets[i - 1].part.right));
  }
}

TEST_CASE("a box cut where no gap is shows whole on the next sheet") {
  // Boxes 150 wide every 140 points: no gap anywhere.
  PrintContent content;
  for (int i = 0; i < 7; ++i) {
    content.boxes.push_back(box(140.0 * i, 0, 150, 50));
  }
  const SheetPlan plan = plan_sheets({990, 50}, {400, 500}, content);
  CHECK(plan.straight_cuts >= 1);
  for (const PrintRect &b : content.boxes) {
    CHECK(on_some_sheet(plan, b));
  }
  for (std::size_t i = 1; i < plan.sheets.size(); ++i) {
    CHECK(plan.sheets[i].part.left <= plan.sheets[i - 1].part.right - sheet_overlap_pt);
  }
}

TEST_CASE("with no gap, the cut is straight and the next sheet overlaps it") {
  // One box wider than two sheets.
  const PrintContent content{{box(0, 0, 900, 50)}, {}};
  const SheetPlan plan = plan_sheets({900, 50}, {400, 500}, content);
  CHECK(plan.straight_cuts >= 2);
  REQUIRE(plan.sheets.size() == 3);
  CHECK(plan.sheets[0].part.right == doctest::Approx(400));
  CHECK(plan.sheets[1].part.left == doctest::Approx(400 - sheet_overlap_pt));
  CHECK(plan.sheets[1].part.right == doctest::Approx(800 - sheet_overlap_pt));
  CHECK(plan.sheets[2].part.right == doctest::Approx(900));
}

TEST_CASE("a gap too early on the sheet is not used: the sheet would be mostly empty") {
  // A gap at 50-60 only, then one long box: cutting there would waste most of a sheet.
  const PrintContent content{{box(0, 0, 50, 20), box(60, 0, 700, 20)}, {}};
  const SheetPlan plan = plan_sheets({760, 20}, {400, 500}, content);
  REQUIRE(!plan.sheets.empty());
  CHECK(plan.sheets[0].part.right == doctest::Approx(400));
  CHECK(plan.straight_cuts == 1);
}

TEST_CASE("blank sheets are left out, and numbers and neighbours skip them") {
  // A 2 x 2 grid of sheets 400 x 300 whose bottom-left quarter is empty.
  const PrintContent content{{box(10, 10, 100, 50), box(500, 10, 100, 50), box(500, 400, 100, 50)}, {}};
  const SheetPlan plan = plan_sheets({800, 600}, {400, 300}, content);
  CHECK(plan.rows == 2);
  CHECK(plan.columns == 2);
  CHECK(plan.blank == 1);
  REQUIRE(plan.sheets.size() == 3);
  // Reading order: row 1 column 1, row 1 column 2, row 2 column 2.
  CHECK(plan.sheets[0].number == 1);
  CHECK(plan.sheets[1].number == 2);
  CHECK(plan.sheets[1].row == 1);
  CHECK(plan.sheets[1].column == 2);
  CHECK(plan.sheets[2].number == 3);
  CHECK(plan.sheets[2].row == 2);
  CHECK(plan.sheets[2].column == 2);
  CHECK(plan.sheets[0].right == 2);
  CHECK(plan.sheets[0].below == 0); // the sheet below is blank: no marker points to it
  CHECK(plan.sheets[1].left == 1);
  CHECK(plan.sheets[1].below == 3);
  CHECK(plan.sheets[2].above == 2);
  CHECK(plan.sheets[2].left == 0);
}

TEST_CASE("a sheet crossed only by an arrow is not blank") {
  PrintContent content{{box(10, 10, 100, 50), box(500, 400, 100, 50)}, {}};
  const SheetPlan without = plan_sheets({800, 600}, {400, 300}, content);
  CHECK(without.sheets.size() == 2);
  content.marks.push_back(box(50, 60, 2, 400)); // an arrow down the left
  content.marks.push_back(box(50, 460, 500, 2)); // and across the bottom
  const SheetPlan with = plan_sheets({800, 600}, {400, 300}, content);
  CHECK(with.sheets.size() == 3);
  CHECK(with.sheets[1].row == 2);
  CHECK(with.sheets[1].column == 1);
  CHECK(with.sheets[1].number == 2);
  CHECK(with.sheets[2].left == 2);
}

TEST_CASE("the edge of a frame just past the last sheet goes into its margin, not onto a sheet") {
  PrintContent content{{box(0, 0, 100, 290)}, {box(0, 0, 100, 298)}}; // a frame 8 pt below the box
  const SheetPlan plan = plan_sheets({100, 298}, {400, 290}, content);
  REQUIRE(plan.sheets.size() == 1);
  CHECK(plan.sheets[0].part.bottom == doctest::Approx(298));
  // A box past the sheet, or a frame further out, still takes a sheet of its own.
  content.marks[0] = box(0, 0, 100, 330);
  CHECK(plan_sheets({100, 330}, {400, 290}, content).sheets.size() == 2);
}

TEST_CASE("the margins say where the drawing goes on, towards printed sheets only") {
  const Sheet middle{.number = 5, .row = 2, .column = 2, .part{}, .left = 4, .right = 0, .above = 2, .below = 8};
  const SheetMarkers words = sheet_markers(middle, 9, "Loan — compare");
  CHECK(words.left == "← continued from sheet 4");
  CHECK(words.right.empty());
  CHECK(words.above == "↑ continued from sheet 2");
  CHECK(words.below == "continues on sheet 8 ↓");
  CHECK(words.footer == "Loan — compare — sheet 5 of 9 (row 2, column 2)");
  const Sheet first{.number = 1, .row = 1, .column = 1, .part{}, .left = 0, .right = 2, .above = 0, .below = 0};
  CHECK(sheet_markers(first, 2, "Loan").right == "continues on sheet 2 →");
  CHECK(sheet_markers(first, 1, "Loan").footer == "Loan");
}

TEST_CASE("cuts always move on, whatever the boxes") {
  // Boxes of every width, overlapping each other, starting every 7 points: many straight cuts.
  PrintContent content;
  for (int i = 0; i < 300; ++i) {
    content.boxes.push_back(box(7.0 * i, 3.0 * (i % 50), 20.0 + (i * 37) % 390, 10.0 + (i * 13) % 200));
  }
  const SheetPlan plan = plan_sheets({2500, 400}, {400, 300}, content);
  CHECK(plan.columns <= 2500 / 100); // at least a quarter sheet further on per cut
  for (const Sheet &s : plan.sheets) {
    CHECK(s.part.right - s.part.left <= 400 + 1e-9);
    CHECK(s.part.right > s.part.left);
  }
  CHECK(plan_sheets({100, 100}, {0, 0}, content).sheets.size() >= 1); // no area: no endless cutting
}
