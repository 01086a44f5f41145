// Expected<T>: the result of a helper that can fail, holding the reason when it does.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace journey {

/// A value, or the reason there is none: a message for people, written to follow a colon
/// (`cannot read x.yaml: <reason>`). Helpers that can only fail one way, such as a lookup by
/// name, return `std::optional` instead.
template <typename T> using Expected = std::expected<T, std::string>;

/// The failed `Expected` of any type: `return failure("unknown unit");`.
inline std::unexpected<std::string> failure(std::string reason) {
  return std::unexpected<std::string>(std::move(reason));
}

} // namespace journey
