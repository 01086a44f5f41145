// Catalog: channels, teams and processes shared by several journeys (`catalog: ../org.yaml`).
#pragma once

#include "journey/model/journey.h"

namespace journey {

/// A shared catalog file: definitions only, optionally extending another catalog.
struct Catalog {
  std::string file;
  std::string catalog; ///< path of the catalog this one extends; empty if none
  Location catalog_location;
  std::vector<Channel> channels;
  std::vector<Team> teams;
  std::vector<Process> processes;
  std::vector<Stage> stages;     ///< the stage order journeys without their own take
  Location stages_location;
  std::vector<Persona> personas;
};

} // namespace journey

namespace journey {

/// Adds a catalog's definitions to a journey (catalog first, then the journey's own) and
/// re-resolves references. A journey that redefines a catalog id gets a `catalog-redefinition`
/// error at its own definition; the catalog's definition is kept. The journey's own `stages`
/// win over the catalog's; personas the journey defines again take the journey's name and
/// description.
void merge_catalog(Journey &journey, const Catalog &catalog, std::vector<Diagnostic> &out);

/// Lays `base` under `top` (a catalog extending another); an id defined in both is reported
/// at `top`'s definition, like a redefinition in a journey.
void merge_catalogs(Catalog &top, const Catalog &base, std::vector<Diagnostic> &out);

} // namespace journey
