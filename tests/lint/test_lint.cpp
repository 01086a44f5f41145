// Lint rule tests: each rule's fixture, the registry's completeness, and the path rules on large,
// nested and broken journeys.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "journey/lint/lint.h"
#include "journey/lint/rule.h"
#include "journey/load/workspace.h"
#include "journey/model/config.h"
#include "journey/parse/config.h"
#include "journey/parse/parse.h"
#include "journey/parse/surveys.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using namespace journey;

namespace {

std::string read_text(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every rule with a check over `journey`, without severities or suppressions.
std::vector<Diagnostic> run_rules(const Journey &journey) {
  const LintConfig config;
  const JourneyGraph graph(journey);
  const RuleContext context{config, graph};
  std::vector<Diagnostic> out;
  Reporter reporter(journey, out);
  for (const Rule &rule : all_rules()) {
    if (rule.check != nullptr) {
      rule.check(journey, context, reporter);
    }
  }
  return out;
}

/// Only the findings of one rule.
std::vector<Diagnostic> run_rule(const Journey &journey, std::string_view id) {
  const LintConfig config;
  const JourneyGraph graph(journey);
  const RuleContext context{config, graph};
  std::vector<Diagnostic> out;
  Reporter reporter(journey, out);
  const Rule *rule = find_rule(id);
  REQUIRE(rule != nullptr);
  const bool has_check = rule->check != nullptr;
  REQUIRE(has_check);
  rule->check(journey, context, reporter);
  return out;
}

std::vector<std::string_view> rule_ids() {
  std::vector<std::string_view> ids;
  for (const Rule &rule : all_rules()) {
    ids.push_back(rule.id);
  }
  return ids;
}

/// What `journey lint` reports for a fixture: parser and rules through the runner, with inline
/// suppressions, and with `<fixture>.journeylint.yaml` as the configuration when there is one
/// (rules that need settings, such as budgets).
std::vector<Diagnostic> lint_fixture(const fs::path &path, const std::string &text) {
  LintConfig config;
  fs::path config_path = path;
  config_path.replace_extension(".journeylint.yaml");
  if (fs::is_regular_file(config_path)) {
    ConfigResult parsed = parse_config(read_text(config_path), config_path.string(), rule_ids());
    for (const Diagnostic &d : parsed.diagnostics) {
      FAIL_CHECK(config_path, ":", d.location.line, ": ", d.message);
    }
    config = std::move(parsed.config);
  }
  config.today = *parse_date("2026-01-15"); // survey-date: never the clock
  // Through the workspace loader, as `journey lint` does, so `catalog:` is resolved.
  Workspace workspace(std::nullopt, rule_ids());
  LoadedFile file = workspace.load(path.string());
  REQUIRE(file.text == text);
  return lint(file.journey, std::move(file.diagnostics), file.readable, text, config);
}

/// The parser's findings followed by every rule's.
std::vector<Diagnostic> lint_text(std::string_view text, std::string_view name) {
  ParseResult parsed = parse(text, name);
  std::vector<Diagnostic> found = std::move(parsed.diagnostics);
  std::vector<Diagnostic> rules = run_rules(parsed.journey);
  found.insert(found.end(), rules.begin(), rules.end());
  return found;
}

using Expectation = std::pair<std::uint32_t, std::string>; // line, rule id

/// `# expect: a, b` at the end of a line expects findings of rules a and b on that line.
std::set<Expectation> expectations(const std::string &text) {
  std::set<Expectation> out;
  std::istringstream lines(text);
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const std::size_t at = line.find("# expect:");
    if (at == std::string::npos) {
      continue;
    }
    std::istringstream ids(line.substr(at + 9));
    std::string id;
    while (std::getline(ids, id, ',')) {
      id.erase(0, id.find_first_not_of(" \t\r"));
      id.erase(id.find_last_not_of(" \t\r") + 1);
      if (!id.empty()) {
        out.emplace(number, id);
      }
    }
  }
  return out;
}

bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != id.npos) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::vector<fs::path> files_in(const fs::path &dir, std::string_view extension) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) {
    return out;
  }
  for (const auto &entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// A generated journey: steps `s0`.. with `id_location` line = index + 1, and with `channels`
/// `web` (digital) and `phone` (assisted). Call `resolve()` after adding `next`s.
Journey generated(std::size_t steps, bool channels = false) {
  Journey j;
  j.file = "generated.yaml";
  j.id = "generated";
  j.title = "Generated";
  j.owner = "Tests";
  j.intent = "Scale";
  j.location = {1, 1};
  if (channels) {
    auto channel = [](std::string id, std::string name, ChannelKind kind, Location where) {
      Channel c;
      c.id = std::move(id);
      c.name = std::move(name);
      c.kind = kind;
      c.location = where;
      return c;
    };
    j.channels.push_back(channel("web", "Website", ChannelKind::Digital, {1, 1}));
    j.channels.push_back(channel("phone", "Phone", ChannelKind::Assisted, {2, 1}));
  }
  j.steps.resize(steps);
  for (std::size_t i = 0; i < steps; ++i) {
    Step &s = j.steps[i];
    s.id = fmt::format("s{}", i);
    s.name = s.id;
    s.id_location = {static_cast<std::uint32_t>(i + 1), 7};
    s.location = s.id_location;
  }
  return j;
}

void link(Journey &j, std::size_t from, std::size_t to) {
  Transition t;
  t.to = j.steps[to].id;
  t.location = {j.steps[from].id_location.line, 20};
  j.steps[from].next.push_back(t);
}

std::size_t count_rule(const std::vector<Diagnostic> &found, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(
      found.begin(), found.end(), [&](const Diagnostic &d) { return d.rule == rule; }));
}

} // namespace

TEST_CASE("registry: rule ids are unique and kebab-case, and every rule has a fixture and a doc") {
  std::set<std::string_view> ids;
  REQUIRE_FALSE(all_rules().empty());
  for (const Rule &rule : all_rules()) {
    CAPTURE(rule.id);
    CHECK_MESSAGE(is_kebab_case(rule.id), "rule id `", rule.id, "` is not kebab-case");
    CHECK_MESSAGE(ids.insert(rule.id).second, "rule id `", rule.id, "` is registered twice");
    CHECK_MESSAGE(!rule.summary.empty(), "rule `", rule.id, "` has no summary");
    CHECK(find_rule(rule.id) == &rule);
    const fs::path fixture = fs::path(JOURNEY_LINT_FIXTURES) / fmt::format("{}.yaml", rule.id);
    CHECK_MESSAGE(fs::is_regular_file(fixture), "rule `", rule.id, "` has no fixture ", fixture);
    const fs::path doc = fs::path(JOURNEY_RULE_DOCS) / fmt::format("{}.md", rule.id);
    CHECK_MESSAGE(fs::is_regular_file(doc), "rule `", rule.id, "` has no doc page ", doc);
    if (fs::is_regular_file(doc)) {
      const std::string text = read_text(doc);
      CHECK_MESSAGE(text.find(fmt::format("`{}`", rule.id)) != std::string::npos, doc,
                    " does not name the rule id");
      CHECK_MESSAGE(text.find("journey-lint: disable=") != std::string::npos, doc,
                    " does not say how to suppress the rule");
    }
  }
  CHECK(find_rule("no-such-rule") == nullptr);
  for (const fs::path &fixture : files_in(JOURNEY_LINT_FIXTURES, ".yaml")) {
    if (fixture.stem().extension() == ".journeylint" || fixture.stem().extension() == ".surveys") {
      continue;
    }
    CHECK_MESSAGE(find_rule(fixture.stem().string()) != nullptr, "fixture ", fixture,
                  " is named after no registered rule");
  }
  for (const fs::path &doc : files_in(JOURNEY_RULE_DOCS, ".md")) {
    if (doc.stem() != "README" && doc.stem() != "index") {
      CHECK_MESSAGE(find_rule(doc.stem().string()) != nullptr, "doc page ", doc,
                    " is named after no registered rule");
    }
  }
}

TEST_CASE("fixtures: each rule fires exactly on the lines its fixture expects, and nothing else") {
  std::vector<fs::path> fixtures = files_in(JOURNEY_LINT_FIXTURES, ".yaml");
  std::erase_if(fixtures, [](const fs::path &p) {
    return p.stem().extension() == ".journeylint" || p.stem().extension() == ".surveys";
  });
  REQUIRE(fixtures.size() >= all_rules().size());
  for (const fs::path &path : fixtures) {
    const std::string text = read_text(path);
    // Expectations in the fixture and in its survey sidecar, each in its own file.
    std::map<std::string, std::set<Expectation>> expected;
    expected[path.string()] = expectations(text);
    const fs::path sidecar = surveys_sidecar_path(path.string());
    if (fs::is_regular_file(sidecar)) {
      expected[sidecar.string()] = expectations(read_text(sidecar));
    }
    CHECK_MESSAGE(std::any_of(expected.begin(), expected.end(),
                              [&](const auto &file) {
                                return std::any_of(file.second.begin(), file.second.end(),
                                                   [&](const Expectation &e) {
                                                     return e.second == path.stem().string();
                                                   });
                              }),
                  path.filename().string(), " expects no finding of its own rule `",
                  path.stem().string(), "`");
    std::map<std::string, std::map<Expectation, std::string>> found;
    for (const Diagnostic &d : lint_fixture(path, text)) {
      found[d.file].emplace(Expectation{d.location.line, d.rule}, d.message);
    }
    for (const auto &[file, findings] : found) {
      const std::string name = fs::path(file).filename().string();
      for (const auto &[where, message] : findings) {
        CHECK_MESSAGE(expected[file].count(where) == 1, name, ":", where.first,
                      ": unexpected finding [", where.second, "] ", message);
      }
    }
    for (const auto &[file, expectations] : expected) {
      const std::string name = fs::path(file).filename().string();
      for (const Expectation &where : expectations) {
        CHECK_MESSAGE(found[file].count(where) == 1, name, ":", where.first,
                      ": expected a finding [", where.second, "] that was not reported");
      }
    }
  }
}

TEST_CASE("no-way-out and rework-loop: 100,000 steps ending in one big trap give one finding") {
  constexpr std::size_t n = 100'000;
  Journey j = generated(n + 1); // the extra last step is the only end
  j.steps[n].end = EndKind::Success;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    link(j, i, i + 1);
  }
  link(j, n - 1, n / 2); // the second half loops with no way out
  link(j, 0, n);         // only the entry can still finish
  j.resolve();
  const std::vector<Diagnostic> traps = run_rule(j, "no-way-out");
  REQUIRE(traps.size() == 1);
  CHECK(traps[0].location.line == n / 2 + 1);
  CHECK(
      traps[0].message.find("`s50000`, `s50001`, `s50002`, …, `s99998`, `s99999` (50000 steps)") !=
      std::string::npos);
  CHECK(run_rule(j, "rework-loop").empty()); // a trap is not rework the customer gets out of
  CHECK(run_rules(j).size() == 1);
}

TEST_CASE("rework-loop: a loop over 100,000 steps is one finding naming its ends") {
  constexpr std::size_t n = 100'000;
  Journey j = generated(n + 1);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    link(j, i, i + 1);
  }
  link(j, n - 1, 0);
  link(j, n - 1, n);
  j.steps[n].end = EndKind::Success;
  j.resolve();
  const std::vector<Diagnostic> found = run_rules(j);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "rework-loop");
  CHECK(found[0].location.line == n);
  CHECK(found[0].message.find("`s0` → `s1` → `s2` → … → `s99998` → `s99999` (100000 steps)") !=
        std::string::npos);
}

TEST_CASE("rework-loop: 100,000 loops back to the entry, one finding each, in linear time") {
  constexpr std::size_t n = 100'000;
  Journey j = generated(n);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    link(j, i, i + 1);
    if (i > 0) {
      link(j, i, 0); // each message names a path as long as i: it must not be copied
    }
  }
  j.steps[n - 1].end = EndKind::Success;
  j.resolve();
  const std::vector<Diagnostic> found = run_rule(j, "rework-loop");
  REQUIRE(found.size() == n - 2);
  CHECK(found[0].message.find("repeat `s0` → `s1` (not right first time)") != std::string::npos);
  CHECK(found.back().message.find("`s99997` → `s99998` (99999 steps)") != std::string::npos);
}

TEST_CASE("channel-bounce: 100,000 steps with loops are checked in linear time, one finding per "
          "bounced step") {
  constexpr std::size_t n = 100'000;
  Journey j = generated(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 3 != 2) {
      j.steps[i].channel = i % 3 == 0 ? "web" : "phone";
    }
    if (i + 1 < n) {
      link(j, i, i + 1);
    }
    if (i % 10 == 9) {
      link(j, i, i - 5); // loops back: many paths, each state still visited once
    }
  }
  j.steps[n - 1].end = EndKind::Success;
  j.resolve();
  const std::vector<Diagnostic> found = run_rule(j, "channel-bounce");
  // Web at every third step after a phone call: every web step but the entry is a bounce.
  CHECK(found.size() == (n - 1) / 3);
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].location.line == 4);
  CHECK(found[0].message.find("after step `s1` (Phone), the customer is sent back to Website at "
                              "step `s3`") != std::string::npos);
  CHECK(std::is_sorted(found.begin(), found.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return a.location.line < b.location.line;
  }));
}

TEST_CASE("channel-bounce: only a digital step after digital then assisted is a bounce") {
  Journey j = generated(6, true);
  // s0 phone -> s1 web -> s2 (no channel) -> s3 phone -> s4 backstage web -> s5 web
  const char *channels[] = {"phone", "web", "", "phone", "web", "web"};
  for (std::size_t i = 0; i < 6; ++i) {
    j.steps[i].channel = channels[i];
    if (i + 1 < 6) {
      link(j, i, i + 1);
    }
  }
  j.steps[4].actor = Actor::Backstage;
  j.steps[5].end = EndKind::Success;
  j.resolve();
  const std::vector<Diagnostic> found = run_rule(j, "channel-bounce");
  REQUIRE(found.size() == 1);
  CHECK(found[0].location.line == 6);
  CHECK(found[0].message.find("after step `s3` (Phone)") != std::string::npos);
}

TEST_CASE("rework-loop: nested loops give one finding per loop, at the step that goes back") {
  const std::string text = R"(journey: nested
title: I want a loan
intent: Borrow
owner: Tests
steps:
  - id: fill-in
    name: Fills in the form
    next: submit
  - id: submit
    name: Submits
    next: check
  - id: check
    name: Is checked
    next:
      - to: submit
      - to: review
  - id: review
    name: Is reviewed
    next:
      - to: fill-in
      - to: review
      - to: done
  - id: done
    name: Done
    end: success
)";
  const std::vector<Diagnostic> found = lint_text(text, "nested.yaml");
  REQUIRE(found.size() == 3);
  for (const Diagnostic &d : found) {
    CHECK(d.rule == "rework-loop");
  }
  CHECK(found[0].location.line == 15);
  CHECK(found[0].message.find("step `check` sends the customer back to step `submit`, so they "
                              "repeat `submit` → `check`") != std::string::npos);
  CHECK(found[1].location.line == 20);
  CHECK(found[1].message.find("repeat `fill-in` → `submit` → `check` → `review`") !=
        std::string::npos);
  CHECK(found[2].location.line == 21);
  CHECK(found[2].message.find("step `review` sends the customer back to itself") !=
        std::string::npos);
}

TEST_CASE("unknown-reference: suggests the closest id, and nothing when none is close") {
  const std::string text = R"(journey: refs
title: I want a loan
intent: Borrow
owner: Tests
channels:
  email: {name: Email, kind: digital}
teams:
  lending: Lending
processes:
  credit-check: {name: Credit check, team: lendin}
steps:
  - id: apply
    name: Applies
    channel: emial
    next: [reveiw, zzzzzz]
  - id: review
    name: Is reviewed
    process: credit-chekc
    team: xyz
    end: success
)";
  std::vector<Diagnostic> found = run_rule(parse(text, "refs.yaml").journey, "unknown-reference");
  std::vector<std::pair<std::uint32_t, std::string>> got;
  for (const Diagnostic &d : found) {
    got.emplace_back(d.location.line, d.message);
  }
  REQUIRE(got.size() == 6);
  CHECK(got[0].first == 10);
  CHECK(got[0].second.find("team `lendin`, which is not defined under `teams` (did you mean "
                           "`lending`?)") != std::string::npos);
  CHECK(got[1].first == 14);
  CHECK(got[1].second.find("(did you mean `email`?)") != std::string::npos);
  CHECK(got[2].first == 15);
  CHECK(got[2].second.find("`reveiw`, but no step has that id (did you mean `review`?)") !=
        std::string::npos);
  CHECK(got[3].first == 15);
  CHECK(got[3].second.find("`zzzzzz`, but no step has that id: fix") != std::string::npos);
  CHECK(got[4].first == 18);
  CHECK(got[4].second.find("(did you mean `credit-check`?)") != std::string::npos);
  CHECK(got[5].first == 19);
  CHECK(got[5].second.find("team `xyz`, which is not defined under `teams`: fix") !=
        std::string::npos);
}

TEST_CASE("rules survive broken journeys: unresolved indices, empty ids, duplicates, no steps") {
  Journey empty;
  CHECK(run_rules(empty).empty()); // nothing was read: no findings, no crash

  Journey j = generated(4, true);
  j.steps[1].id.clear();
  j.steps[2].id = "s0";
  j.steps[0].next.push_back(Transition{"", {}, "", {}, npos});
  j.steps[0].next.push_back(Transition{"s3", 0.5, "", {}, 99}); // out-of-range index
  j.steps[3].channel = "web";
  j.steps[3].channel_index = 42;
  j.steps[3].team = "t";
  j.steps[3].team_index = -7;
  j.steps[3].process = "p";
  const std::vector<Diagnostic> found = run_rules(j);
  CHECK(count_rule(found, "duplicate-id") == 1);
  CHECK(count_rule(found, "unknown-reference") == 5);
  CHECK(count_rule(found, "unreachable-step") == 1); // s3; not the step without id nor the copy
  CHECK(count_rule(found, "dead-end") == 3);
  CHECK(count_rule(found, "probability-sum") == 0); // a branch without p takes the rest
}

TEST_CASE("probability-sum and dead-end messages say what to do") {
  const std::string text = R"(journey: msgs
title: I want a loan
intent: Borrow
owner: Tests
steps:
  - id: apply
    name: Applies
    next:
      - {to: a, p: 0.3}
      - {to: b, p: 0.3}
  - id: a
    name: A
  - id: b
    name: B
    end: success
)";
  const std::vector<Diagnostic> found = lint_text(text, "msgs.yaml");
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "dead-end");
  CHECK(found[0].message ==
        "step `a` has no `next` and no `end`, so the customer is left waiting there: add "
        "`next: <step>` or `end: success|abandon|failure`");
  CHECK(found[1].rule == "probability-sum");
  CHECK(found[1].message.find("add up to 0.6 (60%) and every branch has a `p`, so 40% of "
                              "customers go nowhere") != std::string::npos);
}

TEST_CASE("bundled: every journey in journeys/ lints clean at warning and error severity") {
  Workspace workspace(std::nullopt, rule_ids());
  std::vector<Diagnostic> errors;
  const std::vector<std::string> paths = workspace.expand({JOURNEY_BUNDLED_JOURNEYS}, errors);
  CHECK(errors.empty());
  std::size_t journeys = 0;
  for (const std::string &path : paths) {
    LoadedFile file = workspace.load(path);
    CHECK_MESSAGE(!file.io_error, path, " could not be read");
    if (file.is_catalog) {
      continue;
    }
    ++journeys;
    const LintConfig *config = workspace.config_for(path, errors);
    REQUIRE_MESSAGE(config != nullptr, "bad configuration for ", path);
    for (const Diagnostic &d :
         lint(file.journey, std::move(file.diagnostics), file.readable, file.text, *config)) {
      CHECK_MESSAGE(d.severity < Severity::Warning, d.file, ":", d.location.line, ":",
                    d.location.column, ": ", to_string(d.severity), ": ", d.message, " [", d.rule,
                    "]");
    }
  }
  CHECK(journeys >= 3);
}

TEST_CASE("suppressions: a comment silences the rules it names on its line and the next") {
  const std::string text = "steps:\n"
                           "  - id: a  # journey-lint: disable=dead-end,rework-loop\n"
                           "  - id: b\n"
                           "  - id: c  # journey-lint: disable=all\n"
                           "\xe9t\xe9  # journey-lint: disable=all\n"
                           "\xe9t\xe9  # journey-lint: disable=yaml-syntax\n";
  const auto at = [](std::uint32_t line, std::string rule) {
    Diagnostic d;
    d.rule = std::move(rule);
    d.message = "m";
    d.location.line = line;
    return d;
  };
  std::vector<Diagnostic> found = {at(2, "dead-end"),     at(3, "rework-loop"),
                                   at(3, "unknown-key"),  at(4, "missing-owner"),
                                   at(5, "yaml-syntax"),  at(6, "yaml-syntax"),
                                   at(1, "missing-field")};
  apply_suppressions(found, text);
  std::vector<std::pair<std::uint32_t, std::string>> left;
  for (const Diagnostic &d : found) {
    left.emplace_back(d.location.line, d.rule);
  }
  // `all` covers every rule but yaml-syntax: an unreadable file stays an error unless the
  // comment names that rule.
  const std::vector<std::pair<std::uint32_t, std::string>> expected = {
      {3, "unknown-key"}, {5, "yaml-syntax"}, {1, "missing-field"}};
  CHECK(left == expected);
}

TEST_CASE("suppressions: disable=all does not hide why a file is not a journey at all") {
  // Found by fuzz_lint: a file that is one line of text and a blanket comment linted clean.
  const std::string text = "0.5?\t\t- # journey-lint: disable=all";
  auto parsed = journey::parse(text, "text.yaml");
  REQUIRE_FALSE(parsed.readable);
  const auto found =
      lint(parsed.journey, std::move(parsed.diagnostics), parsed.readable, text, LintConfig{});
  CHECK(has_errors(found));
  // Naming the rule still silences it, as for yaml-syntax.
  const std::string named = "0.5?\t\t- # journey-lint: disable=invalid-value";
  auto again = journey::parse(named, "text.yaml");
  CHECK_FALSE(has_errors(
      lint(again.journey, std::move(again.diagnostics), again.readable, named, LintConfig{})));
}
