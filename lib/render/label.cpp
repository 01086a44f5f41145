// Label text: cleaning, escaping and wrapping user text for Graphviz HTML labels.
#include "journey/render/label.h"

#include "journey/model/escape.h"

namespace journey {
namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
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
  // Graphviz refuses an empty `<B></B>` or `<FONT></FONT>`: text that shows nothing is a space.
  return out.empty() ? " " : out;
}

} // namespace journey
