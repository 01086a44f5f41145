// Golden DOT of the bundled journeys: every view, compared byte for byte with tests/render/golden.
// After an intended change: JOURNEY_UPDATE_GOLDEN=1 test_render --test-case='golden*'.
#include "helpers.h"
#include "journey/load/workspace.h"
#include "journey/render/views.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace journey;

namespace {

const std::filesystem::path kSource = JOURNEY_SOURCE_DIR;

std::string read(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

} // namespace

TEST_CASE("golden DOT for the bundled journeys") {
  const bool update = std::getenv("JOURNEY_UPDATE_GOLDEN") != nullptr;
  Workspace workspace(std::nullopt, {});
  std::vector<Diagnostic> errors;
  std::vector<std::string> paths = workspace.expand({(kSource / "journeys").string()}, errors);
  REQUIRE(errors.empty());
  std::size_t journeys = 0;
  for (const std::string &path : paths) {
    LoadedFile file = workspace.load(path);
    if (file.is_catalog || !file.readable) {
      continue;
    }
    ++journeys;
    struct Variant {
      View view;
      Detail detail;
      std::string name;
    };
    for (const Variant &v : {Variant{View::OutsideIn, Detail::Processes, "outside-in"},
                             Variant{View::InsideOut, Detail::Processes, "inside-out"},
                             Variant{View::InsideOut, Detail::Steps, "inside-out-steps"},
                             Variant{View::Compare, Detail::Processes, "compare"}}) {
      ViewOptions options;
      options.detail = v.detail;
      std::string dot = build_view(file.journey, v.view, options).to_dot();
      std::filesystem::path golden =
          kSource / "tests/render/golden" / (file.journey.id + "." + v.name + ".dot");
      INFO(golden.string());
      if (update) {
        std::ofstream(golden, std::ios::binary) << dot;
      }
      CHECK(read(golden) == dot);
    }
  }
  CHECK(journeys >= 3);
}
