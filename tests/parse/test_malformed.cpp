// Hostile and broken input: every kind gives a diagnostic and parse() never throws or crashes.
#include "helpers.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <random>
#include <string>

using namespace journey;
using journey::test::at;
using journey::test::dump;
using journey::test::find;
using journey::test::where;

namespace {

/// True when `r` holds at least one diagnostic of `rule` with a known position.
bool has_rule(const std::vector<Diagnostic> &ds, std::string_view rule) {
  return find(ds, rule) != nullptr;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

} // namespace

TEST_CASE("parse: an empty file") {
  const ParseResult r = parse("", "empty.yaml");
  CHECK_FALSE(r.readable);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "missing-field");
  CHECK(r.diagnostics[0].message ==
        "the file is empty: a journey needs `journey:`, `title:` and `steps:`");
  CHECK(at(r.diagnostics[0].location) == "1:1");
  CHECK(r.diagnostics[0].file == "empty.yaml");
}

TEST_CASE("parse: a file with only comments or blank lines") {
  for (const char *text : {"# a comment\n# another\n", "\n\n   \n", "# no newline at the end"}) {
    CAPTURE(text);
    const ParseResult r = parse(text, "c.yaml");
    CHECK_FALSE(r.readable);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "missing-field");
    CHECK(at(r.diagnostics[0].location) == "1:1");
  }
}

TEST_CASE("parse: a document that is null, text or a list") {
  const ParseResult null_doc = parse("~\n", "n.yaml");
  CHECK_FALSE(null_doc.readable);
  CHECK(where(null_doc.diagnostics, "missing-field",
              "the file is empty: a journey starts with `journey:`, `title:` and `steps:`") ==
        "1:1");
  const ParseResult text = parse("hello world\n", "t.yaml");
  CHECK_FALSE(text.readable);
  CHECK(where(text.diagnostics, "invalid-value",
              "`journey` must be a mapping (`journey:`, `title:`, `steps:` ...), not text") ==
        "1:1");
  const ParseResult list = parse("- a\n- b\n", "l.yaml");
  CHECK(where(list.diagnostics, "invalid-value", "not a list") == "1:1");
}

TEST_CASE("parse: a second document") {
  const ParseResult r =
      parse("journey: j\ntitle: T\nsteps:\n  - {id: a, name: A, end: success}\n---\njourney: k\n",
            "two.yaml");
  const Diagnostic *d = find(r.diagnostics, "yaml-syntax");
  REQUIRE(d != nullptr);
  CHECK(d->message == "a file holds one journey, but this is a second YAML document; move it to a "
                      "file of its own");
  CHECK(at(d->location) == "6:1");
  CHECK(r.journey.id == "j"); // the first document is still read
  CHECK(r.diagnostics.size() == 1);
}

TEST_CASE("parse: an explicit document start and end are fine") {
  const ParseResult r = parse(
      "---\njourney: j\ntitle: T\nsteps:\n  - {id: a, name: A, end: success}\n...\n", "d.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(at(r.journey.id_location) == "2:10");
}

TEST_CASE("parse: YAML syntax errors carry the position where reading stopped") {
  struct Case {
    std::string text;
    const char *position;
  };
  const Case cases[] = {
      {"journey: j\ntitle: \"unterminated", "2:21"},
      {"journey: j\ntitle: [a, b\n", "3:1"},
      {"journey: j\n\ttitle: T\n", "2:1"},
      {"journey: j\ntitle: T\n  bad: indent\n", "3:3"}, // a wrong indentation: the line's start
      {"journey: j\ntitle: *missing\n", "2:8"},
      {"journey: j\ntitle: {a: b\n", "3:1"},
      {"journey: j\ntitle: T\n" + std::string(1100, 'k') + ": 1\n", "3:1101"},
  };
  for (const Case &c : cases) {
    CAPTURE(c.text);
    const ParseResult r = parse(c.text, "s.yaml");
    INFO(dump(r.diagnostics));
    CHECK_FALSE(r.readable);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "yaml-syntax");
    CHECK(r.diagnostics[0].location.known());
    CHECK(at(r.diagnostics[0].location) == c.position);
    CHECK_FALSE(r.diagnostics[0].message.empty());
  }
}

TEST_CASE("parse: a quoted scalar left open at the end of the file") {
  // Parser bug (inherited from yaml-cpp 0.7): a double- or single-quoted scalar that is never
  // closed, in a file that ends with a newline, is accepted and swallows the rest of the file.
  // Expected: yaml-syntax at 2:8. Actual: no syntax error; the title is "unterminated steps: [] "
  // and the only diagnostic is "the journey has no `steps`".
  const ParseResult r = parse("journey: j\ntitle: \"unterminated\nsteps: []\n", "q.yaml");
  CHECK(where(r.diagnostics, "yaml-syntax") == "2:8");
  CHECK_FALSE(r.readable);
}

TEST_CASE("parse: truncated files give a diagnostic or a partial journey, never a crash") {
  const std::string text = journey::test::read_source_file("journeys/apply-by-post.yaml");
  REQUIRE(text.size() > 1000);
  int syntax_errors = 0;
  for (std::size_t cut = 0; cut < text.size(); cut += 7) {
    CAPTURE(cut);
    ParseResult r;
    CHECK_NOTHROW(r = parse(std::string_view(text).substr(0, cut), "cut.yaml"));
    if (!r.readable) {
      CHECK_FALSE(r.diagnostics.empty());
    }
    syntax_errors += has_rule(r.diagnostics, "yaml-syntax") ? 1 : 0;
  }
  CHECK(syntax_errors > 0); // cuts inside a quoted scalar are syntax errors
  const ParseResult in_quote = parse(text.substr(0, text.find("\"\\\"Subject") + 5), "cut.yaml");
  CHECK(has_rule(in_quote.diagnostics, "yaml-syntax"));
  CHECK_FALSE(in_quote.readable);
}

TEST_CASE("parse: binary garbage") {
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 50; ++round) {
    std::string garbage(1 + round * 37, '\0');
    for (char &c : garbage) {
      c = static_cast<char>(byte(random));
    }
    ParseResult r;
    CHECK_NOTHROW(r = parse(garbage, "garbage.bin"));
    CHECK_FALSE(r.readable);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].rule == "yaml-syntax");
  }
}

TEST_CASE("parse: a NUL byte") {
  const ParseResult r = parse(std::string("journey: j\ntitle: T\0x\n", 21), "nul.yaml");
  CHECK_FALSE(r.readable);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "yaml-syntax");
  CHECK(r.diagnostics[0].message == "file contains a NUL byte: it is binary, not a YAML journey");
  CHECK(at(r.diagnostics[0].location) == "2:9");
}

TEST_CASE("parse: invalid UTF-8") {
  struct Case {
    const char *text;
    const char *position;
  };
  const Case cases[] = {{"journey: j\ntitle: caf\xe9\n", "2:11"},
                        {"journey: j\ntitle: \xc0\xaf\n", "2:8"},
                        {"journey: j\ntitle: \xed\xa0\x80\n", "2:8"},
                        {"journey: j\ntitle: \xf0\x80\x80\x80\n", "2:8"},
                        {"journey: j\ntitle: \xe2\x82\n", "2:8"},
                        {"journey: j\ntitle: \x80\n", "2:8"}};
  for (const Case &c : cases) {
    const char *text = c.text;
    CAPTURE(text);
    const ParseResult r = parse(text, "utf8.yaml");
    CHECK_FALSE(r.readable);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "yaml-syntax");
    CHECK(r.diagnostics[0].message == "invalid UTF-8 byte sequence: save the file as UTF-8");
    CHECK(at(r.diagnostics[0].location) == c.position);
  }
}

TEST_CASE("parse: bytes 0xF5 to 0xFF are never valid UTF-8") {
  // Parser bug: check_text() in yaml_tree.cpp takes any byte >= 0xE0 that is not F0..F4 as the
  // lead of a three-byte sequence, so `\xff\x80\x80` passes as one character and reaches the
  // model: the title holds the bytes ff 80 80 with no diagnostic (JSON output of it would fail).
  const ParseResult r = parse(
      "journey: j\ntitle: \xff\x80\x80\nsteps:\n  - {id: a, name: A, end: success}\n", "utf8.yaml");
  CHECK_FALSE(r.readable);
  CHECK(where(r.diagnostics, "yaml-syntax", "invalid UTF-8") == "2:8");
}

TEST_CASE("parse: valid UTF-8 of every length is kept") {
  const ParseResult r =
      parse("journey: j\ntitle: Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\nsteps:\n"
            "  - {id: a, name: \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d, end: success}\n",
            "u.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.journey.title == "Caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
}

TEST_CASE("parse: a 100,000-deep nested flow list") {
  const std::string text =
      "journey: j\ntitle: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  ParseResult r;
  CHECK_NOTHROW(r = parse(text, "deep.yaml"));
  CHECK_FALSE(r.readable);
  const Diagnostic *d = find(r.diagnostics, "yaml-syntax");
  REQUIRE(d != nullptr);
  CHECK(d->message == "nesting is too deep (more than 500 levels); a journey needs a few");
  CHECK(d->location.line == 2);
}

TEST_CASE("parse: a 100,000-deep nested flow mapping") {
  const std::string text = repeat("{a: ", 100000) + "b" + std::string(100000, '}') + "\n";
  ParseResult r;
  CHECK_NOTHROW(r = parse(text, "deep.yaml"));
  CHECK_FALSE(r.readable);
  CHECK(find(r.diagnostics, "yaml-syntax", "nesting is too deep") != nullptr);
}

TEST_CASE("parse: a deeply nested block list") {
  const std::string text = "journey: j\ntitle: T\nsteps:\n" + repeat("- ", 100000) + "x\n";
  ParseResult r;
  CHECK_NOTHROW(r = parse(text, "deep.yaml"));
  CHECK_FALSE(r.readable);
  CHECK(where(r.diagnostics, "yaml-syntax", "nesting is too deep") != "none");
}

TEST_CASE("parse: a deeply nested block list, one level per line") {
  std::string text = "steps:\n";
  for (int depth = 1; depth <= 3000; ++depth) {
    text += std::string(static_cast<std::size_t>(depth), ' ') + "-\n";
  }
  ParseResult r;
  CHECK_NOTHROW(r = parse(text, "deep.yaml"));
  CHECK(find(r.diagnostics, "yaml-syntax", "nesting is too deep") != nullptr);
}

TEST_CASE("parse: nesting up to 498 levels is read; 499 is too deep") {
  auto nested = [](std::size_t depth) {
    return "journey: j\ntitle: T\nnote: " + std::string(depth, '[') + std::string(depth, ']') +
           "\nsteps:\n  - {id: a, name: A, end: success}\n";
  };
  CHECK(parse(nested(499), "deep.yaml").diagnostics.at(0).rule == "yaml-syntax");
  const std::string text = "journey: j\ntitle: T\nnote: " + std::string(498, '[') +
                           std::string(498, ']') + "\nsteps:\n  - {id: a, name: A, end: success}\n";
  const ParseResult r = parse(text, "deep.yaml");
  CHECK(r.readable);
  CHECK(where(r.diagnostics, "unknown-key", "unknown key `note` in the journey") == "3:1");
}

TEST_CASE("parse: an alias bomb (billion laughs)") {
  std::string text =
      "journey: j\ntitle: T\nintent: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  const char *names = "abcdefghi";
  std::string keys[] = {"owner",    "start", "ends",      "catalog",
                        "channels", "teams", "processes", "steps"};
  for (int level = 1; level < 9; ++level) {
    text += keys[level - 1] + ": &" + names[level] + " [";
    for (int i = 0; i < 10; ++i) {
      text += std::string(i ? ", " : "") + "*" + names[level - 1];
    }
    text += "]\n";
  }
  ParseResult r;
  CHECK_NOTHROW(r = parse(text, "bomb.yaml"));
  CHECK_FALSE(r.readable);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "yaml-syntax");
  CHECK(r.diagnostics[0].message.find("(an alias bomb?)") != std::string::npos);
  CHECK(r.diagnostics[0].location.line >= 5);
}

TEST_CASE("parse: an alias bomb of merge keys") {
  std::string text = "a0: &a0 {x: 1, y: 2}\n";
  for (int level = 1; level < 40; ++level) {
    const std::string prev = "a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " {<<: [*" + prev +
            ", *" + prev + "], z: 1}\n";
  }
  ParseResult r;
  CHECK_NOTHROW(r = parse(text, "bomb.yaml"));
  CHECK(find(r.diagnostics, "yaml-syntax", "alias bomb") != nullptr);
}

TEST_CASE("parse: a recursive alias") {
  const ParseResult r = parse("journey: &a [x, *a]\n", "rec.yaml");
  CHECK_FALSE(r.readable);
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].rule == "yaml-syntax");
}

TEST_CASE("parse: a huge scalar") {
  const std::string title(8 * 1024 * 1024, 'x');
  const ParseResult r =
      parse("journey: j\ntitle: " + title + "\nsteps:\n  - {id: a, name: A, end: success}\n",
            "huge.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.journey.title.size() == title.size());
  CHECK(at(r.journey.steps[0].location) == "4:5");
}

TEST_CASE("parse: a long unknown key gets no suggestion and no crash") {
  const std::string key(1000, 'k');
  const ParseResult r =
      parse("journey: j\ntitle: T\n" + key + ": 1\nsteps:\n  - {id: a, name: A, end: success}\n",
            "key.yaml");
  const Diagnostic *d = find(r.diagnostics, "unknown-key");
  REQUIRE(d != nullptr);
  CHECK(at(d->location) == "3:1");
  CHECK(d->message.find("did you mean") == std::string::npos);
}

TEST_CASE("parse: 100,000 steps") {
  std::string text = "journey: big\ntitle: Big\nsteps:\n";
  const int count = 100000;
  text.reserve(static_cast<std::size_t>(count) * 48);
  for (int i = 0; i < count; ++i) {
    text += "  - id: s" + std::to_string(i) + "\n    name: Step\n";
    text += i + 1 < count ? "    next: s" + std::to_string(i + 1) + "\n" : "    end: success\n";
  }
  const ParseResult r = parse(text, "big.yaml");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.journey.steps.size() == static_cast<std::size_t>(count));
  CHECK(r.journey.steps[0].next[0].target == 1);
  CHECK(r.journey.steps[count - 2].next[0].target == count - 1);
  CHECK(at(r.journey.steps[count - 1].id_location) == std::to_string(4 + 3 * (count - 1)) + ":9");
}

TEST_CASE("parse: randomized mutations of a bundled journey never throw") {
  const std::string original = journey::test::read_source_file("journeys/apply-by-post.yaml");
  REQUIRE_FALSE(original.empty());
  std::mt19937 random(20240611);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> edits(1, 8);
  std::uniform_int_distribution<int> kind(0, 3);
  const char interesting[] = {'[',  ']', '{',  '}',  ':', '-', '&', '*', '!', '|', '>', '"',
                              '\'', '#', '\n', '\t', ' ', '%', '@', '`', '?', ',', '<'};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof interesting - 1);
  int unreadable = 0;
  int with_diagnostics = 0;
  for (int iteration = 0; iteration < 3000; ++iteration) {
    std::string text = original;
    const int n = edits(random);
    for (int e = 0; e < n && !text.empty(); ++e) {
      std::uniform_int_distribution<std::size_t> position(0, text.size() - 1);
      const std::size_t at_byte = position(random);
      switch (kind(random)) {
      case 0:
        text.erase(at_byte, 1 + at_byte % 5);
        break;
      case 1:
        text.insert(at_byte, 1, static_cast<char>(byte(random)));
        break;
      case 2:
        text[at_byte] = static_cast<char>(text[at_byte] ^ (1 << (at_byte % 8)));
        break;
      default:
        text.insert(at_byte, 1, interesting[pick(random)]);
        break;
      }
    }
    CAPTURE(iteration);
    ParseResult r;
    REQUIRE_NOTHROW(r = parse(text, "mutant.yaml"));
    if (!r.readable) {
      ++unreadable;
      CHECK_FALSE(r.diagnostics.empty());
    }
    with_diagnostics += r.diagnostics.empty() ? 0 : 1;
    for (const Diagnostic &d : r.diagnostics) {
      if (d.rule == "yaml-syntax" && d.location.known()) {
        CHECK(d.location.line <=
              1 + static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')));
      }
    }
  }
  CHECK(unreadable > 100);
  CHECK(with_diagnostics > 1000);
}

TEST_CASE("parse_catalog: randomized mutations of the bundled catalog never throw") {
  const std::string original = journey::test::read_source_file("journeys/org.yaml");
  REQUIRE_FALSE(original.empty());
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int iteration = 0; iteration < 1000; ++iteration) {
    std::string text = original;
    for (int e = 0; e < 4; ++e) {
      std::uniform_int_distribution<std::size_t> position(0, text.size() - 1);
      const std::size_t at_byte = position(random);
      if (e % 2 == 0) {
        text[at_byte] = static_cast<char>(byte(random));
      } else {
        text.erase(at_byte, 1);
      }
    }
    CAPTURE(iteration);
    CatalogResult r;
    REQUIRE_NOTHROW(r = parse_catalog(text, "org.yaml"));
    if (!r.readable) {
      CHECK_FALSE(r.diagnostics.empty());
    }
  }
}
