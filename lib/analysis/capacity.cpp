// Capacity: Erlang C queues of staffed channels, and utilisation and FTE against monthly loads.
#include "journey/analysis/capacity.h"

#include "journey/model/rate.h"
#include "journey/model/text.h"

#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <string_view>

namespace journey {
namespace {

double finite_or_zero(double x) {
  return std::isfinite(x) ? x : 0.0;
}

} // namespace

Queues compute_queues(const JourneyGraph &graph, const std::vector<double> &visits) {
  const Journey &journey = graph.journey();
  Queues queues;
  queues.wait.assign(journey.steps.size(), 0.0);
  // Per channel: passes through its `wait: queue` steps and their handle time, in one pass.
  std::vector<double> passes(journey.channels.size(), 0.0);
  std::vector<double> handle(journey.channels.size(), 0.0);
  std::vector<double> channel_wait(journey.channels.size(), 0.0);
  std::vector<std::string> no_channel;
  for (std::size_t s = 0; s < graph.size() && s < visits.size(); ++s) {
    const Step &step = graph.step(s);
    if (!step.wait_queue || !(visits[s] > 0)) {
      continue;
    }
    if (step.channel_index == npos) {
      no_channel.push_back(fmt::format("`{}`", step.id));
      continue;
    }
    passes[step.channel_index] += visits[s];
    handle[step.channel_index] += visits[s] * finite_or_zero(step.time);
  }
  if (!no_channel.empty()) {
    queues.problems.push_back(fmt::format("{} {} `wait: queue` but no channel: no wait is counted",
                                          and_list(no_channel, 5),
                                          no_channel.size() == 1 ? "has" : "have"));
  }
  for (std::size_t c = 0; c < journey.channels.size(); ++c) {
    if (!(passes[c] > 0)) {
      continue;
    }
    const Channel &channel = journey.channels[c];
    if (!journey.volume || !channel.staff) {
      queues.problems.push_back(fmt::format(
          "the queue of {} cannot be computed without {}: no wait is counted for `wait: queue`",
          channel.name,
          !journey.volume && !channel.staff ? "the journey's `volume` and the channel's `staff`"
          : !journey.volume                 ? "the journey's `volume`"
                                            : "the channel's `staff`"));
      continue;
    }
    ChannelQueue q;
    q.channel = channel.id;
    q.name = channel.name;
    q.arrivals_per_month = *journey.volume * passes[c];
    const double open_share = channel.hours ? channel.hours->minutes_per_week() / 10080.0 : 1.0;
    q.open_seconds_per_month = open_share * kSecondsPerMonth;
    q.handle_seconds = handle[c] / passes[c];
    q.agents = static_cast<std::size_t>(std::floor(std::max(0.0, *channel.staff)));
    q.target = channel.service_level.value_or(ServiceLevel{});
    if (!(q.open_seconds_per_month > 0)) {
      queues.problems.push_back(fmt::format(
          "{} is never open (`hours`), so its queue never clears: no wait is counted",
          channel.name));
      continue;
    }
    const double arrivals_per_second = q.arrivals_per_month / q.open_seconds_per_month;
    constexpr double kLargestQueue = 1e7; // agents or erlangs: beyond, no contact centre
    if (static_cast<double>(q.agents) > kLargestQueue ||
        !(arrivals_per_second * q.handle_seconds <= kLargestQueue)) {
      queues.problems.push_back(fmt::format(
          "the queue of {} is too large to compute (over 10 million agents): no wait is counted",
          channel.name));
      continue;
    }
    q.figures = mmc_queue(arrivals_per_second, q.handle_seconds, q.agents, q.target.within);
    q.agents_needed = agents_needed(arrivals_per_second, q.handle_seconds, q.target.share,
                                    q.target.within);
    if (!q.figures.stable) {
      queues.problems.push_back(fmt::format(
          "the queue of {} grows without end ({} of the agents' time needed): {} agents "
          "needed; no wait is counted for it",
          channel.name, format_percent(q.figures.utilisation, 0), q.agents_needed));
    } else {
      channel_wait[c] = q.figures.mean_wait;
    }
    queues.channels.push_back(std::move(q));
  }
  for (std::size_t s = 0; s < graph.size(); ++s) {
    const Step &step = graph.step(s);
    if (step.wait_queue && step.channel_index != npos) {
      queues.wait[s] = channel_wait[step.channel_index];
    }
  }
  return queues;
}

namespace {

/// A staffed channel's or team's capacity from its load and the hours one person gives a month.
Capacity capacity_of(const Load &l, std::string_view kind, double hours_per_person) {
  Capacity c;
  c.kind = kind;
  c.id = l.id;
  c.name = l.name;
  c.staff = *l.staff;
  c.work_hours = l.seconds / 3600.0;
  c.available_hours = c.staff * hours_per_person;
  c.utilisation = c.available_hours > 0 ? c.work_hours / c.available_hours
                                        : std::numeric_limits<double>::quiet_NaN();
  c.fte_needed = hours_per_person > 0 ? c.work_hours / hours_per_person
                                      : std::numeric_limits<double>::quiet_NaN();
  return c;
}

} // namespace

std::vector<Capacity> capacity(const MonthlyFigures &monthly) {
  std::vector<Capacity> out;
  for (const Load &l : monthly.channels) {
    if (l.staff) {
      out.push_back(capacity_of(l, "channel", l.open_share * kSecondsPerMonth / 3600.0));
    }
  }
  for (const Load &l : monthly.teams) {
    if (l.staff) {
      out.push_back(capacity_of(
          l, "team", l.productive_hours.value_or(kDefaultProductiveHoursPerWeek * kWeeksPerMonth)));
    }
  }
  return out;
}

} // namespace journey
