// The key tables of the journey, catalog and configuration formats, with their help texts.
#include "journey/parse/keys.h"

#include "journey/model/diagnostic.h"
#include "journey/model/journey.h"

#include <algorithm>

namespace journey {

KeyRule key(std::string_view name, ValueRule value, std::string_view description) {
  KeyRule k;
  k.name = name;
  k.value = value;
  k.description = description;
  return k;
}

KeyRule required(KeyRule k) {
  k.required = true;
  return k;
}

KeyRule of(KeyRule k, const MappingRule &mapping) {
  k.mapping = &mapping;
  return k;
}

MappingRule mapping(std::string_view name, std::string_view description,
                    std::vector<KeyRule> keys) {
  MappingRule m;
  m.name = name;
  m.description = description;
  m.keys = std::move(keys);
  for (const KeyRule &k : m.keys) {
    m.key_names.push_back(k.name);
  }
  return m;
}

namespace {

KeyRule among(KeyRule k, std::vector<std::string_view> choices) {
  k.choices = std::move(choices);
  return k;
}

KeyRule between(KeyRule k, long long minimum, long long maximum) {
  k.minimum = minimum;
  k.maximum = maximum;
  return k;
}

std::vector<std::string_view> severity_names() {
  std::vector<std::string_view> names;
  for (Severity s : {Severity::Off, Severity::Info, Severity::Warning, Severity::Error}) {
    names.push_back(to_string(s));
  }
  return names;
}

MappingRule make_channel() {
  return mapping(
      "channel", "A channel the customer uses: web, app, phone, email, post, branch, social.",
      {
          key("name", ValueRule::Text, "Display name. Default: the channel's id."),
          required(among(
              key("kind", ValueRule::Choice,
                  "How the channel reaches the customer: `digital` (self-service on a screen), "
                  "`assisted` (a person at a distance: phone, staff-answered email, chat), "
                  "`in-person` (branch, visit), `paper` (post, forms, letters), `social` (social "
                  "media)."),
              channel_kind_names())),
          key("hours", ValueRule::Hours),
          key("cost", ValueRule::Number,
              "Cost of one contact in this channel; used for a step's cost when the step sets "
              "none."),
          key("response", ValueRule::Duration, "Typical time for the channel to respond."),
          key("staff", ValueRule::Number,
              "Agents answering while the channel is open; with the journeys' volumes it gives "
              "utilisation and the queue of steps with `wait: queue` (Erlang C)."),
          key("service_level", ValueRule::ServiceLevel,
              "The queue's target: the share of contacts answered within a time. Default "
              "`80% in 20s`."),
      });
}

MappingRule make_team() {
  MappingRule m = mapping("team",
                          "A team in the organisation: its name as text, or a mapping with "
                          "`name`. Default name: the id.",
                          {key("name", ValueRule::Text, "Display name. Default: the team's id."),
                           key("staff", ValueRule::Number,
                               "People in the team (full-time equivalents); with the journeys' "
                               "volumes it gives utilisation and the FTE needed."),
                           key("productive_hours", ValueRule::Rate,
                               "Hours of work one person gives per week or month, after leave, "
                               "training and meetings: `30/week`. Default `30/week`."),
                           key("hours", ValueRule::Hours,
                               "When the team works its steps; wins over the channel's hours. "
                               "Default: the channel's hours, else always.")});
  m.name_shorthand = true;
  return m;
}

MappingRule make_process() {
  MappingRule m = mapping(
      "process",
      "An existing internal process: its name as text, or a mapping with `name` and the owning "
      "`team`.",
      {
          key("name", ValueRule::Text, "Display name. Default: the process's id."),
          key("team", ValueRule::Text,
              "Id of the team that owns the process; steps in the process belong to it unless "
              "they name their own team."),
      });
  m.name_shorthand = true;
  return m;
}

MappingRule make_branch() {
  return mapping(
      "branch", "A branch: the step it leads to, its probability and a label.",
      {
          required(key("to", ValueRule::Id, "Id of the step this branch leads to.")),
          key("p", ValueRule::Probability,
              "Branch probability: a number from 0 to 1, or a percentage "
              "`0%`..`100%`. Branches without `p` share what is left equally."),
          key("label", ValueRule::Text, "Why the customer goes this way; shown on diagrams."),
      });
}

MappingRule make_step(const MappingRule &branch) {
  return mapping(
      "step", "One step of the journey.",
      {
          required(key("id", ValueRule::Id, "Unique id of the step, used in `next`.")),
          required(key("name", ValueRule::NonEmptyText, "What happens, in words.")),
          among(key("actor", ValueRule::Choice,
                    "Who performs the step: `customer`, `frontstage` (staff the customer deals "
                    "with), `backstage` (staff out of sight) or `system`. Default: `backstage` "
                    "when the step names a `process` or `team`, else `customer`."),
                actor_names()),
          key("channel", ValueRule::Text, "Id of the channel the step happens in."),
          key("process", ValueRule::Text, "Id of the internal process the step is part of."),
          key("team", ValueRule::Text,
              "Id of the team doing the step. Default: the process's team."),
          key("wait", ValueRule::Wait,
              "Time spent waiting before the step starts (queue, post, backlog): a duration, a "
              "range or typical and tail. Default 0. `queue`: the wait in the queue of the step's "
              "channel, computed with Erlang C from the journey's `volume`, the channel's `staff` "
              "and `hours` and the step's `time`. `3 working days`, `4 working hours`: a wait "
              "in the open time of the step's team, else channel (a working day is the week's "
              "opening over its open days)."),
          key("time", ValueRule::Spread, "Active time of the step. Default 0."),
          key("cost", ValueRule::Number,
              "Cost of one pass through the step; overrides the channel's contact cost."),
          key("pain", ValueRule::TextList, "Pain points: a text or a list of texts."),
          between(key("emotion", ValueRule::WholeNumber,
                      "How the customer feels: -3 (angry) to 3 (delighted)."),
                  -3, 3),
          key("note", ValueRule::Text, "Anything else worth knowing."),
          of(key("next", ValueRule::Next,
                 "The steps that may follow: a step id, a list of ids (equal chances), a mapping "
                 "`{to, p, label}`, or a list of them."),
             branch),
          among(key("end", ValueRule::End,
                    "Marks an end of the journey: `success`, `abandon` or `failure` (`true` means "
                    "success, `false` not an end)."),
                end_kind_names()),
          key("stage", ValueRule::Text,
              "The stage the step belongs to, one of the journey's (or the catalog's) `stages`: "
              "`Apply`."),
          key("failure_demand", ValueRule::Flag,
              "Marks the step as failure demand: a contact the organisation caused by failing "
              "the customer (the call after the website fails, the call to decode a letter). "
              "`true`, or the reason in words. Default `false`."),
      });
}

MappingRule make_survey() {
  return mapping(
      "survey",
      "One survey result: the date it was measured, the sample size and any of NPS, CES and "
      "CSAT, for the whole journey or one step.",
      {
          required(key("date", ValueRule::Date, "The day the results were measured or closed.")),
          key("step", ValueRule::Text, "Id of the step surveyed. Default: the whole journey."),
          key("nps", ValueRule::Score,
              "Net Promoter Score: % promoters minus % detractors, from -100 to 100."),
          key("ces", ValueRule::Score,
              "Customer Effort Score: the mean answer to \"they made it easy for me\", from 1 "
              "(strongly disagree) to 7 (strongly agree)."),
          key("csat", ValueRule::Score,
              "Customer satisfaction: the % of respondents satisfied or very satisfied (4 or 5 "
              "of 5), from 0 to 100."),
          key("sample", ValueRule::Number, "How many customers answered."),
      });
}

KeyRule surveys_key(const MappingRule &survey) {
  return of(key("surveys", ValueRule::ListOf,
                "Survey results, oldest or newest first: NPS, CES and CSAT with their date and "
                "sample size. They may also be kept in a sidecar file `<name>.surveys.yaml`."),
            survey);
}

MappingRule make_surveys_file(const MappingRule &survey) {
  MappingRule m = mapping("surveysFile",
                          "Survey results of the journey in the file of the same name "
                          "(`apply-by-post.yaml` for `apply-by-post.surveys.yaml`). Reference: "
                          "docs/format.md.",
                          {key("journey", ValueRule::Slug,
                               "The id of the journey the results belong to; checked against "
                               "the journey file."),
                           required(surveys_key(survey))});
  m.title = "Survey results of a journey";
  return m;
}

MappingRule make_persona() {
  MappingRule m = mapping(
      "persona",
      "A persona: who walks the journeys, as a name, or a mapping with `name` and a one-line "
      "`description`.",
      {key("name", ValueRule::Text, "Display name. Default: the persona's id."),
       key("description", ValueRule::Text, "Who they are, in one line.")});
  m.name_shorthand = true;
  return m;
}

MappingRule make_persona_walk() {
  MappingRule m = mapping(
      "personaWalk",
      "A persona walking this journey, with the branch shares in which they differ from the "
      "shares written on the steps.",
      {key("name", ValueRule::Text,
           "Display name, when the catalog does not define the persona (or to rename it here)."),
       key("description", ValueRule::Text, "Who they are, in one line."),
       key("branches", ValueRule::BranchShares,
           "This persona's branch shares: step id, then target step id and its probability, "
           "`{check-id: {id-ok: 0.6, id-fail: 0.4}}`. Branches of the step not named share "
           "what is left equally.")});
  m.name_shorthand = true;
  return m;
}

KeyRule channels_key(const MappingRule &channel) {
  return of(key("channels", ValueRule::MappingsById, "Channels by id."), channel);
}

KeyRule teams_key(const MappingRule &team) {
  return of(key("teams", ValueRule::MappingsById, "Teams by id."), team);
}

KeyRule processes_key(const MappingRule &process) {
  return of(key("processes", ValueRule::MappingsById, "Existing internal processes by id."),
            process);
}

MappingRule make_journey(const MappingRule &channel, const MappingRule &team,
                         const MappingRule &process, const MappingRule &step,
                         const MappingRule &persona_walk, const MappingRule &survey) {
  MappingRule m = mapping(
      "journey",
      "One customer journey: intent, start, steps across channels and teams, and ends. "
      "Reference: docs/format.md.",
      {
          required(key("journey", ValueRule::Slug,
                       "The journey's id, a slug such as `open-bank-account`.")),
          required(key("title", ValueRule::NonEmptyText,
                       "The journey in the customer's words: \"I want to open a bank account\".")),
          key("intent", ValueRule::Text,
              "The customer intent it serves: \"Help me manage my day-to-day money\"."),
          key("owner", ValueRule::Text, "The journey owner, the design authority for it."),
          key("start", ValueRule::Text, "The start point, in words."),
          key("ends", ValueRule::TextList, "The end points (success criteria), in words."),
          key("catalog", ValueRule::NonEmptyText,
              "Path of a shared catalog of channels, teams and processes, relative to this file "
              "(`org.yaml`)."),
          key("volume", ValueRule::Rate,
              "Customers starting the journey per day, week, month or year: `12000/month`. "
              "Gives the monthly figures of `journey metrics` (a month is 365.25/12 days)."),
          key("customer_hours", ValueRule::Hours,
              "When customers do their own steps (`actor: customer`) once `journey simulate` "
              "uses calendars. Default every day 07:00-23:00."),
          key("arrivals", ValueRule::Arrivals,
              "When customers start the journey: weekly hours and the share of customers "
              "starting in them (`Mon-Fri 09:00-17:00: 70%`); the rest start evenly in the hours "
              "not named. Default: evenly over the week."),
          channels_key(channel),
          teams_key(team),
          processes_key(process),
          key("stages", ValueRule::TextList,
              "The stages in the order the customer lives them: `[Discover, Apply, Wait, Use, "
              "Get help]`. Steps name theirs with `stage`. Default: the catalog's `stages`."),
          key("persona", ValueRule::Text,
              "Id of the persona the steps' branch shares describe (a catalog `personas` id)."),
          of(key("personas", ValueRule::MappingsById,
                 "Other personas walking this journey, by id, with their own branch shares."),
             persona_walk),
          required(of(key("steps", ValueRule::ListOf,
                          "The steps; the first one is where the journey starts."),
                      step)),
          surveys_key(survey),
      });
  m.title = "Customer journey";
  return m;
}

MappingRule make_catalog(const MappingRule &channel, const MappingRule &team,
                         const MappingRule &process, const MappingRule &persona) {
  MappingRule m = mapping(
      "catalog",
      "Definitions shared by several journeys (`catalog: org.yaml` in a journey). Reference: "
      "docs/format.md.",
      {
          key("catalog", ValueRule::NonEmptyText,
              "Path of a catalog this one extends, relative to this file."),
          channels_key(channel),
          teams_key(team),
          processes_key(process),
          key("stages", ValueRule::TextList,
              "The stage order of the journeys that do not give their own: `[Discover, Apply, "
              "Wait, Use, Get help]`."),
          of(key("personas", ValueRule::MappingsById, "Personas by id."), persona),
      });
  m.title = "Shared catalog of channels, teams and processes";
  m.may_be_empty = true;
  return m;
}

MappingRule make_budgets() {
  return mapping(
      "budgets", "Limits on expected values, checked by rule `budget`.",
      {
          key("lead_time", ValueRule::Duration, "Longest acceptable expected lead time."),
          key("wait_time", ValueRule::Duration, "Longest acceptable expected wait time."),
          key("handoffs", ValueRule::Number, "Most expected handoffs between teams."),
          key("channel_switches", ValueRule::Number, "Most expected channel switches."),
          key("cost", ValueRule::Number, "Highest acceptable expected cost to serve."),
          key("right_first_time", ValueRule::Probability,
              "Lowest acceptable expected right-first-time rate."),
      });
}

MappingRule make_journey_config(const MappingRule &budgets) {
  return mapping("journeyConfig", "Settings of one journey, laid over the global ones.",
                 {of(key("budgets", ValueRule::Mapping,
                         "Budgets of this journey, laid over the global `budgets`."),
                     budgets)});
}

MappingRule make_config(const MappingRule &budgets, const MappingRule &journey_config) {
  MappingRule m = mapping(
      "config",
      "Severities of lint rules and budgets (`.journeylint.yaml`). Reference: docs/cli.md.",
      {
          among(key("rules", ValueRule::SeveritiesById,
                    "Severity per rule id: off, info, warning or error."),
                severity_names()),
          of(key("budgets", ValueRule::Mapping,
                 "Limits on expected values, checked by rule `budget`."),
             budgets),
          of(key("journeys", ValueRule::MappingsById, "Settings per journey id."), journey_config),
          key("include", ValueRule::TextList,
              "Globs of the files a directory is searched for (default `*.yaml`, `*.yml`), "
              "relative to this file's folder; `**` spans folders."),
          key("exclude", ValueRule::TextList,
              "Globs of files and folders never linted as journeys, on top of the built-in ones "
              "(other tools' YAML)."),
      });
  m.title = "journey lint configuration";
  m.may_be_empty = true;
  return m;
}

MappingRule make_tail() {
  return mapping(
      "tail", "A duration that is usually `typical` but takes up to `p90` for 1 customer in 10.",
      {
          required(key("typical", ValueRule::Duration,
                       "The typical duration: half of the customers take less, half more.")),
          required(key("p90", ValueRule::Duration,
                       "The duration 90% of customers are done within; at least `typical`.")),
      });
}

/// Built once, in dependency order: a mapping's keys point at the mappings built before it.
struct Tables {
  MappingRule channel = make_channel();
  MappingRule team = make_team();
  MappingRule process = make_process();
  MappingRule branch = make_branch();
  MappingRule step = make_step(branch);
  MappingRule survey = make_survey();
  MappingRule surveys_file = make_surveys_file(survey);
  MappingRule persona = make_persona();
  MappingRule persona_walk = make_persona_walk();
  MappingRule journey = make_journey(channel, team, process, step, persona_walk, survey);
  MappingRule catalog = make_catalog(channel, team, process, persona);
  MappingRule budgets = make_budgets();
  MappingRule journey_config = make_journey_config(budgets);
  MappingRule config = make_config(budgets, journey_config);
  MappingRule tail = make_tail();
  std::vector<const MappingRule *> all{
      &journey, &channel, &team,           &process, &step,         &branch,  &catalog,
      &config,  &budgets, &journey_config, &survey,  &surveys_file, &persona, &persona_walk};
};

const Tables &tables() {
  static const Tables t;
  return t;
}

} // namespace

const KeyRule *MappingRule::find(std::string_view key) const {
  auto it = std::find_if(keys.begin(), keys.end(), [&](const KeyRule &k) { return k.name == key; });
  return it == keys.end() ? nullptr : &*it;
}

const MappingRule &journey_rule() {
  return tables().journey;
}
const MappingRule &catalog_rule() {
  return tables().catalog;
}
const MappingRule &channel_rule() {
  return tables().channel;
}
const MappingRule &team_rule() {
  return tables().team;
}
const MappingRule &process_rule() {
  return tables().process;
}
const MappingRule &step_rule() {
  return tables().step;
}
const MappingRule &branch_rule() {
  return tables().branch;
}
const MappingRule &config_rule() {
  return tables().config;
}
const MappingRule &budgets_rule() {
  return tables().budgets;
}
const MappingRule &journey_config_rule() {
  return tables().journey_config;
}
const MappingRule &tail_rule() {
  return tables().tail;
}
const MappingRule &survey_rule() {
  return tables().survey;
}
const MappingRule &surveys_file_rule() {
  return tables().surveys_file;
}
const MappingRule &persona_rule() {
  return tables().persona;
}
const MappingRule &persona_walk_rule() {
  return tables().persona_walk;
}
const std::vector<const MappingRule *> &all_mapping_rules() {
  return tables().all;
}

std::string_view merge_key_description() {
  return "YAML merge key: a mapping (usually an alias such as `*defaults`) or a list of them, "
         "whose keys this mapping takes unless it sets them itself.";
}

std::string_view describe(ValueRule rule) {
  switch (rule) {
  case ValueRule::Slug:
    return "A slug: lower-case letters, digits, `-`, `_` and `.`, e.g. `open-bank-account`.";
  case ValueRule::Duration:
    return "A duration: `45s`, `10m`, `2h`, `1h30m`, `1.5h`, `3d`, `1w`, `2 hours`, ISO 8601 "
           "`P1DT2H` / `PT30M`, or `0`. Units go from largest to smallest, each once; at most "
           "10^12 "
           "seconds.";
  case ValueRule::Spread:
    return "A duration that may vary between customers: fixed (`3d`), a range with every "
           "duration in it equally likely (`2d-7d`), or typical and tail (`{typical: 2d, p90: "
           "7d}`: half of the customers take less than `typical`, 90% less than `p90`; a "
           "log-normal fitted to both). Measures use the mean; `journey simulate` the spread.";
  case ValueRule::Hours:
    return "Opening hours: `24/7`, or `;`-separated groups of days and times such as `Mon-Fri "
           "08:00-20:00; Sat 09:00-13:00; Sun closed`. Days: Mon..Sun, a range (`Mon-Fri`) or a "
           "list (`Sat,Sun`); times HH:MM-HH:MM, several separated by `,`.";
  case ValueRule::TextList:
    return "A text or a list of texts.";
  case ValueRule::Probability:
    return "A probability: a number from 0 to 1, or a percentage `0%`..`100%`.";
  case ValueRule::Rate:
    return "A number per period: `12000/month`, `400/day`, `3000/week`, `150000/year` (also "
           "`400 per day`). A month is 365.25/12 = 30.4375 days.";
  case ValueRule::ServiceLevel:
    return "A share answered within a time: `80% in 20s`, `90% in 2m`.";
  case ValueRule::Date:
    return "A calendar date, year-month-day: `2025-03-31`.";

  case ValueRule::Arrivals:
    return "A mapping of weekly hours (as channel `hours`) to the share of customers starting "
           "in them, a percentage or a number up to 1: `Mon-Fri 09:00-17:00: 70%`.";
  default:
    return {};
  }
}

const std::vector<std::string_view> &examples(ValueRule rule) {
  static const std::vector<std::string_view> durations{"45s", "10m", "2h",     "1h30m", "1.5h",
                                                       "3d",  "1w",  "P1DT2H", "0"};
  static const std::vector<std::string_view> hours{
      "24/7", "Mon-Fri 08:00-20:00; Sat 09:00-13:00; Sun closed",
      "Mon-Fri 09:00-12:30, 13:30-17:00"};
  static const std::vector<std::string_view> rates{"12000/month", "400/day", "3000/week"};
  static const std::vector<std::string_view> service_levels{"80% in 20s", "90% in 2m"};
  static const std::vector<std::string_view> spreads{"3d", "2d-7d", "10m - 1h", "0-2h"};
  static const std::vector<std::string_view> dates{"2025-03-31"};
  static const std::vector<std::string_view> none;
  switch (rule) {
  case ValueRule::Date:
    return dates;
  case ValueRule::Rate:
    return rates;
  case ValueRule::ServiceLevel:
    return service_levels;
  case ValueRule::Duration:
    return durations;
  case ValueRule::Spread:
    return spreads;
  case ValueRule::Hours:
    return hours;
  default:
    return none;
  }
}

} // namespace journey
