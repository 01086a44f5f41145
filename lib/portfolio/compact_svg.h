// Graphviz SVG made smaller for pages that hold many diagrams, without changing what it shows.
#pragma once

#include <string>
#include <string_view>

namespace journey {

/// The `<svg>` element of Graphviz SVG (what precedes it is dropped), smaller: comments and
/// tooltips (`<title>`) dropped, as are the `id`s and `class`es of groups and the groups that
/// only carried them; coordinates rounded to whole points and path data written relative; colours
/// in short form; the font family, size and colour most texts share set once on the root.
/// Text that is not SVG comes back unchanged. Linear in the size of the text.
std::string compact_svg(std::string_view svg);

} // namespace journey
