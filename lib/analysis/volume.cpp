// Volumes: expected visits folded onto channels and teams, and scaled to a month.
#include "journey/analysis/volume.h"

#include "journey/analysis/metrics.h"

#include <cmath>
#include <tuple>

namespace journey {
namespace {

double finite_or_zero(double x) {
  return std::isfinite(x) ? x : 0.0;
}

/// Adds `from` scaled by `factor` to `into`, keeping `into`'s definition fields.
void add_scaled(Load &into, const Load &from, double factor) {
  into.passes += factor * from.passes;
  into.seconds += factor * from.seconds;
  into.cost += factor * from.cost;
  into.failure_demand += factor * from.failure_demand;
}

std::vector<Load> scaled(const std::vector<Load> &loads, double factor) {
  std::vector<Load> out;
  out.reserve(loads.size());
  for (const Load &l : loads) {
    Load copy = l;
    copy.passes = copy.seconds = copy.cost = copy.failure_demand = 0;
    add_scaled(copy, l, factor);
    out.push_back(std::move(copy));
  }
  return out;
}

/// Adds loads into a sum keyed by id; the first definition seen gives the name and staff.
void add_loads(std::map<std::string, Load> &sum, const std::vector<Load> &loads) {
  for (const Load &l : loads) {
    auto [it, inserted] = sum.try_emplace(l.id, l);
    if (!inserted) {
      add_scaled(it->second, l, 1.0);
    }
  }
}

std::vector<Load> values(const std::map<std::string, Load> &sum) {
  std::vector<Load> out;
  out.reserve(sum.size());
  for (const auto &[id, load] : sum) {
    out.push_back(load);
  }
  return out;
}

} // namespace

StepLoads step_loads(const JourneyGraph &graph, const std::vector<double> &visits) {
  const Journey &journey = graph.journey();
  StepLoads loads;
  std::vector<std::size_t> channel_slot(journey.channels.size(), static_cast<std::size_t>(-1));
  std::vector<std::size_t> team_slot(journey.teams.size(), static_cast<std::size_t>(-1));
  auto slot = [](std::vector<std::size_t> &slots, std::vector<Load> &list, Index i) -> Load & {
    if (slots[i] == static_cast<std::size_t>(-1)) {
      slots[i] = list.size();
      list.emplace_back();
    }
    return list[slots[i]];
  };
  // Slots in definition order: walk the definitions, not the steps.
  std::vector<double> channel_used(journey.channels.size(), 0.0);
  std::vector<double> team_used(journey.teams.size(), 0.0);
  for (std::size_t s = 0; s < graph.size() && s < visits.size(); ++s) {
    if (!(visits[s] > 0)) {
      continue;
    }
    const Step &step = graph.step(s);
    if (step.channel_index != npos) {
      channel_used[step.channel_index] = 1;
    }
    if (step.team_index != npos) {
      team_used[step.team_index] = 1;
    }
  }
  for (std::size_t c = 0; c < journey.channels.size(); ++c) {
    if (channel_used[c] > 0) {
      const Channel &channel = journey.channels[c];
      Load &l = slot(channel_slot, loads.channels, static_cast<Index>(c));
      l.id = channel.id;
      l.name = channel.name;
      l.contact = is_contact(channel.kind);
      l.staff = channel.staff;
      if (channel.hours) {
        l.open_share = channel.hours->minutes_per_week() / 10080.0;
      }
    }
  }
  for (std::size_t t = 0; t < journey.teams.size(); ++t) {
    if (team_used[t] > 0) {
      const Team &team = journey.teams[t];
      Load &l = slot(team_slot, loads.teams, static_cast<Index>(t));
      l.id = team.id;
      l.name = team.name;
      l.staff = team.staff;
      l.productive_hours = team.productive_hours;
    }
  }
  for (std::size_t s = 0; s < graph.size() && s < visits.size(); ++s) {
    if (!(visits[s] > 0)) {
      continue;
    }
    const Step &step = graph.step(s);
    const double v = visits[s];
    const double time = finite_or_zero(step.time);
    const double cost = finite_or_zero(journey.step_cost(step));
    for (auto [index, slots, list] :
         {std::tuple{step.channel_index, &channel_slot, &loads.channels},
          std::tuple{step.team_index, &team_slot, &loads.teams}}) {
      if (index == npos) {
        continue;
      }
      Load &l = (*list)[(*slots)[index]];
      l.passes += v;
      l.seconds += v * time;
      l.cost += v * cost;
      l.failure_demand += step.failure_demand ? v : 0.0;
    }
  }
  return loads;
}

std::optional<MonthlyFigures> monthly_figures(const JourneyMetrics &m) {
  if (!m.volume || !m.expected_defined) {
    return std::nullopt;
  }
  const double n = *m.volume;
  MonthlyFigures f;
  f.journeys = 1;
  f.customers = n;
  for (const auto &[kind, p] : m.outcomes) {
    f.outcomes[kind] = n * p;
  }
  f.cost = n * m.cost.expected;
  f.customer_hours = n * m.customer_time.expected / 3600.0;
  f.wait_hours = n * m.wait_time.expected / 3600.0;
  f.contacts = n * m.contacts.expected;
  f.failure_demand_contacts = n * finite_or_zero(m.failure_demand_contacts);
  f.failure_demand_cost = n * finite_or_zero(m.failure_demand_cost);
  f.channels = scaled(m.channel_loads, n);
  f.teams = scaled(m.team_loads, n);
  return f;
}

MonthlyFigures portfolio_monthly(const std::vector<JourneyMetrics> &all) {
  MonthlyFigures sum;
  std::map<std::string, Load> channels;
  std::map<std::string, Load> teams;
  for (const JourneyMetrics &m : all) {
    const std::optional<MonthlyFigures> f = monthly_figures(m);
    if (!f) {
      continue;
    }
    ++sum.journeys;
    sum.customers += f->customers;
    for (const auto &[kind, customers] : f->outcomes) {
      sum.outcomes[kind] += customers;
    }
    sum.cost += f->cost;
    sum.customer_hours += f->customer_hours;
    sum.wait_hours += f->wait_hours;
    sum.contacts += f->contacts;
    sum.failure_demand_contacts += f->failure_demand_contacts;
    sum.failure_demand_cost += f->failure_demand_cost;
    add_loads(channels, f->channels);
    add_loads(teams, f->teams);
  }
  sum.channels = values(channels);
  sum.teams = values(teams);
  return sum;
}

} // namespace journey
