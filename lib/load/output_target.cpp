// Output targets: reading `-o`, creating the folder, naming one file per journey.
#include "journey/load/output_target.h"

#include "journey/model/text.h"

#include <filesystem>
#include <system_error>

namespace journey {

namespace fs = std::filesystem;

OutputTarget output_target(const std::string &output) {
  if (output.empty() || output == "-") {
    return {};
  }
  std::error_code ec;
  const bool folder = output.back() == '/' || fs::is_directory(output, ec);
  return {folder ? OutputTarget::Kind::Directory : OutputTarget::Kind::File, output};
}

Expected<void> create_output_directory(const OutputTarget &target) {
  std::error_code ec;
  if (target.kind == OutputTarget::Kind::Directory) {
    fs::create_directories(target.path, ec);
  }
  if (ec) {
    return failure(ec.message());
  }
  return {};
}

std::string journey_output_path(const OutputTarget &target, std::string_view journey_id,
                                std::string_view suffix) {
  std::string stem = journey_id.empty() ? "journey" : std::string(journey_id);
  for (char &c : stem) {
    c = is_id_char(c) ? c : '_';
  }
  if (stem.front() == '.') {
    stem.insert(0, "_");
  }
  return (fs::path(target.path) / (stem + "." + std::string(suffix))).string();
}

} // namespace journey
