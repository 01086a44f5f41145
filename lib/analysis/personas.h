// Personas in the numbers: the journey walked with each persona's branch shares, side by side.
#pragma once

#include "journey/model/journey.h"

#include <string>
#include <vector>

namespace journey {

struct JourneyMetrics;

/// The journey as `walk`'s persona walks it: each branch share the persona gives replaces the
/// branch's `p`; the other branches of a step the persona names lose theirs and share what is
/// left equally (`branch_probabilities`). Shares naming no step or branch are ignored (lint rule
/// `persona-branch`). The copy has no persona walks of its own.
Journey walked_by(const Journey &journey, const PersonaWalk &walk);

/// Expected figures of the journey for one persona.
struct PersonaFigures {
  std::string persona;      ///< persona id; empty for the shares as written, with no `persona`
  std::string name;         ///< display name (the id when the persona is not defined)
  std::string description;
  bool as_written = false;  ///< the steps' own shares (the journey's `persona`), not a walk
  double lead_time = 0;     ///< seconds, expected; NaN when undefined
  double wait_time = 0;     ///< seconds
  double cost = 0;
  double handoffs = 0;
  double contacts = 0;
  double customer_effort = 0; ///< seconds
  double right_first_time = 0;
  double success = 0;       ///< probability of ending in success
  std::string problem;      ///< why figures are undefined; empty when all is well
};

/// The figures of `metrics`, the journey as written, for its `persona` (or as written).
PersonaFigures persona_figures(const Journey &journey, const JourneyMetrics &metrics);

/// One row per persona: first the journey as written (its `persona`), then each of its persona
/// walks but the one naming the journey's own `persona` (which only defines it), each measured on the graph with the persona's branch shares (`walked_by`). Empty when
/// the journey names no persona and has no walks.
std::vector<PersonaFigures> personas_side_by_side(const Journey &journey,
                                                  const JourneyMetrics &metrics);

} // namespace journey
