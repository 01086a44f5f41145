// The lint runner: rules, severities and inline suppressions.
#include "journey/lint/lint.h"

#include "journey/lint/rule.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace journey {
namespace {

constexpr std::string_view kMarker = "journey-lint:";

/// Rule ids disabled on each line (1-based) by a `# journey-lint: disable=a,b` comment.
std::unordered_map<std::uint32_t, std::vector<std::string>> suppressions(std::string_view text) {
  std::unordered_map<std::uint32_t, std::vector<std::string>> out;
  std::uint32_t line = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view l = text.substr(pos, end - pos);
    std::size_t hash = l.find('#');
    std::size_t marker = hash == std::string_view::npos ? hash : l.find(kMarker, hash);
    if (marker != std::string_view::npos) {
      std::string_view rest = l.substr(marker + kMarker.size());
      while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
      }
      if (rest.substr(0, 8) == "disable=") {
        rest.remove_prefix(8);
        std::size_t stop = rest.find_first_of(" \t\r#");
        rest = rest.substr(0, stop);
        std::size_t p = 0;
        while (p <= rest.size()) {
          std::size_t comma = rest.find(',', p);
          std::string_view id =
              rest.substr(p, comma == std::string_view::npos ? std::string_view::npos : comma - p);
          if (!id.empty()) {
            out[line].emplace_back(id);
          }
          if (comma == std::string_view::npos) {
            break;
          }
          p = comma + 1;
        }
      }
    }
    pos = end + 1;
    ++line;
  }
  return out;
}

/// `all` silences every rule but `yaml-syntax`, and none of the errors that say why a file could
/// not be read as a journey (`readable` false): a file nothing could be read of is hidden only by
/// naming its rule, so a blanket comment never turns an unreadable file into a clean one.
bool disabled(const std::unordered_map<std::uint32_t, std::vector<std::string>> &map,
              std::uint32_t line, const Diagnostic &d, bool readable) {
  auto it = map.find(line);
  if (it == map.end()) {
    return false;
  }
  const bool blanket = d.rule != "yaml-syntax" && (readable || d.severity != Severity::Error);
  return std::any_of(it->second.begin(), it->second.end(), [&](const std::string &id) {
    return id == d.rule || (id == "all" && blanket);
  });
}

} // namespace

void apply_severities(std::vector<Diagnostic> &diagnostics, const LintConfig &config) {
  for (Diagnostic &d : diagnostics) {
    if (auto it = config.rules.find(d.rule); it != config.rules.end()) {
      d.severity = it->second;
    } else if (const Rule *rule = find_rule(d.rule)) {
      d.severity = rule->default_severity;
    }
  }
  std::erase_if(diagnostics, [](const Diagnostic &d) { return d.severity == Severity::Off; });
}

void apply_suppressions(std::vector<Diagnostic> &diagnostics, std::string_view text,
                        bool readable) {
  if (text.find(kMarker) == std::string_view::npos) {
    return;
  }
  const auto map = suppressions(text);
  std::erase_if(diagnostics, [&](const Diagnostic &d) {
    const std::uint32_t line = d.location.line;
    return line != 0 && (disabled(map, line, d, readable) ||
                         (line > 1 && disabled(map, line - 1, d, readable)));
  });
}

std::vector<Diagnostic> lint(const Journey &journey, std::vector<Diagnostic> parse_diagnostics,
                             bool readable, std::string_view text, const LintConfig &config) {
  std::vector<Diagnostic> out = std::move(parse_diagnostics);
  if (readable) {
    const JourneyGraph graph(journey);
    RuleContext context{config, graph, config.today ? *config.today : today()};
    Reporter reporter(journey, out);
    for (const Rule &rule : all_rules()) {
      if (rule.check == nullptr) {
        continue;
      }
      if (auto it = config.rules.find(std::string(rule.id));
          it != config.rules.end() && it->second == Severity::Off) {
        continue;
      }
      rule.check(journey, context, reporter);
    }
  }
  apply_severities(out, config);
  // Comments in the journey's text silence findings in it, not in its survey sidecar.
  const auto here = std::stable_partition(out.begin(), out.end(), [&](const Diagnostic &d) {
    return d.file.empty() || d.file == journey.file;
  });
  std::vector<Diagnostic> elsewhere(std::make_move_iterator(here), std::make_move_iterator(out.end()));
  out.erase(here, out.end());
  apply_suppressions(out, text, readable);
  out.insert(out.end(), std::make_move_iterator(elsewhere.begin()),
             std::make_move_iterator(elsewhere.end()));
  sort_diagnostics(out);
  return out;
}

} // namespace journey
