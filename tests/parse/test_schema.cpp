// Tests of journey_schema_json() and catalog_schema_json(): the docs are their output, every key of
// the tables is in them, and every reference resolves.
#include "helpers.h"
#include "journey/parse/keys.h"
#include "journey/parse/schema.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace journey;
using Json = nlohmann::json;

namespace {

/// Every `$ref` in a schema, found with a work list.
std::vector<std::string> refs_in(const Json &schema) {
  std::vector<std::string> out;
  std::vector<const Json *> todo{&schema};
  while (!todo.empty()) {
    const Json *node = todo.back();
    todo.pop_back();
    if (node->is_object()) {
      if (auto it = node->find("$ref"); it != node->end() && it->is_string()) {
        out.push_back(it->get<std::string>());
      }
    }
    if (node->is_structured()) {
      for (const Json &child : *node) {
        todo.push_back(&child);
      }
    }
  }
  return out;
}

/// The object schema of a definition: the definition itself, or the object among its `anyOf`.
const Json &object_of(const Json &definition) {
  if (definition.contains("anyOf")) {
    for (const Json &option : definition["anyOf"]) {
      if (option.value("type", "") == "object") {
        return option;
      }
    }
  }
  return definition;
}

void check_mapping(const Json &object, const MappingRule &m) {
  CAPTURE(m.name);
  CHECK(object["additionalProperties"] == false);
  const Json &properties = object["properties"];
  CHECK(properties.size() == m.keys.size() + 1);
  CHECK(properties.contains(std::string(kMergeKey)));
  std::vector<std::string> required;
  for (const KeyRule &k : m.keys) {
    CAPTURE(k.name);
    CHECK(properties.contains(std::string(k.name)));
    if (k.required) {
      required.emplace_back(k.name);
    }
  }
  if (required.empty()) {
    CHECK_FALSE(object.contains("required"));
  } else {
    CHECK(object["required"] == Json(required));
  }
}

} // namespace

TEST_CASE("schema: docs/journey.schema.json and docs/catalog.schema.json are the generated ones") {
  const std::string journey_doc = journey::test::read_source_file("docs/journey.schema.json");
  const std::string catalog_doc = journey::test::read_source_file("docs/catalog.schema.json");
  if (journey_doc != journey_schema_json()) {
    FAIL_CHECK("docs/journey.schema.json is out of date; regenerate it with\n"
               "  build/tools/journey schema > docs/journey.schema.json");
  }
  if (catalog_doc != catalog_schema_json()) {
    FAIL_CHECK("docs/catalog.schema.json is out of date; regenerate it with\n"
               "  build/tools/journey schema --catalog > docs/catalog.schema.json");
  }
}

TEST_CASE("schema: the same text every time, ending in a newline") {
  CHECK(journey_schema_json() == journey_schema_json());
  CHECK(catalog_schema_json() == catalog_schema_json());
  CHECK(journey_schema_json().ends_with("}\n"));
}

TEST_CASE("schema: every mapping of the journey and catalog tables, with every key") {
  const Json journey = Json::parse(journey_schema_json());
  const Json catalog = Json::parse(catalog_schema_json());
  CHECK(journey["$schema"] == "http://json-schema.org/draft-07/schema#");
  CHECK(catalog["$schema"] == journey["$schema"]);
  CHECK(journey["title"] == journey_rule().title);
  CHECK(catalog["title"] == catalog_rule().title);
  CHECK(journey["type"] == "object");
  CHECK(catalog["type"] == Json({"object", "null"}));
  check_mapping(journey, journey_rule());
  check_mapping(catalog, catalog_rule());
  const Json &defs = journey["definitions"];
  for (const MappingRule *m :
       {&channel_rule(), &team_rule(), &process_rule(), &step_rule(), &branch_rule()}) {
    REQUIRE(defs.contains(std::string(m->name)));
    check_mapping(object_of(defs[std::string(m->name)]), *m);
    CHECK(defs[std::string(m->name)]["description"] == m->description);
  }
  CHECK(defs["step"]["properties"]["actor"]["enum"] == Json(actor_names()));
  CHECK(defs["channel"]["properties"]["kind"]["enum"] == Json(channel_kind_names()));
  CHECK(defs["step"]["properties"]["emotion"]["minimum"] == -3);
}

TEST_CASE("schema: every reference resolves in the journey schema's definitions") {
  const Json journey = Json::parse(journey_schema_json());
  const Json catalog = Json::parse(catalog_schema_json());
  const Json &defs = journey["definitions"];
  for (const auto &[schema, prefix] :
       {std::pair{&journey, std::string("#/definitions/")},
        std::pair{&catalog, std::string("journey.schema.json#/definitions/")}}) {
    const std::vector<std::string> refs = refs_in(*schema);
    CHECK_FALSE(refs.empty());
    for (const std::string &ref : refs) {
      CAPTURE(ref);
      REQUIRE(ref.starts_with(prefix));
      CHECK(defs.contains(ref.substr(prefix.size())));
    }
  }
  CHECK_FALSE(catalog.contains("definitions"));
}
