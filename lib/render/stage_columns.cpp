// Stage columns: declared stages, then undeclared ones by first use, then `(no stage)`.
#include "journey/render/stage_columns.h"

#include "journey/analysis/stages.h"

#include <unordered_map>

namespace journey {

std::vector<int> stage_columns(const JourneyGraph &graph, std::vector<std::string> &columns) {
  const Journey &journey = graph.journey();
  std::vector<int> column(graph.size(), -1);
  if (!has_stages(journey)) {
    return column;
  }
  std::unordered_map<std::string_view, int> index;
  for (const Stage &stage : journey.stages) {
    index.emplace(stage.name, static_cast<int>(columns.size()));
    columns.push_back(stage.name);
  }
  bool unstaged = false;
  for (std::size_t s = 0; s < graph.size(); ++s) {
    if (!graph.reachable()[s]) {
      continue;
    }
    const std::string &name = graph.step(s).stage;
    if (name.empty()) {
      unstaged = true;
      continue;
    }
    auto [it, added] = index.emplace(name, static_cast<int>(columns.size()));
    if (added) {
      columns.push_back(name);
    }
    column[s] = it->second;
  }
  if (unstaged) {
    const int none = static_cast<int>(columns.size());
    columns.emplace_back(kNoStage);
    for (std::size_t s = 0; s < graph.size(); ++s) {
      if (graph.reachable()[s] && graph.step(s).stage.empty()) {
        column[s] = none;
      }
    }
  }
  return column;
}

} // namespace journey
