// Reader: typed access to YamlTree nodes that turns every type mistake into a diagnostic.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/journey.h"
#include "journey/model/spread.h"
#include "journey/parse/keys.h"
#include "journey/parse/yaml_tree.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey::detail {

/// Reads values out of a YAML tree for one file, collecting diagnostics.
class Reader {
public:
  Reader(const yaml::Tree &tree, std::string_view filename, std::vector<Diagnostic> &out)
      : tree_(tree), filename_(filename), out_(out) {}

  const yaml::Node &node(yaml::NodeId id) const { return tree_.deref(id); }
  static bool is_null(const yaml::Node &n) { return n.kind == yaml::Kind::Null; }

  /// Calls `on_entry(key, key_node, value_id)` for each entry of a mapping whose key is one of
  /// `rule`'s keys, in order, following `<<` merge keys; reports unknown keys (with a suggestion)
  /// and non-text keys. `what` names the mapping in messages ("step", "channel `web`").
  void for_each_entry(
      yaml::NodeId map, const MappingRule &rule, std::string_view what,
      const std::function<void(const std::string &, const yaml::Node &, yaml::NodeId)> &on_entry);

  /// Calls `on_entry(key, key_node, value_id)` for every entry of a mapping keyed by ids.
  void for_each_id(yaml::NodeId map,
                   const std::function<void(const std::string &, const yaml::Node &, yaml::NodeId)> &on_entry);

  /// Items of a sequence (aliases followed for the sequence itself).
  const std::vector<yaml::NodeId> &items(yaml::NodeId seq) const { return node(seq).children; }

  /// Text of a scalar; nullopt (and a diagnostic) for a list or mapping; nullopt for null.
  std::optional<std::string> text(yaml::NodeId id, std::string_view field);
  /// Text shown to people (a title, a name): as `text`, and text that shows nothing (only
  /// spaces, tabs or invisible characters) is reported as `blank-text`.
  std::optional<std::string> label(yaml::NodeId id, std::string_view field);
  /// A number from 0 to 10^12; also accepts `40%` when `percent` is true (as 0.4).
  std::optional<double> number(yaml::NodeId id, std::string_view field, bool percent = false);
  /// A number, negative too (a score whose scale lint checks).
  std::optional<double> signed_number(yaml::NodeId id, std::string_view field);
  /// A whole number.
  std::optional<long long> integer(yaml::NodeId id, std::string_view field);
  /// A duration such as `2h` or `P1D`.
  std::optional<double> duration(yaml::NodeId id, std::string_view field);
  /// A duration that may vary: a duration, a range `2d-7d` or `{typical: 2d, p90: 7d}`; a bad
  /// range or tail is reported at the value (a `p90` below `typical` at the `p90`).
  std::optional<Spread> spread(yaml::NodeId id, std::string_view field);
  /// A scalar or a list of scalars, as a list of texts.
  std::vector<std::string> text_list(yaml::NodeId id, std::string_view field);

  /// Reports a rule violation at a node.
  void report(std::string_view rule, std::string message, Location where,
              Severity severity = Severity::Error);
  /// Reports a wrong type: "`field` must be T, not a list".
  void wrong_type(yaml::NodeId id, std::string_view field, std::string_view expected);
  /// "a list", "a mapping", "text", "empty".
  static std::string_view describe(const yaml::Node &n);

  Location location(yaml::NodeId id) const { return tree_.nodes[id].location; }
  std::string_view filename() const { return filename_; }

private:
  /// Reports `{name: Pick, pack and dispatch}`: the unquoted comma after the value of the key at
  /// `key_index` split it, and the rest became keys without `:`.
  void report_split_value(const yaml::Node &map, std::size_t key_index);

  const yaml::Tree &tree_;
  std::string_view filename_;
  std::vector<Diagnostic> &out_;
};

/// Reads one step mapping as an entry of a journey's `steps` (parse.cpp), for scenario files.
void read_step_node(const yaml::Tree &tree, yaml::NodeId id, std::string_view filename,
                    std::vector<Diagnostic> &out, std::vector<Step> &steps);
/// Reads a step's `next` value as the journey parser does (parse.cpp), for scenario files.
void read_next_node(const yaml::Tree &tree, yaml::NodeId id, std::string_view filename,
                    std::vector<Diagnostic> &out, Step &step);

} // namespace journey::detail
