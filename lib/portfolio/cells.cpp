// Cell text: short numbers and escaping for the table, diff and report outputs.
#include "journey/portfolio/cells.h"

#include "journey/model/duration.h"
#include "journey/model/escape.h"

#include <cmath>

namespace journey {

std::string format_count(double value) {
  return std::isfinite(value) ? format_decimal(value, 2) : "n/a";
}

std::string format_expected_duration(double seconds) {
  return std::isfinite(seconds) ? format_duration(seconds) : "n/a";
}

std::string escape_html_text(std::string_view text) { return xml_escape(valid_utf8(text)); }

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : escape_terminal(valid_utf8(text), LineEnds::Keep)) {
    switch (c) {
    case '\\':
    case '|':
    case '`':
    case '*':
    case '_':
    case '~':
    case '[':
    case ']':
      out += '\\';
      out += c;
      break;
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '\n':
      out += "<br>";
      break;
    case '\t':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out;
}

} // namespace journey
