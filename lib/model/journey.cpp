// Journey model: enum names, lookups and reference resolution.
#include "journey/model/journey.h"
#include "journey/model/step_hours.h"

#include <array>
#include <unordered_map>
#include <utility>

namespace journey {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::pair<std::string_view, Enum>, N> &names,
                               std::string_view text) {
  for (const auto &[name, value] : names) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view enum_name(const std::array<std::pair<std::string_view, Enum>, N> &names, Enum e) {
  for (const auto &[name, value] : names) {
    if (value == e) {
      return name;
    }
  }
  return "?";
}

constexpr std::array<std::pair<std::string_view, Actor>, 4> kActors{{
    {"customer", Actor::Customer},
    {"frontstage", Actor::Frontstage},
    {"backstage", Actor::Backstage},
    {"system", Actor::System},
}};
constexpr std::array<std::pair<std::string_view, ChannelKind>, 5> kKinds{{
    {"digital", ChannelKind::Digital},
    {"assisted", ChannelKind::Assisted},
    {"in-person", ChannelKind::InPerson},
    {"paper", ChannelKind::Paper},
    {"social", ChannelKind::Social},
}};
constexpr std::array<std::pair<std::string_view, EndKind>, 4> kEnds{{
    {"none", EndKind::None},
    {"success", EndKind::Success},
    {"abandon", EndKind::Abandon},
    {"failure", EndKind::Failure},
}};

template <typename Enum, std::size_t N>
std::vector<std::string_view>
names_of(const std::array<std::pair<std::string_view, Enum>, N> &names, std::string_view except = {}) {
  std::vector<std::string_view> out;
  for (const auto &entry : names) {
    if (entry.first != except) {
      out.push_back(entry.first);
    }
  }
  return out;
}

template <typename T> Index find_by_id(const std::vector<T> &items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) {
      return static_cast<Index>(i);
    }
  }
  return npos;
}

template <typename T> std::unordered_map<std::string_view, Index> index_by_id(const std::vector<T> &items) {
  std::unordered_map<std::string_view, Index> map;
  map.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    map.emplace(items[i].id, static_cast<Index>(i)); // first definition wins
  }
  return map;
}

Index lookup(const std::unordered_map<std::string_view, Index> &map, const std::string &id) {
  if (id.empty()) {
    return npos;
  }
  auto it = map.find(id);
  return it == map.end() ? npos : it->second;
}

} // namespace

std::string_view to_string(Actor a) { return enum_name(kActors, a); }
std::string_view to_string(ChannelKind k) { return enum_name(kKinds, k); }
std::string_view to_string(EndKind e) { return enum_name(kEnds, e); }
std::optional<Actor> parse_actor(std::string_view text) { return parse_enum(kActors, text); }
std::optional<ChannelKind> parse_channel_kind(std::string_view text) {
  return parse_enum(kKinds, text);
}
std::optional<EndKind> parse_end_kind(std::string_view text) {
  return text == "none" ? std::nullopt : parse_enum(kEnds, text);
}
const std::vector<std::string_view> &actor_names() {
  static const std::vector<std::string_view> names = names_of(kActors);
  return names;
}
const std::vector<std::string_view> &channel_kind_names() {
  static const std::vector<std::string_view> names = names_of(kKinds);
  return names;
}
const std::vector<std::string_view> &end_kind_names() {
  static const std::vector<std::string_view> names = names_of(kEnds, "none");
  return names;
}

Index Journey::find_step(std::string_view key) const { return find_by_id(steps, key); }
Index Journey::find_channel(std::string_view key) const { return find_by_id(channels, key); }
Index Journey::find_team(std::string_view key) const { return find_by_id(teams, key); }
Index Journey::find_process(std::string_view key) const { return find_by_id(processes, key); }
Index Journey::find_persona(std::string_view key) const { return find_by_id(personas, key); }

void Journey::resolve() {
  const auto step_ids = index_by_id(steps);
  const auto channel_ids = index_by_id(channels);
  const auto team_ids = index_by_id(teams);
  const auto process_ids = index_by_id(processes);
  for (Process &p : processes) {
    p.team_index = lookup(team_ids, p.team);
  }
  for (Step &s : steps) {
    s.channel_index = lookup(channel_ids, s.channel);
    s.process_index = lookup(process_ids, s.process);
    s.team_index = lookup(team_ids, s.team);
    if (s.team.empty() && s.process_index != npos) {
      s.team_index = processes[s.process_index].team_index;
    }
    for (Transition &t : s.next) {
      t.target = lookup(step_ids, t.to);
    }
    s.stage_index = s.stage.empty() ? npos : find_stage(stages, s.stage);
  }
  set_working_wait_means(*this);
}

double Journey::step_cost(const Step &s) const {
  if (s.cost) {
    return *s.cost;
  }
  if (const Channel *c = channel_of(s); c != nullptr && c->cost) {
    return *c->cost;
  }
  return 0.0;
}

} // namespace journey
