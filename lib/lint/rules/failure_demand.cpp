// Rule failure-demand: a call or visit right after a pain point in another channel, not marked.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

namespace journey::rules {

// One pass over the steps and their incoming edges: linear in steps plus transitions. A step is
// reported once, naming the first predecessor (in edge order) with a pain point in another channel.
void check_failure_demand(const Journey &journey, const RuleContext &context, Reporter &out) {
  const JourneyGraph &graph = context.graph;
  for (std::size_t s = 0; s < graph.size(); ++s) {
    const Step &step = graph.step(s);
    const Channel *channel = journey.channel_of(step);
    if (step.failure_demand || channel == nullptr || !is_contact(channel->kind) ||
        !customer_visible(step.actor) || !graph.reachable()[s]) {
      continue;
    }
    for (std::size_t e : graph.in(s)) {
      const Step &before = graph.step(graph.edge(e).from);
      const Channel *before_channel = journey.channel_of(before);
      if (before.pain.empty() || before_channel == nullptr || before_channel == channel) {
        continue;
      }
      out.report("failure-demand",
                 fmt::format("{} ({}) follows a pain point in {} at {} (\"{}\"): if customers "
                             "get in touch because of it, mark the step `failure_demand:` with "
                             "the reason; it then counts against right first time",
                             step_name(step), channel->name, before_channel->name,
                             step_name(before), before.pain.front()),
                 either(step.id_location, step.location));
      break;
    }
  }
}

} // namespace journey::rules
