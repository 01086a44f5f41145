// Rule persona-shares: a persona's shares out of a step that do not add up to 1.
#include "journey/lint/rules/rules.h"

#include <fmt/format.h>
#include <map>

namespace journey::rules {

void check_persona_shares(const Journey &journey, const RuleContext &, Reporter &out) {
  constexpr double kTolerance = 1e-6;
  for (const PersonaWalk &walk : journey.walks) {
    if (walk.persona == journey.persona) {
      continue; // persona-branch
    }
    // Shares per step, in the order the steps are first named.
    std::vector<std::string_view> order;
    std::map<std::string_view, std::vector<const BranchShare *>> by_step;
    for (const BranchShare &share : walk.shares) {
      auto [it, added] = by_step.try_emplace(share.step);
      if (added) {
        order.push_back(share.step);
      }
      it->second.push_back(&share);
    }
    for (std::string_view id : order) {
      const Index s = journey.find_step(id);
      if (s == npos) {
        continue; // persona-branch
      }
      const Step &step = journey.steps[static_cast<std::size_t>(s)];
      const std::vector<const BranchShare *> &shares = by_step[id];
      double sum = 0;
      std::size_t named = 0;
      for (const Transition &t : step.next) {
        for (const BranchShare *share : shares) {
          if (share->to == t.to) {
            sum += share->p;
            ++named;
            break;
          }
        }
      }
      const bool all_named = named == step.next.size();
      const Location where = shares.front()->step_location;
      const std::string total = fmt::format("{:g}%", sum * 100);
      if (sum > 1 + kTolerance) {
        out.report("persona-shares",
                   fmt::format("persona `{}`'s shares out of step `{}` add up to {}, more than "
                               "100%: lower them so they add up to 1",
                               walk.persona, step.id, total),
                   where);
      } else if (all_named && named > 0 && sum < 1 - kTolerance) {
        out.report("persona-shares",
                   fmt::format("persona `{}`'s shares out of step `{}` name every branch and add "
                               "up to {}, so {:g}% of these customers go nowhere: make them add "
                               "up to 1, or leave one branch out so it takes the rest",
                               walk.persona, step.id, total, (1 - sum) * 100),
                   where);
      } else if (!all_named && sum > 1 - kTolerance) {
        out.report("persona-shares",
                   fmt::format("persona `{}`'s shares out of step `{}` already add up to {}, so "
                               "its other branches are never taken: lower the shares or give "
                               "every branch one",
                               walk.persona, step.id, total),
                   where);
      }
    }
  }
}

} // namespace journey::rules
