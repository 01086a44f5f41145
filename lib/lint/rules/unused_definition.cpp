// Rule unused-definition: a channel, team or process of this file that no step uses.
#include "journey/lint/rules/rules.h"

#include <fmt/format.h>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace journey::rules {
namespace {

/// Reports each definition not flagged in `used`, skipping catalog entries and repeated ids
/// (a repeated key is a `duplicate-key` finding already).
template <typename T>
void report_unused(const std::vector<T> &items, const Flags &used, std::string_view what,
                   std::string_view hint, Reporter &out) {
  std::unordered_set<std::string_view> ids;
  ids.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const T &item = items[i];
    if (!ids.insert(item.id).second || used[i] || item.from_catalog) {
      continue;
    }
    out.report("unused-definition",
               fmt::format("{} `{}` is defined but {}: use it, or remove it if the journey no "
                           "longer needs it",
                           what, item.id, hint),
               item.location);
  }
}

void mark(Flags &used, Index i) {
  if (valid_index(i, used.size())) {
    used[i] = 1;
  }
}

} // namespace

void check_unused_definition(const Journey &journey, const RuleContext &, Reporter &out) {
  Flags channels(journey.channels.size(), 0);
  Flags teams(journey.teams.size(), 0);
  Flags processes(journey.processes.size(), 0);
  for (const Step &step : journey.steps) {
    mark(channels, step.channel_index);
    mark(teams, step.team_index);
    mark(processes, step.process_index);
  }
  for (std::size_t p = 0; p < journey.processes.size(); ++p) {
    if (processes[p]) {
      mark(teams, journey.processes[p].team_index);
    }
  }
  report_unused(journey.channels, channels, "channel", "no step has it as its `channel`", out);
  report_unused(journey.teams, teams, "team",
                "no step names it as its `team`, and no process a step runs belongs to it", out);
  report_unused(journey.processes, processes, "process", "no step names it as its `process`", out);
}

} // namespace journey::rules
