// Graphviz: lays out DOT text with `dot` and renders it in-process (the only code using Graphviz).
#pragma once

#include "journey/render/format.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace journey {

/// Graphviz could not read, lay out or render a graph; `what()` holds its messages.
class RenderError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Lays out DOT text with the `dot` engine and renders it as `format` (for `Format::Dot`, returns
/// the text unchanged). Uses one Graphviz context for the whole process, created on first use;
/// calls are serialised, as Graphviz is not thread-safe. Throws RenderError.
std::string render_dot(std::string_view dot, Format format);

/// The Graphviz version in use, e.g. `2.43.0`.
std::string graphviz_version();

} // namespace journey
