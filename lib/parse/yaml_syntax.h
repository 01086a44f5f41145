// YAML syntax checks on the raw text: the parts of YAML 1.2 that yaml-cpp 0.7 reads wrongly.
#pragma once

#include "journey/model/diagnostic.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey::yaml {

/// What a scan of the text found before yaml-cpp reads it.
struct SyntaxCheck {
  /// The first mistake yaml-cpp would let through (an invalid escape in double quotes, a `#`
  /// glued to a value, an empty or `-` entry in brackets, a continuation line that is not
  /// indented, a directive without `---`), as a `yaml-syntax` message and position.
  std::optional<std::string> message;
  Location location;
  /// Byte offsets of tabs on lines that hold only blanks or a comment. YAML allows them;
  /// yaml-cpp refuses them as indentation, so they are read as spaces.
  std::vector<std::size_t> blank_tabs;
};

/// Scans `text` line by line, without recursion, in linear time.
SyntaxCheck check_syntax(std::string_view text);

} // namespace journey::yaml
