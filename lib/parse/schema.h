// JSON Schema of the journey and catalog formats, written from the parser's key tables.
#pragma once

#include <string>

namespace journey {

/// The JSON Schema (draft-07) of a journey file: every key of `parse/keys.h` with its value rule
/// and help text, unknown keys refused. Indented JSON ending in a newline; the same every time.
/// `docs/journey.schema.json` is this text.
std::string journey_schema_json();

/// The JSON Schema of a shared catalog file. It refers to the definitions of
/// `journey.schema.json` in the same folder. `docs/catalog.schema.json` is this text.
std::string catalog_schema_json();

/// The JSON Schema of scenario files (`journey schema --scenario`), self-contained.
std::string scenario_schema_json();

} // namespace journey
