// Rule unknown-reference: a `next`, `channel`, `process` or `team` that names nothing defined.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/suggest.h"

#include <algorithm>
#include <fmt/format.h>
#include <string_view>
#include <vector>

namespace journey::rules {
namespace {

/// "Did you mean" suggestions with a bound on the total work, so a huge journey full of typos
/// stays near-linear: once the budget of comparisons is spent, findings carry no suggestion.
class Suggester {
public:
  template <typename T> explicit Suggester(const std::vector<T> &items) {
    ids_.reserve(items.size());
    for (const T &item : items) {
      if (!item.id.empty()) {
        ids_.push_back(item.id);
      }
    }
  }

  std::string operator()(std::string_view word, std::size_t &budget) const {
    if (ids_.size() > budget) {
      return {};
    }
    budget -= ids_.size();
    return did_you_mean(word, ids_);
  }

private:
  std::vector<std::string_view> ids_;
};

} // namespace

void check_unknown_reference(const Journey &journey, const RuleContext &, Reporter &report_to) {
  std::vector<Diagnostic> found; // sorted into file order before reporting
  Reporter out(journey, found);
  std::size_t budget = 2'000'000;
  const Suggester steps(journey.steps);
  const Suggester channels(journey.channels);
  const Suggester teams(journey.teams);
  const Suggester processes(journey.processes);
  for (const Process &process : journey.processes) {
    if (!process.team.empty() && !valid_index(process.team_index, journey.teams.size())) {
      out.report("unknown-reference",
                 fmt::format("process `{}` belongs to team `{}`, which is not defined under "
                             "`teams`{}: fix the id or add the team",
                             process.id, process.team, teams(process.team, budget)),
                 either(process.team_location, process.location));
    }
  }
  for (const Step &step : journey.steps) {
    const Location fallback = either(step.id_location, step.location);
    for (const Transition &t : step.next) {
      if (valid_index(t.target, journey.steps.size())) {
        continue;
      }
      if (t.to.empty()) {
        out.report("unknown-reference",
                   fmt::format("{} has an empty `next`: write the id of the step that follows",
                               step_name(step)),
                   either(t.location, fallback));
        continue;
      }
      out.report("unknown-reference",
                 fmt::format("{} goes `next` to `{}`, but no step has that id{}: fix the id or add "
                             "the step",
                             step_name(step), t.to, steps(t.to, budget)),
                 either(t.location, fallback));
    }
    if (!step.channel.empty() && !valid_index(step.channel_index, journey.channels.size())) {
      out.report("unknown-reference",
                 fmt::format("{} uses channel `{}`, which is not defined under `channels`{}: fix "
                             "the id or add the channel",
                             step_name(step), step.channel, channels(step.channel, budget)),
                 either(step.channel_location, fallback));
    }
    if (!step.process.empty() && !valid_index(step.process_index, journey.processes.size())) {
      out.report("unknown-reference",
                 fmt::format("{} runs process `{}`, which is not defined under `processes`{}: fix "
                             "the id or add the process",
                             step_name(step), step.process, processes(step.process, budget)),
                 either(step.process_location, fallback));
    }
    // With a team of its own, a step's effective team is that team, resolved or not.
    if (!step.team.empty() && !valid_index(step.team_index, journey.teams.size())) {
      out.report("unknown-reference",
                 fmt::format("{} is done by team `{}`, which is not defined under `teams`{}: fix "
                             "the id or add the team",
                             step_name(step), step.team, teams(step.team, budget)),
                 either(step.team_location, fallback));
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return a.location.line != b.location.line ? a.location.line < b.location.line
                                              : a.location.column < b.location.column;
  });
  for (Diagnostic &d : found) {
    report_to.report(d.rule, std::move(d.message), d.location);
  }
}

} // namespace journey::rules