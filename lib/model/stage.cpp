// Stages: lookups over the declared order.
#include "journey/model/stage.h"

namespace journey {

int find_stage(const std::vector<Stage> &stages, std::string_view name) {
  for (std::size_t i = 0; i < stages.size(); ++i) {
    if (stages[i].name == name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::vector<std::string_view> stage_names(const std::vector<Stage> &stages) {
  std::vector<std::string_view> names;
  names.reserve(stages.size());
  for (const Stage &s : stages) {
    names.push_back(s.name);
  }
  return names;
}

} // namespace journey
