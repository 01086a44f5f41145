// YamlTree: turns yaml-cpp parser events into a flat node vector, checking keys and aliases.
#include "journey/parse/yaml_tree.h"

#include "journey/model/text.h"
#include "journey/parse/indentation.h"
#include "journey/parse/yaml_syntax.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace journey::yaml {
namespace {

/// A read-only stream buffer over memory, so yaml-cpp reads the text without a copy.
class MemoryBuffer : public std::streambuf {
public:
  explicit MemoryBuffer(std::string_view text) {
    char *p = const_cast<char *>(text.data());
    setg(p, p, p + text.size());
  }
};

/// Aborts the parse from inside an event callback; caught in parse_tree.
struct Abort {
  Diagnostic diagnostic;
};

Location to_location(const YAML::Mark &m) {
  if (m.line < 0 || m.column < 0) {
    return {};
  }
  return {static_cast<std::uint32_t>(m.line) + 1, static_cast<std::uint32_t>(m.column) + 1};
}

/// Converts yaml-cpp's byte columns to code-point columns, which editors and SARIF count.
class Columns {
public:
  explicit Columns(std::string_view text) : text_(text) {
    for (char c : text) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii_ = false;
        break;
      }
    }
  }
  Location at(const YAML::Mark &m) const {
    Location l = to_location(m);
    if (ascii_ || !l.known() || m.pos < 0) {
      return l;
    }
    const auto end = static_cast<std::size_t>(m.pos);
    const std::size_t bytes = static_cast<std::size_t>(m.column);
    if (end > text_.size() || bytes > end) {
      return l;
    }
    l.column = static_cast<std::uint32_t>(code_points(text_.substr(end - bytes, bytes))) + 1;
    return l;
  }

  std::string_view text() const { return text_; }

private:
  std::string_view text_;
  bool ascii_ = true;
};

/// True when a quoted scalar starting at `pos` has its closing quote. yaml-cpp 0.7 accepts a
/// double-quoted scalar left open up to the end of a file that ends in a newline.
bool quote_closed(std::string_view text, std::size_t pos) {
  const char quote = text[pos];
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

class Builder : public YAML::EventHandler {
public:
  Builder(Tree &tree, std::string_view filename, std::vector<Diagnostic> &out, const Limits &limits,
          const Columns &columns)
      : tree_(tree), filename_(filename), out_(out), limits_(limits), columns_(columns) {}

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    Node n;
    n.kind = Kind::Null;
    n.location = columns_.at(mark);
    if (!stack_.empty() && flow_.back()) {
      Node &parent = tree_.nodes[stack_.back()];
      if (parent.kind == Kind::Map && parent.children.size() % 2 == 1 && mark.pos >= 0) {
        std::size_t i = std::min(static_cast<std::size_t>(mark.pos), columns_.text().size());
        while (i > 0 && (columns_.text()[i - 1] == ' ' || columns_.text()[i - 1] == '\t' ||
                         columns_.text()[i - 1] == '\n' || columns_.text()[i - 1] == '\r')) {
          --i;
        }
        tree_.nodes[parent.children.back()].no_colon = i == 0 || columns_.text()[i - 1] != ':';
      }
    } else if (!stack_.empty()) {
      // yaml-cpp reads a line without `:` in a block mapping as a key with no value, and marks
      // that missing value at the key itself.
      const Node &parent = tree_.nodes[stack_.back()];
      if (parent.kind == Kind::Map && parent.children.size() % 2 == 1) {
        const Node &key = tree_.nodes[parent.children.back()];
        if (key.kind == Kind::Scalar && key.location == n.location) {
          fatal(mark, fmt::format("`{}` has no `:` after it, so it is neither a key nor part of "
                                  "the value above; write `{}: ...`, or indent it under the key "
                                  "above if it continues that value",
                                  key.value, key.value));
        }
      }
    }
    add(std::move(n), anchor);
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    if (anchor == 0 || anchor >= anchors_.size() || anchors_[anchor] == kNoNode) {
      fatal(mark, "alias refers to an unknown anchor");
    }
    NodeId target = anchors_[anchor];
    for (NodeId open : stack_) {
      if (open == target) {
        fatal(mark, "alias refers to a node that contains it (a recursive alias)");
      }
    }
    Node n;
    n.kind = Kind::Alias;
    n.location = columns_.at(mark);
    n.alias_target = target;
    n.expanded = tree_.nodes[target].expanded;
    add(std::move(n), 0);
  }

  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    if (tag != "?" && mark.pos >= 0) {
      const auto pos = static_cast<std::size_t>(mark.pos);
      const std::string_view text = columns_.text();
      if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'') && !quote_closed(text, pos)) {
        fatal(mark, fmt::format("this quoted text is never closed: add the closing {}", text[pos]));
      }
    }
    Node n;
    n.kind = Kind::Scalar;
    n.plain = tag == "?";
    n.location = columns_.at(mark);
    n.value = value;
    add(std::move(n), anchor);
  }

  void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Kind::Sequence, mark, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Kind::Map, mark, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override {
    check_duplicate_keys(stack_.back());
    close();
  }

private:
  void fatal(const YAML::Mark &mark, std::string message) {
    throw Abort{Diagnostic{Severity::Error, "yaml-syntax", std::move(message), std::string(filename_),
                           columns_.at(mark)}};
  }

  NodeId add(Node n, YAML::anchor_t anchor) {
    const auto id = static_cast<NodeId>(tree_.nodes.size());
    tree_.nodes.push_back(std::move(n));
    if (anchor != 0) {
      if (anchors_.size() <= anchor) {
        anchors_.resize(anchor + 1, kNoNode);
      }
      anchors_[anchor] = id;
    }
    if (stack_.empty()) {
      tree_.root = id;
    } else {
      tree_.nodes[stack_.back()].children.push_back(id);
    }
    return id;
  }

  /// A value on a line below its key must be indented more than the key (a list may start at
  /// the key's column with `-`). yaml-cpp lets an anchor or tag line at the key's column pass.
  void check_value_indent(const YAML::Mark &mark, const Location &where) {
    if (stack_.empty() || flow_.back()) {
      return;
    }
    const Node &parent = tree_.nodes[stack_.back()];
    if (parent.kind != Kind::Map || parent.children.size() % 2 == 0) {
      return;
    }
    const Node &key = tree_.nodes[parent.children.back()];
    const std::string_view text = columns_.text();
    if (where.line <= key.location.line || where.column > key.location.column || mark.pos < 0 ||
        static_cast<std::size_t>(mark.pos) >= text.size() || text[static_cast<std::size_t>(mark.pos)] == '-') {
      return;
    }
    // Only a value that starts its line: `: value` after an explicit `? key` is fine.
    for (std::size_t i = static_cast<std::size_t>(mark.pos); i > 0 && text[i - 1] != '\n'; --i) {
      if (text[i - 1] != ' ') {
        return;
      }
    }
    fatal(mark, fmt::format("this is the value of `{}` on line {}, so it must be indented more "
                            "than that key: add spaces at the start of this line",
                            key.value, key.location.line));
  }

  void open(Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor, bool flow) {
    Node n;
    n.kind = kind;
    n.location = columns_.at(mark);
    check_value_indent(mark, n.location);
    stack_.push_back(add(std::move(n), anchor));
    flow_.push_back(flow);
  }

  void close() {
    NodeId id = stack_.back();
    stack_.pop_back();
    flow_.pop_back();
    Node &n = tree_.nodes[id];
    std::uint64_t total = 1;
    for (NodeId c : n.children) {
      total += tree_.nodes[c].expanded;
    }
    n.expanded = total;
    const std::uint64_t budget =
        limits_.alias_expansion_base + limits_.alias_expansion_factor * tree_.nodes.size();
    if (total > budget) {
      throw Abort{Diagnostic{
          Severity::Error, "yaml-syntax",
          fmt::format("aliases expand this node to more than {} nodes (an alias bomb?); write the "
                      "repeated parts out or use fewer nested aliases",
                      budget),
          std::string(filename_), n.location}};
    }
  }

  void check_duplicate_keys(NodeId map) {
    const Node &m = tree_.nodes[map];
    const std::size_t keys = m.children.size() / 2;
    if (keys < 2) {
      return;
    }
    auto report = [&](const Node &first, const Node &again) {
      out_.push_back(Diagnostic{Severity::Error, "duplicate-key",
                                fmt::format("duplicate key `{}` (first defined at line {}); YAML "
                                            "keeps only one of them",
                                            again.value, first.location.line),
                                std::string(filename_), again.location});
    };
    if (keys <= 16) {
      for (std::size_t i = 1; i < keys; ++i) {
        const Node &k = tree_.nodes[m.children[2 * i]];
        if (k.kind != Kind::Scalar) {
          continue;
        }
        for (std::size_t j = 0; j < i; ++j) {
          const Node &prev = tree_.nodes[m.children[2 * j]];
          if (prev.kind == Kind::Scalar && prev.value == k.value) {
            report(prev, k);
            break;
          }
        }
      }
      return;
    }
    std::unordered_map<std::string_view, NodeId> seen;
    seen.reserve(keys);
    for (std::size_t i = 0; i < keys; ++i) {
      const Node &k = tree_.nodes[m.children[2 * i]];
      if (k.kind != Kind::Scalar) {
        continue;
      }
      auto [it, inserted] = seen.emplace(k.value, m.children[2 * i]);
      if (!inserted) {
        report(tree_.nodes[it->second], k);
      }
    }
  }

  Tree &tree_;
  std::string_view filename_;
  std::vector<Diagnostic> &out_;
  const Limits &limits_;
  const Columns &columns_;
  std::vector<NodeId> stack_;
  std::vector<bool> flow_; ///< per open collection: written in `[ ]` or `{ }`
  std::vector<NodeId> anchors_;
};

/// Finds the first NUL byte or invalid UTF-8 sequence; reports it and returns false.
bool check_text(std::string_view text, std::string_view filename, std::vector<Diagnostic> &out) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::size_t i = 0;
  auto report = [&](std::string message) {
    out.push_back(Diagnostic{Severity::Error, "yaml-syntax", std::move(message),
                             std::string(filename), Location{line, column}});
    return false;
  };
  while (i < text.size()) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      return report("invalid UTF-8 byte sequence: save the file as UTF-8");
    }
    if (cp == 0) {
      return report("file contains a NUL byte: it is binary, not a YAML journey");
    }
    if (cp == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return true;
}

std::string clean_yaml_message(std::string msg) {
  if (!msg.empty()) {
    msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
  }
  return msg;
}

/// Replaces yaml-cpp's words for a wrongly indented line ("end of map not found") or a `: `
/// inside a value ("illegal map value") with what to change, at the line's first character.
void explain(const YAML::Exception &e, std::string_view text, Diagnostic &d) {
  const bool layout = e.msg == YAML::ErrorMsg::END_OF_MAP || e.msg == YAML::ErrorMsg::END_OF_SEQ ||
                      e.msg == YAML::ErrorMsg::MAP_VALUE || e.msg == YAML::ErrorMsg::BLOCK_ENTRY;
  if (!layout || e.mark.line < 0) {
    return;
  }
  const auto line = static_cast<std::uint32_t>(e.mark.line) + 1;
  if (std::optional<std::string> why = explain_indentation(text, line)) {
    d.message = std::move(*why);
    std::size_t begin = 0;
    for (std::uint32_t l = 1; l < line && begin != std::string_view::npos; ++l) {
      begin = text.find('\n', begin);
      begin = begin == std::string_view::npos ? begin : begin + 1;
    }
    std::uint32_t column = 1;
    while (begin != std::string_view::npos && begin < text.size() && text[begin] == ' ') {
      ++begin;
      ++column;
    }
    d.location = Location{line, column};
  } else if (e.msg == YAML::ErrorMsg::MAP_VALUE) {
    if (std::optional<std::string> quote = explain_colon_in_value(text, line)) {
      d.message = std::move(*quote);
    }
  }
}

} // namespace

Tree parse_tree(std::string_view text, std::string_view filename, std::vector<Diagnostic> &out,
                const Limits &limits) {
  Tree tree;
  if (!check_text(text, filename, out)) {
    return tree;
  }
  std::string_view body = text;
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") {
    body.remove_prefix(3); // a UTF-8 byte order mark
  }
  const SyntaxCheck check = check_syntax(body);
  std::string patched;
  if (!check.blank_tabs.empty()) {
    patched.assign(body);
    for (std::size_t at : check.blank_tabs) {
      patched[at] = ' ';
    }
    body = patched;
  }
  const Columns columns(body);
  MemoryBuffer buffer(body);
  std::istream stream(&buffer);
  const std::size_t first_diagnostic = out.size();
  try {
    YAML::Parser parser(stream);
    Builder builder(tree, filename, out, limits, columns);
    if (parser.HandleNextDocument(builder)) {
      Tree second;
      std::vector<Diagnostic> ignored;
      Builder probe(second, filename, ignored, limits, columns);
      if (parser.HandleNextDocument(probe)) {
        const Location where = second.root != kNoNode ? second.nodes[second.root].location : Location{};
        out.push_back(Diagnostic{Severity::Error, "yaml-syntax",
                                 "a file holds one journey, but this is a second YAML document; move "
                                 "it to a file of its own",
                                 std::string(filename), where});
      }
    }
  } catch (const Abort &abort) {
    out.resize(first_diagnostic);
    out.push_back(abort.diagnostic);
    tree = Tree{};
  } catch (const YAML::DeepRecursion &e) {
    out.push_back(Diagnostic{Severity::Error, "yaml-syntax",
                             "nesting is too deep (more than 500 levels); a journey needs a few",
                             std::string(filename), columns.at(e.mark)});
    tree = Tree{};
  } catch (const YAML::Exception &e) {
    out.push_back(Diagnostic{Severity::Error, "yaml-syntax", clean_yaml_message(e.msg),
                             std::string(filename), columns.at(e.mark)});
    explain(e, body, out.back());
    tree = Tree{};
  } catch (const std::bad_alloc &) {
    out.push_back(Diagnostic{Severity::Error, "yaml-syntax", "file is too large to load",
                             std::string(filename), {}});
    tree = Tree{};
  } catch (const std::exception &e) {
    out.push_back(Diagnostic{Severity::Error, "yaml-syntax",
                             std::string("YAML could not be read: ") + e.what(),
                             std::string(filename), {}});
    tree = Tree{};
  }
  if (check.message) {
    // The scan's finding stands unless yaml-cpp stopped at an earlier mistake.
    const auto earlier = [&](const Diagnostic &d) {
      return d.rule == "yaml-syntax" && d.location.known() &&
             (d.location.line < check.location.line ||
              (d.location.line == check.location.line && d.location.column < check.location.column));
    };
    if (std::none_of(out.begin() + static_cast<std::ptrdiff_t>(first_diagnostic), out.end(), earlier)) {
      out.resize(first_diagnostic);
      out.push_back(Diagnostic{Severity::Error, "yaml-syntax", *check.message, std::string(filename),
                               check.location});
      tree = Tree{};
    }
  }
  return tree;
}

} // namespace journey::yaml
