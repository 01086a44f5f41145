// Rule no-way-out: a trap, a loop of reachable steps from which no `end` can be reached.
#include "lint/rules/graph.h"
#include "lint/rules/rules.h"
#include "lint/rules/text.h"

#include <fmt/format.h>
#include <vector>

namespace journey::rules {

// Steps that cannot reach an exit form a set closed under `next`, so every such step leads into
// a strongly connected component of them with no edge out: a trap. Each trap is reported once,
// at its first step in file order; the steps that only lead into it are not, since the one fix
// (a way out of the trap) frees them too. Dead ends and unknown targets count as exits: their
// own rules report them.
void check_no_way_out(const Journey &journey, const RuleContext &, Reporter &out) {
  const StepGraph graph(journey);
  const Flags reached = reachable_from_entry(graph);
  const Flags escapes = can_reach(graph, exits(journey));
  const std::size_t n = journey.steps.size();
  bool any = false;
  for (std::size_t s = 0; s < n && !any; ++s) {
    any = reached[s] && !escapes[s];
  }
  if (!any) {
    return;
  }
  Index count = 0;
  const std::vector<Index> component = strongly_connected_components(graph, count);
  Flags trap(static_cast<std::size_t>(count), 1);
  for (std::size_t s = 0; s < n; ++s) {
    const Index c = component[s];
    if (!reached[s] || escapes[s]) {
      trap[c] = 0;
    }
    for (const Edge &e : graph.edges(static_cast<Index>(s))) {
      if (component[e.target] != c) {
        trap[c] = 0;
      }
    }
  }
  std::vector<std::vector<Index>> members(static_cast<std::size_t>(count));
  std::vector<Index> first;
  for (std::size_t s = 0; s < n; ++s) {
    const Index c = component[s];
    if (trap[c]) {
      if (members[c].empty()) {
        first.push_back(c);
      }
      members[c].push_back(static_cast<Index>(s));
    }
  }
  for (const Index c : first) {
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
