// Output formats: names and file extensions.
#include "journey/render/format.h"

#include "journey/model/text.h"

#include <string>

namespace journey {

std::string_view to_string(Format format) { return name_of(kFormatNames, format); }

std::optional<Format> parse_format(std::string_view text) {
  return value_of(kFormatNames, ascii_lower(text));
}

std::optional<Format> format_from_path(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) {
    return std::nullopt;
  }
  return parse_format(base.substr(dot + 1));
}

} // namespace journey
