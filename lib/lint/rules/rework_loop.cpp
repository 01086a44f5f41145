// Rule rework-loop: a `next` that sends the customer back to a step they have already taken.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <algorithm>
#include <fmt/format.h>
#include <span>
#include <vector>

namespace journey::rules {

// One finding per back edge of the graph's depth-first walk from the entry (`next` in file order;
// a target written twice counts once): each back edge closes one loop (nested loops give one
// finding each), reported at the transition that goes back, naming the steps on the walk's path
// from the target to it. Loops the customer cannot leave are traps, reported by `no-way-out`
// instead; loops no customer reaches are `unreachable-step` findings.
void check_rework_loop(const Journey &journey, const RuleContext &context, Reporter &out) {
  const JourneyGraph &graph = context.graph;
  const std::size_t n = graph.size();
  if (n == 0) {
    return;
  }
  const Flags &escapes = graph.can_leave();
  struct Finding {
    std::size_t from;
    std::size_t transition;
    std::string message;
  };
  std::vector<Finding> findings;
  graph.for_each_back_edge([&](const Edge &e, std::span<const std::size_t> loop) {
    if (e.repeat || !escapes[e.to]) {
      return;
    }
    const Step &back = journey.steps[e.from];
    findings.push_back(Finding{
        e.from, e.transition,
        fmt::format("rework loop: {} sends the customer back to {}, so they repeat {} (not "
                    "right first time); find why the first pass fails and fix it there, or "
                    "suppress this warning where the repeat is intended",
                    step_name(back), e.to == e.from ? "itself" : step_name(journey.steps[e.to]),
                    step_list(journey, loop, " → "))});
  });
  std::sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
    return a.from != b.from ? a.from < b.from : a.transition < b.transition;
  });
  for (Finding &f : findings) {
    const Step &step = journey.steps[f.from];
    out.report("rework-loop", std::move(f.message),
               either(step.next[f.transition].location, either(step.id_location, step.location)));
  }
}

} // namespace journey::rules
