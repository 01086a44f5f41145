// Output formats: names and file extensions.
#include "render/format.h"

#include "model/text.h"

#include <string>

namespace journey {

std::string_view to_string(Format format) {
  switch (format) {
  case Format::Dot:
    return "dot";
  case Format::Svg:
    return "svg";
  case Format::Png:
    return "png";
  case Format::Pdf:
    return "pdf";
  }
  return "dot";
}

std::optional<Format> parse_format(std::string_view text) {
  const std::string lower = ascii_lower(text);
  if (lower == "dot" || lower == "gv") {
    return Format::Dot;
  }
  if (lower == "svg") {
    return Format::Svg;
  }
  if (lower == "png") {
    return Format::Png;
  }
  if (lower == "pdf") {
    return Format::Pdf;
  }
  return std::nullopt;
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
