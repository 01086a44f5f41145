// Rule rework-loop: a `next` that sends the customer back to a step they have already taken.
#include "lint/rules/graph.h"
#include "lint/rules/rules.h"
#include "lint/rules/text.h"

#include <algorithm>
#include <fmt/format.h>
#include <span>
#include <vector>

namespace journey::rules {

// One finding per back edge of an iterative depth-first search from the entry, following `next`
// in file order: each back edge closes one loop (nested loops give one finding each), reported
// at the transition that goes back, naming the steps on the search path from the target to it.
// Loops the customer cannot leave are traps, reported by `no-way-out` instead; loops no customer
// reaches are `unreachable-step` findings.
void check_rework_loop(const Journey &journey, const RuleContext &, Reporter &out) {
  const StepGraph graph(journey);
  const std::size_t n = graph.size();
  if (n == 0) {
    return;
  }
  const Flags escapes = can_reach(graph, exits(journey));
  struct Frame {
    Index step;
    std::size_t edge;
  };
  struct Finding {
    Index from;
    Index transition;
    std::string message;
  };
  std::vector<Frame> frames{{0, 0}};
  std::vector<Index> path{0};
  std::vector<Index> depth(n, npos); // position on `path` while the step is on it
  Flags done(n, 0);
  depth[0] = 0;
  std::vector<Finding> findings;
  while (!frames.empty()) {
    Frame &frame = frames.back();
    const Index s = frame.step;
    const auto edges = graph.edges(s);
    if (frame.edge == edges.size()) {
      done[s] = 1;
      depth[s] = npos;
      frames.pop_back();
      path.pop_back();
      continue;
    }
    const Edge e = edges[frame.edge++];
    if (depth[e.target] != npos) {
      if (escapes[e.target]) {
        const std::span<const Index> loop(path.data() + depth[e.target], path.data() + path.size());
        const Step &back = journey.steps[s];
        const Step &target = journey.steps[e.target];
        findings.push_back(Finding{
            s, e.transition,
            fmt::format("rework loop: {} sends the customer back to {}, so they repeat {} (not "
                        "right first time); find why the first pass fails and fix it there, or "
                        "suppress this warning where the repeat is intended",
                        step_name(back), e.target == s ? "itself" : step_name(target),
                        step_list(journey, loop, " → "))});
      }
    } else if (!done[e.target]) {
      depth[e.target] = static_cast<Index>(path.size());
      path.push_back(e.target);
      frames.push_back(Frame{e.target, 0});
    }
  }
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
