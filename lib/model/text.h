// Text helpers shared by every output: counted nouns, ids, numbers, lists, CSV fields and UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// `n` and the noun that agrees with it: `1 step`, `2 steps`.
std::string plural(std::size_t n, std::string_view one, std::string_view many);
/// The same for a number already written out: `1 handoff`, `2.4 handoffs`.
std::string plural(std::string_view number, std::string_view one, std::string_view many);

/// ASCII letters, digits, `_`, `-` and `.`: the characters of a plain id.
bool is_id_char(char c);
/// A non-empty id of `is_id_char` characters only: safe as it is in a DOT name or a file name.
bool is_plain_id(std::string_view id);
/// A non-empty id of lower-case letters, digits, `-`, `_` and `.`, like `open-bank-account`.
bool is_slug(std::string_view id);

/// From this magnitude on, numbers are written in short scientific form (`1.5e+15`).
inline constexpr double kLargestPlainNumber = 1e15;

/// `x` with at most `decimals` decimals, trailing zeros dropped and `-0` written `0`:
/// `format_decimal(2.50, 2)` is `2.5`, `format_decimal(72.96, 1)` is `73`. Output is bounded
/// (at most 17 decimals; from kLargestPlainNumber on, three significant digits: `1e+300`).
std::string format_decimal(double x, int decimals);
/// A probability as a percentage with at most `decimals` decimals: `75%`, `33.3%`.
std::string format_percent(double p, int decimals);
/// Rounds away solver noise (9 significant digits) so JSON shows 2.4, not 2.4000000000000004.
double tidy_number(double value);

/// `text` without the leading and trailing characters that are in `chars` (by default spaces).
std::string_view trim(std::string_view text, std::string_view chars = " ");
/// `text` with ASCII letters in lower case; other bytes unchanged.
std::string ascii_lower(std::string_view text);

/// The items joined by `separator`.
std::string join(const std::vector<std::string> &items, std::string_view separator);
/// `a, b and c`; past `most` items the rest are counted: `a, b, c and 2 more`.
std::string and_list(const std::vector<std::string> &items, std::size_t most);

/// One RFC 4180 field of text: quoted, with `"` doubled, when it holds a comma, a quote, CR or
/// LF. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
/// gets a leading `'` and quotes (OWASP's advice). Numbers are not text: write them as they are.
std::string csv_field(std::string_view text);

/// Decodes the code point at byte `i`: returns its length in bytes, or 0 when the bytes there
/// are not valid UTF-8 (a stray or missing continuation byte, an overlong form, a surrogate,
/// above U+10FFFF).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t &cp);
/// Appends `cp` encoded as UTF-8.
void append_utf8(std::string &out, char32_t cp);
/// The number of code points in valid UTF-8 text.
std::size_t code_points(std::string_view text);

/// True when text shows nothing: every code point is white space (spaces, tabs, line ends,
/// U+0085, U+00A0, U+2000-U+200A, U+3000 ...), a control character, or an invisible format
/// character (zero-width spaces and joiners, bidi controls, U+FEFF). Empty text is blank.
bool is_blank_text(std::string_view text);

/// Valid UTF-8: invalid bytes become U+FFFD, `\r\n` and `\r` become `\n`, control characters
/// other than `\n` and `\t` are dropped.
std::string valid_utf8(std::string_view text);
/// Valid UTF-8 without control characters, for labels: as `valid_utf8`, and tabs become spaces,
/// C1 control characters and the non-characters U+FFFE and U+FFFF are dropped.
std::string clean_text(std::string_view text);

} // namespace journey
