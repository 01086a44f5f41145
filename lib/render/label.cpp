// Label text: cleaning, escaping and wrapping user text for Graphviz HTML labels.
#include "render/label.h"

#include "model/escape.h"

#include <cstdint>

namespace journey {
namespace {

void append_utf8(std::string &out, std::uint32_t cp) {
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

/// Decodes one code point at `i`; returns its length, or 0 for an invalid sequence.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t &cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(i);
  std::size_t len = 0;
  std::uint32_t min = 0;
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  if ((b & 0xE0) == 0xC0) {
    len = 2, cp = b & 0x1F, min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3, cp = b & 0x0F, min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4, cp = b & 0x07, min = 0x10000;
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
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    n += is_continuation(c) ? 0 : 1;
  }
  return n;
}

/// Byte length of the first `n` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < s.size(); ++i) {
    if (!is_continuation(s[i]) && seen++ == n) {
      break;
    }
  }
  return i;
}

void wrap_line(std::string_view line, std::size_t width, std::vector<std::string> &out) {
  std::string current;
  std::size_t current_len = 0;
  auto flush = [&] {
    if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
      current_len = 0;
    }
  };
  std::size_t pos = 0;
  while (pos < line.size()) {
    if (line[pos] == ' ') {
      ++pos;
      continue;
    }
    std::size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) {
      end = line.size();
    }
    std::string_view word = line.substr(pos, end - pos);
    pos = end;
    std::size_t len = code_points(word);
    if (current_len > 0 && current_len + 1 + len <= width) {
      current += ' ';
      current += word;
      current_len += 1 + len;
      continue;
    }
    flush();
    while (len > width) {
      std::size_t cut = prefix_bytes(word, width);
      out.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
      len -= width;
    }
    current = std::string(word);
    current_len = len;
  }
  flush();
}

} // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    std::size_t len = decode(text, i, cp);
    if (len == 0) {
      append_utf8(out, 0xFFFD);
      ++i;
      continue;
    }
    i += len;
    if (cp == '\r') {
      out += '\n';
      if (i < text.size() && text[i] == '\n') {
        ++i;
      }
    } else if (cp == '\t') {
      out += ' ';
    } else if (cp == '\n') {
      out += '\n';
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF) {
      continue;
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : xml_escape(text)) {
    if (c == '\\') {
      out += '\\'; // Graphviz expands `\N`, `\G` and the like even in HTML labels
    }
    out += c;
  }
  return out;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  if (width == 0) {
    width = 1;
  }
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    wrap_line(text.substr(pos, end - pos), width, out);
    pos = end + 1;
  }
  if (out.empty()) {
    out.emplace_back();
  }
  return out;
}

std::string html_lines(std::string_view text, std::size_t width) {
  std::string out;
  bool first = true;
  for (const std::string &line : wrap_text(clean_text(text), width)) {
    if (!first) {
      out += "<BR/>";
    }
    first = false;
    out += html_escape(line);
  }
  return out;
}

} // namespace journey
