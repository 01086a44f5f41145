// YAML that yaml-cpp 0.7 reads wrongly: each mistake it lets through is a `yaml-syntax` error at
// its position, and valid text it refuses is read.
#include "helpers.h"

#include "journey/parse/yaml_syntax.h"
#include "journey/parse/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>

using namespace journey;
using journey::test::at;
using journey::test::dump;
using journey::test::where;

namespace {

/// The one `yaml-syntax` diagnostic of `text` as "line:column message", or "none".
std::string syntax_error(std::string_view text) {
  std::vector<Diagnostic> out;
  yaml::parse_tree(text, "t.yaml", out);
  for (const Diagnostic &d : out) {
    if (d.rule == "yaml-syntax") {
      return at(d.location) + " " + d.message;
    }
  }
  return "none";
}

bool starts_with(const std::string &s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

} // namespace

TEST_CASE("yaml syntax: an escape double quotes do not know") {
  const std::string e = syntax_error("journey: j\ntitle: \"I can\\'t\"\n");
  CHECK(e == "2:14 `\\'` is not allowed inside double quotes: write the `'` without the backslash "
             "(only `\\\"` and `\\\\` need one)");
  CHECK(starts_with(syntax_error("title: \"C:\\Users\"\n"), "1:11 `\\U` inside double quotes must be "
                                                            "followed by 8 hex digits"));
  CHECK(starts_with(syntax_error("title: \"a\\qb\"\n"), "1:10 `\\q` is not an escape YAML knows"));
  // Every escape YAML defines is fine, as is a backslash in single quotes or plain text.
  CHECK(syntax_error("a: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\\x41\\u00e9\\U0001F600\"\n"
                     "b: 'C:\\Users\\q'\nc: C:\\q\nd: \"one \\\n  two\"\n") == "none");
}

TEST_CASE("yaml syntax: a `#` glued to a value is not a comment") {
  CHECK(starts_with(syntax_error("title: \"Apply\"# note\n"), "1:15 put a space before `#`"));
  CHECK(starts_with(syntax_error("next: [a, b]#x\n"), "1:13 put a space before `#`"));
  CHECK(starts_with(syntax_error("next: [a,#x\n  b]\n"), "1:10 put a space before `#`"));
  CHECK(syntax_error("title: >#c\n  scalar\n") == "1:9 put a space between `>` and the `#` comment");
  CHECK(syntax_error("url: http://x.org/#part\nb: \"x\" # fine\nc: |  # fine\n  \"#\"#\n") == "none");
}

TEST_CASE("yaml syntax: empty items and `-` inside brackets") {
  CHECK(starts_with(syntax_error("next: [a, , b]\n"), "1:11 two commas with nothing between them"));
  CHECK(starts_with(syntax_error("next: [ , a]\n"), "1:9 a comma right after the opening bracket"));
  CHECK(starts_with(syntax_error("next: [-]\n"), "1:8 a `-` marks a list item only at the start"));
  CHECK(syntax_error("next: [a, b, ]\nc: [-1h, \"-\", a-b]\n") == "none");
}

TEST_CASE("yaml syntax: a line without `:` inside a mapping") {
  const std::string text = "journey: j\ntitle: T\nsteps\n";
  CHECK(syntax_error(text) == "3:1 `steps` has no `:` after it, so it is neither a key nor part of "
                              "the value above; write `steps: ...`, or indent it under the key "
                              "above if it continues that value");
  const ParseResult r = parse(text, "j.yaml");
  CHECK_FALSE(r.readable);
  // A key with an empty value, an explicit key and `{a}` in brackets are fine.
  CHECK(syntax_error("a:\nb:\n? c\nd: {e}\n") == "none");
}

TEST_CASE("yaml syntax: an anchor line at its key's column") {
  CHECK(syntax_error("seq:\n&anchor\n- a\n") ==
        "2:1 this is the value of `seq` on line 1, so it must be indented more than that key: add "
        "spaces at the start of this line");
  CHECK(syntax_error("seq: &anchor\n- a\nother:\n  &b\n  x: 1\n") == "none");
}

TEST_CASE("yaml syntax: continuation lines of quoted text and brackets must be indented") {
  CHECK(syntax_error("title: \"a\nb\"\n") ==
        "2:1 this line continues the quoted text that starts on line 1, so it must be indented by "
        "at least 1 space (tabs do not count); indent it, or write the value on one line");
  CHECK(starts_with(syntax_error("steps:\n  - next: [a,\n    b]\n"),
                    "3:5 this line continues the list in `[ ]` that starts on line 2, so it must "
                    "be indented by at least 5 spaces"));
  CHECK(starts_with(syntax_error("title: \"a\n\tb\"\n"), "2:1 this line continues the quoted text"));
  CHECK(syntax_error("title: \"a\n  b\"\nnext: [a,\n  b]\nc:\n  \"x\n  y\"\n") == "none");
}

TEST_CASE("yaml syntax: a directive needs `---`") {
  CHECK(starts_with(syntax_error("%YAML 1.2\n"), "1:1 a `%` line (a YAML directive) must be "
                                                 "followed by a `---` line"));
  CHECK(syntax_error("%YAML 1.2\n---\na: 1\n") == "none");
}

TEST_CASE("yaml syntax: valid text yaml-cpp refuses is read") {
  // A tab alone on a line between keys.
  const ParseResult r = parse(journey::test::with_steps("  - id: a\n\t\n  - id: b\n \t # note\n"),
                              "tab.yaml");
  CHECK(r.readable);
  CHECK(where(r.diagnostics, "yaml-syntax") == "none");
  CHECK(r.journey.steps.size() == 2);
  // A folded block at the start of a document.
  std::vector<Diagnostic> out;
  const yaml::Tree tree = yaml::parse_tree("--- >\n ab\n cd\n", "b.yaml", out);
  CHECK(out.empty());
  REQUIRE(tree.root != yaml::kNoNode);
  CHECK(tree.nodes[tree.root].value == "ab cd\n");
}

TEST_CASE("yaml syntax: block text and multi-line plain text are never scanned as YAML") {
  const std::string text = "journey: j\ntitle: T\nnotes: |\n  \"\\q [a,,b] [-] x\"#y\n"
                           "  %YAML\ndescription: a long\n  \"\\q\" [-] text\nsteps:\n  - id: a\n";
  const ParseResult r = parse(text, "b.yaml");
  INFO(dump(r.diagnostics));
  CHECK(where(r.diagnostics, "yaml-syntax") == "none");
}

TEST_CASE("yaml syntax: the scan reports blank tabs and stops at the first mistake") {
  const yaml::SyntaxCheck c = yaml::check_syntax("a: 1\n\t\n  \t# c\nb: [,]\nc: \"\\q\"\n");
  REQUIRE(c.message);
  CHECK(at(c.location) == "4:5");
  CHECK(c.blank_tabs == std::vector<std::size_t>{5, 9});
}
