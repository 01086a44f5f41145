// Graphviz: lays out DOT text with `dot` and renders it in-process (the only code using Graphviz).
#pragma once

#include "journey/model/expected.h"
#include "journey/render/format.h"
#include "journey/render/page.h"

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Graphviz could not read, lay out or render a graph; `what()` holds its messages.
class RenderError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// How long a layout may take by default.
inline constexpr std::chrono::milliseconds default_layout_timeout{30'000};

/// How to lay a graph out and render it.
struct LayoutOptions {
  /// Processor time a layout may take (and ten times that on the clock); zero for no bound.
  /// Bounded layouts run in a forked child of this process (still Graphviz in-process code, never
  /// the `dot` program), stopped at the bound.
  std::chrono::milliseconds timeout = default_layout_timeout;
  /// Print: scale to this sheet, never below legible text, and centre a drawing that fits on a
  /// canvas (PDF: a page) of the sheet's size. One that does not is split into sheets as a PDF
  /// (see `plan_sheets`), and stays one image of its own size as PNG or SVG.
  std::optional<PageSetup> page;
  /// What else helps when the layout is too slow or crashes, besides more time, appended to that
  /// error after ", " (e.g. `or draw one view (--view outside-in)`).
  std::string advice;
};

/// A bound as `--layout-timeout` accepts it: `2m`, `30s`, `0.001s`.
std::string format_layout_timeout(std::chrono::milliseconds bound);

/// Parses a `--layout-timeout` value: a duration (`30s`, `2m`), `0` for no bound.
Expected<std::chrono::milliseconds> parse_layout_timeout(std::string_view text);

/// A rendered diagram and what Graphviz said while drawing it.
struct Drawing {
  std::string data;                 ///< the rendered bytes (or DOT text)
  std::vector<std::string> notes;   ///< warnings for people: re-routed arrows, Graphviz warnings
  double scale = 1;                 ///< output points per layout point
  double smallest_text_pt = 0;      ///< the smallest font size in the drawing, after scaling
  int pages = 1;                    ///< sheets, with `LayoutOptions::page`
  int sheets = 1;                   ///< PDF pages written: with `page`, the sheets a drawing too
                                    ///< large for one legible sheet is split into
  std::string splines;              ///< the `splines` mode the layout succeeded with
};

/// Lays out DOT text with the `dot` engine and renders it as `format` (for `Format::Dot`, returns
/// the text unchanged). When Graphviz 2.42 loses edges while routing curves (`Pshortestpath
/// failed`) or crashes, the layout is retried with simple curved and then straight arrows, and a note
/// says so. Uses one Graphviz context for the whole process, created on first use; calls are
/// serialised, as Graphviz is not thread-safe. The error says what helps when the bound is hit.
Expected<Drawing> draw_dot(std::string_view dot, Format format, const LayoutOptions &options = {});

/// `draw_dot` with no time bound, for callers that want only the bytes. Throws RenderError.
std::string render_dot(std::string_view dot, Format format);

/// A box in layout points, centre and size (y grows upwards, as in Graphviz).
struct LayoutBox {
  std::string what; ///< the node's name, or `edge a -> b`
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

/// The boxes of a laid-out graph, for checks of the layout itself.
struct LayoutBoxes {
  std::vector<LayoutBox> nodes;       ///< every node with a visible box, but edge labels
  std::vector<LayoutBox> edge_labels; ///< every edge label, head and tail label, and label node
};

/// Lays out DOT text in this process and returns where its nodes and edge labels landed.
Expected<LayoutBoxes> layout_boxes(std::string_view dot);

/// The Graphviz version in use, e.g. `2.43.0`.
std::string graphviz_version();

} // namespace journey
