// Rule persona-branch: a persona's branch share naming a step or branch the journey does not have.
#include "journey/lint/rules/rules.h"
#include "journey/model/suggest.h"

#include <fmt/format.h>
#include <unordered_map>

namespace journey::rules {

void check_persona_branch(const Journey &journey, const RuleContext &, Reporter &out) {
  std::unordered_map<std::string_view, const Step *> steps;
  for (const Step &s : journey.steps) {
    steps.emplace(s.id, &s);
  }
  for (const PersonaWalk &walk : journey.walks) {
    if (walk.persona == journey.persona && !walk.shares.empty()) {
      out.report("persona-branch",
                 fmt::format("persona `{}` is the journey's `persona`, whose branch shares are "
                             "the `p` written on the steps: write these shares there, or make "
                             "another persona the journey's `persona`",
                             walk.persona),
                 walk.shares.front().step_location);
      continue;
    }
    for (const BranchShare &share : walk.shares) {
      const auto it = steps.find(share.step);
      if (it == steps.end()) {
        out.report("persona-branch",
                   fmt::format("persona `{}` gives shares for step `{}`, which the journey does "
                               "not have: use the id of a step with branches",
                               walk.persona, share.step),
                   share.step_location);
        continue;
      }
      const Step &step = *it->second;
      std::vector<std::string_view> targets;
      bool found = false;
      for (const Transition &t : step.next) {
        targets.push_back(t.to);
        found = found || t.to == share.to;
      }
      if (found) {
        continue;
      }
      out.report("persona-branch",
                 targets.empty()
                     ? fmt::format("persona `{}` gives a share to `{}` after step `{}`, which has "
                                   "no `next`: name a step with branches",
                                   walk.persona, share.to, step.id)
                     : fmt::format("persona `{}` gives a share to `{}` after step `{}`, but that "
                                   "step leads only to `{}`{}: use one of its branches",
                                   walk.persona, share.to, step.id, fmt::join(targets, "`, `"),
                                   targets.size() <= 1000 ? did_you_mean(share.to, targets)
                                                          : std::string()),
                 share.location);
    }
  }
}

} // namespace journey::rules
