// Config parser: rule severities and budgets, with the same diagnostics as journey files.
#include "journey/parse/config.h"

#include "journey/model/suggest.h"
#include "journey/parse/keys.h"
#include "journey/parse/reader.h"
#include "journey/parse/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>

namespace journey {

using detail::Reader;
using yaml::Kind;
using yaml::Node;
using yaml::NodeId;

namespace {

void read_budgets(Reader &r, NodeId id, Budgets &b) {
  b.location = r.location(id);
  if (r.node(id).kind != Kind::Map) {
    if (!Reader::is_null(r.node(id))) {
      r.wrong_type(id, "budgets", "a mapping such as `{lead_time: 7d, handoffs: 3}`");
    }
    return;
  }
  r.for_each_entry(id, budgets_rule(), "`budgets`", [&](const std::string &k, const Node &, NodeId v) {
    if (k == "lead_time") {
      b.lead_time = r.duration(v, k);
    } else if (k == "wait_time") {
      b.wait_time = r.duration(v, k);
    } else if (k == "handoffs") {
      b.handoffs = r.number(v, k);
    } else if (k == "channel_switches") {
      b.channel_switches = r.number(v, k);
    } else if (k == "cost") {
      b.cost = r.number(v, k);
    } else if (k == "right_first_time") {
      b.right_first_time = r.number(v, k, true);
      if (b.right_first_time && *b.right_first_time > 1) {
        r.report("invalid-value", "`right_first_time` is a minimum probability between 0 and 1 (or 0% and 100%)",
                 r.location(v));
        b.right_first_time.reset();
      }
    }
  });
}

void read_globs(Reader &r, NodeId id, const std::string &field, std::vector<std::string> &out) {
  for (std::string &glob : r.text_list(id, field)) {
    if (glob.empty()) {
      r.report("invalid-value", fmt::format("`{}`: a glob cannot be empty", field), r.location(id));
      continue;
    }
    out.push_back(std::move(glob));
  }
}

} // namespace

ConfigResult parse_config(std::string_view text, std::string_view filename,
                          const std::vector<std::string_view> &rule_ids) {
  ConfigResult result;
  result.config.file = std::string(filename);
  yaml::Tree tree = yaml::parse_tree(text, filename, result.diagnostics);
  if (tree.root != yaml::kNoNode && tree.deref(tree.root).kind != Kind::Null) {
    Reader r(tree, filename, result.diagnostics);
    if (tree.deref(tree.root).kind != Kind::Map) {
      r.wrong_type(tree.root, "the configuration", "a mapping with `rules`, `budgets` or `journeys`");
    } else {
      r.for_each_entry(tree.root, config_rule(), "the configuration",
                       [&](const std::string &k, const Node &, NodeId v) {
        if (k == "budgets") {
          read_budgets(r, v, result.config.budgets);
          return;
        }
        if (k == "include" || k == "exclude") {
          read_globs(r, v, k, k == "include" ? result.config.include : result.config.exclude);
          return;
        }
        if (r.node(v).kind != Kind::Map) {
          if (!Reader::is_null(r.node(v))) {
            r.wrong_type(v, k, "a mapping");
          }
          return;
        }
        r.for_each_id(v, [&](const std::string &id, const Node &key, NodeId value) {
          if (k == "journeys") {
            Budgets b;
            if (r.node(value).kind == Kind::Map) {
              r.for_each_entry(value, journey_config_rule(), fmt::format("journey `{}`", id),
                               [&](const std::string &, const Node &, NodeId bv) { read_budgets(r, bv, b); });
            } else if (!Reader::is_null(r.node(value))) {
              r.wrong_type(value, fmt::format("journey `{}`", id), "a mapping with `budgets`");
            }
            result.config.journeys[id] = b;
            return;
          }
          if (std::find(rule_ids.begin(), rule_ids.end(), id) == rule_ids.end()) {
            r.report("config", fmt::format("unknown rule `{}`{}", id, did_you_mean(id, rule_ids)),
                     key.location);
            return;
          }
          const auto level = r.text(value, id);
          const std::optional<Severity> s = level ? parse_severity(*level) : std::nullopt;
          if (!s) {
            r.report("config",
                     fmt::format("rule `{}`: severity must be off, info, warning or error", id),
                     r.location(value));
            return;
          }
          result.config.rules[id] = *s;
        });
      });
    }
  }
  for (Diagnostic &d : result.diagnostics) {
    d.severity = Severity::Error;
    d.rule = "config";
  }
  return result;
}

} // namespace journey
