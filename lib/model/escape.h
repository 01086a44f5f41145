// Escaping text for XML and HTML, and for terminals and logs, shared by every output.
#pragma once

#include <string>
#include <string_view>

namespace journey {

/// Escapes `&`, `<`, `>`, `"` and `'` as entities, so text is safe in XML/HTML content and
/// attributes; control characters XML 1.0 cannot hold (all below 0x20 but tab, newline and
/// carriage return) are dropped.
std::string xml_escape(std::string_view text);

/// What `escape_terminal` does with line ends.
enum class LineEnds { Escape, Keep };

/// Text safe to print on a terminal or in a CI log: C0 control characters (but tab, and newline
/// when `line_ends` is Keep), DEL and bytes that are not UTF-8 are shown as `\x1b`; C1 control
/// characters and the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) as
/// `\u202e`. Nothing else changes, so plain text comes out as it went in.
std::string escape_terminal(std::string_view text, LineEnds line_ends = LineEnds::Escape);

} // namespace journey
