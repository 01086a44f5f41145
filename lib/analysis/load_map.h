// Portfolio load: per team and contact channel, the monthly work of every journey that uses it,
// against its staff; the answer to "which team do our journeys overload".
#pragma once

#include "journey/analysis/metrics.h"

#include <optional>
#include <string>
#include <vector>

namespace journey {

/// Teams, or the channels that put customers in touch with staff (assisted, in person).
enum class LoadKind { Team, Channel };

/// One journey's share of a team's or channel's monthly load.
struct LoadShare {
  std::string journey; ///< journey id
  std::string file;
  double work_hours = 0; ///< per month: volume x expected active time of its steps there
  double passes = 0;     ///< per month: volume x expected passes (contacts, for a channel)
};

/// A team or contact channel with the load of every journey with a volume that uses it.
struct LoadRow {
  LoadKind kind = LoadKind::Team;
  std::string id;
  std::string name;
  double work_hours = 0;     ///< per month, summed over `journeys`
  double passes = 0;         ///< per month: tasks (teams) or contacts (channels)
  double failure_demand = 0; ///< per month: passes through failure-demand steps
  double cost = 0;           ///< per month
  std::optional<double> staff;
  double available_hours = 0; ///< per month: staff x hours one person gives; NaN without staff
  double utilisation = 0;     ///< work / available; NaN without staff
  /// Staff that would do the work at 100%: work / the hours one person gives a month (a team's
  /// productive hours, a channel's open hours).
  double fte_needed = 0;
  std::vector<LoadShare> journeys; ///< largest work first, then by journey id and file
};

/// The load on every team (or contact channel) of the journeys with a volume whose expected
/// values are defined, matched by id across journeys. Every figure is the sum over journeys of
/// volume x the per-customer expected figure, and staffed rows agree with `capacity()` of
/// `portfolio_monthly(all)` (what `journey metrics DIR` prints). Sorted most loaded first:
/// staffed rows by utilisation, then the others by work hours, ties by id.
std::vector<LoadRow> portfolio_loads(const std::vector<JourneyMetrics> &all, LoadKind kind);

} // namespace journey
