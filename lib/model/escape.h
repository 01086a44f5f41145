// Escaping text for XML and HTML, shared by every output that writes markup.
#pragma once

#include <string>
#include <string_view>

namespace journey {

/// Escapes `&`, `<`, `>`, `"` and `'` as entities, so text is safe in XML/HTML content and
/// attributes; control characters XML 1.0 cannot hold (all below 0x20 but tab, newline and
/// carriage return) are dropped.
std::string xml_escape(std::string_view text);

} // namespace journey
