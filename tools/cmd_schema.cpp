// `journey schema`: the JSON Schema of the journey format (or of catalogs), for editors.
#include "command.h"
#include "common.h"
#include "journey/parse/schema.h"

namespace journey::tools {
namespace {

struct SchemaOptions {
  bool catalog = false;
  bool scenario = false;
  std::string output;
};

int run_schema(const SchemaOptions &options) {
  const std::string schema = options.scenario  ? scenario_schema_json()
                             : options.catalog ? catalog_schema_json()
                                               : journey_schema_json();
  return write_output(options.output, schema) ? kExitOk : kExitUsage;
}

std::function<int()> setup_schema(CLI::App &app) {
  auto options = std::make_shared<SchemaOptions>();
  CLI::App *cmd = app.add_subcommand(
      "schema", "Print the JSON Schema of journey files (or of shared catalogs), for editors");
  cmd->add_flag("--catalog", options->catalog, "The schema of shared catalog files instead");
  cmd->add_flag("--scenario", options->scenario,
                "The schema of scenario files (journey compare) instead");
  cmd->add_option("-o,--output", options->output, "Write the schema to FILE instead of stdout")
      ->type_name("FILE");
  cmd->footer("The schema is written from the parser's own tables of keys and value rules, so\n"
              "editors check the keys and values `journey lint` checks (references,\n"
              "reachability and probabilities remain lint's job).\n"
              "The catalog schema refers to journey.schema.json in the same folder.\n"
              "docs/journey.schema.json and docs/catalog.schema.json are its output:\n"
              "  journey schema > docs/journey.schema.json\n"
              "  journey schema --catalog > docs/catalog.schema.json\n"
              "  journey schema --scenario > docs/scenario.schema.json\n"
              "Exit codes: 0 ok, 2 usage errors or an unwritable FILE.");
  return [options] { return run_schema(*options); };
}

const RegisterCommand kRegister{80, setup_schema};

} // namespace
} // namespace journey::tools
