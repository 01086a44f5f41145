// Personas: who walks a journey, defined once in the catalog, with their own branch shares.
#pragma once

#include "journey/model/diagnostic.h"

#include <string>
#include <vector>

namespace journey {

/// A persona: an id, a display name and a one-line description.
struct Persona {
  std::string id;
  std::string name;
  std::string description;
  Location location; ///< position of the id key
  bool from_catalog = false;
};

/// A persona's share of one branch: from step `step`, `p` of this persona go to `to`.
struct BranchShare {
  std::string step;
  std::string to;
  double p = 0;
  Location step_location; ///< position of the step id key
  Location location;      ///< position of the target id key
};

/// A persona walking a journey (the journey's `personas:` entries): the branch shares in which
/// the persona differs from the shares written on the steps.
struct PersonaWalk {
  std::string persona; ///< persona id
  Location location;   ///< position of the id key
  std::vector<BranchShare> shares;
};

} // namespace journey
