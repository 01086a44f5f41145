// Reader: typed access to YamlTree nodes with diagnostics for wrong types and unknown keys.
#include "journey/parse/reader.h"

#include "journey/model/duration.h"
#include "journey/model/suggest.h"
#include "journey/model/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace journey::detail {

using yaml::Kind;
using yaml::Node;
using yaml::NodeId;

void Reader::report(std::string_view rule, std::string message, Location where, Severity severity) {
  out_.push_back(Diagnostic{severity, std::string(rule), std::move(message), std::string(filename_), where});
}

std::string_view Reader::describe(const Node &n) {
  switch (n.kind) {
  case Kind::Null:
    return "empty";
  case Kind::Scalar:
    return "text";
  case Kind::Sequence:
    return "a list";
  case Kind::Map:
    return "a mapping";
  case Kind::Alias:
    return "an alias";
  }
  return "?";
}

void Reader::wrong_type(NodeId id, std::string_view field, std::string_view expected) {
  report("invalid-value", fmt::format("`{}` must be {}, not {}", field, expected, describe(node(id))),
         location(id));
}

void Reader::for_each_entry(
    NodeId map, const MappingRule &rule, std::string_view what,
    const std::function<void(const std::string &, const Node &, NodeId)> &on_entry) {
  const std::vector<std::string_view> &allowed = rule.key_names;
  const Node &m = node(map);
  // Merge keys (`<<: *defaults`) supply entries the mapping does not set itself.
  std::vector<NodeId> merged_maps;
  std::vector<std::string_view> own_keys;
  for (std::size_t i = 0; i + 1 < m.children.size(); i += 2) {
    const Node &k = node(m.children[i]);
    if (k.kind == Kind::Scalar && k.plain && k.value == kMergeKey) {
      const Node &v = node(m.children[i + 1]);
      if (v.kind == Kind::Map) {
        merged_maps.push_back(m.children[i + 1]);
      } else if (v.kind == Kind::Sequence) {
        for (NodeId item : v.children) {
          if (node(item).kind == Kind::Map) {
            merged_maps.push_back(item);
          } else {
            wrong_type(item, "<<", "a mapping (usually an alias such as `*defaults`)");
          }
        }
      } else {
        wrong_type(m.children[i + 1], "<<", "a mapping (usually an alias such as `*defaults`)");
      }
    } else if (k.kind == Kind::Scalar) {
      own_keys.push_back(k.value);
    }
  }
  auto visit = [&](const Node &owner, bool from_merge) {
    for (std::size_t i = 0; i + 1 < owner.children.size(); i += 2) {
      const Node &k = node(owner.children[i]);
      if (k.kind != Kind::Scalar) {
        if (!from_merge) {
          report("invalid-value", fmt::format("keys of {} must be text, not {}", what, describe(k)),
                 k.location);
        }
        continue;
      }
      if (k.plain && k.value == kMergeKey) {
        continue;
      }
      if (from_merge) {
        // The mapping's own keys win, then earlier merged mappings over later ones.
        if (std::find(own_keys.begin(), own_keys.end(), k.value) != own_keys.end()) {
          continue;
        }
        own_keys.push_back(k.value);
      }
      bool known = std::find(allowed.begin(), allowed.end(), k.value) != allowed.end();
      if (!known && !from_merge && k.no_colon && i >= 2) {
        // `{name: Pick, pack and dispatch}`: an unquoted comma split the value of the key before.
        if (!node(owner.children[i - 2]).no_colon) {
          report_split_value(owner, i - 2);
        }
        continue;
      }
      if (!known) {
        if (!from_merge) {
          report("unknown-key",
                 fmt::format("unknown key `{}` in {}{}", k.value, what, did_you_mean(k.value, allowed)),
                 k.location);
        }
        continue;
      }
      on_entry(k.value, k, owner.children[i + 1]);
    }
  };
  visit(m, false);
  for (NodeId merged : merged_maps) {
    visit(node(merged), true);
  }
}

void Reader::report_split_value(const Node &map, std::size_t key_index) {
  const Node &key = node(map.children[key_index]);
  const Node &value = node(map.children[key_index + 1]);
  std::string whole = value.kind == Kind::Scalar ? value.value : std::string();
  std::size_t i = key_index + 2;
  for (; i + 1 < map.children.size() && node(map.children[i]).no_colon; i += 2) {
    whole += (whole.empty() ? "" : ", ") + node(map.children[i]).value;
  }
  const Node &split = node(map.children[key_index + 2]);
  report("yaml-syntax",
         fmt::format("`{}` is read as a key of its own because of the comma before it: inside "
                     "`{{ }}` a comma separates keys; to keep `{}` as one value, put the name in "
                     "quotes: `{}: \"{}\"`",
                     split.value, whole, key.value, whole),
         split.location);
}

void Reader::for_each_id(NodeId map,
                         const std::function<void(const std::string &, const Node &, NodeId)> &on_entry) {
  const Node &m = node(map);
  for (std::size_t i = 0; i + 1 < m.children.size(); i += 2) {
    const Node &k = node(m.children[i]);
    if (k.kind != Kind::Scalar || k.value.empty()) {
      report("invalid-value", fmt::format("an id must be text, not {}", describe(k)), k.location);
      continue;
    }
    on_entry(k.value, k, m.children[i + 1]);
  }
}

std::optional<std::string> Reader::text(NodeId id, std::string_view field) {
  const Node &n = node(id);
  if (n.kind == Kind::Scalar) {
    return n.value;
  }
  if (n.kind != Kind::Null) {
    wrong_type(id, field, "text");
  }
  return std::nullopt;
}

std::optional<std::string> Reader::label(NodeId id, std::string_view field) {
  std::optional<std::string> out = text(id, field);
  if (out && !out->empty() && is_blank_text(*out)) {
    report("blank-text",
           fmt::format("`{}` shows nothing: it holds only spaces, tabs or invisible characters; "
                       "write the words people should read, or remove the line",
                       field),
           location(id));
  }
  return out;
}

namespace {
std::optional<double> parse_double(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
  }
  if (s.empty()) {
    return std::nullopt;
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}
} // namespace

std::optional<double> Reader::number(NodeId id, std::string_view field, bool percent) {
  const Node &n = node(id);
  if (n.kind == Kind::Null) {
    return std::nullopt;
  }
  if (n.kind != Kind::Scalar) {
    wrong_type(id, field, "a number");
    return std::nullopt;
  }
  std::string_view s = n.value;
  double scale = 1;
  if (percent && !s.empty() && s.back() == '%') {
    s.remove_suffix(1);
    scale = 0.01;
  }
  const std::optional<double> value = parse_double(s);
  if (!value) {
    report("invalid-value", fmt::format("`{}` must be a number, not `{}`", field, n.value), n.location);
    return std::nullopt;
  }
  if (*value < 0) {
    report("invalid-value", fmt::format("`{}` must not be negative", field), n.location);
    return std::nullopt;
  }
  if (*value * scale > kLargestAmount) {
    report("invalid-value",
           fmt::format("`{}` is too large: `{}`; the largest accepted is 1000000000000 (10^12)",
                       field, n.value),
           n.location);
    return std::nullopt;
  }
  return *value * scale;
}

std::optional<double> Reader::signed_number(NodeId id, std::string_view field) {
  const Node &n = node(id);
  if (n.kind == Kind::Null) {
    return std::nullopt;
  }
  if (n.kind != Kind::Scalar) {
    wrong_type(id, field, "a number");
    return std::nullopt;
  }
  std::string_view s = trim(n.value);
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) {
    s.remove_prefix(1);
  }
  const std::optional<double> value =
      negative && s.starts_with('+') ? std::nullopt : parse_double(s);
  if (!value || *value > kLargestAmount) {
    report("invalid-value", fmt::format("`{}` must be a number, not `{}`", field, n.value),
           n.location);
    return std::nullopt;
  }
  return negative ? -*value : *value;
}

std::optional<long long> Reader::integer(NodeId id, std::string_view field) {
  const Node &n = node(id);
  if (n.kind == Kind::Null) {
    return std::nullopt;
  }
  if (n.kind != Kind::Scalar) {
    wrong_type(id, field, "a whole number");
    return std::nullopt;
  }
  std::string_view s = n.value;
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
  }
  long long value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
    report("invalid-value", fmt::format("`{}` must be a whole number, not `{}`", field, n.value),
           n.location);
    return std::nullopt;
  }
  return value;
}

std::optional<double> Reader::duration(NodeId id, std::string_view field) {
  const Node &n = node(id);
  if (n.kind == Kind::Null) {
    return std::nullopt;
  }
  if (n.kind != Kind::Scalar) {
    wrong_type(id, field, "a duration such as `2h` or `3d`");
    return std::nullopt;
  }
  const Expected<Seconds> value = parse_duration(n.value);
  if (!value) {
    report("invalid-value", fmt::format("`{}`: bad duration `{}`: {}", field, n.value, value.error()),
           n.location);
    return std::nullopt;
  }
  return *value;
}

std::optional<Spread> Reader::spread(NodeId id, std::string_view field) {
  const Node &n = node(id);
  if (n.kind == Kind::Scalar && is_range_text(n.value)) {
    const Expected<Spread> range = parse_range(n.value);
    if (!range) {
      report("invalid-value", fmt::format("`{}`: bad range `{}`: {}", field, n.value, range.error()),
             n.location);
      return std::nullopt;
    }
    return *range;
  }
  if (n.kind == Kind::Sequence) {
    wrong_type(id, field, "a duration such as `3d`, a range such as `2d-7d`, or `{typical: 2d, p90: 7d}`");
    return std::nullopt;
  }
  if (n.kind != Kind::Map) {
    const std::optional<double> value = duration(id, field);
    return value ? std::optional<Spread>(fixed_spread(*value)) : std::nullopt;
  }
  std::optional<double> typical;
  std::optional<double> p90;
  Location p90_location = n.location;
  bool bad = false;
  for_each_entry(id, tail_rule(), fmt::format("`{}`", field),
                 [&](const std::string &k, const Node &, NodeId v) {
                   std::optional<double> &slot = k == "typical" ? typical : p90;
                   slot = duration(v, k);
                   bad = bad || (!slot && !is_null(node(v)));
                   if (k == "p90") {
                     p90_location = location(v);
                   }
                 });
  if (bad) {
    return std::nullopt;
  }
  if (!typical || !p90) {
    report("missing-field",
           fmt::format("`{}` needs both `typical` (half of the customers take less) and `p90` "
                       "(90% take less), e.g. `{{typical: 2d, p90: 7d}}`; no `{}` given",
                       field, typical ? "p90" : "typical"),
           n.location);
    return std::nullopt;
  }
  const Expected<Spread> tail = tail_spread(*typical, *p90);
  if (!tail) {
    report("invalid-value", fmt::format("`{}`: {}", field, tail.error()), p90_location);
    return std::nullopt;
  }
  return *tail;
}

std::vector<std::string> Reader::text_list(NodeId id, std::string_view field) {
  std::vector<std::string> out;
  const Node &n = node(id);
  if (n.kind == Kind::Sequence) {
    for (NodeId item : n.children) {
      if (auto t = text(item, field)) {
        out.push_back(std::move(*t));
      }
    }
  } else if (auto t = text(id, field)) {
    out.push_back(std::move(*t));
  }
  return out;
}

} // namespace journey::detail
