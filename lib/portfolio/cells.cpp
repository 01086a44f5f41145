// Cell text: short numbers and escaping for the table, diff and report outputs.
#include "portfolio/cells.h"

#include "model/duration.h"
#include "model/escape.h"

#include <cmath>
#include <cstdint>
#include <fmt/format.h>

namespace journey {
namespace {

/// Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not one.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) {
    return 1;
  }
  std::size_t len = 0;
  std::uint32_t cp = 0;
  std::uint32_t min = 0;
  if ((b & 0xE0) == 0xC0) {
    len = 2, cp = b & 0x1Fu, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, cp = b & 0x0Fu, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, cp = b & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

} // namespace

std::string format_count(double value) {
  if (!std::isfinite(value)) {
    return "n/a";
  }
  const double rounded = std::round(value * 100.0) / 100.0;
  if (rounded == std::round(rounded)) {
    return fmt::format("{}", static_cast<long long>(std::llround(rounded)));
  }
  std::string text = fmt::format("{:.2f}", rounded);
  while (text.back() == '0') {
    text.pop_back();
  }
  return text;
}

double tidy_number(double value) {
  if (!std::isfinite(value) || value == 0) {
    return value;
  }
  const double scale = std::pow(10.0, 9 - std::ceil(std::log10(std::fabs(value))));
  return std::round(value * scale) / scale;
}

std::string format_expected_duration(double seconds) {
  return std::isfinite(seconds) ? format_duration(seconds) : "n/a";
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = sequence_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const char c = text[i];
    if (len == 1 && c == '\r') {
      out += '\n';
      i += (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (len == 1 && (u < 0x20 || u == 0x7F) && c != '\n' && c != '\t') {
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

std::string escape_html_text(std::string_view text) { return xml_escape(valid_utf8(text)); }

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : valid_utf8(text)) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '|':
      out += "\\|";
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
    default:
      out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  const std::string clean = valid_utf8(text);
  if (clean.find_first_of(",\"\r\n") == std::string::npos) {
    return clean;
  }
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

} // namespace journey
