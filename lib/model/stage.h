// Stages: the phases of a journey as the customer lives it (Discover, Apply, Wait, Use, Get help).
#pragma once

#include "journey/model/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// One stage of the declared order (`stages: [Discover, Apply, ...]`).
struct Stage {
  std::string name;
  Location location;          ///< position of the name in the list
  bool from_catalog = false;  ///< declared in a shared catalog, not in this file
};

/// The position of `name` in `stages`, or -1 when no stage has that name.
int find_stage(const std::vector<Stage> &stages, std::string_view name);

/// The stage names, in order (for "did you mean" and messages).
std::vector<std::string_view> stage_names(const std::vector<Stage> &stages);

} // namespace journey
