// Suggestions for misspelt names: "did you mean `channel`?".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo, else empty.
/// Ties go to the earliest candidate, so results are deterministic.
std::string closest_match(std::string_view word, const std::vector<std::string_view> &candidates);

/// " (did you mean `x`?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view> &candidates);

} // namespace journey
