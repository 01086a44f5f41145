// Rule channel-bounce: digital, then assisted or in person, then sent back to a digital channel.
#include "journey/lint/rules/rules.h"
#include "journey/lint/rules/text.h"

#include <cstdint>
#include <fmt/format.h>
#include <optional>
#include <vector>

namespace journey::rules {
namespace {

/// How far along a path the customer is towards a bounce.
enum Phase : std::uint8_t {
  kNotDigital = 0, ///< no digital channel yet
  kDigital = 1,    ///< has been on a digital (or social) channel
  kAssisted = 2,   ///< then moved to an assisted or in-person channel
};
constexpr std::size_t kPhases = 3;

bool is_online(ChannelKind k) {
  return k == ChannelKind::Digital || k == ChannelKind::Social;
}

} // namespace

// A breadth-first search over the states (step, phase after the step), each visited once: linear
// in steps plus transitions, whatever the number of paths. Only customer-visible steps (customer
// and frontstage) with a defined channel move the phase; other steps keep it. A customer-visible
// step on a digital or social channel entered in phase `kAssisted` is a bounce; it is reported
// once, naming the assisted step of the first path found (breadth-first, `next` in file order).
void check_channel_bounce(const Journey &journey, const RuleContext &context, Reporter &out) {
  const JourneyGraph &graph = context.graph;
  const std::size_t n = graph.size();
  if (n == 0) {
    return;
  }
  const std::vector<Index> &channel = graph.channel_marker();
  auto kind = [&](std::size_t s) -> std::optional<ChannelKind> {
    if (channel[s] == npos) {
      return std::nullopt;
    }
    return journey.channels[channel[s]].kind;
  };
  auto after = [&](Phase phase, std::size_t s) {
    const auto k = kind(s);
    if (!k) {
      return phase;
    }
    if (is_online(*k)) {
      return kDigital;
    }
    if (is_contact(*k)) {
      return phase == kNotDigital ? kNotDigital : kAssisted;
    }
    return phase;
  };
  Flags seen(n * kPhases, 0);
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> assisted_step(n, none); // for the state (step, kAssisted): the contact step
  std::vector<std::size_t> bounce_after(n, none);  // per bounced step: the contact step before it
  std::vector<std::size_t> queue;
  queue.reserve(n);
  const Phase start = after(kNotDigital, 0);
  seen[start] = 1;
  queue.push_back(start);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::size_t s = queue[head] / kPhases;
    const auto phase = static_cast<Phase>(queue[head] % kPhases);
    for (const Edge &e : graph.out(s)) {
      const std::size_t t = e.to;
      const Phase next = after(phase, t);
      if (phase == kAssisted && next == kDigital && bounce_after[t] == none) {
        bounce_after[t] = assisted_step[s];
      }
      const std::size_t state = t * kPhases + next;
      if (seen[state]) {
        continue;
      }
      seen[state] = 1;
      if (next == kAssisted) {
        const auto k = kind(t);
        assisted_step[t] = k && is_contact(*k) ? t : assisted_step[s];
      }
      queue.push_back(state);
    }
  }
  for (std::size_t s = 0; s < n; ++s) {
    if (bounce_after[s] == none) {
      continue;
    }
    const Step &step = journey.steps[s];
    const Step &contact = journey.steps[bounce_after[s]];
    out.report("channel-bounce",
               fmt::format("channel bounce: after {} ({}), the customer is sent back to {} at {}; "
                           "let the {} channel finish the job (or hand over with the context) "
                           "instead of sending them back online",
                           step_name(contact), journey.channel_of(contact)->name,
                           journey.channel_of(step)->name, step_name(step),
                           to_string(journey.channel_of(contact)->kind)),
               either(step.channel_location, either(step.id_location, step.location)));
  }
}

} // namespace journey::rules
