// Catalog merging: shared definitions first, local ones after, redefinitions reported.
#include "journey/model/catalog.h"

#include <algorithm>
#include <unordered_set>

namespace journey {
namespace {

template <typename T>
std::vector<T> merged(const std::vector<T> &base, std::vector<T> &own, std::string_view what,
                      const std::string &file, const std::string &base_file,
                      std::vector<Diagnostic> &out) {
  std::vector<T> result = base;
  std::unordered_set<std::string_view> ids;
  for (const T &item : base) {
    ids.insert(item.id);
  }
  for (T &item : own) {
    if (ids.contains(item.id)) {
      auto first = std::find_if(base.begin(), base.end(), [&](const T &b) { return b.id == item.id; });
      out.push_back(Diagnostic{
          Severity::Error, "catalog-redefinition",
          std::string(what) + " `" + item.id + "` is already defined in the catalog " + base_file +
              ":" + std::to_string(first->location.line) +
              "; use the catalog's definition (remove this one) or give it another id",
          file, item.location});
      continue;
    }
    result.push_back(std::move(item));
  }
  return result;
}

/// The catalog's personas, with the journey's own after them; a persona both define keeps the
/// catalog's place and takes the journey's name and description where the journey gives them.
std::vector<Persona> merged_personas(const std::vector<Persona> &base, std::vector<Persona> &own) {
  std::vector<Persona> result = base;
  for (Persona &p : own) {
    auto it = std::find_if(result.begin(), result.end(), [&](const Persona &b) { return b.id == p.id; });
    if (it == result.end()) {
      result.push_back(std::move(p));
      continue;
    }
    if (!p.name.empty() && p.name != p.id) {
      it->name = p.name;
    }
    if (!p.description.empty()) {
      it->description = p.description;
    }
  }
  return result;
}

} // namespace

void merge_catalog(Journey &journey, const Catalog &catalog, std::vector<Diagnostic> &out) {
  journey.channels = merged(catalog.channels, journey.channels, "channel", journey.file, catalog.file, out);
  journey.teams = merged(catalog.teams, journey.teams, "team", journey.file, catalog.file, out);
  journey.processes =
      merged(catalog.processes, journey.processes, "process", journey.file, catalog.file, out);
  if (journey.stages.empty()) {
    journey.stages = catalog.stages;
    for (Stage &s : journey.stages) {
      s.from_catalog = true;
    }
  }
  journey.personas = merged_personas(catalog.personas, journey.personas);
  journey.resolve();
}

void merge_catalogs(Catalog &top, const Catalog &base, std::vector<Diagnostic> &out) {
  top.channels = merged(base.channels, top.channels, "channel", top.file, base.file, out);
  top.teams = merged(base.teams, top.teams, "team", top.file, base.file, out);
  top.processes = merged(base.processes, top.processes, "process", top.file, base.file, out);
  if (top.stages.empty()) {
    top.stages = base.stages;
    top.stages_location = base.stages_location;
  }
  top.personas = merged_personas(base.personas, top.personas);
}

} // namespace journey
