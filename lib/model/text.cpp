// Text helpers: plural nouns, id checks, short numbers, lists, CSV fields and UTF-8 cleaning.
#include "journey/model/text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace journey {
namespace {

/// What `clean_utf8` drops or changes besides invalid bytes and line ends.
enum class Clean { Text, Label };

std::string clean_utf8(std::string_view text, Clean mode) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      append_utf8(out, 0xFFFD);
      ++i;
      continue;
    }
    const std::string_view bytes = text.substr(i, len);
    i += len;
    if (cp == '\r') {
      out += '\n';
      if (i < text.size() && text[i] == '\n') {
        ++i;
      }
    } else if (cp == '\t') {
      out += mode == Clean::Label ? ' ' : '\t';
    } else if (cp == '\n') {
      out += '\n';
    } else if (cp < 0x20 || cp == 0x7F) {
      continue;
    } else if (mode == Clean::Label &&
               ((cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF)) {
      continue;
    } else {
      out += bytes;
    }
  }
  return out;
}

} // namespace

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return plural(std::to_string(n), one, many);
}

std::string plural(std::string_view number, std::string_view one, std::string_view many) {
  std::string out(number);
  out += ' ';
  out += number == "1" ? one : many;
  return out;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

bool is_plain_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), is_id_char);
}

bool is_slug(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
           return is_id_char(c) && !(c >= 'A' && c <= 'Z');
         });
}

std::string format_decimal(double x, int decimals) {
  char buffer[64];
  if (!std::isfinite(x) || std::fabs(x) >= kLargestPlainNumber) {
    const int n = std::snprintf(buffer, sizeof buffer, "%.3g", x);
    return std::string(buffer,
                       n < 0 ? 0 : std::min(static_cast<std::size_t>(n), sizeof buffer - 1));
  }
  decimals = std::clamp(decimals, 0, 17);
  const int n = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
  std::string text(buffer, n < 0 ? 0 : std::min(static_cast<std::size_t>(n), sizeof buffer - 1));
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text == "-0" ? "0" : text;
}

std::string format_percent(double p, int decimals) {
  return format_decimal(p * 100.0, decimals) + "%";
}

double tidy_number(double value) {
  if (!std::isfinite(value) || value == 0) {
    return value;
  }
  const double scale = std::pow(10.0, 9 - std::ceil(std::log10(std::fabs(value))));
  return std::round(value * scale) / scale;
}

std::string_view trim(std::string_view text, std::string_view chars) {
  const std::size_t begin = text.find_first_not_of(chars);
  if (begin == std::string_view::npos) {
    return {};
  }
  return text.substr(begin, text.find_last_not_of(chars) - begin + 1);
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char &c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string join(const std::vector<std::string> &items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += items[i];
  }
  return out;
}

std::string and_list(const std::vector<std::string> &items, std::size_t most) {
  std::string out;
  const std::size_t shown = std::min(items.size(), most);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      out += i + 1 == shown && shown == items.size() ? " and " : ", ";
    }
    out += items[i];
  }
  if (shown < items.size()) {
    out += " and " + std::to_string(items.size() - shown) + " more";
  }
  return out;
}

std::string csv_field(std::string_view text) {
  const bool formula =
      !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = formula ? "\"'" : "\"";
  for (char c : text) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t &cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b & 0xE0) == 0xC0) {
    len = 2, cp = b & 0x1Fu, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, cp = b & 0x0Fu, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, cp = b & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) {
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

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_blank_text(std::string_view text) {
  const auto invisible = [](char32_t cp) {
    return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD || cp == 0x034F || cp == 0x061C ||
           cp == 0x115F || cp == 0x1160 || cp == 0x1680 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0x3164 || cp == 0xFEFF ||
           cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0xE0000 && cp <= 0xE007F);
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0 || !invisible(cp)) {
      return false; // a stray byte shows as U+FFFD
    }
    i += len;
  }
  return true;
}

std::string valid_utf8(std::string_view text) { return clean_utf8(text, Clean::Text); }

std::string clean_text(std::string_view text) { return clean_utf8(text, Clean::Label); }

} // namespace journey
