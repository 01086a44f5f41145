// Rule no-way-out: a trap, a loop of reachable steps from which no `end` can be reached.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>
#include <vector>

namespace journey::rules {

// Steps that cannot reach an exit form a set closed under `next`, so every such step leads into
// a strongly connected component of them with no edge out: a trap. Each trap is reported once,
// at its first step in file order; the steps that only lead into it are not, since the one fix
// (a way out of the trap) frees them too. Dead ends and unknown targets count as exits: their
// own rules report them.
void check_no_way_out(const Journey &journey, const RuleContext &context, Reporter &out) {
  const JourneyGraph &graph = context.graph;
  const Flags &reached = graph.reachable();
  const Flags &escapes = graph.can_leave();
  const std::size_t n = journey.steps.size();
  bool any = false;
  for (std::size_t s = 0; s < n && !any; ++s) {
    any = reached[s] && !escapes[s];
  }
  if (!any) {
    return;
  }
  const std::vector<std::size_t> &component = graph.component();
  Flags trap(graph.component_count(), 1);
  for (std::size_t s = 0; s < n; ++s) {
    const std::size_t c = component[s];
    if (!reached[s] || escapes[s]) {
      trap[c] = 0;
    }
    for (const Edge &e : graph.out(s)) {
      if (component[e.to] != c) {
        trap[c] = 0;
      }
    }
  }
  std::vector<std::vector<std::size_t>> members(graph.component_count());
  std::vector<std::size_t> first;
  for (std::size_t s = 0; s < n; ++s) {
    const std::size_t c = component[s];
    if (trap[c]) {
      if (members[c].empty()) {
        first.push_back(c);
      }
      members[c].push_back(s);
    }
  }
  for (const std::size_t c : first) {
    const Step &step = journey.steps[members[c].front()];
    out.report("no-way-out",
               fmt::format("once the customer reaches {}, they cannot finish: they can only go "
                           "round the steps {}, and no `end` can be reached from them; add a "
                           "`next` that leads out, or an `end` (success, abandon or failure)",
                           step_name(step), step_list(journey, members[c], ", ")),
               either(step.id_location, step.location));
  }
}

} // namespace journey::rules
