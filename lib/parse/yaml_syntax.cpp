// YAML syntax checks: a line scanner that tracks quotes, brackets, block scalars and comments
// just enough to find the mistakes yaml-cpp 0.7 accepts and the blank tabs it refuses.
#include "journey/parse/yaml_syntax.h"

#include "journey/model/text.h"

#include <fmt/format.h>

#include <cstdint>

namespace journey::yaml {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
bool hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Hex digits that must follow an escape letter (`\x41`, `\u00e9`, `\U0001F600`); -1 when the
/// letter is no escape at all.
int escape_digits(char c) {
  switch (c) {
  case '0': case 'a': case 'b': case 't': case '\t': case 'n': case 'v': case 'f': case 'r':
  case 'e': case ' ': case '"': case '/': case '\\': case 'N': case '_': case 'L': case 'P':
    return 0;
  case 'x':
    return 2;
  case 'u':
    return 4;
  case 'U':
    return 8;
  default:
    return -1;
  }
}

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text) {}

  SyntaxCheck run() {
    std::size_t begin = 0;
    while (!result_.message) {
      std::size_t end = text_.find('\n', begin);
      const bool last = end == std::string_view::npos;
      if (last) {
        end = text_.size();
      }
      std::size_t content_end = end;
      if (content_end > begin && text_[content_end - 1] == '\r') {
        --content_end;
      }
      line_begin_ = begin;
      scan_line(text_.substr(begin, content_end - begin));
      if (last) {
        break;
      }
      begin = end + 1;
      ++line_;
    }
    if (!result_.message && directive_.known()) {
      fail_at(directive_, "a `%` line (a YAML directive) must be followed by a `---` line that "
                          "starts the document; add `---` below it or delete the `%` line");
    }
    return std::move(result_);
  }

private:
  enum class Prev : std::uint8_t { Open, Comma, Other };
  static constexpr int kNone = -2;

  Location at(std::size_t offset_in_line) const {
    return {line_, static_cast<std::uint32_t>(
                       code_points(text_.substr(line_begin_, offset_in_line))) + 1};
  }
  void fail(std::size_t offset_in_line, std::string message) {
    fail_at(at(offset_in_line), std::move(message));
  }
  void fail_at(Location where, std::string message) {
    if (!result_.message) {
      result_.message = std::move(message);
      result_.location = where;
    }
  }

  void scan_line(std::string_view s) {
    std::size_t indent = 0;
    while (indent < s.size() && s[indent] == ' ') {
      ++indent;
    }
    std::size_t first = indent;
    while (first < s.size() && blank(s[first])) {
      ++first;
    }
    const bool empty = first == s.size();
    const bool comment = !empty && s[first] == '#';

    if (block_scalar_parent_ != kNone) {
      if (empty || static_cast<int>(indent) > block_scalar_parent_) {
        return; // block scalar content is text, whatever it holds
      }
      block_scalar_parent_ = kNone;
    }
    if (quote_ != 0) {
      check_continuation(empty, indent);
      const std::size_t after = scan_quoted(s, 0);
      if (quote_ != 0 || result_.message) {
        return;
      }
      tokens(s, after, false, indent, false);
      return;
    }
    if (empty || comment) {
      for (std::size_t i = 0; i < first; ++i) {
        if (s[i] == '\t') {
          result_.blank_tabs.push_back(line_begin_ + i);
        }
      }
      return;
    }
    if (flow_.empty() && plain_indent_ != kNone && static_cast<int>(indent) > plain_indent_) {
      // Continues a plain value from the line above: only a ` #` comment can end it here.
      return;
    }
    plain_indent_ = kNone;
    if (!flow_.empty()) {
      check_continuation(false, indent);
      if (result_.message) {
        return;
      }
    }
    std::size_t start = indent;
    bool document_start = false;
    if (indent == 0 && flow_.empty()) {
      const bool marker = s.size() >= 3 && (s.size() == 3 || blank(s[3]));
      if (marker && s.substr(0, 3) == "---") {
        in_document_ = true;
        directive_ = {};
        document_start = true;
        start = 3;
      } else if (marker && s.substr(0, 3) == "...") {
        in_document_ = false;
        return;
      } else if (s[0] == '%' && !in_document_) {
        directive_ = at(0);
        return;
      }
    }
    tokens(s, start, true, indent, document_start);
  }

  /// A line inside a quoted value or brackets that began on an earlier line must be indented
  /// more than the key or `-` that owns the value.
  void check_continuation(bool empty, std::size_t indent) {
    if (empty || continuation_min_ < 0 || static_cast<int>(indent) >= continuation_min_) {
      return;
    }
    fail(indent, fmt::format("this line continues {} that starts on line {}, so it must be "
                             "indented by at least {} {} (tabs do not count); indent it, or write "
                             "the value on one line",
                             continuation_what_, continuation_line_, continuation_min_,
                             continuation_min_ == 1 ? "space" : "spaces"));
  }

  void open_continuation(int owner, std::string_view what) {
    continuation_min_ = owner >= 0 ? owner + 1 : -1;
    continuation_line_ = line_;
    continuation_what_ = what;
  }

  /// Scans a quoted value from `i` (just after the opening quote, or at the start of a
  /// continuation line); returns the offset after the closing quote, or the line's end.
  std::size_t scan_quoted(std::string_view s, std::size_t i) {
    while (i < s.size()) {
      const char c = s[i];
      if (quote_ == '\'') {
        if (c == '\'') {
          if (i + 1 < s.size() && s[i + 1] == '\'') {
            i += 2;
            continue;
          }
          quote_ = 0;
          return i + 1;
        }
        ++i;
        continue;
      }
      if (c == '"') {
        quote_ = 0;
        return i + 1;
      }
      if (c != '\\') {
        ++i;
        continue;
      }
      if (i + 1 == s.size()) {
        return s.size(); // an escaped line break
      }
      const char e = s[i + 1];
      const int digits = escape_digits(e);
      bool ok = digits >= 0 && i + 2 + static_cast<std::size_t>(digits) <= s.size();
      for (int d = 0; ok && d < digits; ++d) {
        ok = hex_digit(s[i + 2 + static_cast<std::size_t>(d)]);
      }
      if (!ok) {
        if (e == '\'') {
          fail(i, "`\\'` is not allowed inside double quotes: write the `'` without the "
                  "backslash (only `\\\"` and `\\\\` need one)");
        } else if (digits > 0) {
          fail(i, fmt::format("`\\{}` inside double quotes must be followed by {} hex digits; to "
                              "write a backslash, double it (`\\\\`) or use single quotes",
                              e, digits));
        } else {
          fail(i, fmt::format("`\\{}` is not an escape YAML knows inside double quotes: to write a "
                              "backslash, double it (`\\\\`), or put the text in single quotes",
                              std::string(1, e)));
        }
        return s.size();
      }
      i += 2 + static_cast<std::size_t>(digits);
    }
    return s.size();
  }

  /// Reads the tokens of one line from `i`. `owner` tracks the column of the key or `-` that
  /// owns the next value on the line, which sets how far continuation lines must be indented.
  void tokens(std::string_view s, std::size_t i, bool after_space, std::size_t indent,
              bool document_start) {
    int owner = -1;
    std::size_t token_start = std::string_view::npos;
    bool last_plain = false;
    while (i < s.size() && !result_.message) {
      const char c = s[i];
      if (blank(c)) {
        after_space = true;
        ++i;
        continue;
      }
      if (c == '#') {
        if (!after_space) {
          fail(i, "put a space before `#`: a comment starts with ` #`, and a `#` right after a "
                  "quote, bracket or comma is not allowed (quote the whole text if the `#` "
                  "belongs to it)");
        }
        return;
      }
      after_space = false;
      last_plain = false;
      if (directive_.known()) {
        fail_at(directive_, "a `%` line (a YAML directive) must be followed by a `---` line "
                            "that starts the document; add `---` below it or delete the `%` line");
        return;
      }
      in_document_ = true;
      const bool flow = !flow_.empty();
      if (c == '"' || c == '\'') {
        if (!flow) {
          open_continuation(owner, "the quoted text");
        }
        token_start = i;
        quote_ = c;
        i = scan_quoted(s, i + 1);
        prev_ = Prev::Other;
        if (quote_ == 0 && !flow) {
          continuation_min_ = -1;
        }
        continue;
      }
      if (c == '[' || c == '{') {
        if (!flow) {
          open_continuation(owner, c == '[' ? "the list in `[ ]`" : "the mapping in `{ }`");
        }
        flow_.push_back(c);
        prev_ = Prev::Open;
        ++i;
        continue;
      }
      if (c == ']' || c == '}') {
        if (flow) {
          flow_.pop_back();
        }
        if (flow_.empty()) {
          continuation_min_ = -1;
        }
        prev_ = Prev::Other;
        ++i;
        continue;
      }
      if (c == ',' && flow) {
        if (prev_ == Prev::Open) {
          fail(i, "a comma right after the opening bracket leaves an empty item: remove it");
        } else if (prev_ == Prev::Comma) {
          fail(i, "two commas with nothing between them leave an empty item: remove one");
        }
        prev_ = Prev::Comma;
        ++i;
        continue;
      }
      const bool separated =
          i + 1 == s.size() || blank(s[i + 1]) || (flow && flow_indicator(s[i + 1]));
      if (c == '-' && separated) {
        if (flow) {
          fail(i, "a `-` marks a list item only at the start of a line; inside brackets separate "
                  "the items with commas, and quote a `-` that is meant as text (`\"-\"`)");
          return;
        }
        owner = static_cast<int>(i);
        ++i;
        continue;
      }
      if ((c == '?' || c == ':') && separated) {
        if (!flow) {
          owner = c == '?' ? static_cast<int>(i)
                           : (token_start == std::string_view::npos ? -1 : static_cast<int>(token_start));
        }
        prev_ = Prev::Other;
        ++i;
        continue;
      }
      if ((c == '|' || c == '>') && !flow) {
        std::size_t j = i + 1;
        while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '+' || s[j] == '-')) {
          ++j;
        }
        if (j < s.size() && s[j] == '#') {
          fail(j, fmt::format("put a space between `{}` and the `#` comment", c));
          return;
        }
        block_scalar_parent_ = document_start ? -1 : static_cast<int>(indent);
        return;
      }
      token_start = i;
      if (c == '&' || c == '!' || c == '*') {
        while (i < s.size() && !blank(s[i]) && !(flow && flow_indicator(s[i]))) {
          ++i;
        }
        prev_ = Prev::Other;
        continue;
      }
      while (i < s.size()) {
        const char p = s[i];
        if (p == ':' && (i + 1 == s.size() || blank(s[i + 1]) || (flow && flow_indicator(s[i + 1])))) {
          break;
        }
        if (blank(p) && i + 1 < s.size() && s[i + 1] == '#') {
          break;
        }
        if (flow && flow_indicator(p)) {
          break;
        }
        ++i;
      }
      prev_ = Prev::Other;
      last_plain = true;
    }
    if (last_plain && flow_.empty() && quote_ == 0) {
      plain_indent_ = owner >= 0 ? owner : (indent > 0 ? static_cast<int>(indent) - 1 : kNone);
    }
  }

  std::string_view text_;
  SyntaxCheck result_;
  std::size_t line_begin_ = 0;
  std::uint32_t line_ = 1;
  std::vector<char> flow_;
  Prev prev_ = Prev::Other;
  char quote_ = 0;
  int continuation_min_ = -1;
  std::uint32_t continuation_line_ = 0;
  std::string_view continuation_what_;
  int block_scalar_parent_ = kNone;
  int plain_indent_ = kNone;
  bool in_document_ = false;
  Location directive_;
};

} // namespace

SyntaxCheck check_syntax(std::string_view text) { return Scanner(text).run(); }

} // namespace journey::yaml
