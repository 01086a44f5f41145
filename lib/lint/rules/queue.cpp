// Rule queue: a `wait: queue` that cannot be computed, or a queue that grows without end.
#include "journey/analysis/metrics.h"
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"
#include "journey/model/duration.h"
#include "journey/model/text.h"

#include <fmt/format.h>

namespace journey::rules {

void check_queue(const Journey &journey, const RuleContext &context, Reporter &out) {
  const JourneyGraph &graph = context.graph;
  bool any = false;
  std::vector<bool> reported(journey.channels.size(), false);
  for (std::size_t s = 0; s < graph.size(); ++s) {
    const Step &step = graph.step(s);
    if (!step.wait_queue) {
      continue;
    }
    any = true;
    const Location where = either(step.wait_location, either(step.id_location, step.location));
    const Channel *channel = journey.channel_of(step);
    if (channel == nullptr) {
      out.report("queue",
                 fmt::format("{} waits in a queue but has no channel: give it the `channel` "
                             "whose staff answer, or write the wait as a time (`wait: 10m`)",
                             step_name(step)),
                 where);
    } else if (!journey.volume || !channel->staff) {
      if (!reported[step.channel_index]) {
        reported[step.channel_index] = true;
        out.report("queue",
                   fmt::format("{} waits in the queue of {}, which needs {} to be computed; "
                               "add {} or write the wait as a time (`wait: 10m`)",
                               step_name(step), channel->name,
                               !journey.volume ? "the journey's `volume` (customers per month)"
                                               : "the channel's `staff` (agents answering)",
                               !journey.volume ? "`volume: 12000/month`" : "`staff: 40`"),
                   where);
      }
    }
  }
  if (!any || !journey.volume) {
    return;
  }
  const JourneyMetrics m = compute_metrics(graph);
  for (const ChannelQueue &q : m.queues) {
    if (q.figures.stable) {
      continue;
    }
    const Index c = journey.find_channel(q.channel);
    const Channel &channel = journey.channels[c];
    Location where = channel.location;
    if (channel.from_catalog) {
      for (std::size_t s = 0; s < graph.size(); ++s) {
        if (graph.step(s).wait_queue && graph.step(s).channel_index == c) {
          where = either(graph.step(s).wait_location, graph.step(s).location);
          break;
        }
      }
    }
    out.report("queue",
               fmt::format("the queue of {} grows without end: {} contacts a month of {} each need "
                           "{} of {} agents' time while open; {} agents needed for {} answered "
                           "within {}",
                           channel.name, format_decimal(q.arrivals_per_month, 0),
                           format_duration(q.handle_seconds),
                           format_percent(q.figures.utilisation, 0), q.agents, q.agents_needed,
                           format_percent(q.target.share, 0), format_duration(q.target.within)),
               where);
  }
}

} // namespace journey::rules
