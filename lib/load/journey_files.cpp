// Journey files: glob matching, the built-in excludes, and the top-level-key test.
#include "journey/load/journey_files.h"

#include "journey/model/text.h"

#include <algorithm>
#include <array>

namespace journey {

namespace {

constexpr std::array<std::string_view, 31> kBuiltinExcludes = {
    ".journeylint.yaml",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
    ".github",
    ".gitlab",
    ".gitlab-ci.yml",
    ".gitlab-ci.yaml",
    ".circleci",
    ".travis.yml",
    ".gitpod.yml",
    ".yamllint",
    ".yamllint.yaml",
    ".yamllint.yml",
    ".readthedocs.yaml",
    ".readthedocs.yml",
    ".codecov.yml",
    "codecov.yml",
    "azure-pipelines.yml",
    "bitbucket-pipelines.yml",
    "docker-compose*.yml",
    "docker-compose*.yaml",
    "compose.yml",
    "compose.yaml",
    "compose.*.yml",
    "compose.*.yaml",
    "mkdocs.yml",
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    "Chart.yaml",
    "environment.yml",
    "node_modules",
};

enum class Token { Literal, Any, Star, DoubleStar, DoubleStarSlash, Class };

struct Piece {
  Token token;
  std::string_view text; ///< the literal character, or the inside of `[...]`
};

std::vector<Piece> tokenize(std::string_view glob) {
  std::vector<Piece> out;
  for (std::size_t i = 0; i < glob.size(); ++i) {
    const char c = glob[i];
    if (c == '*') {
      if (i + 1 < glob.size() && glob[i + 1] == '*') {
        ++i;
        if (i + 1 < glob.size() && glob[i + 1] == '/') {
          ++i;
          out.push_back({Token::DoubleStarSlash, {}});
        } else {
          out.push_back({Token::DoubleStar, {}});
        }
      } else {
        out.push_back({Token::Star, {}});
      }
    } else if (c == '?') {
      out.push_back({Token::Any, {}});
    } else if (c == '[' && glob.find(']', i + 2) != std::string_view::npos) {
      const std::size_t close = glob.find(']', i + 2);
      out.push_back({Token::Class, glob.substr(i + 1, close - i - 1)});
      i = close;
    } else {
      out.push_back({Token::Literal, glob.substr(i, 1)});
    }
  }
  return out;
}

bool class_matches(std::string_view set, char c) {
  bool negate = false;
  if (!set.empty() && (set[0] == '!' || set[0] == '^')) {
    negate = true;
    set.remove_prefix(1);
  }
  bool found = false;
  for (std::size_t i = 0; i < set.size() && !found; ++i) {
    if (i + 2 < set.size() && set[i + 1] == '-') {
      found = set[i] <= c && c <= set[i + 2];
      i += 2;
    } else {
      found = set[i] == c;
    }
  }
  return found != negate && c != '/';
}

/// Matches the whole of `text`: the set of text positions reachable after each piece, one piece
/// at a time (no backtracking, no recursion): O(pieces x length).
bool match_whole(const std::vector<Piece> &pieces, std::string_view text) {
  const std::size_t n = text.size();
  std::vector<char> reach(n + 1, 0);
  std::vector<char> next(n + 1, 0);
  reach[0] = 1;
  for (const Piece &piece : pieces) {
    std::fill(next.begin(), next.end(), 0);
    bool active = false;
    for (std::size_t p = 0; p <= n; ++p) {
      switch (piece.token) {
      case Token::Literal:
        if (reach[p] && p < n && text[p] == piece.text[0]) {
          next[p + 1] = 1;
        }
        break;
      case Token::Any:
        if (reach[p] && p < n && text[p] != '/') {
          next[p + 1] = 1;
        }
        break;
      case Token::Class:
        if (reach[p] && p < n && class_matches(piece.text, text[p])) {
          next[p + 1] = 1;
        }
        break;
      case Token::Star:
        active = reach[p] || (active && text[p - 1] != '/');
        next[p] = active;
        break;
      case Token::DoubleStar:
        active = active || reach[p];
        next[p] = active;
        break;
      case Token::DoubleStarSlash:
        active = active || reach[p];
        next[p] = reach[p] || (active && p > 0 && text[p - 1] == '/');
        break;
      }
    }
    reach.swap(next);
  }
  return reach[n] != 0;
}

/// Matches a glob against a path or, for a glob without `/`, against each of its names; with
/// `folders`, also against each folder the path is in.
bool matches_path(std::string_view glob, std::string_view path, bool folders) {
  while (glob.size() > 1 && glob.back() == '/') {
    glob.remove_suffix(1);
  }
  const bool anchored = glob.find('/') != std::string_view::npos;
  if (!glob.empty() && glob.front() == '/') {
    glob.remove_prefix(1);
  }
  const std::vector<Piece> pieces = tokenize(glob);
  if (!anchored) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = path.find('/', start);
      const bool last = end == std::string_view::npos;
      if (last) {
        end = path.size();
      }
      if ((last || folders) && match_whole(pieces, path.substr(start, end - start))) {
        return true;
      }
      if (last) {
        break;
      }
      start = end + 1;
    }
    return false;
  }
  if (match_whole(pieces, path)) {
    return true;
  }
  for (std::size_t slash = path.find('/'); folders && slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (match_whole(pieces, path.substr(0, slash))) {
      return true;
    }
  }
  return false;
}

/// The key of a top-level `key: value` line, without quotes; empty when the line is not one.
std::string_view top_level_key(std::string_view line) {
  if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-') {
    return {};
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return {};
  }
  std::string_view key = trim(line.substr(0, colon), " \t");
  if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front()) {
    key = key.substr(1, key.size() - 2);
  }
  return key;
}

} // namespace

std::span<const std::string_view> builtin_excludes() {
  return kBuiltinExcludes;
}

bool glob_matches(std::string_view glob, std::string_view path) {
  return matches_path(glob, path, false);
}

std::optional<Exclusion> excluded_by(const LintConfig &config, std::string_view path) {
  for (std::string_view glob : kBuiltinExcludes) {
    if (matches_path(glob, path, true)) {
      return Exclusion{std::string(glob), true};
    }
  }
  for (const std::string &glob : config.exclude) {
    if (matches_path(glob, path, true)) {
      return Exclusion{glob, false};
    }
  }
  return std::nullopt;
}

bool is_excluded(const LintConfig &config, std::string_view path) {
  return excluded_by(config, path).has_value();
}

bool is_included(const LintConfig &config, std::string_view path) {
  if (config.include.empty()) {
    return path.ends_with(".yaml") || path.ends_with(".yml");
  }
  return std::any_of(config.include.begin(), config.include.end(),
                     [&](const std::string &g) { return matches_path(g, path, false); });
}

bool may_be_journey_file(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kKeys = {
      "journey", "title", "steps", "channels", "teams", "processes", "catalog"};
  std::size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    const std::string_view content = trim(line, " \t");
    if (content.empty() || content[0] == '#' || content[0] == '%' || content == "---" ||
        content.starts_with("--- ")) {
      continue;
    }
    if (first && content[0] == '{') {
      return true;
    }
    first = false;
    const std::string_view key = top_level_key(line);
    if (key == "scenario") {
      return false; // a scenario file (journey compare), which starts with its `scenario:` key
    }
    if (std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end()) {
      return true;
    }
  }
  return first; // nothing but comments: a journey still to be written
}

} // namespace journey
