// Indentation: says in words which line is indented differently from the lines it belongs with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace journey::yaml {

/// When line `line` (1-based) of `text` is indented so that it lines up with nothing above it,
/// goes deeper under a key that already has a value, or sits among `- ` list items without a
/// `- `, a message that names the line, the lines it should line up with, what the key above
/// expects, and the indentation to use. Nullopt when the line's indentation fits.
std::optional<std::string> explain_indentation(std::string_view text, std::uint32_t line);

/// When line `line` holds a second `: ` inside a value (`title: Apply: online`), a message that
/// says to put the value in quotes. Nullopt otherwise.
std::optional<std::string> explain_colon_in_value(std::string_view text, std::uint32_t line);

} // namespace journey::yaml
