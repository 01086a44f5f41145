// Rule probability-sum: branch probabilities that leave customers nowhere to go, or go twice.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/text.h"

#include <fmt/format.h>
#include <string>
#include <vector>

namespace journey::rules {

void check_probability_sum(const Journey &journey, const RuleContext &, Reporter &out) {
  constexpr double kTolerance = 1e-6;
  for (const Step &step : journey.steps) {
    double sum = 0;
    std::size_t with_p = 0;
    std::vector<std::string> without_p;
    for (const Transition &t : step.next) {
      if (t.p) {
        sum += *t.p;
        ++with_p;
      } else {
        without_p.push_back(fmt::format("`{}`", t.to));
      }
    }
    if (with_p == 0) {
      continue;
    }
    const Location where = either(step.next_location, either(step.id_location, step.location));
    const std::string total = fmt::format("{:g} ({:g}%)", sum, sum * 100);
    const std::string fix = "make them add up to 1 (100%), or leave `p` off one branch so it takes "
                            "the rest";
    if (sum > 1 + kTolerance) {
      out.report("probability-sum",
                 fmt::format("the branch probabilities of {} add up to {}, more than 1: {}",
                             step_name(step), total, fix),
                 where);
    } else if (without_p.empty() && sum < 1 - kTolerance) {
      out.report("probability-sum",
                 fmt::format("the branch probabilities of {} add up to {} and every branch has a "
                             "`p`, so {:g}% of customers go nowhere: {}",
                             step_name(step), total, (1 - sum) * 100, fix),
                 where);
    } else if (!without_p.empty() && sum > 1 - kTolerance) {
      out.report(
          "probability-sum",
          fmt::format("the branch probabilities of {} already add up to {}, so the branches "
                      "without `p` ({}) are never taken: lower the others or give them a `p`",
                      step_name(step), total, join(without_p, ", ")),
          where);
    }
  }
}

} // namespace journey::rules
