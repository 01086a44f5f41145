// "Did you mean": edit distance and the closest likely typo.
#include "journey/model/suggest.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace journey;

namespace {

const std::vector<std::string_view> kStepKeys{"id",   "name", "actor", "channel", "process",
                                              "team", "wait", "time",  "cost",    "pain",
                                              "emotion", "note", "next", "end"};

} // namespace

TEST_CASE("closest_match: likely typos only") {
  CHECK(closest_match("chanel", kStepKeys) == "channel");
  CHECK(closest_match("nxt", kStepKeys) == "next");
  CHECK(closest_match("emotions", kStepKeys) == "emotion");
  CHECK(closest_match("acotr", kStepKeys) == "actor"); // a transposition counts once
  CHECK(closest_match("xyz", kStepKeys).empty());
  CHECK(closest_match("id", kStepKeys).empty()); // an exact match is not a suggestion
  CHECK(closest_match("ab", {"abcd"}).empty());
  CHECK(closest_match("cat", {"bat", "hat"}) == "bat"); // ties go to the earliest
  CHECK(closest_match(std::string(300, 'a'), {"a"}).empty());
  CHECK(closest_match("anything", {}).empty());
  CHECK(did_you_mean("chanel", kStepKeys) == " (did you mean `channel`?)");
  CHECK(did_you_mean("xyz", kStepKeys).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("ABC", "abc") == 0);
}

TEST_CASE("closest_match: a word differing only in case is suggested") {
  // edit_distance() ignores case, so `Channel` is at distance 0 from `channel`: still suggested.
  CHECK(closest_match("Channel", kStepKeys) == "channel");
}
