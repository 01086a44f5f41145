// Indentation: reads the lines above a line yaml-cpp stopped at, as levels of keys and `- ` items,
// and compares the line's indentation with them.
#include "journey/parse/indentation.h"

#include "journey/model/text.h"

#include <fmt/format.h>

#include <vector>

namespace journey::yaml {
namespace {

/// One place a line can line up with: a key, a `- ` item, or plain text, at a column.
struct Level {
  int column = 0;
  std::uint32_t line = 0;
  std::string key; ///< empty for an item or text
  bool item = false;
  bool has_value = false; ///< something follows the key's `:` (or the item's `- `) on its line
};

/// Lines of the text up to `last` (1-based), without their line breaks.
std::vector<std::string_view> lines_up_to(std::string_view text, std::uint32_t last) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  while (out.size() < last && begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    out.push_back(line);
    begin = end + 1;
  }
  return out;
}

bool has_content(std::string_view rest) {
  rest = trim(rest, " \t");
  return !rest.empty() && rest.front() != '#';
}

/// The levels a line opens, outermost first: each `- `, then the key or text after them.
std::vector<Level> levels_of(std::string_view s, std::uint32_t line) {
  std::vector<Level> out;
  std::size_t c = 0;
  while (c < s.size() && s[c] == ' ') {
    ++c;
  }
  if (!has_content(s.substr(c))) {
    return out;
  }
  while (c < s.size() && s[c] == '-' && (c + 1 == s.size() || s[c + 1] == ' ')) {
    out.push_back({static_cast<int>(c), line, {}, true, has_content(s.substr(c + 1))});
    ++c;
    while (c < s.size() && s[c] == ' ') {
      ++c;
    }
  }
  const std::string_view rest = s.substr(c);
  if (!has_content(rest)) {
    return out;
  }
  std::size_t colon = std::string_view::npos;
  std::string key;
  if (rest.front() == '"' || rest.front() == '\'') {
    const std::size_t close = rest.find(rest.front(), 1);
    if (close != std::string_view::npos && close + 1 < rest.size() && rest[close + 1] == ':') {
      colon = close + 1;
      key = std::string(rest.substr(1, close - 1));
    }
  } else {
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (rest[i] == '#' && i > 0 && rest[i - 1] == ' ') {
        break;
      }
      if (rest[i] == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ')) {
        colon = i;
        key = std::string(trim(rest.substr(0, i), " \t"));
        break;
      }
    }
  }
  if (colon != std::string_view::npos && (colon + 1 == rest.size() || rest[colon + 1] == ' ')) {
    out.push_back({static_cast<int>(c), line, std::move(key), false, has_content(rest.substr(colon + 1))});
  } else {
    out.push_back({static_cast<int>(c), line, {}, false, true});
  }
  return out;
}

std::string spaces(int n) { return fmt::format("{} {}", n, n == 1 ? "space" : "spaces"); }

/// How a level is named in a message: "`title` on line 5", "the `- ` item on line 4".
std::string name(const Level &l) {
  if (l.item) {
    return fmt::format("the `- ` item on line {}", l.line);
  }
  if (l.key.empty()) {
    return fmt::format("the text on line {}", l.line);
  }
  return fmt::format("`{}` on line {}", l.key, l.line);
}

/// "`wait`", "this `- ` item", "this line".
std::string subject(const Level &l) {
  if (l.item) {
    return "this `- ` item";
  }
  return l.key.empty() ? std::string("this line") : fmt::format("`{}`", l.key);
}

/// What a key that opens a block expects below it, judged by the first level under it.
std::string expectation(const Level &parent, const std::vector<Level> &above) {
  const Level *child = nullptr;
  for (const Level &l : above) {
    if (l.line > parent.line && l.column > parent.column) {
      child = &l; // `above` runs from the innermost out, so the last match is the outermost
    }
  }
  if (child == nullptr) {
    return {};
  }
  if (child->item) {
    return fmt::format("`{}` on line {} expects list items starting with `- ` at {}", parent.key,
                       parent.line, spaces(child->column));
  }
  return fmt::format("`{}` on line {} expects keys at {}", parent.key, parent.line,
                     spaces(child->column));
}

} // namespace

std::optional<std::string> explain_indentation(std::string_view text, std::uint32_t line) {
  const std::vector<std::string_view> lines = lines_up_to(text, line);
  if (line == 0 || lines.size() < line) {
    return std::nullopt;
  }
  const std::vector<Level> own = levels_of(lines[line - 1], line);
  if (own.empty()) {
    return std::nullopt;
  }
  const Level &first = own.front();
  const int k = first.column;
  // The levels this line could line up with, innermost first, so columns strictly decrease.
  std::vector<Level> above;
  int min_column = 1 << 30;
  for (std::uint32_t l = line - 1; l >= 1 && min_column > 0; --l) {
    const std::vector<Level> levels = levels_of(lines[l - 1], l);
    if (levels.empty() || levels.front().column >= min_column) {
      continue;
    }
    for (auto it = levels.rbegin(); it != levels.rend(); ++it) {
      if (it->column < min_column) {
        above.push_back(*it);
        min_column = it->column;
      }
    }
  }
  if (above.empty()) {
    return std::nullopt;
  }
  const Level *parent = nullptr;
  for (const Level &l : above) {
    if (!l.item && !l.key.empty() && !l.has_value && l.column < k) {
      parent = &l;
      break;
    }
  }

  const Level &inner = above.front();
  if (k > inner.column) {
    if (inner.item || inner.key.empty() || !inner.has_value) {
      return std::nullopt; // deeper under a key that opens a block, or continued text
    }
    return fmt::format("line {} is indented by {}, more than `{}` on line {}, which already has its "
                       "value: line {} up with `{}` ({})",
                       line, spaces(k), inner.key, inner.line, subject(first), inner.key,
                       spaces(inner.column));
  }
  for (std::size_t i = 0; i < above.size(); ++i) {
    const Level &same = above[i];
    if (same.column != k) {
      continue;
    }
    if (!same.item || first.item) {
      return std::nullopt; // lines up with a level of its own kind
    }
    const Level *owner = nullptr;
    for (std::size_t j = i + 1; j < above.size(); ++j) {
      if (!above[j].item && !above[j].key.empty() && !above[j].has_value) {
        owner = &above[j];
        break;
      }
    }
    const Level *sibling = nullptr;
    for (std::size_t j = 0; j < i; ++j) {
      if (!above[j].item && !above[j].key.empty()) {
        sibling = &above[j]; // the outermost key inside the item
      }
    }
    std::string message =
        owner != nullptr
            ? fmt::format("line {} is indented by {} like the `- ` items of `{}` (line {}), but does "
                          "not start with `- `",
                          line, spaces(k), owner->key, owner->line)
            : fmt::format("line {} is indented by {} like the `- ` item on line {}, but does not "
                          "start with `- `",
                          line, spaces(k), same.line);
    if (sibling != nullptr) {
      message += fmt::format(": to add {} to the item on line {}, indent it by {} like `{}`; to "
                             "start a new item, write `- ` before it",
                             subject(first), same.line, spaces(sibling->column), sibling->key);
    } else {
      message += ": write `- ` before it to start a new item";
    }
    return message;
  }
  // Between two levels: suggest the one of the same kind, else the nearer, else the deeper.
  const Level *deeper = nullptr;
  const Level *shallower = nullptr;
  for (const Level &l : above) {
    if (l.column > k) {
      deeper = &l;
    } else if (shallower == nullptr) {
      shallower = &l;
    }
  }
  const Level *target = deeper != nullptr ? deeper : shallower;
  if (deeper != nullptr && shallower != nullptr) {
    const bool deeper_kind = deeper->item == first.item;
    const bool shallower_kind = shallower->item == first.item;
    if (shallower_kind && !deeper_kind) {
      target = shallower;
    } else if (deeper_kind == shallower_kind && k - shallower->column < deeper->column - k) {
      target = shallower;
    }
  }
  std::string message = fmt::format("line {} is indented by {}, which lines it up with no line "
                                    "above it: {} has {}",
                                    line, spaces(k), name(*target), spaces(target->column));
  const std::string expects = parent != nullptr ? expectation(*parent, above) : std::string();
  if (!expects.empty()) {
    message += ", and " + expects;
  }
  message += fmt::format("; line {} up with {} ({})", subject(first), name(*target),
                         spaces(target->column));
  return message;
}

std::optional<std::string> explain_colon_in_value(std::string_view text, std::uint32_t line) {
  const std::vector<std::string_view> lines = lines_up_to(text, line);
  if (line == 0 || lines.size() < line) {
    return std::nullopt;
  }
  const std::vector<Level> levels = levels_of(lines[line - 1], line);
  if (levels.empty() || levels.back().item || levels.back().key.empty() || !levels.back().has_value) {
    return std::nullopt;
  }
  const Level &key = levels.back();
  const std::string_view s = lines[line - 1];
  std::size_t value = s.find(':', static_cast<std::size_t>(key.column) + key.key.size()) + 1;
  const std::string_view rest = trim(s.substr(value), " \t");
  if (rest.empty() || rest.front() == '"' || rest.front() == '\'' || rest.front() == '[' ||
      rest.front() == '{' || rest.find(": ") == std::string_view::npos) {
    return std::nullopt;
  }
  return fmt::format("the value of `{}` contains `: `, which YAML reads as the start of another "
                     "key: put the whole value in quotes, e.g. `{}: \"{}\"`",
                     key.key, key.key, rest);
}

} // namespace journey::yaml
