// Parser: walks a YamlTree along the journey schema and fills the model.
#include "journey/parse/parse.h"

#include "journey/model/rate.h"
#include "journey/model/suggest.h"
#include "journey/parse/keys.h"
#include "journey/model/text.h"
#include "journey/parse/reader.h"
#include "journey/parse/survey_reader.h"
#include "journey/parse/yaml_tree.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace journey {

using detail::Reader;
using yaml::Kind;
using yaml::Node;
using yaml::NodeId;

namespace {

/// "a, b or c", each name between `quote`s.
std::string one_of(const std::vector<std::string_view> &names, std::string_view quote = {}) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      out += i + 1 == names.size() ? " or " : ", ";
    }
    out += fmt::format("{0}{1}{0}", quote, names[i]);
  }
  return out;
}

class SchemaWalker {
public:
  SchemaWalker(const yaml::Tree &tree, std::string_view filename, std::vector<Diagnostic> &out)
      : r_(tree, filename, out) {}

  /// A rate such as `12000/month`, per month; nullopt (and a diagnostic) when it is not one.
  std::optional<double> rate(NodeId v, std::string_view field, std::string_view example) {
    const std::optional<std::string> t = r_.text(v, field);
    if (!t) {
      return std::nullopt;
    }
    Expected<double> per_month = parse_rate_per_month(*t);
    if (!per_month) {
      r_.report("invalid-value",
                fmt::format("bad `{}` `{}`: {}; write e.g. `{}`", field, *t, per_month.error(),
                            example),
                r_.location(v));
      return std::nullopt;
    }
    return *per_month;
  }

  /// Opening hours such as `Mon-Fri 08:00-20:00`; nullopt (and a diagnostic) when they are not.
  std::optional<OpeningHours> hours(NodeId v, std::string_view field) {
    const std::optional<std::string> t = r_.text(v, field);
    if (!t) {
      return std::nullopt;
    }
    Expected<OpeningHours> parsed = parse_hours(*t);
    if (!parsed) {
      r_.report("invalid-value",
                fmt::format("bad opening hours `{}`: {}; write `24/7` or e.g. "
                            "`Mon-Fri 08:00-20:00; Sat 09:00-13:00`",
                            *t, parsed.error()),
                r_.location(v));
      return std::nullopt;
    }
    return std::move(*parsed);
  }

  /// `arrivals:`, a mapping of weekly hours to the share of customers who start in them.
  void read_arrivals(NodeId id, Journey &j) {
    const Node &m = r_.node(id);
    if (m.kind != Kind::Map) {
      if (!Reader::is_null(m)) {
        r_.wrong_type(id, "arrivals",
                      "a mapping of hours to the share of customers starting in them, e.g. "
                      "`Mon-Fri 09:00-17:00: 70%`");
      }
      return;
    }
    std::vector<ArrivalWindow> windows;
    for (std::size_t i = 0; i + 1 < m.children.size(); i += 2) {
      const Node &k = r_.node(m.children[i]);
      if (k.kind != Kind::Scalar) {
        r_.report("invalid-value",
                  "a line of `arrivals` starts with hours such as `Mon-Fri 09:00-17:00`",
                  k.location);
        continue;
      }
      std::optional<OpeningHours> when = hours(m.children[i], "arrivals");
      const std::optional<double> share = r_.number(m.children[i + 1], "arrivals", true);
      if (share && *share > 1) {
        r_.report("invalid-value",
                  fmt::format("the share of customers starting `{}` must be a percentage up to "
                              "100% (or a number up to 1), not {}",
                              k.value, r_.node(m.children[i + 1]).value),
                  r_.location(m.children[i + 1]));
        continue;
      }
      if (when && share) {
        windows.push_back({std::move(*when), *share, k.location});
      }
    }
    if (const Expected<ArrivalProfile> profile = ArrivalProfile::make(windows); !profile) {
      r_.report("invalid-value",
                fmt::format("`arrivals`: {}; give each line the share of customers who start in "
                            "its hours, the rest start evenly in the hours not named",
                            profile.error()),
                j.arrivals_location);
      return;
    }
    j.arrivals = std::move(windows);
  }

  /// A service level such as `80% in 20s`.
  std::optional<ServiceLevel> service_level(NodeId v) {
    const std::optional<std::string> t = r_.text(v, "service_level");
    if (!t) {
      return std::nullopt;
    }
    const std::size_t in = t->find(" in ");
    std::optional<ServiceLevel> level;
    if (in != std::string::npos) {
      const std::string share = std::string(trim(std::string_view(*t).substr(0, in), " "));
      const Expected<double> within = parse_duration(trim(std::string_view(*t).substr(in + 4), " "));
      double percent = -1;
      if (share.size() > 1 && share.back() == '%') {
        const std::string digits = std::string(trim(std::string_view(share).substr(0, share.size() - 1), " "));
        char *end = nullptr;
        percent = std::strtod(digits.c_str(), &end);
        if (digits.empty() || end != digits.c_str() + digits.size()) {
          percent = -1;
        }
      }
      if (within && *within > 0 && percent > 0 && percent <= 100) {
        level = ServiceLevel{percent / 100.0, *within};
      }
    }
    if (!level) {
      r_.report("invalid-value",
                fmt::format("bad `service_level` `{}`: write the share answered and the time, "
                            "e.g. `80% in 20s`",
                            *t),
                r_.location(v));
    }
    return level;
  }

  void read_channels(NodeId id, std::vector<Channel> &channels) {
    if (r_.node(id).kind != Kind::Map) {
      if (!Reader::is_null(r_.node(id))) {
        r_.wrong_type(id, "channels", "a mapping of channel id to channel");
      }
      return;
    }
    r_.for_each_id(id, [&](const std::string &cid, const Node &key, NodeId value) {
      Channel c;
      c.id = cid;
      c.name = cid;
      c.location = key.location;
      c.kind_location = key.location;
      const std::string what = fmt::format("channel `{}`", cid);
      bool has_kind = false;
      if (r_.node(value).kind != Kind::Map) {
        r_.wrong_type(value, what, "a mapping with `name` and `kind`");
        channels.push_back(std::move(c));
        return;
      }
      r_.for_each_entry(value, channel_rule(), what, [&](const std::string &k, const Node &, NodeId v) {
        if (k == "name") {
          if (auto t = r_.label(v, "name")) {
            c.name = *t;
          }
        } else if (k == "kind") {
          c.kind_location = r_.location(v);
          if (auto t = r_.text(v, "kind")) {
            has_kind = true;
            if (const std::optional<ChannelKind> kind = parse_channel_kind(*t)) {
              c.kind = *kind;
            } else {
              r_.report("invalid-value",
                        fmt::format("unknown channel kind `{}`{}; use {}", *t,
                                    did_you_mean(*t, channel_kind_names()),
                                    one_of(channel_kind_names())),
                        r_.location(v));
            }
          }
        } else if (k == "hours") {
          c.hours = hours(v, "hours");
        } else if (k == "cost") {
          c.cost = r_.number(v, "cost");
        } else if (k == "response") {
          c.response = r_.duration(v, "response");
        } else if (k == "staff") {
          c.staff = r_.number(v, "staff");
        } else if (k == "service_level") {
          c.service_level = service_level(v);
        }
      });
      if (!has_kind) {
        r_.report("missing-field",
                  fmt::format("{} has no `kind` ({})", what, one_of(channel_kind_names())),
                  key.location);
      }
      channels.push_back(std::move(c));
    });
  }

  void read_teams(NodeId id, std::vector<Team> &teams) {
    if (r_.node(id).kind != Kind::Map) {
      if (!Reader::is_null(r_.node(id))) {
        r_.wrong_type(id, "teams", "a mapping of team id to team");
      }
      return;
    }
    r_.for_each_id(id, [&](const std::string &tid, const Node &key, NodeId value) {
      Team t;
      t.id = tid;
      t.name = tid;
      t.location = key.location;
      const Node &v = r_.node(value);
      if (v.kind == Kind::Map) {
        r_.for_each_entry(value, team_rule(), fmt::format("team `{}`", tid),
                          [&](const std::string &k, const Node &, NodeId nv) {
                            if (k == "staff") {
                              t.staff = r_.number(nv, "staff");
                            } else if (k == "productive_hours") {
                              t.productive_hours = rate(nv, "productive_hours", "30/week");
                            } else if (k == "hours") {
                              t.hours = hours(nv, "hours");
                              t.hours_location = r_.location(nv);
                            } else if (auto name = r_.label(nv, "name")) {
                              t.name = *name;
                            }
                          });
      } else if (v.kind == Kind::Scalar) {
        t.name = r_.label(value, "name").value_or(v.value); // shorthand: `mailroom: Mailroom`
      } else if (!Reader::is_null(v)) {
        r_.wrong_type(value, fmt::format("team `{}`", tid), "a mapping with `name`");
      }
      teams.push_back(std::move(t));
    });
  }

  void read_processes(NodeId id, std::vector<Process> &processes) {
    if (r_.node(id).kind != Kind::Map) {
      if (!Reader::is_null(r_.node(id))) {
        r_.wrong_type(id, "processes", "a mapping of process id to process");
      }
      return;
    }
    r_.for_each_id(id, [&](const std::string &pid, const Node &key, NodeId value) {
      Process p;
      p.id = pid;
      p.name = pid;
      p.location = key.location;
      const Node &v = r_.node(value);
      if (v.kind == Kind::Map) {
        r_.for_each_entry(value, process_rule(), fmt::format("process `{}`", pid),
                          [&](const std::string &k, const Node &, NodeId nv) {
                            if (k == "name") {
                              if (auto name = r_.label(nv, "name")) {
                                p.name = *name;
                              }
                            } else if (auto team = r_.text(nv, "team")) {
                              p.team = *team;
                              p.team_location = r_.location(nv);
                            }
                          });
      } else if (v.kind == Kind::Scalar) {
        p.name = r_.label(value, "name").value_or(v.value);
      } else if (!Reader::is_null(v)) {
        r_.wrong_type(value, fmt::format("process `{}`", pid), "a mapping with `name` and `team`");
      }
      processes.push_back(std::move(p));
    });
  }

  /// `stages`: a name or a list of names, each once.
  void read_stages(NodeId id, std::vector<Stage> &stages) {
    const Node &n = r_.node(id);
    auto add = [&](NodeId item) {
      const std::optional<std::string> name = r_.label(item, "stages");
      if (!name || name->empty()) {
        return;
      }
      if (find_stage(stages, *name) >= 0) {
        r_.report("invalid-value",
                  fmt::format("stage `{}` is listed twice in `stages`: list each stage once, in "
                              "the order the customer lives them",
                              *name),
                  r_.location(item));
        return;
      }
      stages.push_back(Stage{*name, r_.location(item), false});
    };
    if (n.kind == Kind::Sequence) {
      for (NodeId item : n.children) {
        add(item);
      }
    } else if (n.kind == Kind::Scalar) {
      add(id);
    } else if (!Reader::is_null(n)) {
      r_.wrong_type(id, "stages", "a list of stage names, e.g. `[Discover, Apply, Use]`");
    }
  }

  /// A catalog's `personas`: id -> name, or `{name, description}`.
  void read_personas(NodeId id, std::vector<Persona> &personas) {
    if (r_.node(id).kind != Kind::Map) {
      if (!Reader::is_null(r_.node(id))) {
        r_.wrong_type(id, "personas", "a mapping of persona id to persona");
      }
      return;
    }
    r_.for_each_id(id, [&](const std::string &pid, const Node &key, NodeId value) {
      Persona p = read_persona(pid, key, value, persona_rule(), nullptr);
      if (p.name.empty()) {
        p.name = pid;
      }
      personas.push_back(std::move(p));
    });
  }

  /// One persona entry; with `walk`, the journey's form, whose `branches` go to the walk.
  Persona read_persona(const std::string &pid, const Node &key, NodeId value,
                       const MappingRule &rule, PersonaWalk *walk) {
    Persona p;
    p.id = pid;
    p.location = key.location;
    const Node &v = r_.node(value);
    if (v.kind == Kind::Map) {
      r_.for_each_entry(value, rule, fmt::format("persona `{}`", pid),
                        [&](const std::string &k, const Node &, NodeId nv) {
                          if (k == "name") {
                            if (auto name = r_.label(nv, "name")) {
                              p.name = *name;
                            }
                          } else if (k == "description") {
                            if (auto text = r_.text(nv, "description")) {
                              p.description = *text;
                            }
                          } else if (k == "branches" && walk != nullptr) {
                            read_branch_shares(nv, *walk);
                          }
                        });
    } else if (v.kind == Kind::Scalar) {
      p.name = r_.label(value, "name").value_or(v.value);
    } else if (!Reader::is_null(v)) {
      r_.wrong_type(value, fmt::format("persona `{}`", pid), "a mapping with `name`");
    }
    return p;
  }

  /// A persona's `branches`: step id -> (target id -> probability).
  void read_branch_shares(NodeId id, PersonaWalk &walk) {
    if (r_.node(id).kind != Kind::Map) {
      if (!Reader::is_null(r_.node(id))) {
        r_.wrong_type(id, "branches",
                      "a mapping of step id to its branches' shares, e.g. `{check-id: {id-ok: "
                      "0.6, id-fail: 0.4}}`");
      }
      return;
    }
    r_.for_each_id(id, [&](const std::string &step, const Node &step_key, NodeId targets) {
      if (r_.node(targets).kind != Kind::Map) {
        r_.wrong_type(targets, fmt::format("the branches of `{}`", step),
                      "a mapping of target step id to probability, e.g. `{id-ok: 0.6}`");
        return;
      }
      r_.for_each_id(targets, [&](const std::string &to, const Node &to_key, NodeId pv) {
        std::optional<double> p = r_.number(pv, "p", true);
        if (p && *p > 1.0) {
          r_.report("invalid-value",
                    fmt::format("branch probability must be between 0 and 1 (or 0% and 100%), "
                                "not {}",
                                r_.node(pv).value),
                    r_.location(pv));
          p.reset();
        }
        if (p) {
          walk.shares.push_back(BranchShare{step, to, *p, step_key.location, to_key.location});
        }
      });
    });
  }

  /// A journey's `personas`: the personas walking it, each maybe defined here and with shares.
  void read_persona_walks(NodeId id, Journey &j) {
    if (r_.node(id).kind != Kind::Map) {
      if (!Reader::is_null(r_.node(id))) {
        r_.wrong_type(id, "personas", "a mapping of persona id to its branch shares");
      }
      return;
    }
    r_.for_each_id(id, [&](const std::string &pid, const Node &key, NodeId value) {
      PersonaWalk walk;
      walk.persona = pid;
      walk.location = key.location;
      Persona p = read_persona(pid, key, value, persona_walk_rule(), &walk);
      if (!p.name.empty() || !p.description.empty()) {
        j.personas.push_back(std::move(p));
      }
      j.walks.push_back(std::move(walk));
    });
  }

  void read_next(NodeId id, Step &s) {
    s.next_location = r_.location(id);
    const Node &n = r_.node(id);
    auto add_target = [&](NodeId item) {
      const Node &t = r_.node(item);
      if (t.kind == Kind::Scalar) {
        Transition tr;
        tr.to = t.value;
        tr.location = t.location;
        s.next.push_back(std::move(tr));
        return;
      }
      if (t.kind != Kind::Map) {
        r_.wrong_type(item, "next", "a step id or a mapping with `to`, `p` and `label`");
        return;
      }
      Transition tr;
      tr.location = t.location;
      bool has_to = false;
      r_.for_each_entry(item, branch_rule(), "a `next` branch",
                        [&](const std::string &k, const Node &, NodeId v) {
                          if (k == "to") {
                            if (auto to = r_.text(v, "to")) {
                              tr.to = *to;
                              tr.location = r_.location(v);
                              has_to = true;
                            }
                          } else if (k == "p") {
                            tr.p = r_.number(v, "p", true);
                            if (tr.p && *tr.p > 1.0) {
                              r_.report("invalid-value",
                                        fmt::format("branch probability `p` must be between 0 and "
                                                    "1 (or 0% and 100%), not {}",
                                                    r_.node(v).value),
                                        r_.location(v));
                              tr.p.reset();
                            }
                          } else if (auto label = r_.text(v, "label")) {
                            tr.label = *label;
                          }
                        });
      if (!has_to) {
        r_.report("missing-field", "a `next` branch has no `to` (the id of the step it leads to)",
                  t.location);
        return;
      }
      s.next.push_back(std::move(tr));
    };
    if (n.kind == Kind::Sequence) {
      for (NodeId item : n.children) {
        add_target(item);
      }
    } else if (n.kind == Kind::Scalar || n.kind == Kind::Map) {
      add_target(id);
    } else if (!Reader::is_null(n)) {
      r_.wrong_type(id, "next", "a step id or a list of them");
    }
  }

  void read_end(NodeId id, Step &s) {
    const Node &n = r_.node(id);
    if (Reader::is_null(n)) {
      return;
    }
    if (n.kind != Kind::Scalar) {
      r_.wrong_type(id, "end", one_of(end_kind_names(), "`"));
      s.end_invalid = true;
      return;
    }
    if (n.plain && (n.value == "true" || n.value == "True" || n.value == "yes")) {
      s.end = EndKind::Success;
    } else if (n.plain && (n.value == "false" || n.value == "False" || n.value == "no")) {
      s.end = EndKind::None;
    } else if (const std::optional<EndKind> end = parse_end_kind(n.value)) {
      s.end = *end;
    } else {
      s.end_invalid = true;
      r_.report("invalid-value",
                fmt::format("unknown end `{}`{}; use {}", n.value,
                            did_you_mean(n.value, end_kind_names()), one_of(end_kind_names())),
                n.location);
    }
  }

  /// `failure_demand`: true, false, empty, or the reason (which stands for true).
  void read_failure_demand(NodeId id, Step &s) {
    const Node &n = r_.node(id);
    s.failure_demand_location = r_.location(id);
    if (Reader::is_null(n)) {
      return;
    }
    if (n.kind != Kind::Scalar) {
      r_.wrong_type(id, "failure_demand", "`true`, `false` or the reason in words");
      return;
    }
    if (n.plain && (n.value == "true" || n.value == "True" || n.value == "yes")) {
      s.failure_demand = true;
    } else if (n.plain && (n.value == "false" || n.value == "False" || n.value == "no")) {
      s.failure_demand = false;
    } else if (auto reason = r_.label(id, "failure_demand")) {
      s.failure_demand = !reason->empty();
      s.failure_demand_reason = *reason;
    }
  }

  void read_step(NodeId id, std::vector<Step> &steps) {
    const Node &n = r_.node(id);
    if (n.kind != Kind::Map) {
      r_.wrong_type(id, "a step", "a mapping with `id` and `name`");
      return;
    }
    Step s;
    s.location = n.location;
    bool has_id = false;
    bool has_name = false;
    std::string what = "a step";
    // Name the step in messages once its id is known.
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
      const Node &k = r_.node(n.children[i]);
      const Node &v = r_.node(n.children[i + 1]);
      if (k.kind == Kind::Scalar && k.value == "id" && v.kind == Kind::Scalar) {
        what = fmt::format("step `{}`", v.value);
        break;
      }
    }
    r_.for_each_entry(id, step_rule(), what, [&](const std::string &k, const Node &key, NodeId v) {
      if (k == "id") {
        if (auto t = r_.text(v, "id")) {
          s.id = *t;
          s.id_location = r_.location(v);
          has_id = !t->empty();
        }
        if (!s.id_location.known()) {
          s.id_location = key.location;
        }
      } else if (k == "name") {
        if (auto t = r_.label(v, "name")) {
          s.name = *t;
          has_name = !t->empty();
        }
      } else if (k == "actor") {
        if (auto t = r_.text(v, "actor")) {
          if (const std::optional<Actor> actor = parse_actor(*t)) {
            s.actor = *actor;
            s.actor_explicit = true;
          } else {
            s.actor_explicit = false;
            r_.report("invalid-value",
                      fmt::format("unknown actor `{}`{}; use {}", *t,
                                  did_you_mean(*t, actor_names()), one_of(actor_names())),
                      r_.location(v));
          }
        }
      } else if (k == "channel") {
        if (auto t = r_.text(v, "channel")) {
          s.channel = *t;
          s.channel_location = r_.location(v);
        }
      } else if (k == "process") {
        if (auto t = r_.text(v, "process")) {
          s.process = *t;
          s.process_location = r_.location(v);
        }
      } else if (k == "team") {
        if (auto t = r_.text(v, "team")) {
          s.team = *t;
          s.team_location = r_.location(v);
        }
      } else if (k == "wait" || k == "time") {
        if (k == "wait") {
          s.wait_location = r_.location(v);
        }
        const Node &w = r_.node(v);
        if (k == "wait" && w.kind == Kind::Scalar && w.value == "queue") {
          s.wait_queue = true;
        } else if (k == "wait" && w.kind == Kind::Scalar && is_working_wait_text(w.value)) {
          if (Expected<WorkingWait> working = parse_working_wait(w.value)) {
            s.wait_working = *working;
          } else {
            r_.report("invalid-value",
                      fmt::format("bad working-time wait `{}`: {}; write e.g. `3 working days` "
                                  "or `4 working hours`",
                                  w.value, working.error()),
                      r_.location(v));
          }
        } else {
          const std::optional<Spread> spread = r_.spread(v, k);
          (k == "wait" ? s.wait : s.time) = spread ? spread->mean() : 0.0;
          if (spread && spread->shape != SpreadShape::Fixed) {
            (k == "wait" ? s.wait_spread : s.time_spread) = spread;
          }
        }
      } else if (k == "cost") {
        s.cost = r_.number(v, "cost");
      } else if (k == "pain") {
        s.pain = r_.text_list(v, "pain");
      } else if (k == "emotion") {
        if (auto e = r_.integer(v, "emotion")) {
          const KeyRule &range = *step_rule().find("emotion");
          if (*e < range.minimum || *e > range.maximum) {
            r_.report("invalid-value",
                      fmt::format("`emotion` must be a whole number from {} (angry) to {} "
                                  "(delighted), not {}",
                                  range.minimum, range.maximum, *e),
                      r_.location(v));
          } else {
            s.emotion = static_cast<int>(*e);
          }
        }
      } else if (k == "note") {
        if (auto t = r_.text(v, "note")) {
          s.note = *t;
        }
      } else if (k == "next") {
        read_next(v, s);
      } else if (k == "end") {
        read_end(v, s);
      } else if (k == "failure_demand") {
        read_failure_demand(v, s);
      } else if (k == "stage") {
        if (auto t = r_.label(v, "stage")) {
          s.stage = *t;
          s.stage_location = r_.location(v);
        }
      }
    });
    if (!has_id) {
      r_.report("missing-field", "step has no `id` (a unique name other steps use in `next`)",
                n.location);
    }
    if (!has_name) {
      r_.report("missing-field", fmt::format("{} has no `name` (what happens, in words)", what),
                n.location);
    }
    if (!s.actor_explicit && (!s.process.empty() || !s.team.empty())) {
      s.actor = Actor::Backstage;
    }
    if (!s.id_location.known()) {
      s.id_location = n.location;
    }
    steps.push_back(std::move(s));
  }

  void read_journey(NodeId root, Journey &j) {
    const Node &n = r_.node(root);
    j.location = n.location;
    bool has_steps = false;
    r_.for_each_entry(root, journey_rule(), "the journey", [&](const std::string &k, const Node &key, NodeId v) {
      auto text_field = [&](std::string &field, Location *where = nullptr, bool shown = false) {
        if (auto t = shown ? r_.label(v, k) : r_.text(v, k)) {
          field = *t;
        }
        if (where != nullptr) {
          *where = r_.node(v).kind == Kind::Null ? key.location : r_.location(v);
        }
      };
      if (k == "journey") {
        text_field(j.id, &j.id_location);
        if (!j.id.empty() && !is_slug(j.id)) {
          r_.report("invalid-value",
                    fmt::format("journey id `{}` must be a slug: lower-case letters, digits and "
                                "hyphens, e.g. `open-bank-account`",
                                j.id),
                    j.id_location);
        }
      } else if (k == "title") {
        text_field(j.title, &j.title_location, true);
      } else if (k == "intent") {
        text_field(j.intent, nullptr, true);
      } else if (k == "owner") {
        text_field(j.owner, nullptr, true);
      } else if (k == "start") {
        text_field(j.start);
      } else if (k == "ends") {
        j.ends = r_.text_list(v, "ends");
      } else if (k == "catalog") {
        text_field(j.catalog, &j.catalog_location);
      } else if (k == "volume") {
        j.volume = rate(v, "volume", "12000/month");
        j.volume_location = r_.location(v);
      } else if (k == "customer_hours") {
        j.customer_hours = hours(v, "customer_hours");
        j.customer_hours_location = r_.location(v);
      } else if (k == "arrivals") {
        j.arrivals_location = key.location;
        read_arrivals(v, j);
      } else if (k == "channels") {
        read_channels(v, j.channels);
      } else if (k == "teams") {
        read_teams(v, j.teams);
      } else if (k == "processes") {
        read_processes(v, j.processes);
      } else if (k == "surveys") {
        detail::read_surveys(r_, v, j.surveys);

      } else if (k == "stages") {
        j.stages_location = key.location;
        read_stages(v, j.stages);
      } else if (k == "persona") {
        text_field(j.persona, &j.persona_location);
      } else if (k == "personas") {
        read_persona_walks(v, j);
      } else if (k == "steps") {
        has_steps = true;
        j.steps_location = key.location;
        const Node &sn = r_.node(v);
        if (sn.kind == Kind::Sequence) {
          j.steps.reserve(sn.children.size());
          for (NodeId item : sn.children) {
            read_step(item, j.steps);
          }
          if (sn.children.empty()) {
            r_.report("missing-field", "`steps` is empty: a journey needs at least one step",
                      key.location);
          }
        } else if (Reader::is_null(sn)) {
          r_.report("missing-field", "`steps` is empty: a journey needs at least one step",
                    key.location);
        } else {
          r_.wrong_type(v, "steps", "a list of steps");
        }
      }
    });
    if (j.id.empty()) {
      r_.report("missing-field",
                "the journey has no `journey` id (a slug such as `open-bank-account`)",
                j.id_location.known() ? j.id_location : n.location);
    }
    if (j.title.empty()) {
      r_.report("missing-field",
                "the journey has no `title` (the journey in the customer's words, e.g. \"I want to "
                "open a bank account\")",
                j.title_location.known() ? j.title_location : n.location);
    }
    if (!has_steps) {
      r_.report("missing-field", "the journey has no `steps`", n.location);
    }
  }

  void read_catalog(NodeId root, Catalog &c) {
    r_.for_each_entry(root, catalog_rule(), "the catalog", [&](const std::string &k, const Node &key, NodeId v) {
      if (k == "catalog") {
        if (auto t = r_.text(v, "catalog")) {
          c.catalog = *t;
        }
        c.catalog_location = r_.node(v).kind == Kind::Null ? key.location : r_.location(v);
      } else if (k == "channels") {
        read_channels(v, c.channels);
      } else if (k == "teams") {
        read_teams(v, c.teams);
      } else if (k == "processes") {
        read_processes(v, c.processes);
      } else if (k == "stages") {
        c.stages_location = key.location;
        read_stages(v, c.stages);
      } else if (k == "personas") {
        read_personas(v, c.personas);
      }
    });
  }

  Reader &reader() { return r_; }

private:
  Reader r_;
};

/// Reads the tree; returns the root mapping or kNoNode after reporting why there is none.
NodeId root_mapping(const yaml::Tree &tree, SchemaWalker &walker, std::string_view what) {
  if (tree.root == yaml::kNoNode) {
    return yaml::kNoNode;
  }
  const Node &root = tree.deref(tree.root);
  if (root.kind == Kind::Map) {
    return tree.root;
  }
  if (root.kind == Kind::Null) {
    walker.reader().report("missing-field",
                           fmt::format("the file is empty: a {} starts with `journey:`, `title:` "
                                       "and `steps:`",
                                       what),
                           Location{1, 1});
  } else {
    walker.reader().wrong_type(tree.root, what, "a mapping (`journey:`, `title:`, `steps:` ...)");
  }
  return yaml::kNoNode;
}

} // namespace

ParseResult parse(std::string_view text, std::string_view filename) {
  ParseResult result;
  result.journey.file = std::string(filename);
  const std::size_t before = result.diagnostics.size();
  yaml::Tree tree = yaml::parse_tree(text, filename, result.diagnostics);
  if (tree.root == yaml::kNoNode) {
    bool any_syntax = std::any_of(result.diagnostics.begin() + static_cast<std::ptrdiff_t>(before),
                                  result.diagnostics.end(),
                                  [](const Diagnostic &d) { return d.rule == "yaml-syntax"; });
    if (any_syntax) {
      result.readable = false;
      return result;
    }
    result.diagnostics.push_back(Diagnostic{Severity::Error, "missing-field",
                                            "the file is empty: a journey needs `journey:`, "
                                            "`title:` and `steps:`",
                                            std::string(filename), Location{1, 1}});
    result.readable = false;
    return result;
  }
  SchemaWalker walker(tree, filename, result.diagnostics);
  NodeId root = root_mapping(tree, walker, "journey");
  if (root == yaml::kNoNode) {
    result.readable = false;
    return result;
  }
  walker.read_journey(root, result.journey);
  result.journey.resolve();
  return result;
}

CatalogResult parse_catalog(std::string_view text, std::string_view filename) {
  CatalogResult result;
  result.catalog.file = std::string(filename);
  yaml::Tree tree = yaml::parse_tree(text, filename, result.diagnostics);
  if (tree.root == yaml::kNoNode) {
    result.readable = result.diagnostics.empty();
    return result;
  }
  SchemaWalker walker(tree, filename, result.diagnostics);
  if (tree.deref(tree.root).kind == Kind::Null) {
    return result;
  }
  NodeId root = root_mapping(tree, walker, "catalog");
  if (root == yaml::kNoNode) {
    result.readable = false;
    return result;
  }
  walker.read_catalog(root, result.catalog);
  for (auto &c : result.catalog.channels) {
    c.from_catalog = true;
  }
  for (auto &t : result.catalog.teams) {
    t.from_catalog = true;
  }
  for (auto &p : result.catalog.processes) {
    p.from_catalog = true;
  }
  for (auto &s : result.catalog.stages) {
    s.from_catalog = true;
  }
  for (auto &p : result.catalog.personas) {
    p.from_catalog = true;
  }
  return result;
}

namespace detail {

void read_step_node(const yaml::Tree &tree, NodeId id, std::string_view filename,
                    std::vector<Diagnostic> &out, std::vector<Step> &steps) {
  SchemaWalker(tree, filename, out).read_step(id, steps);
}

void read_next_node(const yaml::Tree &tree, NodeId id, std::string_view filename,
                    std::vector<Diagnostic> &out, Step &step) {
  SchemaWalker(tree, filename, out).read_next(id, step);
}

} // namespace detail

} // namespace journey
