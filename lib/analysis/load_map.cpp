// Portfolio load: monthly loads per team and contact channel, with each journey's share.
#include "journey/analysis/load_map.h"

#include "journey/analysis/capacity.h"
#include "journey/analysis/volume.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace journey {

std::vector<LoadRow> portfolio_loads(const std::vector<JourneyMetrics> &all, LoadKind kind) {
  const bool teams = kind == LoadKind::Team;
  const auto relevant = [&](const Load &l) { return teams || l.contact; };
  std::map<std::string, std::vector<LoadShare>> shares;
  for (const JourneyMetrics &m : all) {
    const std::optional<MonthlyFigures> f = monthly_figures(m);
    if (!f) {
      continue;
    }
    for (const Load &l : teams ? f->teams : f->channels) {
      if (relevant(l)) {
        shares[l.id].push_back(LoadShare{m.journey, m.file, l.seconds / 3600.0, l.passes});
      }
    }
  }
  // Totals and capacity as `journey metrics DIR` computes them: the same sums, the same formula.
  MonthlyFigures sum = portfolio_monthly(all);
  std::vector<Load> &loads = teams ? sum.teams : sum.channels;
  std::erase_if(loads, [&](const Load &l) { return !relevant(l); });
  (teams ? sum.channels : sum.teams).clear();
  // Rows without staff get the FTE needed from the same formula, with no one available.
  std::vector<std::optional<double>> stated;
  for (Load &l : loads) {
    stated.push_back(l.staff);
    l.staff = l.staff.value_or(0.0);
  }
  const std::vector<Capacity> capacities = capacity(sum);
  std::vector<LoadRow> rows;
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (std::size_t i = 0; i < loads.size(); ++i) {
    const Load &l = loads[i];
    const Capacity &c = capacities[i];
    LoadRow row;
    row.kind = kind;
    row.id = l.id;
    row.name = l.name.empty() ? l.id : l.name;
    row.work_hours = c.work_hours;
    row.passes = l.passes;
    row.failure_demand = l.failure_demand;
    row.cost = l.cost;
    row.staff = stated[i];
    row.available_hours = stated[i] ? c.available_hours : kNaN;
    row.utilisation = stated[i] ? c.utilisation : kNaN;
    row.fte_needed = c.fte_needed;
    row.journeys = std::move(shares[l.id]);
    std::sort(row.journeys.begin(), row.journeys.end(), [](const LoadShare &a, const LoadShare &b) {
      return std::forward_as_tuple(b.work_hours, a.journey, a.file) <
             std::forward_as_tuple(a.work_hours, b.journey, b.file);
    });
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const LoadRow &a, const LoadRow &b) {
    const bool sa = std::isfinite(a.utilisation);
    const bool sb = std::isfinite(b.utilisation);
    const double ka = sa ? a.utilisation : a.work_hours;
    const double kb = sb ? b.utilisation : b.work_hours;
    return std::forward_as_tuple(sb, kb, b.work_hours, a.id) <
           std::forward_as_tuple(sa, ka, a.work_hours, b.id) ;
  });
  return rows;
}

} // namespace journey
