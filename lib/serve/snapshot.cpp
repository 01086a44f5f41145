// Snapshot: checks the served files and carries each journey's last good figures and diagrams.
#include "journey/serve/snapshot.h"

#include "journey/render/graphviz.h"
#include "journey/render/render.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace journey {

std::size_t served_view_index(View view) {
  return static_cast<std::size_t>(std::find(kServedViews.begin(), kServedViews.end(), view) -
                                  kServedViews.begin());
}

std::size_t ServedJourney::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [&](const Diagnostic &d) { return d.severity == severity; }));
}

const ServedJourney *Snapshot::find(std::string_view key) const {
  for (const ServedJourney &j : journeys) {
    if (j.key == key) {
      return &j;
    }
  }
  return nullptr;
}

SnapshotBuilder::SnapshotBuilder(DrawSvg draw_svg) : draw_svg_(std::move(draw_svg)) {
  if (!draw_svg_) {
    draw_svg_ = [](std::string_view dot) -> Expected<std::string> {
      try {
        return render_dot(dot, Format::Svg);
      } catch (const RenderError &e) {
        return failure(e.what());
      }
    };
  }
}

Snapshot SnapshotBuilder::check(const ServedFiles &files, const std::optional<std::string> &config,
                                std::string_view now) {
  CheckOptions options;
  options.config = config;
  options.measure = true;
  std::map<std::string, std::string> key_of;
  for (const ServedFile &f : files.files) {
    options.paths.push_back(f.path);
    key_of.emplace(f.path, f.key);
  }
  Snapshot out;
  out.version = ++version_;
  out.input_errors = files.errors;
  out.refused = files.refused;
  if (options.paths.empty()) {
    entries_.clear();
    return out;
  }
  const CheckRun run = check_inputs(options);
  out.input_errors.insert(out.input_errors.end(), run.input_errors.begin(), run.input_errors.end());
  std::set<std::string> seen;
  for (const CheckedFile &checked : run.files) {
    const auto key = key_of.find(checked.file.path);
    if (checked.file.is_catalog || key == key_of.end()) {
      continue;
    }
    seen.insert(key->second);
    Entry &entry = entries_[key->second];
    ServedJourney j;
    j.key = key->second;
    j.path = checked.file.path;
    j.findings = checked.findings;
    j.unreadable = checked.file.io_error;
    j.blocked = checked.blocked || !checked.metrics;
    j.checked_at = std::string(now);
    const Journey &journey = checked.file.journey;
    if (!journey.catalog.empty()) {
      out.catalogs.push_back(
          (std::filesystem::path(j.path).parent_path() / journey.catalog).lexically_normal());
    }
    j.id = journey.id;
    j.heading = !journey.title.empty() ? journey.title : !journey.id.empty() ? journey.id : j.path;
    if (!j.blocked) {
      j.metrics = checked.metrics;
      j.good_at = std::string(now);
      for (std::size_t v = 0; v < kServedViews.size(); ++v) {
        std::string dot;
        try {
          dot = render_journey(journey, kServedViews[v], Format::Dot, {}, &*checked.metrics);
        } catch (const RenderError &e) {
          j.diagrams[v].error = e.what();
        }
        if (dot == entry.dot[v] && entry.good.diagrams[v].svg && j.diagrams[v].error.empty()) {
          j.diagrams[v] = entry.good.diagrams[v];
        }
        entry.dot[v] = std::move(dot);
      }
      entry.good = j;
    } else if (entry.good.has_good()) {
      j.metrics = entry.good.metrics;
      j.diagrams = entry.good.diagrams;
      j.good_at = entry.good.good_at;
    }
    out.journeys.push_back(std::move(j));
  }
  std::sort(out.catalogs.begin(), out.catalogs.end());
  out.catalogs.erase(std::unique(out.catalogs.begin(), out.catalogs.end()), out.catalogs.end());
  std::erase_if(entries_, [&](const auto &e) { return !seen.contains(e.first); });
  return out;
}

bool SnapshotBuilder::draw(Snapshot &snapshot, View view) {
  const std::size_t v = served_view_index(view);
  bool drew = false;
  for (ServedJourney &j : snapshot.journeys) {
    const auto entry = entries_.find(j.key);
    if (!j.has_good() || j.diagrams[v].svg || !j.diagrams[v].error.empty() ||
        entry == entries_.end() || entry->second.dot[v].empty()) {
      continue;
    }
    ServedDiagram &good = entry->second.good.diagrams[v];
    if (!good.svg && good.error.empty()) {
      Expected<std::string> svg = draw_svg_(entry->second.dot[v]);
      if (svg) {
        good.svg = std::make_shared<const std::string>(std::move(*svg));
      } else {
        good.error = svg.error();
      }
      drew = true;
    }
    j.diagrams[v] = good;
  }
  return drew;
}

} // namespace journey
