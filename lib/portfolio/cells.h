// Cell text: numbers in short form, and escaping of user text for Markdown and HTML.
#pragma once

#include "journey/model/text.h"

#include <string>
#include <string_view>

namespace journey {

/// A count or an expected value in short form: `3`, `2.4`, `0.25`; `n/a` when not finite.
std::string format_count(double value);

/// An expected duration (`2d 3h`), or `n/a` when not finite.
std::string format_expected_duration(double seconds);

/// Escapes text for HTML element content and attribute values (`&`, `<`, `>`, `"`, `'`).
/// Invalid UTF-8 becomes U+FFFD and control characters other than newline and tab are dropped.
std::string escape_html_text(std::string_view text);

/// Escapes text for one cell of a Markdown table (GitHub Flavored Markdown): `\`, `|`, the
/// backtick and the emphasis, strikethrough and link marks are backslash-escaped, `&`, `<` and
/// `>` become entities (no raw HTML), newlines become `<br>`; controls and bidi overrides are
/// shown as `escape_terminal` shows them.
std::string markdown_cell(std::string_view text);

} // namespace journey
