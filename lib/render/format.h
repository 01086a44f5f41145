// Output formats: the file types a diagram can be written as, by name or by file extension.
#pragma once

#include "journey/model/names.h"

#include <optional>
#include <string_view>

namespace journey {

/// A diagram's file type: DOT text (before layout), or laid out as SVG, PNG or PDF.
enum class Format { Dot, Svg, Png, Pdf };

/// The names of the formats, also their file extensions; `gv` is another name for DOT.
inline constexpr Named<Format> kFormatNames[] = {
    {"dot", Format::Dot}, {"svg", Format::Svg}, {"png", Format::Png}, {"pdf", Format::Pdf},
    {"gv", Format::Dot}};

/// `dot`, `svg`, `png`, `pdf`; also the file extension.
std::string_view to_string(Format format);
/// Parses a name of `kFormatNames`, case-insensitively; nullopt when unknown.
std::optional<Format> parse_format(std::string_view text);
/// The format a path's extension names (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`); nullopt otherwise.
std::optional<Format> format_from_path(std::string_view path);

} // namespace journey
