// Label text: making any user text safe for Graphviz HTML labels, and wrapping it to a width.
#pragma once

#include "journey/model/text.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Width, in characters, at which labels wrap.
inline constexpr std::size_t label_width = 24;

/// Escapes text for the inside of a Graphviz HTML label: `&`, `<`, `>`, `"`, `'` as entities, and
/// `\` doubled, since Graphviz expands `\N`, `\G`, `\E`... even in HTML labels.
/// The text must already be clean (`clean_text`, in model/text.h).
std::string html_escape(std::string_view text);

/// Splits cleaned text into lines of at most `width` characters (code points): at newlines,
/// then between words, breaking words longer than the width. Never returns an empty vector.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width = label_width);

/// Cleans, wraps and escapes text, joining the lines with `<BR/>`: ready for an HTML label. Text
/// that shows nothing (empty, spaces, control characters) is one space: Graphviz refuses `<B></B>`.
std::string html_lines(std::string_view text, std::size_t width = label_width);

} // namespace journey
