// Workspace: input expansion, parsing with catalogs, and configuration discovery.
#include "journey/load/workspace.h"

#include "journey/load/journey_files.h"
#include "journey/parse/config.h"
#include "journey/parse/parse.h"
#include "journey/parse/surveys.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

namespace journey {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kConfigName = ".journeylint.yaml";

bool is_yaml_name(const fs::path &p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::string canonical_or_absolute(const fs::path &p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? fs::absolute(p).lexically_normal().string() : c.string();
}

Diagnostic io_error(std::string file, std::string message, Location where = {}) {
  return Diagnostic{Severity::Error, "io", std::move(message), std::move(file), where};
}

/// Empty when the folder can be listed; else why not. Checked before the walk enters it, so an
/// unreadable folder is named and the rest of the walk goes on.
std::string unreadable_folder(const fs::path &dir) {
  std::error_code ec;
  fs::directory_iterator probe(dir, ec);
  if (!ec) {
    return {};
  }
  if (ec == std::errc::permission_denied) {
    return "cannot read this folder: permission denied; ask for read access to it, or lint the "
           "folders you can read";
  }
  return "cannot read this folder: " + ec.message();
}

/// A catalog with the catalogs it extends merged in, and its findings.
struct ResolvedCatalog {
  bool found = false;
  std::string unreadable; ///< why the first catalog could not be read, when not found
  Catalog catalog;
  std::vector<Diagnostic> diagnostics;
  bool reported = false;
};

} // namespace

struct Workspace::Impl {
  std::optional<std::string> config_path;
  std::vector<std::string_view> rule_ids;
  std::unordered_map<std::string, std::unique_ptr<ConfigResult>> configs; // by config file
  std::unordered_map<std::string, const ConfigResult *> config_by_dir;
  std::unordered_map<std::string, ResolvedCatalog> catalogs; // by canonical path
  ConfigResult defaults;
  bool stdin_used = false;

  const ConfigResult *read_config(const std::string &path) {
    auto it = configs.find(path);
    if (it != configs.end()) {
      return it->second.get();
    }
    auto result = std::make_unique<ConfigResult>();
    const Expected<std::string> text = read_file(path);
    if (!text) {
      result->config.file = path;
      result->diagnostics.push_back(Diagnostic{
          Severity::Error, "config", "cannot read configuration: " + text.error(), path, {}});
    } else {
      *result = parse_config(*text, path, rule_ids);
    }
    return configs.emplace(path, std::move(result)).first->second.get();
  }

  const ConfigResult *discover(const fs::path &start_dir) {
    std::vector<std::string> visited;
    fs::path dir = start_dir;
    const ConfigResult *found = &defaults;
    while (true) {
      const std::string key = dir.string();
      if (auto it = config_by_dir.find(key); it != config_by_dir.end()) {
        found = it->second;
        break;
      }
      visited.push_back(key);
      std::error_code ec;
      const fs::path candidate = dir / kConfigName;
      if (fs::is_regular_file(candidate, ec)) {
        std::error_code rel_ec;
        fs::path shown = fs::proximate(candidate, rel_ec);
        found = read_config(rel_ec ? candidate.string() : shown.string());
        break;
      }
      if (!dir.has_parent_path() || dir.parent_path() == dir) {
        break;
      }
      dir = dir.parent_path();
    }
    for (const std::string &d : visited) {
      config_by_dir[d] = found;
    }
    return found;
  }

  /// Loads the catalog at `path` and every catalog it extends (iteratively, loops reported).
  ResolvedCatalog &resolve_catalog(const std::string &path) {
    const std::string key = canonical_or_absolute(path);
    if (auto it = catalogs.find(key); it != catalogs.end()) {
      return it->second;
    }
    ResolvedCatalog &result = catalogs[key];
    std::vector<Catalog> chain;
    std::vector<std::string> chain_keys;
    std::string next = path;
    Location next_location;
    std::string referrer;
    while (!next.empty()) {
      const std::string next_key = canonical_or_absolute(next);
      if (std::find(chain_keys.begin(), chain_keys.end(), next_key) != chain_keys.end()) {
        std::string cycle;
        for (const Catalog &c : chain) {
          cycle += c.file + " -> ";
        }
        result.diagnostics.push_back(Diagnostic{
            Severity::Error, "catalog",
            fmt::format("catalog include loop: {}{}; remove one of the `catalog:` lines", cycle, next),
            referrer, next_location});
        break;
      }
      const Expected<std::string> text = read_file(next);
      if (!text) {
        if (chain.empty()) {
          result.unreadable = text.error();
          return result; // the journey reports it where it names the catalog
        }
        result.diagnostics.push_back(Diagnostic{
            Severity::Error, "catalog", fmt::format("catalog `{}`: {}", next, text.error()),
            referrer, next_location});
        break;
      }
      CatalogResult parsed = parse_catalog(*text, next);
      result.diagnostics.insert(result.diagnostics.end(), parsed.diagnostics.begin(),
                                parsed.diagnostics.end());
      chain_keys.push_back(next_key);
      referrer = next;
      next_location = parsed.catalog.catalog_location;
      next = parsed.catalog.catalog.empty()
                 ? std::string()
                 : (fs::path(next).parent_path() / parsed.catalog.catalog).lexically_normal().string();
      chain.push_back(std::move(parsed.catalog));
    }
    result.found = true;
    for (std::size_t i = chain.size(); i-- > 1;) {
      merge_catalogs(chain[i - 1], chain[i], result.diagnostics);
    }
    result.catalog = std::move(chain.front());
    return result;
  }
};

Workspace::Workspace(std::optional<std::string> config_path, std::vector<std::string_view> rule_ids)
    : impl_(std::make_unique<Impl>()) {
  impl_->config_path = std::move(config_path);
  impl_->rule_ids = std::move(rule_ids);
}

Workspace::~Workspace() = default;

namespace {

/// The path of `file` relative to the folder of the configuration in force for it, as the
/// configuration's globs see it; relative to `root` when the file is not under that folder.
std::string path_for_globs(const LintConfig &config, const fs::path &file, const fs::path &root) {
  const fs::path absolute = fs::absolute(file).lexically_normal();
  if (!config.file.empty()) {
    const fs::path rel =
        absolute.lexically_relative(fs::absolute(config.file).lexically_normal().parent_path());
    if (!rel.empty() && *rel.begin() != "..") {
      return rel.generic_string();
    }
  }
  const fs::path rel = absolute.lexically_relative(fs::absolute(root).lexically_normal());
  return rel.empty() || *rel.begin() == ".." ? file.generic_string() : rel.generic_string();
}

} // namespace

std::vector<std::string> Workspace::expand(const std::vector<std::string> &args,
                                           std::vector<Diagnostic> &errors, bool force_exclude,
                                           std::vector<SkippedFile> *skipped) {
  static const LintConfig kDefaults;
  const auto selection = [&](const fs::path &p) -> const LintConfig & {
    std::vector<Diagnostic> ignored; // reported when the file is checked
    const LintConfig *config = config_for(p.string(), ignored);
    return config != nullptr ? *config : kDefaults;
  };
  const auto skip = [&](std::string path, std::string reason) {
    if (skipped != nullptr) {
      skipped->push_back({std::move(path), std::move(reason)});
    }
  };
  const auto excluded = [&](const LintConfig &config, const std::string &rel) {
    const std::optional<Exclusion> e = excluded_by(config, rel);
    if (!e) {
      return std::string();
    }
    return e->builtin ? fmt::format("another tool's file (`{}`)", e->glob)
                      : fmt::format("excluded by `{}` in {}", e->glob, config.file);
  };
  // Empty when the file is a journey file; else why not.
  const auto why_not = [&](const fs::path &p, const std::string &root) {
    if (const std::string journey = sidecar_journey_path(p.string()); !journey.empty()) {
      return fmt::format("the survey results of `{}`, read with it",
                         fs::path(journey).filename().string());
    }
    const LintConfig &config = selection(p);
    const std::string rel = path_for_globs(config, p, root);
    if (!is_included(config, rel)) {
      return config.file.empty() ? std::string("not a .yaml or .yml file")
                                 : fmt::format("not matched by `include` in {}", config.file);
    }
    if (std::string reason = excluded(config, rel); !reason.empty()) {
      return reason;
    }
    const Expected<std::string> text = read_file(p.string());
    if (text && !may_be_journey_file(*text)) { // unreadable: loading reports it
      return std::string(
          "no `journey`, `title`, `steps` or catalog key at the top level: another tool's YAML");
    }
    return std::string();
  };
  std::vector<std::string> out;
  std::set<std::string> for_sidecars; // journeys added for a sidecar named on its own
  std::set<std::string> named;        // files named, so a sidecar adds its journey once
  for (const std::string &arg : args) {
    if (arg == "-") {
      out.push_back(arg);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back(io_error(arg, why_not_readable(arg)));
      continue;
    }
    if (!fs::is_directory(status)) {
      // A survey sidecar named on its own (a pre-commit hook's changed files) stands for its
      // journey, which reads it.
      if (const std::string journey = sidecar_journey_path(arg); !journey.empty()) {
        std::error_code missing;
        if (!fs::is_regular_file(journey, missing)) {
          errors.push_back(io_error(arg, fmt::format("is survey results, read with the journey "
                                                     "`{}`, which is not there; name the survey "
                                                     "file after its journey file",
                                                     journey)));
        } else if (!named.contains(journey) && for_sidecars.insert(journey).second) {
          out.push_back(journey);
        }
        continue;
      }
      if (for_sidecars.contains(arg)) {
        continue;
      }
      named.insert(arg);
      if (force_exclude) {
        if (std::string reason = why_not(arg, "."); !reason.empty()) {
          skip(arg, std::move(reason));
          continue;
        }
      }
      out.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    std::vector<Diagnostic> unreadable; // sorted by path below, as `found` is
    fs::recursive_directory_iterator it(arg, ec);
    if (ec) {
      const std::string reason = unreadable_folder(arg);
      errors.push_back(
          io_error(arg, reason.empty() ? "cannot read this folder: " + ec.message() : reason));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        errors.push_back(io_error(arg, "cannot read directory: " + ec.message()));
        break;
      }
      const fs::path &p = it->path();
      const std::string name = p.filename().string();
      std::error_code type_ec;
      if (it->is_directory(type_ec)) {
        if (!name.empty() && name[0] == '.') {
          it.disable_recursion_pending();
        } else {
          const LintConfig &config = selection(p / kConfigName);
          if (std::string reason = excluded(config, path_for_globs(config, p, arg));
              !reason.empty()) {
            it.disable_recursion_pending();
            skip(p.string() + "/", std::move(reason));
          } else if (const std::string unread = unreadable_folder(p); !unread.empty()) {
            unreadable.push_back(io_error(p.string(), unread));
            it.disable_recursion_pending();
          }
        }
        continue;
      }
      if (name == kConfigName || name.empty() || name[0] == '.') {
        continue;
      }
      if (type_ec && (type_ec != std::errc::no_such_file_or_directory || is_yaml_name(p))) {
        unreadable.push_back(io_error(p.string(), why_not_readable(p.string())));
        continue;
      }
      if (!is_yaml_name(p)) {
        continue;
      }
      if (!it->is_regular_file(type_ec)) {
        unreadable.push_back(io_error(p.string(), why_not_readable(p.string())));
        continue;
      }
      if (std::string reason = why_not(p, arg); !reason.empty()) {
        skip(p.string(), std::move(reason));
        continue;
      }
      found.push_back(p.string());
    }
    std::sort(found.begin(), found.end());
    std::sort(unreadable.begin(), unreadable.end(),
              [](const Diagnostic &a, const Diagnostic &b) { return a.file < b.file; });
    errors.insert(errors.end(), unreadable.begin(), unreadable.end());
    if (found.empty() && unreadable.empty()) {
      errors.push_back(io_error(arg, "directory has no journey files (*.yaml, *.yml)"));
    }
    out.insert(out.end(), found.begin(), found.end());
  }
  if (skipped != nullptr) {
    std::sort(skipped->begin(), skipped->end(),
              [](const SkippedFile &a, const SkippedFile &b) { return a.path < b.path; });
  }
  return out;
}

LoadedFile Workspace::load(const std::string &path) {
  if (path == "-" && impl_->stdin_used) {
    LoadedFile file;
    file.path = "<stdin>";
    file.io_error = true;
    file.diagnostics.push_back(io_error(file.path, "standard input can be read only once"));
    return file;
  }
  impl_->stdin_used = impl_->stdin_used || path == "-";
  LoadedFile file = read_input(path, path == "-" ? "<stdin>" : path);
  resolve_catalog(file, path);
  return file;
}

LoadedFile Workspace::load_text(const std::string &path, std::string display_name,
                                std::string text) {
  LoadedFile file = parse_text(std::move(display_name), std::move(text));
  resolve_catalog(file, path);
  return file;
}

namespace {

/// Adds the survey results of `x.surveys.yaml` next to the journey read from `path` (`x.yaml`),
/// when there is one; its findings name the sidecar file.
void read_surveys_sidecar(LoadedFile &file, const std::string &path) {
  const std::string sidecar = surveys_sidecar_path(path);
  std::error_code error;
  if (sidecar.empty() || !fs::exists(fs::symlink_status(sidecar, error)) || error) {
    return;
  }
  std::string shown = surveys_sidecar_path(file.path);
  if (shown.empty()) {
    shown = sidecar;
  }
  Expected<std::string> text = read_file(sidecar);
  if (!text) {
    file.diagnostics.push_back(Diagnostic{Severity::Error, "io",
                                          fmt::format("the survey file of this journey {}",
                                                      text.error()),
                                          shown, {}});
    return;
  }
  SurveysResult parsed = parse_surveys(*text, shown);
  if (!parsed.journey.empty() && parsed.journey != file.journey.id) {
    parsed.diagnostics.push_back(Diagnostic{
        Severity::Error, "invalid-value",
        fmt::format("this survey file is found by name next to journey `{}` but says `journey: "
                    "{}`: rename the file after the journey it belongs to, or fix the id",
                    file.journey.id, parsed.journey),
        shown, parsed.journey_location});
  }
  file.diagnostics.insert(file.diagnostics.end(), parsed.diagnostics.begin(),
                          parsed.diagnostics.end());
  file.journey.surveys.insert(file.journey.surveys.end(),
                              std::make_move_iterator(parsed.surveys.begin()),
                              std::make_move_iterator(parsed.surveys.end()));
  file.surveys_path = std::move(shown);
  file.surveys_text = std::move(*text);
}

} // namespace

LoadedFile Workspace::read_input(const std::string &path, std::string display_name) const {
  Expected<std::string> text = read_file(path);
  if (!text) {
    LoadedFile file;
    file.path = std::move(display_name);
    file.io_error = true;
    file.diagnostics.push_back(io_error(file.path, text.error()));
    return file;
  }
  LoadedFile file = parse_text(std::move(display_name), std::move(*text));
  if (path != "-" && !file.is_catalog && file.readable) {
    read_surveys_sidecar(file, path);
  }
  return file;
}

LoadedFile Workspace::parse_text(std::string display_name, std::string text) {
  LoadedFile file;
  file.path = std::move(display_name);
  file.text = std::move(text);
  if (looks_like_catalog(file.text)) {
    file.is_catalog = true;
    return file;
  }
  ParseResult parsed = parse(file.text, file.path);
  file.journey = std::move(parsed.journey);
  file.diagnostics = std::move(parsed.diagnostics);
  file.readable = parsed.readable;
  return file;
}

void Workspace::resolve_catalog(LoadedFile &file, const std::string &path) {
  if (file.io_error) {
    return;
  }
  if (file.is_catalog) {
    ResolvedCatalog &resolved = impl_->resolve_catalog(path);
    file.readable = resolved.found;
    if (!resolved.reported) {
      resolved.reported = true;
      file.diagnostics = resolved.diagnostics;
    }
    return;
  }
  if (file.readable && !file.journey.catalog.empty()) {
    const fs::path base = path == "-" ? fs::current_path() : fs::path(path).parent_path();
    const std::string catalog_path = (base / file.journey.catalog).lexically_normal().string();
    ResolvedCatalog &resolved = impl_->resolve_catalog(catalog_path);
    if (!resolved.found) {
      const std::string message =
          resolved.unreadable == "no such file or directory"
              ? fmt::format("catalog `{}` not found (looked for {}); the path is relative to "
                            "this file",
                            file.journey.catalog, catalog_path)
              : fmt::format("catalog `{}`{}{}{}; `catalog:` names a shared catalog file, "
                            "relative to this file",
                            file.journey.catalog,
                            catalog_path == file.journey.catalog ? "" : " (" + catalog_path + ")",
                            resolved.unreadable.starts_with("is ") ? " " : ": ",
                            resolved.unreadable);
      file.diagnostics.push_back(Diagnostic{Severity::Error, "catalog", message, file.path,
                                            file.journey.catalog_location});
    } else {
      if (!resolved.reported) {
        resolved.reported = true;
        file.diagnostics.insert(file.diagnostics.end(), resolved.diagnostics.begin(),
                                resolved.diagnostics.end());
      }
      merge_catalog(file.journey, resolved.catalog, file.diagnostics);
    }
  }
}

const LintConfig *Workspace::config_for(const std::string &path, std::vector<Diagnostic> &errors) {
  const ConfigResult *result = nullptr;
  if (impl_->config_path) {
    result = impl_->read_config(*impl_->config_path);
  } else {
    const fs::path file = path == "-" || path == "<stdin>" ? fs::current_path() / "stdin"
                                                            : fs::absolute(path);
    result = impl_->discover(file.parent_path());
  }
  if (!result->diagnostics.empty()) {
    errors.insert(errors.end(), result->diagnostics.begin(), result->diagnostics.end());
    return nullptr;
  }
  return &result->config;
}

} // namespace journey
