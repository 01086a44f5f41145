// Name tables: one {name, value} array per enum, read by its `to_string`, its parser and the CLI.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// One spelling of an enum value. A table lists the canonical name of each value first; later
/// entries for the same value are aliases.
template <typename E> struct Named {
  std::string_view name;
  E value;
};

/// The canonical name of `value` in `table` (its first entry), or "" when it has none.
template <typename E, std::size_t N>
constexpr std::string_view name_of(const Named<E> (&table)[N], E value) {
  for (const Named<E> &entry : table) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  return {};
}

/// The value `name` spells in `table` (exact match), or nullopt.
template <typename E, std::size_t N>
constexpr std::optional<E> value_of(const Named<E> (&table)[N], std::string_view name) {
  for (const Named<E> &entry : table) {
    if (entry.name == name) {
      return entry.value;
    }
  }
  return std::nullopt;
}

/// Every name in `table`, aliases included, in table order (what a command line may accept).
template <typename E, std::size_t N> std::vector<std::string> names_of(const Named<E> (&table)[N]) {
  std::vector<std::string> names;
  for (const Named<E> &entry : table) {
    names.emplace_back(entry.name);
  }
  return names;
}

} // namespace journey
