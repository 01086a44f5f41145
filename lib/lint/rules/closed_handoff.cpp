// Rule closed-handoff: a step sends customers to a channel or team that is closed for many of them.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include "journey/analysis/closed_share.h"
#include "journey/model/step_hours.h"
#include "journey/model/text.h"

#include <fmt/format.h>

namespace journey::rules {
namespace {

/// The hours as written: `24/7` or `Mon-Fri 08:00-20:00`.
std::string hours_text(const Journey &journey, const WorkHours &hours) {
  const std::optional<OpeningHours> &written = hours.owner == HoursOwner::Team
                                                   ? journey.teams[hours.index].hours
                                                   : journey.channels[hours.index].hours;
  return written ? "`" + written->text + "`" : std::string("always");
}

} // namespace

// One pass over the edges; each edge costs a sort of the breakpoints of its two calendars and
// the arrival profile: linear in edges times calendar intervals (up to a log).
void check_closed_handoff(const Journey &journey, const RuleContext &context, Reporter &out) {
  const JourneyGraph &graph = context.graph;
  const Expected<ArrivalProfile> arrivals = ArrivalProfile::make(journey.arrivals);
  if (!arrivals) {
    return; // reported by the parser
  }
  for (std::size_t e = 0; e < graph.edge_count(); ++e) {
    const Edge &edge = graph.edge(e);
    const Step &from = graph.step(edge.from);
    const Step &to = graph.step(edge.to);
    // The customer is in the first step and meets the second: a back office that calls the
    // customer back does so in its own hours (the step's), which the simulation measures.
    if (!graph.reachable()[edge.from] || !customer_visible(from.actor) ||
        !customer_visible(to.actor) || edge.p <= 0) {
      continue;
    }
    const std::optional<WorkHours> target = work_hours(journey, to);
    if (!target || target->calendar.always()) {
      continue;
    }
    const std::optional<WorkHours> source = work_hours(journey, from);
    if (source && source->owner == target->owner && source->index == target->index) {
      continue;
    }
    const Calendar open = source ? source->calendar : Calendar();
    const double delay = from.time + (to.wait_working ? 0.0 : to.wait);
    const double share = closed_share(*arrivals, open, target->calendar, delay);
    if (share < kClosedHandoffShare) {
      continue;
    }
    const std::string from_name =
        source ? owner_name(journey, *source) : std::string("the step before");
    const std::string to_name = owner_name(journey, *target);
    const Location where = edge.transition < from.next.size()
                               ? from.next[edge.transition].location
                               : Location{};
    out.report("closed-handoff",
               fmt::format("{} sends customers to {} ({}) and {} of them find it closed ({} is "
                           "open {}, {} {}): they wait for the opening; open {} longer, let "
                           "customers finish where they are, or tell them when it opens",
                           step_name(from), to_name, step_name(to), format_percent(share, 0),
                           from_name, source ? hours_text(journey, *source) : "any time",
                           to_name, hours_text(journey, *target), to_name),
               either(where, either(from.next_location, from.location)));
  }
}

} // namespace journey::rules
