// The journey format as data: the keys of every mapping the parser reads and what their values may
// be.
#pragma once

#include <string_view>
#include <vector>

namespace journey {

/// What the value of a key may be. The parser enforces it; `journey schema` writes it down,
/// a little stricter where YAML and JSON differ (a number where text is expected, an empty
/// NonEmptyText that is not required).
enum class ValueRule {
  Text,           ///< any text
  NonEmptyText,   ///< text that should not be empty
  Slug,           ///< lower-case letters, digits, `-`, `_` and `.`
  Id,             ///< text or a whole number, not empty
  TextList,       ///< a text or a list of texts
  Duration,       ///< `45s`, `1h30m`, `3d`, `P1DT2H`, `0` (`parse_duration`)
  Hours,          ///< `24/7` or `Mon-Fri 08:00-20:00; Sat 09:00-13:00` (`parse_hours`)
  Number,         ///< a number, not negative
  Probability,    ///< a number from 0 to 1, or a percentage `0%`..`100%`
  WholeNumber,    ///< a whole number from `minimum` to `maximum`
  Choice,         ///< one of `choices`
  End,            ///< one of `choices`, or true (the first choice), false or empty (not an end)
  Next,           ///< a step id, a `mapping` (a branch), or a list of them
  Mapping,        ///< a `mapping`
  MappingsById,   ///< a mapping of ids, not empty, to `mapping`s
  ListOf,         ///< a list, not empty, of `mapping`s
  SeveritiesById, ///< a mapping of ids to one of `choices`
  Flag,           ///< true or false, or a text that stands for true and says why
  Rate,           ///< a number per day, week, month or year: `12000/month` (`parse_rate_per_month`)
  Wait,           ///< a Spread, or `queue` (computed from the channel's staff)
  ServiceLevel,   ///< a share answered within a time: `80% in 20s`
  Spread,         ///< a Duration, a range `2d-7d`, or `{typical: 2d, p90: 7d}` (`tail_rule`)
  Score,          ///< any number, negative too (its scale is checked by lint)
  Date,           ///< a calendar date `2025-03-31` (`parse_date`)

  BranchShares, ///< step id -> (target step id -> Probability): a persona's branch shares

  Arrivals, ///< a mapping of Hours to a Probability (`Mon-Fri 09:00-17:00: 70%`)
};

struct MappingRule;

/// One key of a mapping: its name, the rule for its value and its help text.
struct KeyRule {
  std::string_view name;
  ValueRule value = ValueRule::Text;
  /// Help for editors; empty when the value rule's own description says it all.
  std::string_view description;
  /// The parser reports `missing-field` without it.
  bool required = false;
  /// The mapping of a Next, Mapping, MappingsById or ListOf value.
  const MappingRule *mapping = nullptr;
  /// The allowed texts of a Choice, End or SeveritiesById value.
  std::vector<std::string_view> choices;
  /// The range of a WholeNumber value.
  long long minimum = 0;
  long long maximum = 0;
};

/// A kind of mapping. Keys are in the order the documentation lists them; "did you mean"
/// prefers earlier keys on ties. Every mapping also takes YAML's merge key `<<`.
struct MappingRule {
  /// The name of its definition in the JSON Schema (`step`, `channel`).
  std::string_view name;
  /// Title of a whole document (journey, catalog); empty for nested mappings.
  std::string_view title;
  std::string_view description;
  std::vector<KeyRule> keys;
  /// A bare text stands for the `name` key, and an empty value is allowed (teams, processes).
  bool name_shorthand = false;
  /// An empty document is allowed (catalogs).
  bool may_be_empty = false;
  /// The names of `keys`, in order.
  std::vector<std::string_view> key_names;

  /// The key named `key`, or nullptr.
  const KeyRule *find(std::string_view key) const;
};

/// Builders of key tables: a key with its value rule and help text; the same key required, or
/// with the mapping its value takes; a mapping of keys (its `key_names` filled in).
KeyRule key(std::string_view name, ValueRule value, std::string_view description = {});
KeyRule required(KeyRule k);
KeyRule of(KeyRule k, const MappingRule &mapping);
MappingRule mapping(std::string_view name, std::string_view description, std::vector<KeyRule> keys);

/// The top level of a journey file.
const MappingRule &journey_rule();
/// The top level of a shared catalog file.
const MappingRule &catalog_rule();
const MappingRule &channel_rule();
const MappingRule &team_rule();
const MappingRule &process_rule();
const MappingRule &step_rule();
/// One branch of a step's `next`: `{to, p, label}`.
const MappingRule &branch_rule();
/// The top level of a `.journeylint.yaml`.
const MappingRule &config_rule();
const MappingRule &budgets_rule();
/// One entry of a configuration's `journeys`.
const MappingRule &journey_config_rule();
/// The typical-and-tail form of a Spread value: `{typical: 2d, p90: 7d}`.
const MappingRule &tail_rule();
/// One survey result: `{date, nps, ces, csat, sample, step}`.
const MappingRule &survey_rule();
/// The top level of a survey sidecar file (`<journey file name>.surveys.yaml`).
const MappingRule &surveys_file_rule();

/// A persona of a catalog: `{name, description}`.
const MappingRule &persona_rule();
/// A persona walking a journey: `{name, description, branches}`.
const MappingRule &persona_walk_rule();
/// Every mapping above, journey file first.
const std::vector<const MappingRule *> &all_mapping_rules();

/// The merge key every mapping takes, and its help text.
inline constexpr std::string_view kMergeKey = "<<";
std::string_view merge_key_description();

/// Help text of a value rule with a syntax of its own (Slug, Duration, Hours, TextList,
/// Probability, Spread); empty for the others, whose keys describe them.
std::string_view describe(ValueRule rule);
/// Examples of values of a rule with a syntax of its own; empty for the others.
const std::vector<std::string_view> &examples(ValueRule rule);

} // namespace journey
