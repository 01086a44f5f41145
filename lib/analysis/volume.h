// Volumes: what one customer asks of each channel and team, and the same per month for a volume.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/model/journey.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace journey {

/// What the customers of a journey ask of one channel or team: per customer in
/// `JourneyMetrics`, per month in `MonthlyFigures`.
struct Load {
  std::string id;
  std::string name;
  double passes = 0;         ///< expected passes through its steps (contacts, for a contact channel)
  double seconds = 0;        ///< expected active time of its steps (handle time, work)
  double cost = 0;           ///< expected cost of its steps
  double failure_demand = 0; ///< expected passes through its failure-demand steps
  bool contact = false;      ///< a channel that puts the customer in touch with staff
  std::optional<double> staff;            ///< as the definition states it
  std::optional<double> productive_hours; ///< teams: per person per month
  double open_share = 1;                  ///< channels: share of the week it is open
};

/// Per customer: the load on each channel and on each team its steps name, in definition order,
/// from the expected visits of each step.
struct StepLoads {
  std::vector<Load> channels;
  std::vector<Load> teams;
};
StepLoads step_loads(const JourneyGraph &graph, const std::vector<double> &visits);

struct JourneyMetrics;

/// Figures per month: volume x the expected figure per customer.
struct MonthlyFigures {
  double customers = 0;                   ///< customers starting a journey
  std::map<std::string, double> outcomes; ///< customers per outcome
  double cost = 0;                        ///< total cost to serve
  double customer_hours = 0;              ///< hours customers spend on their own steps
  double wait_hours = 0;                  ///< hours customers spend waiting
  double contacts = 0;
  double failure_demand_contacts = 0;
  double failure_demand_cost = 0;
  std::vector<Load> channels; ///< passes, hours (as seconds) and cost per month
  std::vector<Load> teams;
  std::size_t journeys = 0; ///< journeys summed (1 for one journey)
};

/// The monthly figures of a journey with a `volume` whose expected values are defined.
std::optional<MonthlyFigures> monthly_figures(const JourneyMetrics &m);

/// The sum of the monthly figures of every journey that has them; loads on the same channel or
/// team id are added up, sorted by id. Empty (`journeys == 0`) when none has them.
MonthlyFigures portfolio_monthly(const std::vector<JourneyMetrics> &all);

} // namespace journey
