// Customer effort: customer steps, assisted and in-person conversations, and queues.
#include "journey/analysis/effort.h"

#include <cmath>

namespace journey {

EffortParts effort_parts(const Journey &journey, const Step &step) {
  const Channel *channel = journey.channel_of(step);
  const bool assisted = channel != nullptr && channel->kind == ChannelKind::Assisted;
  const bool contact = channel != nullptr && is_contact(channel->kind);
  EffortParts parts;
  parts.time = step.actor == Actor::Customer || (step.actor == Actor::Frontstage && contact);
  parts.wait = customer_visible(step.actor) && assisted;
  return parts;
}

double customer_effort(const Journey &journey, const Step &step) {
  return customer_effort(journey, step, step.wait);
}

double customer_effort(const Journey &journey, const Step &step, double wait) {
  const EffortParts parts = effort_parts(journey, step);
  wait = std::isfinite(wait) ? wait : 0.0;
  const double time = std::isfinite(step.time) ? step.time : 0.0;
  return (parts.wait ? wait : 0.0) + (parts.time ? time : 0.0);
}

} // namespace journey
