// Escaping text for XML and HTML, and for terminals.
#include "journey/model/escape.h"

#include "journey/model/text.h"

#include <cstdio>

namespace journey {

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
        break;
      }
      out += c;
    }
  }
  return out;
}

namespace {

void append_code(std::string &out, const char *format, unsigned value) {
  char buffer[12];
  const int n = std::snprintf(buffer, sizeof buffer, format, value);
  out.append(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
}

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

std::string escape_terminal(std::string_view text, LineEnds line_ends) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      append_code(out, "\\x%02x", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    const bool kept = cp == '\t' || (cp == '\n' && line_ends == LineEnds::Keep);
    if (!kept && (cp < 0x20 || cp == 0x7F)) {
      append_code(out, "\\x%02x", static_cast<unsigned>(cp));
    } else if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp)) {
      append_code(out, "\\u%04x", static_cast<unsigned>(cp));
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

} // namespace journey
