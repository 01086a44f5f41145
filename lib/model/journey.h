// Journey model: a customer journey as a graph of steps, with channels, teams and processes.
#pragma once

#include "journey/model/arrivals.h"
#include "journey/model/calendar.h"
#include "journey/model/diagnostic.h"
#include "journey/model/duration.h"
#include "journey/model/hours.h"
#include "journey/model/persona.h"
#include "journey/model/spread.h"
#include "journey/model/survey.h"

#include "journey/model/stage.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// Index of an element in its journey's vector; `npos` when unresolved or absent.
using Index = std::int32_t;
inline constexpr Index npos = -1;

/// Who performs a step, from the customer's point of view.
enum class Actor { Customer, Frontstage, Backstage, System };
/// How a channel reaches the customer.
enum class ChannelKind { Digital, Assisted, InPerson, Paper, Social };
/// How a journey ends at a step; `None` for steps that are not ends.
enum class EndKind { None, Success, Abandon, Failure };

std::string_view to_string(Actor a);
std::string_view to_string(ChannelKind k);
std::string_view to_string(EndKind e);
/// The actor, channel kind or end a name stands for (as `to_string` writes it); nullopt for
/// any other text, and for `none` as an end.
std::optional<Actor> parse_actor(std::string_view text);
std::optional<ChannelKind> parse_channel_kind(std::string_view text);
std::optional<EndKind> parse_end_kind(std::string_view text);
/// The names `parse_actor` accepts, in the order documentation lists them.
const std::vector<std::string_view> &actor_names();
/// The names `parse_channel_kind` accepts, in the order documentation lists them.
const std::vector<std::string_view> &channel_kind_names();
/// The names `parse_end_kind` accepts (every end kind but `none`).
const std::vector<std::string_view> &end_kind_names();

/// True when `i` indexes an element of a container of `size` elements.
inline bool valid_index(Index i, std::size_t size) {
  return i >= 0 && static_cast<std::size_t>(i) < size;
}

/// True for the actors the customer deals with directly (customer and frontstage).
inline bool customer_visible(Actor a) { return a == Actor::Customer || a == Actor::Frontstage; }
/// True for channels that put the customer in touch with staff (calls, visits).
inline bool is_contact(ChannelKind k) { return k == ChannelKind::Assisted || k == ChannelKind::InPerson; }

/// A target for a queue: `share` of contacts answered within `within` seconds (80% in 20s).
struct ServiceLevel {
  double share = 0.8;
  Seconds within = 20;
};

/// A channel the customer uses: web, phone, post, branch, email, app, chat, social.
struct Channel {
  std::string id;
  std::string name;
  ChannelKind kind = ChannelKind::Digital;
  std::optional<OpeningHours> hours;
  std::optional<double> cost;     ///< cost per contact
  std::optional<Seconds> response; ///< typical time to respond
  Location location;              ///< position of the id key
  Location kind_location;
  bool from_catalog = false;      ///< defined in a shared catalog, not in this file
  std::optional<double> staff;    ///< agents answering while the channel is open
  std::optional<ServiceLevel> service_level; ///< the queue's target
};

/// A team in the organisation.
struct Team {
  std::string id;
  std::string name;
  Location location;
  bool from_catalog = false;
  std::optional<double> staff;            ///< people (full-time equivalents)
  std::optional<double> productive_hours; ///< per person per month
  /// When the team works its steps (`hours:`); wins over the channel's hours.
  std::optional<OpeningHours> hours;
  Location hours_location;
};

/// An existing internal process, owned by a team.
struct Process {
  std::string id;
  std::string name;
  std::string team; ///< team id; empty if none
  Location location;
  Location team_location;
  Index team_index = npos;
  bool from_catalog = false;
};

/// An edge from one step to the next, optionally with a branch probability and a label.
struct Transition {
  std::string to;
  std::optional<double> p;
  std::string label;
  Location location; ///< position of the target id
  Index target = npos;
};

/// One step of the journey.
struct Step {
  std::string id;
  std::string name;
  Actor actor = Actor::Customer;
  bool actor_explicit = false;
  std::string channel; ///< channel id; empty if none
  std::string process; ///< process id; empty if none
  std::string team;    ///< the step's own team id; empty if none
  Seconds wait = 0;    ///< waiting before the step starts
  bool wait_queue = false; ///< `wait: queue`: the wait is the channel's queue, computed (Erlang C)
  Seconds time = 0;    ///< active time
  /// How `wait` and `time` vary between customers when written as spreads (`2d-5d`,
  /// `{typical: 2d, p90: 7d}`); `wait` and `time` then hold their means.
  std::optional<Spread> wait_spread;
  std::optional<Spread> time_spread;
  std::optional<double> cost;
  std::vector<std::string> pain;
  std::optional<int> emotion;
  std::string note;
  std::vector<Transition> next;
  EndKind end = EndKind::None;
  bool end_invalid = false; ///< an `end` was written with a value the parser rejected
  /// A contact caused by the organisation's own failure (`failure_demand: true` or a reason).
  bool failure_demand = false;
  std::string failure_demand_reason; ///< why, when given; empty otherwise
  /// `wait: 3 working days`: the wait counts the open time of the step's team, else channel,
  /// calendar; `wait` then holds its mean in calendar time (set by `resolve`).
  std::optional<WorkingWait> wait_working;

  Location location; ///< position of the step mapping (its first key)
  Location id_location;
  Location channel_location;
  Location process_location;
  Location team_location;
  Location next_location;
  Location failure_demand_location;
  Location wait_location;

  Index channel_index = npos;
  Index process_index = npos;
  Index team_index = npos; ///< effective team: own team, else the process's team

  std::string stage;       ///< stage name; empty if none
  Location stage_location;
  Index stage_index = npos; ///< position in `Journey::stages`; npos when none or undeclared
};

/// A whole journey definition, as parsed from one file.
struct Journey {
  std::string file; ///< file name as given to the parser
  std::string id;
  std::string title;
  std::string intent;
  std::string owner;
  std::string start;
  std::vector<std::string> ends;
  std::string catalog; ///< path of a shared catalog, relative to `file`; empty if none
  std::optional<double> volume; ///< customers starting the journey per month
  std::vector<Channel> channels;
  std::vector<Team> teams;
  std::vector<Process> processes;
  std::vector<Step> steps;
  /// Survey results, from `surveys:` and then the sidecar file `<name>.surveys.yaml`.
  std::vector<Survey> surveys;

  /// When customers do their own steps (`customer_hours:`); unset: every day 07:00-23:00.
  std::optional<OpeningHours> customer_hours;
  Location customer_hours_location;
  /// When customers start (`arrivals:`); empty: evenly over the week.
  std::vector<ArrivalWindow> arrivals;
  Location arrivals_location;

  Location location; ///< position of the document's top-level mapping
  Location id_location;
  Location title_location;
  Location steps_location;
  Location catalog_location;
  Location volume_location;

  std::vector<Stage> stages;   ///< the stage order: the journey's own, else the catalog's
  Location stages_location;
  std::string persona;         ///< the persona the steps' own branch shares describe; empty if none
  Location persona_location;
  std::vector<Persona> personas;     ///< persona definitions: the catalog's, then the journey's
  std::vector<PersonaWalk> walks;    ///< other personas walking the journey, with their shares

  Index find_step(std::string_view key) const;
  Index find_channel(std::string_view key) const;
  Index find_team(std::string_view key) const;
  Index find_process(std::string_view key) const;
  Index find_persona(std::string_view key) const;

  /// Resolves every id reference (next, channel, process, team) to an index; unresolved stay npos.
  /// Also computes each step's effective team. Safe to call again after edits.
  void resolve();

  /// Effective channel of a step, or nullptr (none, or an index that is not resolved).
  const Channel *channel_of(const Step &s) const {
    return s.channel_index >= 0 && static_cast<std::size_t>(s.channel_index) < channels.size()
               ? &channels[s.channel_index]
               : nullptr;
  }
  /// Effective team of a step, or nullptr (none, or an index that is not resolved).
  const Team *team_of(const Step &s) const {
    return s.team_index >= 0 && static_cast<std::size_t>(s.team_index) < teams.size()
               ? &teams[s.team_index]
               : nullptr;
  }
  /// Cost of one pass through a step: its own cost, else its channel's, else 0.
  double step_cost(const Step &s) const;
};

} // namespace journey
