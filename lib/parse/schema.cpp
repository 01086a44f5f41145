// JSON Schema writer: renders each mapping of parse/keys.h and each value rule as draft-07 JSON.
#include "journey/parse/schema.h"

#include "journey/model/duration.h"
#include "journey/parse/keys.h"
#include "journey/parse/scenario.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace journey {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kDraft = "http://json-schema.org/draft-07/schema#";

/// A day name in any case, possibly written out (`Mon`, `monday`), as `parse_hours` reads it.
std::string day_pattern() {
  std::string out = "(?:";
  const std::string_view days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  for (std::string_view day : days) {
    if (out.size() > 3) {
      out += "|";
    }
    for (char c : day) {
      out += {'[', static_cast<char>(std::toupper(static_cast<unsigned char>(c))),
              static_cast<char>(std::tolower(static_cast<unsigned char>(c))), ']'};
    }
  }
  return out + ")[A-Za-z]*";
}

/// What `parse_hours` accepts (model/hours.cpp); tests/schema checks both agree.
std::string hours_pattern() {
  const std::string day = day_pattern();
  const std::string day_range = day + "(?: *- *" + day + ")?";
  const std::string days = day_range + "(?: *, *" + day_range + ")*";
  const std::string time = "(?:[01]?[0-9]|2[0-4]):[0-5][0-9]";
  const std::string time_range = time + " *- *" + time;
  const std::string group = days + " +(?:closed|" + time_range + "(?: *, *" + time_range + ")*)";
  return "^ *(?:24/7|" + group + "(?: *; *" + group + ")* *;?) *$";
}

/// `word` in any case as a pattern: `day` is `[dD][aA][yY]`.
std::string any_case(std::string_view word) {
  std::string out;
  for (char c : word) {
    out += std::string("[") + c + static_cast<char>(c - 'a' + 'A') + "]";
  }
  return out;
}

/// What `parse_working_wait` accepts (model/calendar.cpp): `3 working days`, `4 working hours`.
std::string working_wait_pattern() {
  std::string units;
  for (std::string_view unit : {"day", "hour", "minute"}) {
    units += (units.empty() ? "" : "|") + any_case(unit) + "[sS]?";
  }
  return "^ *(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+) +" + any_case("working") + " +(?:" + units +
         ") *$";
}

/// What `parse_rate_per_month` accepts (model/rate.cpp), without exponents.
std::string rate_pattern() {
  std::string units;
  for (std::string_view unit : {"day", "week", "month", "year"}) {
    units += (units.empty() ? "" : "|") + any_case(unit);
  }
  return R"(^[ \t]*(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[ \t]*(?:/|[ \t][pP][eE][rR] )[ \t]*(?:)" +
         units + R"()[sS]?[ \t]*$)";
}

/// What the parser accepts as a service level (parse/parse.cpp): `80% in 20s`.
std::string service_level_pattern() {
  return R"(^ *(?:100(?:\.0*)?|[0-9]{1,2}(?:\.[0-9]*)?) *% +in +\S.*$)";
}

/// The three forms `parse_duration` accepts, unanchored: `0`, compact (`1h30m`) and ISO 8601.
std::vector<std::string> duration_forms() {
  const std::string number = R"((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))";
  auto compact = [&](std::string_view units) {
    return "(?:" + number + " *(?:" + std::string(units) + ") *)?";
  };
  auto iso = [&](char unit) { return "(?:" + number + unit + ")?"; };
  const std::string s = any_case("s") + "?";
  return {"0", "(?=[0-9.])" + compact("w|" + any_case("week") + s + "|" + any_case("wk") + s) +
                   compact("d|" + any_case("day") + s) +
                   compact("h|" + any_case("hr") + s + "|" + any_case("hour") + s) +
                   compact("m|" + any_case("min") + s + "|" + any_case("minute") + s) +
                   compact("s|" + any_case("sec") + s + "|" + any_case("second") + s),
          "P(?=[0-9.T])" + iso('W') + iso('D') + "(?:T(?=[0-9.])" + iso('H') + iso('M') +
              iso('S') + ")?"};
}

/// What `parse_duration` accepts (model/duration.cpp); tests/schema checks both agree.
std::string duration_pattern() {
  const std::vector<std::string> forms = duration_forms();
  return "^ *" + forms[0] + " *$|^ *" + forms[1] + "$|^ *" + forms[2] + " *$";
}

/// What `parse_range` accepts (model/spread.cpp), but for the order of the two ends.
std::string range_pattern() {
  const std::vector<std::string> forms = duration_forms();
  const std::string one = "(?:" + forms[0] + "|" + forms[1] + "|" + forms[2] + ")";
  return "^ *" + one + " *- *" + one + " *$";
}

/// A percentage from `0%` to `100%`, as `Reader::number` reads it for a probability.
constexpr std::string_view kPercentPattern =
    R"(^ *\+?(?:100(?:\.0*)?|[0-9]{1,2}(?:\.[0-9]*)?|\.[0-9]+) *%$)";
/// The journey id, as `is_slug` in parse.cpp checks it.
constexpr std::string_view kSlugPattern = "^[a-z0-9._-]+$";

/// The definition name of a value rule with a syntax of its own, or empty.
std::string_view value_definition(ValueRule rule) {
  switch (rule) {
  case ValueRule::Slug:
    return "slug";
  case ValueRule::TextList:
    return "textList";
  case ValueRule::Duration:
    return "duration";
  case ValueRule::Hours:
    return "hours";
  case ValueRule::Probability:
    return "probability";
  case ValueRule::Rate:
    return "rate";
  case ValueRule::ServiceLevel:
    return "serviceLevel";
  case ValueRule::Spread:
    return "spread";
  case ValueRule::Date:
    return "date";
  default:
    return {};
  }
}

Json json_strings(const std::vector<std::string_view> &texts) {
  Json out = Json::array();
  for (std::string_view t : texts) {
    out.push_back(t);
  }
  return out;
}

Json with_examples(Json schema, ValueRule rule) {
  if (!examples(rule).empty()) {
    schema["examples"] = json_strings(examples(rule));
  }
  return schema;
}

Json merge_key_schema();

/// The schema of a value rule with a syntax of its own; `ref_base` prefixes the definitions it
/// refers to.
Json value_schema(ValueRule rule, const std::string &ref_base) {
  const std::string_view description = describe(rule);
  switch (rule) {
  case ValueRule::Slug:
    return {{"type", "string"}, {"pattern", kSlugPattern}, {"description", description}};
  case ValueRule::Duration:
    return with_examples({{"description", description},
                          {"anyOf",
                           {{{"type", "string"}, {"pattern", duration_pattern()}},
                            {{"type", "integer"}, {"const", 0}}}}},
                         rule);
  case ValueRule::Hours:
    return with_examples(
        {{"type", "string"}, {"pattern", hours_pattern()}, {"description", description}}, rule);
  case ValueRule::Rate:
    return with_examples(
        {{"type", "string"}, {"pattern", rate_pattern()}, {"description", description}}, rule);
  case ValueRule::ServiceLevel:
    return with_examples(
        {{"type", "string"}, {"pattern", service_level_pattern()}, {"description", description}},
        rule);
  case ValueRule::Spread: {
    Json tail = {{"type", "object"}, {"description", tail_rule().description}};
    Json properties = Json::object();
    Json required = Json::array();
    for (const KeyRule &key : tail_rule().keys) {
      properties[std::string(key.name)] = {{"$ref", ref_base + "duration"},
                                           {"description", key.description}};
      required.push_back(key.name);
    }
    properties[std::string(kMergeKey)] = merge_key_schema();
    tail["required"] = required;
    tail["additionalProperties"] = false;
    tail["properties"] = properties;
    return with_examples({{"description", description},
                          {"anyOf",
                           {{{"$ref", ref_base + "duration"}},
                            {{"type", "string"}, {"pattern", range_pattern()}},
                            tail}}},
                         rule);
  }
  case ValueRule::Date:
    return with_examples({{"type", "string"},
                          {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                          {"description", description}},
                         rule);
  case ValueRule::TextList:
    return {
        {"description", description},
        {"anyOf", {{{"type", "string"}}, {{"type", "array"}, {"items", {{"type", "string"}}}}}}};
  case ValueRule::Probability:
    return {{"description", description},
            {"anyOf",
             {{{"type", "number"}, {"minimum", 0}, {"maximum", 1}},
              {{"type", "string"}, {"pattern", kPercentPattern}}}}};
  default:
    return Json::object();
  }
}

Json merge_key_schema() {
  return {{"description", merge_key_description()},
          {"anyOf", {{{"type", "object"}}, {{"type", "array"}, {"items", {{"type", "object"}}}}}}};
}

void describe_as(Json &schema, std::string_view description) {
  if (!description.empty()) {
    schema["description"] = description;
  }
}

/// Writes the properties and definitions of one schema document. Definitions are collected as
/// properties need them, in a work list: value syntaxes first, then in order of first use.
class SchemaWriter {
public:
  /// `ref_base` prefixes definition names in `$ref`s: `#/definitions/` for definitions in the
  /// same document, or another document's address followed by that.
  explicit SchemaWriter(std::string ref_base) : ref_base_(std::move(ref_base)) {}

  Json document(const MappingRule &root, std::string_view comment) {
    Json doc = {{"$schema", kDraft},
                {"$comment", comment},
                {"title", root.title},
                {"description", root.description}};
    doc["type"] = root.may_be_empty ? Json{"object", "null"} : Json("object");
    add_object_body(doc, root);
    return doc;
  }

  /// Every definition the properties written so far need, each once.
  Json definitions() {
    Json defs = Json::object();
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      const Pending p = pending_[i];
      switch (p.kind) {
      case Pending::Mapping:
        defs[p.name] = mapping_definition(*p.mapping);
        break;
      case Pending::Key:
        defs[p.name] = key_definition(*p.key);
        break;
      case Pending::Target:
        defs[p.name] = target_definition(*p.mapping);
        break;
      }
    }
    Json out = Json::object();
    std::sort(values_.begin(), values_.end());
    for (ValueRule rule : values_) {
      out[std::string(value_definition(rule))] = value_schema(rule, ref_base_);
    }
    for (auto &[name, schema] : defs.items()) {
      out[name] = schema;
    }
    return out;
  }

private:
  /// A definition still to write.
  struct Pending {
    enum Kind { Mapping, Key, Target } kind;
    std::string name;
    const MappingRule *mapping; ///< Mapping, Target (the branch)
    const KeyRule *key;         ///< Key
  };

  std::string need(Pending p) {
    const std::string address = ref_base_ + p.name;
    const bool known = std::any_of(pending_.begin(), pending_.end(),
                                   [&](const Pending &q) { return q.name == p.name; });
    if (!known) {
      pending_.push_back(std::move(p));
    }
    return address;
  }

  std::string need_mapping(const MappingRule &m) {
    return need({Pending::Mapping, std::string(m.name), &m, nullptr});
  }

  std::string need_value(ValueRule rule) {
    if (std::find(values_.begin(), values_.end(), rule) == values_.end()) {
      values_.push_back(rule);
    }
    return ref_base_ + std::string(value_definition(rule));
  }

  /// `required`, `additionalProperties` and `properties` of a mapping, added to `schema`.
  void add_object_body(Json &schema, const MappingRule &m) {
    Json required = Json::array();
    Json properties = Json::object();
    for (const KeyRule &key : m.keys) {
      if (key.required) {
        required.push_back(key.name);
      }
      properties[std::string(key.name)] = property(key);
    }
    properties[std::string(kMergeKey)] = merge_key_schema();
    if (!required.empty()) {
      schema["required"] = required;
    }
    schema["additionalProperties"] = false;
    schema["properties"] = properties;
  }

  Json property(const KeyRule &key) {
    Json p = Json::object();
    switch (key.value) {
    case ValueRule::Text:
      p["type"] = "string";
      describe_as(p, key.description);
      break;
    case ValueRule::NonEmptyText:
      p["type"] = "string";
      describe_as(p, key.description);
      p["minLength"] = 1;
      break;
    case ValueRule::Id:
      p["type"] = {"string", "integer"};
      p["minLength"] = 1;
      describe_as(p, key.description);
      break;
    case ValueRule::Slug:
    case ValueRule::TextList:
    case ValueRule::Duration:
    case ValueRule::Hours:
    case ValueRule::Probability:
    case ValueRule::Rate:
    case ValueRule::ServiceLevel:
    case ValueRule::Date:
      p["$ref"] = need_value(key.value);
      describe_as(p, key.description);
      break;
    case ValueRule::Score:
      p["type"] = "number";
      describe_as(p, key.description);
      break;
    case ValueRule::Wait:
      need_value(ValueRule::Duration);
      describe_as(p, key.description);
      p["anyOf"] = {{{"$ref", need_value(ValueRule::Spread)}},
                    {{"const", "queue"}},
                    {{"type", "string"}, {"pattern", working_wait_pattern()}}};
      break;
    case ValueRule::Spread:
      need_value(ValueRule::Duration);
      p["$ref"] = need_value(key.value);
      describe_as(p, key.description);
      break;
    case ValueRule::Number:
      p["type"] = "number";
      p["minimum"] = 0;
      p["maximum"] = static_cast<long long>(kLargestAmount);
      describe_as(p, key.description);
      break;
    case ValueRule::WholeNumber:
      p["type"] = "integer";
      p["minimum"] = key.minimum;
      p["maximum"] = key.maximum;
      describe_as(p, key.description);
      break;
    case ValueRule::Choice:
      p["enum"] = json_strings(key.choices);
      describe_as(p, key.description);
      break;
    case ValueRule::End:
      describe_as(p, key.description);
      p["anyOf"] = {
          {{"enum", json_strings(key.choices)}}, {{"type", "boolean"}}, {{"type", "null"}}};
      break;
    case ValueRule::Flag:
      describe_as(p, key.description);
      p["anyOf"] = {{{"type", "boolean"}}, {{"type", "string"}, {"minLength", 1}}, {{"type", "null"}}};
      break;
    case ValueRule::Next:
    case ValueRule::MappingsById:
    case ValueRule::SeveritiesById:
    case ValueRule::Arrivals:
      // Described in the definition named after the key.
      p["$ref"] = need({Pending::Key, std::string(key.name), nullptr, &key});
      break;
    case ValueRule::Mapping:
      p["$ref"] = need_mapping(*key.mapping);
      describe_as(p, key.description);
      break;
    case ValueRule::ListOf:
      p["type"] = "array";
      p["minItems"] = 1;
      p["items"] = {{"$ref", need_mapping(*key.mapping)}};
      describe_as(p, key.description);
      break;
    case ValueRule::BranchShares:
      p["type"] = {"object", "null"};
      describe_as(p, key.description);
      p["propertyNames"] = {{"minLength", 1}};
      p["additionalProperties"] = {
          {"type", "object"},
          {"propertyNames", {{"minLength", 1}}},
          {"additionalProperties", {{"$ref", need_value(ValueRule::Probability)}}}};
      break;
    }
    return p;
  }

  Json mapping_definition(const MappingRule &m) {
    Json object = {{"type", "object"}};
    if (!m.name_shorthand) {
      describe_as(object, m.description);
      add_object_body(object, m);
      return object;
    }
    add_object_body(object, m);
    Json def = Json::object();
    describe_as(def, m.description);
    def["anyOf"] = {{{"type", "string"}}, {{"type", "null"}}, object};
    return def;
  }

  /// The definition named after a key whose value is more than one schema.
  Json key_definition(const KeyRule &key) {
    Json def = Json::object();
    switch (key.value) {
    case ValueRule::Next: {
      const std::string target = need({Pending::Target, "target", key.mapping, nullptr});
      describe_as(def, key.description);
      def["anyOf"] = {{{"type", "null"}},
                      {{"$ref", target}},
                      {{"type", "array"}, {"items", {{"$ref", target}}}}};
      break;
    }
    case ValueRule::MappingsById:
      def["type"] = {"object", "null"};
      describe_as(def, key.description);
      def["additionalProperties"] = {{"$ref", need_mapping(*key.mapping)}};
      def["propertyNames"] = {{"minLength", 1}};
      break;
    case ValueRule::SeveritiesById:
      def["type"] = {"object", "null"};
      describe_as(def, key.description);
      def["additionalProperties"] = {{"enum", json_strings(key.choices)}};
      def["propertyNames"] = {{"minLength", 1}};
      break;
    case ValueRule::Arrivals:
      def["type"] = {"object", "null"};
      describe_as(def, key.description);
      def["additionalProperties"] = {{"$ref", need_value(ValueRule::Probability)}};
      def["propertyNames"] = {{"pattern", hours_pattern()}};
      break;
    default:
      def = property(key);
      break;
    }
    return def;
  }

  /// One entry of `next`: the id of a step (the branch's required id key), or a branch.
  Json target_definition(const MappingRule &branch) {
    Json scalar = Json::object();
    const auto to = std::find_if(branch.keys.begin(), branch.keys.end(), [](const KeyRule &k) {
      return k.required && k.value == ValueRule::Id;
    });
    if (to != branch.keys.end()) {
      scalar = property(*to);
    }
    return {{"anyOf", {scalar, {{"$ref", need_mapping(branch)}}}}};
  }

  std::string ref_base_;
  std::vector<ValueRule> values_;
  std::vector<Pending> pending_;
};

} // namespace

std::string journey_schema_json() {
  SchemaWriter writer("#/definitions/");
  Json doc = writer.document(journey_rule(),
                             "JSON Schema of the journey format (docs/format.md), for editors "
                             "and tests. Written by `journey schema` from the parser's key "
                             "tables (lib/parse/keys.cpp): do not edit.");
  doc["definitions"] = writer.definitions();
  return doc.dump(2) + "\n";
}

std::string catalog_schema_json() {
  SchemaWriter writer("journey.schema.json#/definitions/");
  const Json doc =
      writer.document(catalog_rule(), "JSON Schema of a shared catalog file (docs/format.md), for "
                                      "editors and tests. Written by `journey schema --catalog` "
                                      "from the parser's key tables (lib/parse/keys.cpp): do not "
                                      "edit.");
  return doc.dump(2) + "\n";
}

std::string scenario_schema_json() {
  SchemaWriter writer("#/definitions/");
  Json doc = writer.document(scenario_rule(),
                             "JSON Schema of scenario files (docs/format.md, \"Scenarios\"), for "
                             "editors and tests. Written by `journey schema --scenario` from the "
                             "parser's key tables (lib/parse/scenario.cpp): do not edit.");
  doc["definitions"] = writer.definitions();
  // A removal may also be written as the bare id of the step (its single next step takes over).
  Json &remove = doc["definitions"]["scenario-journey"]["properties"]["remove"];
  remove["items"] = {{"anyOf", {{{"type", "string"}, {"minLength", 1}}, remove["items"]}}};
  return doc.dump(2) + "\n";
}

} // namespace journey
