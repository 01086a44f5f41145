// Tests of the key tables (parse/keys.h) against the parsers: every key is read, a misspelling of
// each is suggested, every value rule is enforced, every required key is required.
#include "helpers.h"
#include "journey/model/journey.h"
#include "journey/parse/config.h"
#include "journey/parse/keys.h"
#include "journey/parse/surveys.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace journey;
using journey::test::dump;

namespace {

/// The rule ids configuration tests may name.
const std::vector<std::string_view> kRuleIds{"missing-owner"};

/// A text the rule accepts.
std::string good_value(const KeyRule &key);

/// `{k: v, ...}` of a mapping's required keys, each with a good value.
std::string minimal_mapping(const MappingRule &m) {
  std::string out;
  for (const KeyRule &k : m.keys) {
    if (k.required) {
      out += (out.empty() ? "" : ", ") + std::string(k.name) + ": " + good_value(k);
    }
  }
  return "{" + out + "}";
}

std::string good_value(const KeyRule &key) {
  switch (key.value) {
  case ValueRule::Text:
  case ValueRule::NonEmptyText:
    return "Some words";
  case ValueRule::Slug:
    return "a-slug_1.0";
  case ValueRule::Id:
  case ValueRule::Next:
    return "a";
  case ValueRule::TextList:
    return "[one, two]";
  case ValueRule::Duration:
    return "1h30m";
  case ValueRule::Spread:
    return "2d-5d";
  case ValueRule::Hours:
    return "Mon-Fri 08:00-20:00; Sat 09:00-13:00";
  case ValueRule::Number:
    return "2.5";
  case ValueRule::Probability:
    return "40%";
  case ValueRule::WholeNumber:
    return std::to_string(key.maximum);
  case ValueRule::Choice:
  case ValueRule::End:
    return std::string(key.choices.front());
  case ValueRule::Mapping:
    return minimal_mapping(*key.mapping);
  case ValueRule::MappingsById:
    return "{x: " + minimal_mapping(*key.mapping) + "}";
  case ValueRule::ListOf:
    return "[" + minimal_mapping(*key.mapping) + "]";
  case ValueRule::SeveritiesById:
    return "{missing-owner: " + std::string(key.choices.back()) + "}";
  case ValueRule::Flag:
    return "The letter is unclear";
  case ValueRule::Rate:
    return "400/day";
  case ValueRule::Wait:
    return "queue";
  case ValueRule::ServiceLevel:
    return "80% in 20s";
  case ValueRule::Score:
    return "-12.5";
  case ValueRule::Date:
    return "2025-03-31";

  case ValueRule::BranchShares:
    return "{a: {b: 0.5}}";

  case ValueRule::Arrivals:
    return "{\"Mon-Fri 09:00-17:00\": 70%, Sat 09:00-13:00: 0.1}";
  }
  return {};
}

/// A text the rule refuses, whatever the key.
std::string bad_value(const KeyRule &key) {
  switch (key.value) {
  case ValueRule::Text:
  case ValueRule::NonEmptyText:
  case ValueRule::Id:
  case ValueRule::Mapping:
  case ValueRule::MappingsById:
    return "[a list]";
  case ValueRule::Slug:
    return "Not A Slug";
  case ValueRule::TextList:
  case ValueRule::ListOf:
    return "{a: mapping}";
  case ValueRule::Duration:
    return "3x";
  case ValueRule::Spread:
    return "5d-2d";
  case ValueRule::Hours:
    return "Funday 09:00-10:00";
  case ValueRule::Number:
    return "-1";
  case ValueRule::Probability:
    return "150%";
  case ValueRule::WholeNumber:
    return std::to_string(key.maximum + 1);
  case ValueRule::Choice:
  case ValueRule::End:
    return "nonsense";
  case ValueRule::Next:
    return "[[a]]";
  case ValueRule::SeveritiesById:
    return "{missing-owner: loud}";
  case ValueRule::Flag:
    return "[a list]";
  case ValueRule::Rate:
    return "12000";
  case ValueRule::Wait:
    return "3x";
  case ValueRule::ServiceLevel:
    return "80%";
  case ValueRule::Score:
    return "high";
  case ValueRule::Date:
    return "2025-02-30";

  case ValueRule::BranchShares:
    return "[a list]";

  case ValueRule::Arrivals:
    return "{Mon-Fri 09:00-17:00: 70%, Sat 09:00-13:00: 40%}";
  }
  return {};
}

/// Where a mapping lives in a document: the text before and after its entries, their
/// indentation, and which parser reads the document.
struct Host {
  std::string before;
  std::string after;
  std::string indent;
  enum Parser { Journey, Catalog, Config, Surveys } parser = Journey;
};

const char *const kSteps = "steps:\n  - {id: a, name: A, end: success}\n";

Host host_of(const MappingRule &m) {
  const std::string head = "journey: j\ntitle: T\n";
  if (&m == &journey_rule()) {
    return {"", "", "", Host::Journey};
  }
  if (&m == &channel_rule()) {
    return {head + "channels:\n  c:\n", kSteps, "    ", Host::Journey};
  }
  if (&m == &team_rule()) {
    return {head + "teams:\n  t:\n", kSteps, "    ", Host::Journey};
  }
  if (&m == &process_rule()) {
    return {head + "processes:\n  p:\n", kSteps, "    ", Host::Journey};
  }
  if (&m == &step_rule()) {
    return {head + "steps:\n  -\n", "", "    ", Host::Journey};
  }
  if (&m == &branch_rule()) {
    return {head + "steps:\n  - id: a\n    name: A\n    next:\n      -\n", "", "        ",
            Host::Journey};
  }
  if (&m == &catalog_rule()) {
    return {"", "", "", Host::Catalog};
  }
  if (&m == &persona_rule()) {
    return {"personas:\n  p:\n", "", "    ", Host::Catalog};
  }
  if (&m == &persona_walk_rule()) {
    return {head + "personas:\n  p:\n", kSteps, "    ", Host::Journey};
  }
  if (&m == &config_rule()) {
    return {"", "", "", Host::Config};
  }
  if (&m == &budgets_rule()) {
    return {"budgets:\n", "", "  ", Host::Config};
  }
  if (&m == &journey_config_rule()) {
    return {"journeys:\n  j:\n", "", "    ", Host::Config};
  }
  if (&m == &survey_rule()) {
    return {std::string(kSteps) + head + "surveys:\n  -\n", "", "    ", Host::Journey};
  }
  if (&m == &surveys_file_rule()) {
    return {"", "", "", Host::Surveys};
  }
  FAIL("no test document for mapping `", m.name, "`");
  return {};
}

struct Parsed {
  std::string text;
  std::vector<Diagnostic> diagnostics;
  std::uint32_t line = 0; ///< the line of the first entry
};

/// Parses a document holding mapping `m` with `first` as its first entry, followed by `m`'s
/// other required keys (unless `omit`) with good values.
Parsed parse_with(const MappingRule &m, const std::string &first, std::string_view omit = {}) {
  const Host host = host_of(m);
  std::string entries = host.indent + first + "\n";
  for (const KeyRule &k : m.keys) {
    if (k.required && k.name != omit && first.rfind(std::string(k.name) + ":", 0) != 0) {
      entries += host.indent + std::string(k.name) + ": " + good_value(k) + "\n";
    }
  }
  Parsed out;
  out.text = host.before + entries + host.after;
  const std::string &text = out.text;
  out.line =
      static_cast<std::uint32_t>(std::count(host.before.begin(), host.before.end(), '\n') + 1);
  switch (host.parser) {
  case Host::Journey:
    out.diagnostics = parse(text, "k.yaml").diagnostics;
    break;
  case Host::Catalog:
    out.diagnostics = parse_catalog(text, "k.yaml").diagnostics;
    break;
  case Host::Config:
    out.diagnostics = parse_config(text, "k.yaml", kRuleIds).diagnostics;
    break;
  case Host::Surveys:
    out.diagnostics = parse_surveys(text, "k.surveys.yaml").diagnostics;
    break;
  }
  return out;
}

/// True when a diagnostic other than an unknown key is on the line of the first entry.
bool refused_at_line(const Parsed &r) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic &d) {
    return d.location.line == r.line && !d.message.starts_with("unknown key");
  });
}

/// The text with its last character doubled: `name` becomes `namee`, one edit away.
std::string misspelt(std::string_view key) {
  return std::string(key) + key.back();
}

} // namespace

TEST_CASE("keys: every mapping has keys, each named once, with help for editors") {
  for (const MappingRule *m : all_mapping_rules()) {
    CAPTURE(m->name);
    REQUIRE_FALSE(m->keys.empty());
    CHECK_FALSE(m->description.empty());
    CHECK(m->key_names.size() == m->keys.size());
    for (const KeyRule &k : m->keys) {
      CAPTURE(k.name);
      CHECK(std::count(m->key_names.begin(), m->key_names.end(), k.name) == 1);
      CHECK(m->find(k.name) == &k);
      CHECK((!k.description.empty() || !describe(k.value).empty()));
      const bool nested = k.value == ValueRule::Next || k.value == ValueRule::Mapping ||
                          k.value == ValueRule::MappingsById || k.value == ValueRule::ListOf;
      CHECK(nested == (k.mapping != nullptr));
      const bool chosen = k.value == ValueRule::Choice || k.value == ValueRule::End ||
                          k.value == ValueRule::SeveritiesById;
      CHECK(chosen == !k.choices.empty());
    }
    CHECK(m->find("no-such-key") == nullptr);
  }
}

TEST_CASE("keys: the choices are the model's names") {
  CHECK(step_rule().find("actor")->choices == actor_names());
  CHECK(channel_rule().find("kind")->choices == channel_kind_names());
  CHECK(step_rule().find("end")->choices == end_kind_names());
  for (std::string_view name : actor_names()) {
    CHECK(parse_actor(name).has_value());
  }
  CHECK(std::find(end_kind_names().begin(), end_kind_names().end(), "none") ==
        end_kind_names().end());
}

TEST_CASE("keys: every key of every mapping is read, with a value its rule accepts") {
  for (const MappingRule *m : all_mapping_rules()) {
    for (const KeyRule &k : m->keys) {
      CAPTURE(m->name);
      CAPTURE(k.name);
      const Parsed r = parse_with(*m, std::string(k.name) + ": " + good_value(k));
      INFO(r.text);
      INFO(dump(r.diagnostics));
      CHECK(r.diagnostics.empty());
    }
  }
}

TEST_CASE("keys: every choice, and both ends of a range, are accepted") {
  for (const MappingRule *m : all_mapping_rules()) {
    for (const KeyRule &k : m->keys) {
      std::vector<std::string> values;
      if (k.value == ValueRule::Choice || k.value == ValueRule::End) {
        values.assign(k.choices.begin(), k.choices.end());
      } else if (k.value == ValueRule::WholeNumber) {
        values = {std::to_string(k.minimum), std::to_string(k.maximum)};
      }
      for (const std::string &v : values) {
        CAPTURE(k.name);
        CAPTURE(v);
        const Parsed r = parse_with(*m, std::string(k.name) + ": " + v);
        INFO(r.text);
        INFO(dump(r.diagnostics));
        CHECK(r.diagnostics.empty());
      }
      if (k.value == ValueRule::WholeNumber) {
        CAPTURE(k.name);
        const Parsed below =
            parse_with(*m, std::string(k.name) + ": " + std::to_string(k.minimum - 1));
        CHECK(refused_at_line(below));
      }
    }
  }
}

TEST_CASE("keys: a value its rule refuses is reported at the key's line") {
  for (const MappingRule *m : all_mapping_rules()) {
    for (const KeyRule &k : m->keys) {
      CAPTURE(m->name);
      CAPTURE(k.name);
      const std::string value = bad_value(k);
      CAPTURE(value);
      const Parsed r = parse_with(*m, std::string(k.name) + ": " + value);
      INFO(r.text);
      INFO(dump(r.diagnostics));
      CHECK(refused_at_line(r));
    }
  }
}

TEST_CASE("keys: a misspelt key is unknown, with the key as the suggestion") {
  for (const MappingRule *m : all_mapping_rules()) {
    for (const KeyRule &k : m->keys) {
      CAPTURE(m->name);
      CAPTURE(k.name);
      const std::string typo = misspelt(k.name);
      const Parsed r = parse_with(*m, typo + ": " + good_value(k), k.name);
      INFO(r.text);
      INFO(dump(r.diagnostics));
      const auto found =
          std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic &d) {
            return d.message.starts_with("unknown key `" + typo + "`");
          });
      REQUIRE(found != r.diagnostics.end());
      CHECK(found->location.line == r.line);
      CHECK(found->message.ends_with(" (did you mean `" + std::string(k.name) + "`?)"));
      const std::string rule = host_of(*m).parser == Host::Config ? "config" : "unknown-key";
      CHECK(found->rule == rule);
    }
  }
}

TEST_CASE("keys: a mapping without a required key is reported") {
  for (const MappingRule *m : all_mapping_rules()) {
    for (const KeyRule &k : m->keys) {
      if (!k.required) {
        continue;
      }
      CAPTURE(m->name);
      CAPTURE(k.name);
      const KeyRule *other = nullptr;
      for (const KeyRule &o : m->keys) {
        if (!o.required && other == nullptr) {
          other = &o;
        }
      }
      REQUIRE(other != nullptr);
      const Parsed r = parse_with(*m, std::string(other->name) + ": " + good_value(*other), k.name);
      INFO(r.text);
      INFO(dump(r.diagnostics));
      CHECK(journey::test::find(r.diagnostics, "missing-field", "`" + std::string(k.name) + "`") !=
            nullptr);
    }
  }
}

TEST_CASE("keys: the merge key works in every mapping") {
  for (const MappingRule *m : all_mapping_rules()) {
    const KeyRule &k = m->keys.front();
    CAPTURE(m->name);
    const Parsed r = parse_with(
        *m, std::string(kMergeKey) + ": {" + std::string(k.name) + ": " + good_value(k) + "}",
        k.name);
    INFO(r.text);
    INFO(dump(r.diagnostics));
    CHECK(r.diagnostics.empty());
  }
}
