// Compact SVG: one pass to find the text defaults, one pass that rewrites tag by tag.
#include "journey/portfolio/compact_svg.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <vector>

namespace journey {
namespace {

struct Attribute {
  std::string_view name;
  std::string_view value;
};

/// A start or empty-element tag: `<name a="v" ...>` or `.../>`.
struct Tag {
  std::string_view name;
  std::vector<Attribute> attributes;
  bool empty = false; ///< ends with `/>`
};

/// Parses the tag at `text[at]` (`<` of a start tag) up to its `>`; nullopt when it is not the
/// plain form Graphviz writes (double-quoted values, no `>` inside values).
std::optional<Tag> parse_tag(std::string_view tag) {
  Tag out;
  std::size_t i = 1;
  while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) != 0 ||
                            tag[i] == ':' || tag[i] == '-' || tag[i] == '_')) {
    ++i;
  }
  out.name = tag.substr(1, i - 1);
  while (i < tag.size()) {
    while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i])) != 0) {
      ++i;
    }
    if (tag.compare(i, 2, "/>") == 0) {
      out.empty = true;
      return out;
    }
    if (i < tag.size() && tag[i] == '>') {
      return out;
    }
    const std::size_t name_start = i;
    while (i < tag.size() && tag[i] != '=' && tag[i] != '>' &&
           std::isspace(static_cast<unsigned char>(tag[i])) == 0) {
      ++i;
    }
    if (tag.compare(i, 2, "=\"") != 0) {
      return std::nullopt;
    }
    const std::size_t value_start = i + 2;
    const std::size_t value_end = tag.find('"', value_start);
    if (value_end == std::string_view::npos) {
      return std::nullopt;
    }
    out.attributes.push_back(
        {tag.substr(name_start, i - name_start), tag.substr(value_start, value_end - value_start)});
    i = value_end + 1;
  }
  return std::nullopt;
}

bool is_number_start(std::string_view text, std::size_t i) {
  const char c = text[i];
  return std::isdigit(static_cast<unsigned char>(c)) != 0 ||
         ((c == '-' || c == '.') && i + 1 < text.size() &&
          (std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0 || text[i + 1] == '.'));
}

/// Every number of `text` rounded to a whole number; other characters kept.
std::string round_numbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (!is_number_start(text, i) || (i > 0 && (std::isalnum(static_cast<unsigned char>(
                                                    text[i - 1])) != 0 || text[i - 1] == '_'))) {
      out += text[i++];
      continue;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text.data() + i, text.data() + text.size(), value);
    if (error != std::errc() || !std::isfinite(value)) {
      out += text[i++];
      continue;
    }
    const long long rounded = std::llround(value);
    out += std::to_string(rounded == 0 ? 0 : rounded);
    i = static_cast<std::size_t>(end - text.data());
  }
  return out;
}

/// Graphviz path data (`M x,y C x,y x,y x,y ...`) with rounded, relative coordinates; other
/// path data rounded only.
std::string relative_path(std::string_view d) {
  std::vector<long long> numbers;
  std::vector<char> commands; // per number: the command it belongs to
  char command = 0;
  for (std::size_t i = 0; i < d.size();) {
    const char c = d[i];
    if (c == 'M' || c == 'C') {
      command = c;
      ++i;
      continue;
    }
    if (c == ' ' || c == ',') {
      ++i;
      continue;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(d.data() + i, d.data() + d.size(), value);
    if (command == 0 || error != std::errc() || !std::isfinite(value)) {
      return round_numbers(d);
    }
    numbers.push_back(std::llround(value));
    commands.push_back(command);
    i = static_cast<std::size_t>(end - d.data());
  }
  std::size_t curve_numbers = 0;
  for (std::size_t k = 0; k < commands.size(); ++k) {
    curve_numbers += commands[k] == 'C' ? 1 : 0;
    if (commands[k] == 'M' && curve_numbers % 6 != 0) {
      return round_numbers(d);
    }
  }
  if (numbers.size() < 2 || numbers.size() % 2 != 0 || commands[0] != 'M' ||
      curve_numbers % 6 != 0) {
    return round_numbers(d);
  }
  std::string out;
  long long x = 0;
  long long y = 0;
  char last = 0;
  std::size_t in_curve = 0; // numbers written since the current `c` segment began
  for (std::size_t k = 0; k < numbers.size(); k += 2) {
    if (commands[k] == 'M') {
      out += fmt::format("M{} {}", numbers[k], numbers[k + 1]);
      x = numbers[k];
      y = numbers[k + 1];
      last = 'M';
      continue;
    }
    if (last != 'c') {
      out += 'c';
      last = 'c';
      in_curve = 0;
    }
    const long long dx = numbers[k] - x;
    const long long dy = numbers[k + 1] - y;
    out += fmt::format("{}{}{}{}", in_curve == 0 || dx < 0 ? "" : " ", dx, dy < 0 ? "" : " ", dy);
    in_curve += 2;
    if (in_curve % 6 == 0) { // the end point of a segment: the next one is relative to it
      x = numbers[k];
      y = numbers[k + 1];
    }
  }
  return out;
}

/// `#rrggbb` as `#rgb` when each pair repeats a digit.
std::string short_colour(std::string_view value) {
  if (value.size() == 7 && value[0] == '#' && value[1] == value[2] && value[3] == value[4] &&
      value[5] == value[6]) {
    return {'#', value[1], value[3], value[5]};
  }
  return std::string(value);
}

bool is_coordinate(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kNames{
      "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "rx", "ry", "points", "viewBox", "r"};
  for (std::string_view n : kNames) {
    if (name == n) {
      return true;
    }
  }
  return false;
}

std::optional<std::string_view> attribute(const Tag &tag, std::string_view name) {
  for (const Attribute &a : tag.attributes) {
    if (a.name == name) {
      return a.value;
    }
  }
  return std::nullopt;
}

/// The text attributes set once on the root.
constexpr std::array<std::string_view, 3> kTextDefaults{"font-family", "font-size", "fill"};

/// For each of kTextDefaults, the value most `<text>` elements have, when every one has it.
std::array<std::string, 3> text_defaults(std::string_view svg) {
  std::array<std::map<std::string, std::size_t>, 3> counts;
  std::array<bool, 3> everywhere{true, true, true};
  for (std::size_t at = svg.find("<text"); at != std::string_view::npos;
       at = svg.find("<text", at + 1)) {
    const std::size_t end = svg.find('>', at);
    if (end == std::string_view::npos) {
      break;
    }
    const std::optional<Tag> tag = parse_tag(svg.substr(at, end + 1 - at));
    if (!tag || tag->name != "text") {
      continue;
    }
    for (std::size_t k = 0; k < kTextDefaults.size(); ++k) {
      if (const auto value = attribute(*tag, kTextDefaults[k])) {
        ++counts[k][std::string(*value)];
      } else {
        everywhere[k] = false;
      }
    }
  }
  std::array<std::string, 3> out;
  for (std::size_t k = 0; k < kTextDefaults.size(); ++k) {
    std::size_t best = 0;
    for (const auto &[value, n] : counts[k]) {
      if (everywhere[k] && n > best && value.find('"') == std::string::npos) {
        best = n;
        out[k] = value;
      }
    }
  }
  return out;
}

} // namespace

std::string compact_svg(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  const std::size_t stop = svg.rfind("</svg>");
  if (start == std::string_view::npos || stop == std::string_view::npos || stop < start) {
    return std::string(svg);
  }
  svg = svg.substr(start, stop + 6 - start);
  const std::array<std::string, 3> defaults = text_defaults(svg);
  std::string out;
  out.reserve(svg.size() / 2);
  std::vector<bool> kept_groups;
  bool root = true;
  for (std::size_t i = 0; i < svg.size();) {
    if (svg[i] != '<') {
      const std::size_t next = std::min(svg.find('<', i), svg.size());
      std::string_view text = svg.substr(i, next - i);
      if (text.find_first_not_of(" \n\r\t") == std::string_view::npos) {
        text = text.empty() || out.ends_with('\n') ? std::string_view() : "\n";
      }
      out += text;
      i = next;
      continue;
    }
    if (svg.compare(i, 4, "<!--") == 0) {
      const std::size_t end = svg.find("-->", i);
      i = end == std::string_view::npos ? svg.size() : end + 3;
      continue;
    }
    if (svg.compare(i, 7, "<title>") == 0) {
      const std::size_t end = svg.find("</title>", i);
      if (end != std::string_view::npos) {
        i = end + 8;
        continue;
      }
    }
    const std::size_t end = svg.find('>', i);
    if (end == std::string_view::npos) {
      out += svg.substr(i);
      break;
    }
    const std::string_view raw = svg.substr(i, end + 1 - i);
    i = end + 1;
    if (raw.starts_with("</g")) {
      const bool kept = kept_groups.empty() || kept_groups.back();
      if (!kept_groups.empty()) {
        kept_groups.pop_back();
      }
      if (kept) {
        out += raw;
      }
      continue;
    }
    std::optional<Tag> tag = raw.starts_with("</") ? std::nullopt : parse_tag(raw);
    if (!tag) {
      out += raw;
      continue;
    }
    if (tag->name == "g") {
      bool other = false;
      for (const Attribute &a : tag->attributes) {
        other = other || (a.name != "id" && a.name != "class");
      }
      kept_groups.push_back(other);
      if (!other) {
        continue;
      }
    }
    std::string written = "<" + std::string(tag->name);
    for (const Attribute &a : tag->attributes) {
      if (tag->name == "g" && (a.name == "id" || a.name == "class")) {
        continue;
      }
      if (tag->name == "text" && a.name == "text-anchor" && a.value == "start") {
        continue;
      }
      bool hoisted = false;
      for (std::size_t k = 0; k < kTextDefaults.size(); ++k) {
        hoisted = hoisted || (tag->name == "text" && a.name == kTextDefaults[k] &&
                              !defaults[k].empty() && a.value == defaults[k]);
      }
      if (hoisted) {
        continue;
      }
      std::string value;
      if (a.name == "d") {
        value = relative_path(a.value);
      } else if (is_coordinate(a.name)) {
        value = round_numbers(a.value);
      } else if (a.name == "fill" || a.name == "stroke") {
        value = short_colour(a.value);
      } else {
        value = a.value;
      }
      written += fmt::format(" {}=\"{}\"", a.name, value);
    }
    if (tag->name == "svg" && root) {
      root = false;
      for (std::size_t k = 0; k < kTextDefaults.size(); ++k) {
        if (!defaults[k].empty()) {
          written += fmt::format(" {}=\"{}\"", kTextDefaults[k],
                                 kTextDefaults[k] == "fill" ? short_colour(defaults[k])
                                                            : defaults[k]);
        }
      }
    }
    out += written + (tag->empty ? "/>" : ">");
  }
  return out;
}

} // namespace journey
