// Suggestions for misspelt names, by optimal-string-alignment edit distance.
#include "journey/model/suggest.h"

#include <algorithm>
#include <cctype>

namespace journey {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) {
    prev[j] = j;
  }
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
          lower(a[i - 2]) == lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

std::string closest_match(std::string_view word, const std::vector<std::string_view> &candidates) {
  if (word.size() > 200) {
    return {};
  }
  std::size_t best = std::string_view::npos;
  std::string_view best_word;
  for (std::string_view c : candidates) {
    if (c.size() > 200) {
      continue;
    }
    std::size_t d = edit_distance(word, c);
    if (d < best) {
      best = d;
      best_word = c;
    }
  }
  std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), best_word.size()) / 3);
  if (best == std::string_view::npos || best > std::min<std::size_t>(limit, 3) ||
      best_word == word) {
    return {};
  }
  return std::string(best_word);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view> &candidates) {
  std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean `" + match + "`?)";
}

} // namespace journey
