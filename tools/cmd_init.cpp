// `journey init`: a starter journey for the first minute of a workshop, with the editor's schema
// line, the nearest shared catalog, and a comment on every key.
#include "command.h"
#include "common.h"
#include "journey/lint/rule.h"
#include "journey/load/workspace.h"
#include "journey/model/text.h"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace journey::tools {
namespace {

namespace fs = std::filesystem;

struct InitOptions {
  std::string file = "journey.yaml";
  std::string catalog;
  bool no_catalog = false;
};

/// Where the starter's editor support and shared definitions come from.
struct Surroundings {
  std::string schema;  ///< for the modeline: a path relative to the file, or a URL
  std::string catalog; ///< relative to the file; empty: none
  std::vector<Channel> channels; ///< the catalog's
  std::vector<Team> teams;       ///< the catalog's
};

/// The folder of `file` and its parents up to the repository root (the first holding `.git`).
std::vector<fs::path> folders_up(const fs::path &file) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::path dir = fs::absolute(file, ec).parent_path();; dir = dir.parent_path()) {
    out.push_back(dir);
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) {
      break;
    }
  }
  return out;
}

std::string relative_to(const fs::path &target, const fs::path &file) {
  std::error_code ec;
  return fs::absolute(target, ec)
      .lexically_normal()
      .lexically_relative(fs::absolute(file, ec).parent_path())
      .generic_string();
}

/// The nearest `journey.schema.json` (as `journey schema -o` writes it), else the project's.
std::string find_schema(const fs::path &file) {
  static constexpr std::string_view kPlaces[] = {".vscode/journey.schema.json",
                                                 "docs/journey.schema.json",
                                                 "schemas/journey.schema.json", "journey.schema.json"};
  std::error_code ec;
  for (const fs::path &dir : folders_up(file)) {
    for (std::string_view place : kPlaces) {
      if (fs::is_regular_file(dir / place, ec)) {
        return relative_to(dir / place, file);
      }
    }
  }
  return std::string(project_url()) + "/raw/main/docs/journey.schema.json";
}

/// The first shared catalog (by name) in the file's folder, else in the nearest parent folder
/// holding one, up to the repository root.
std::optional<fs::path> find_catalog(const fs::path &file) {
  std::error_code ec;
  for (const fs::path &dir : folders_up(file)) {
    std::vector<fs::path> candidates;
    for (const fs::directory_entry &entry : fs::directory_iterator(dir, ec)) {
      const std::string ext = entry.path().extension().string();
      const std::string name = entry.path().filename().string();
      if ((ext == ".yaml" || ext == ".yml") && !name.starts_with('.') &&
          entry.is_regular_file(ec)) {
        candidates.push_back(entry.path());
      }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const fs::path &candidate : candidates) {
      const Expected<std::string> text = read_file(candidate.string());
      if (text && looks_like_catalog(*text)) {
        return candidate;
      }
    }
  }
  return std::nullopt;
}

/// Reads the catalog through the loader, as the new journey will: its definitions, or why not.
Expected<Surroundings> with_catalog(Surroundings s, const fs::path &file, const fs::path &catalog) {
  s.catalog = relative_to(catalog, file);
  Workspace workspace(std::nullopt, {});
  const std::string probe = fmt::format(
      "journey: probe\ntitle: probe\ncatalog: '{}'\nsteps: [{{id: a, name: a, end: success}}]\n",
      s.catalog);
  LoadedFile loaded = workspace.load_text(file.string(), file.string(), probe);
  for (const Diagnostic &d : loaded.diagnostics) {
    if (d.severity == Severity::Error) {
      return failure(fmt::format("{}: {}", d.file, d.message));
    }
  }
  s.channels = loaded.journey.channels;
  s.teams = loaded.journey.teams;
  return s;
}

const Channel *first_of_kind(const std::vector<Channel> &channels, ChannelKind kind) {
  for (const Channel &c : channels) {
    if (c.kind == kind) {
      return &c;
    }
  }
  return nullptr;
}

/// `base`, or `base-2`, `base-3`, ... when the catalog has it already.
std::string free_id(const std::string &base, const std::set<std::string> &taken) {
  std::string id = base;
  for (int n = 2; taken.contains(id); ++n) {
    id = base + "-" + std::to_string(n);
  }
  return id;
}

/// The journey id for a file name: its stem in lower case, other characters as `-`.
std::string id_from(const fs::path &file) {
  std::string id;
  for (char c : ascii_lower(file.stem().string())) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (plain) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') {
    id.pop_back();
  }
  return id.empty() || id == "journey" ? "my-journey" : id;
}

/// A YAML plain scalar when safe, else single-quoted.
std::string yaml_scalar(std::string_view text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '/';
  });
  if (plain) {
    return std::string(text);
  }
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("''") : std::string(1, c);
  }
  return out + "'";
}

/// `text`, then `# comment` in the starter's comment column.
std::string commented(const std::string &text, std::string_view comment) {
  return fmt::format("{:<36} # {}\n", text, comment);
}

std::string starter(const fs::path &file, const Surroundings &s) {
  std::set<std::string> channel_ids;
  std::set<std::string> team_ids;
  for (const Channel &c : s.channels) {
    channel_ids.insert(c.id);
  }
  for (const Team &t : s.teams) {
    team_ids.insert(t.id);
  }
  const Channel *shared_self = first_of_kind(s.channels, ChannelKind::Digital);
  const Channel *shared_assisted = first_of_kind(s.channels, ChannelKind::Assisted);
  const std::string self = shared_self ? shared_self->id : free_id("web", channel_ids);
  const std::string assisted = shared_assisted ? shared_assisted->id : free_id("phone", channel_ids);
  const std::string team = s.teams.empty() ? "back-office" : s.teams.front().id;

  std::string out = fmt::format("# yaml-language-server: $schema={}\n", s.schema);
  out += fmt::format(
      "# A starter journey: replace the examples with the journey you walk in the workshop.\n"
      "# Check it with `journey lint {0}`, draw it with `journey render {0} -o {1}.svg`.\n"
      "# Every key is explained in docs/format.md; keys marked required must stay.\n\n",
      file.filename().string(), id_from(file));
  out += commented("journey: " + id_from(file), "required: the journey's id (lower case, digits, -)");
  out += "title: I want to ...                 # required: what the customer wants, in their words\n"
         "intent: Help me ...                  # the need behind it: groups journeys in `journey "
         "table`\n"
         "owner: Journey owner                 # who decides on changes to this journey\n"
         "start: What makes the customer start # the trigger, in the customer's words\n"
         "ends:                                # what done looks like, for the customer\n"
         "  - The customer has what they came for\n"
         "  - The customer gives up\n";
  if (!s.catalog.empty()) {
    out += commented("catalog: " + yaml_scalar(s.catalog),
                     "shared channels, teams and processes (relative to this file)");
  }
  const bool local_self = shared_self == nullptr;
  const bool local_assisted = shared_assisted == nullptr;
  if (local_self || local_assisted) {
    out += "\nchannels:                            # how the customer reaches you\n";
    if (local_self) {
      out += fmt::format("  {}: {{name: Website, kind: digital, cost: 0.10}}  # kind: digital, "
                         "assisted, in-person, paper or social; cost: of one contact\n",
                         yaml_scalar(self));
    }
    if (local_assisted) {
      out += fmt::format("  {}: {{name: Contact centre, kind: assisted, hours: Mon-Fri "
                         "08:00-20:00, cost: 6.50}}\n",
                         yaml_scalar(assisted));
    }
  }
  if (s.teams.empty()) {
    out += "\nteams:                               # who works out of the customer's sight\n"
           "  back-office: {name: Back office, hours: Mon-Fri 08:00-18:00}  # hours: when it "
           "works (default: always)\n";
  }
  out += fmt::format(
      "\nsteps:                               # in the order the customer meets them; the first "
      "is the entry\n"
      "  - id: ask                          # required: other steps name it in `next`\n"
      "    name: Asks for it online         # required: what happens, in the customer's words\n"
      "    channel: {0}\n"
      "    time: 10m                        # how long it takes: 45s, 10m, 1h30m, 3d, 1w\n"
      "    emotion: 0                       # how the customer feels: -3 angry ... 3 delighted\n"
      "    next: check                      # where the customer goes next\n"
      "  - id: check\n"
      "    name: Checks the request\n"
      "{3}"
      "    wait: 1d                         # waiting before it starts: a queue, the post, a "
      "backlog\n"
      "    time: 15m\n"
      "    next:                            # a branch: where customers go, and how many\n"
      "      - {{to: done, p: 80%, label: all there}}\n"
      "      - {{to: call, label: something missing}}  # no p: the rest (20%)\n"
      "  - id: call\n"
      "    name: Is called to give what was missing\n"
      "    actor: frontstage                # customer, frontstage, backstage or system\n"
      "    channel: {1}\n"
      "    team: {2}\n"
      "    wait: 2d\n"
      "    time: 10m\n"
      "    pain: Nobody said what was missing  # what hurts the customer (one text or a list)\n"
      "    emotion: -2\n"
      "    next:\n"
      "      - {{to: sorted, p: 90%}}\n"
      "      - {{to: gives-up, label: cannot be reached}}\n"
      "  - id: done\n"
      "    name: Gets what they came for\n"
      "    channel: {0}\n"
      "    emotion: 2\n"
      "    end: success                     # where the journey ends: success, abandon or failure\n"
      "  - id: sorted\n"
      "    name: Gets it sorted on the phone\n"
      "    actor: frontstage\n"
      "    channel: {1}\n"
      "    team: {2}\n"
      "    time: 5m\n"
      "    emotion: 1\n"
      "    end: success\n"
      "  - id: gives-up\n"
      "    name: Gives up\n"
      "    emotion: -3\n"
      "    end: abandon\n",
      yaml_scalar(self), yaml_scalar(assisted), yaml_scalar(team),
      commented("    team: " + yaml_scalar(team),
                "a team's step is out of the customer's sight (backstage)"));
  return out;
}

int run_init(const InitOptions &options) {
  const fs::path file(options.file);
  std::error_code ec;
  if (options.file != "-" && fs::exists(fs::symlink_status(file, ec))) {
    fmt::print(stderr,
               "journey init: error: {} already exists; name another file (journey init "
               "FILE), or remove it first\n",
               options.file);
    return kExitUsage;
  }
  Surroundings surroundings;
  const fs::path where = options.file == "-" ? fs::path("journey.yaml") : file;
  surroundings.schema = find_schema(where);
  std::optional<fs::path> catalog;
  if (!options.catalog.empty()) {
    catalog = fs::path(options.catalog);
  } else if (!options.no_catalog) {
    catalog = find_catalog(where);
  }
  if (catalog) {
    Expected<Surroundings> shared = with_catalog(surroundings, where, *catalog);
    if (!shared) {
      if (!options.catalog.empty()) {
        fmt::print(stderr, "journey init: error: catalog {}: {}\n", options.catalog,
                   shared.error());
        return kExitUsage;
      }
      fmt::print(stderr, "journey init: not using the catalog {}: {}\n", catalog->string(),
                 shared.error());
    } else {
      surroundings = std::move(*shared);
    }
  }
  const std::string text = starter(where, surroundings);
  if (options.file == "-") {
    return write_output("", text) ? kExitOk : kExitUsage;
  }
  if (const Expected<void> written = write_new_file(options.file, text); !written) {
    fmt::print(stderr, "journey init: error: cannot write {}: {}\n", options.file,
               written.error());
    return kExitUsage;
  }
  fmt::print(stderr, "journey init: wrote {}{}\n", options.file,
             surroundings.catalog.empty() ? ""
                                          : fmt::format(" (with the catalog {})",
                                                        surroundings.catalog));
  return kExitOk;
}

std::function<int()> setup_init(CLI::App &app) {
  auto options = std::make_shared<InitOptions>();
  CLI::App *cmd = app.add_subcommand(
      "init", "Write a starter journey to fill in: every key with a comment, the editor's schema "
              "line, and the nearest shared catalog");
  cmd->add_option("file", options->file, "The new journey file (- for stdout)")
      ->type_name("FILE")
      ->default_str("journey.yaml");
  cmd->add_option("--catalog", options->catalog,
                  "Use this shared catalog instead of the nearest one")
      ->type_name("FILE");
  cmd->add_flag("--no-catalog", options->no_catalog, "Do not look for a shared catalog");
  cmd->footer(
      "Never overwrites: an existing FILE is an error (exit 2). The schema line points to the\n"
      "nearest journey.schema.json (.vscode/, docs/ or schemas/ of this folder or a parent, up to\n"
      "the repository root; write one with `journey schema -o .vscode/journey.schema.json`),\n"
      "else to the project's published schema. The catalog is the first catalog file in FILE's\n"
      "folder or the nearest parent folder with one; its channels and teams are used.\n"
      "Exit codes: 0 written, 2 FILE exists or cannot be written, or a bad --catalog.");
  return [options] { return run_init(*options); };
}

const RegisterCommand kRegister{5, setup_init};

} // namespace
} // namespace journey::tools
