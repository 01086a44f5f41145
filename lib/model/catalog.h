// Catalog: channels, teams and processes shared by several journeys (`catalog: ../org.yaml`).
#pragma once

#include "model/journey.h"

namespace journey {

/// A shared catalog file: definitions only, optionally extending another catalog.
struct Catalog {
  std::string file;
  std::string catalog; ///< path of the catalog this one extends; empty if none
  Location catalog_location;
  std::vector<Channel> channels;
  std::vector<Team> teams;
  std::vector<Process> processes;
};

} // namespace journey
