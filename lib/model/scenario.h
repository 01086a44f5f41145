// Scenario: changes overlaid on a journey or a portfolio (volumes, branch shares, staff, waits,
// steps removed and added), for `journey compare CURRENT SCENARIO`.
#pragma once

#include "journey/model/diagnostic.h"
#include "journey/model/journey.h"

#include <optional>
#include <string>
#include <vector>

namespace journey {

/// New staff for a team or channel.
struct StaffChange {
  bool channel = false; ///< a channel's agents, else a team's people
  std::string id;
  double staff = 0;
  Location location; ///< of the id key
};

/// A new share for one branch of a step: the branch going to `to`.
struct ShareChange {
  std::string to;
  double p = 0;
  Location location; ///< of the `to` value
};

/// Changes to one existing step; only what is set changes.
struct StepEdit {
  std::string step;
  Location location; ///< of the step id key
  std::optional<Seconds> wait;
  std::optional<Spread> wait_spread;
  bool wait_queue = false;
  std::optional<Seconds> time;
  std::optional<Spread> time_spread;
  std::optional<double> cost;
  std::optional<std::vector<Transition>> next; ///< replaces every transition
  std::vector<ShareChange> shares;
};

/// A step taken out; the steps leading to it lead to `to` instead (its single next step when
/// empty).
struct StepRemoval {
  std::string step;
  std::string to;
  Location location;    ///< of the step value
  Location to_location; ///< of the `to` value; unknown when absent
};

/// The changes to one journey, named by its id.
struct JourneyScenario {
  std::string journey;
  Location location; ///< of the id key
  std::optional<double> volume; ///< per month
  Location volume_location;
  std::vector<StaffChange> staff;
  std::vector<StepEdit> steps;
  std::vector<StepRemoval> remove;
  std::vector<Step> add; ///< appended; their positions are in the scenario file
};

/// A scenario file.
struct Scenario {
  std::string file;
  std::string id;
  std::string title;
  std::vector<StaffChange> staff; ///< in every journey that has the team or channel
  std::vector<JourneyScenario> journeys;
  Location location;
};

/// Applies `scenario` to `journeys` (the current state, changed in place and resolved again):
/// steps are added first, then steps changed, then removed, then volumes and staff set. Every
/// change naming a journey, step, branch, team or channel that does not exist is an error at
/// its position in the scenario file, naming what exists. `journeys` change only when every
/// change applies.
std::vector<Diagnostic> apply_scenario(const Scenario &scenario, std::vector<Journey> &journeys);

} // namespace journey
