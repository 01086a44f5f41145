// Messages a workshop participant can act on: wrong indentation, a comma inside `{ }`, a `: `
// inside a value; each names the line and says what to change.
#include "helpers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace journey;
using journey::test::at;
using journey::test::dump;
using journey::test::find;

namespace {

/// The `yaml-syntax` finding of a journey as "line:column message", or "none".
std::string syntax(std::string_view text) {
  const ParseResult r = parse(text, "w.yaml");
  const Diagnostic *d = find(r.diagnostics, "yaml-syntax");
  return d == nullptr ? "none" : at(d->location) + " " + d->message;
}

} // namespace

TEST_CASE("workshop messages: a key indented less than its siblings") {
  CHECK(syntax("journey: j\ntitle: T\nsteps:\n  - id: a\n    title: A\n   wait: 1h\n") ==
        "6:4 line 6 is indented by 3 spaces, which lines it up with no line above it: `title` on "
        "line 5 has 4 spaces, and `steps` on line 3 expects list items starting with `- ` at 2 "
        "spaces; line `wait` up with `title` on line 5 (4 spaces)");
}

TEST_CASE("workshop messages: a key indented more than a key that has its value") {
  CHECK(syntax("journey: j\ntitle: T\nsteps:\n  - id: a\n    title: A\n      wait: 1h\n") ==
        "6:7 line 6 is indented by 6 spaces, more than `title` on line 5, which already has its "
        "value: line `wait` up with `title` (4 spaces)");
  CHECK(syntax("journey: j\n title: T\nsteps: []\n") ==
        "2:2 line 2 is indented by 1 space, more than `journey` on line 1, which already has its "
        "value: line `title` up with `journey` (0 spaces)");
}

TEST_CASE("workshop messages: a key among list items without `- `") {
  CHECK(syntax("journey: j\ntitle: T\nsteps:\n  - id: a\n    title: A\n  next: b\n") ==
        "6:3 line 6 is indented by 2 spaces like the `- ` items of `steps` (line 3), but does not "
        "start with `- `: to add `next` to the item on line 4, indent it by 4 spaces like `title`; to "
        "start a new item, write `- ` before it");
}

TEST_CASE("workshop messages: a list item out of line with the items above") {
  CHECK(syntax("journey: j\ntitle: T\nsteps:\n  - id: a\n   - id: b\n") ==
        "5:4 line 5 is indented by 3 spaces, which lines it up with no line above it: the `- ` "
        "item on line 4 has 2 spaces, and `steps` on line 3 expects list items starting with `- ` "
        "at 2 spaces; line this `- ` item up with the `- ` item on line 4 (2 spaces)");
}

TEST_CASE("workshop messages: a `: ` inside a value") {
  CHECK(syntax("journey: j\ntitle: I want to apply: for a loan\nsteps: []\n") ==
        "2:23 the value of `title` contains `: `, which YAML reads as the start of another key: "
        "put the whole value in quotes, e.g. `title: \"I want to apply: for a loan\"`");
}

TEST_CASE("workshop messages: an unquoted comma inside `{ }`") {
  const std::string text = "journey: j\ntitle: T\nchannels:\n  web: {name: Pick, pack and dispatch}\n"
                           "steps:\n  - id: a\n    channel: web\n";
  const ParseResult r = parse(text, "c.yaml");
  INFO(dump(r.diagnostics));
  CHECK(find(r.diagnostics, "unknown-key") == nullptr);
  const Diagnostic *d = find(r.diagnostics, "yaml-syntax");
  REQUIRE(d != nullptr);
  CHECK(at(d->location) == "4:21");
  CHECK(d->message == "`pack and dispatch` is read as a key of its own because of the comma before "
                      "it: inside `{ }` a comma separates keys; to keep `Pick, pack and dispatch` "
                      "as one value, put the name in quotes: `name: \"Pick, pack and dispatch\"`");
  // Two commas: one finding, with the whole name.
  const ParseResult two = parse(
      "journey: j\ntitle: T\nchannels:\n  web: {name: Pick, pack, dispatch}\nsteps:\n  - id: a\n",
      "c.yaml");
  INFO(dump(two.diagnostics));
  CHECK(std::count_if(two.diagnostics.begin(), two.diagnostics.end(),
                      [](const Diagnostic &x) { return x.rule == "yaml-syntax"; }) == 1);
  CHECK(find(two.diagnostics, "yaml-syntax", "`Pick, pack, dispatch`") != nullptr);
  // A quoted name, and an unknown key written with its `:`, are not this mistake.
  const ParseResult quoted = parse("journey: j\ntitle: T\nchannels:\n  web: {name: \"Pick, pack\", "
                                   "colour: red}\nsteps:\n  - id: a\n",
                                   "c.yaml");
  CHECK(find(quoted.diagnostics, "yaml-syntax") == nullptr);
  CHECK(find(quoted.diagnostics, "unknown-key", "`colour`") != nullptr);
}
