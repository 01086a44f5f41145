// Scenario parser: walks a scenario file's YAML tree along its key tables and fills the model.
#include "journey/parse/scenario.h"

#include "journey/model/rate.h"
#include "journey/parse/reader.h"
#include "journey/parse/yaml_tree.h"

#include <fmt/format.h>

namespace journey {

using detail::Reader;
using yaml::Kind;
using yaml::Node;
using yaml::NodeId;

namespace {

struct Tables {
  MappingRule staff = mapping(
      "scenario-staff", "New staff for a team (people) or a channel (agents while it is open).",
      {required(key("staff", ValueRule::Number, "Full-time equivalents."))});
  MappingRule share = mapping(
      "scenario-share", "A new share for one branch of the step: the branch leading to `to`.",
      {required(key("to", ValueRule::Id, "Id of the step the branch leads to.")),
       required(key("p", ValueRule::Probability, "The branch's new probability."))});
  MappingRule removal =
      mapping("scenario-removal",
              "A step taken out of the journey; the steps that led to it lead to `to` instead.",
              {required(key("step", ValueRule::Id, "Id of the step to remove.")),
               key("to", ValueRule::Id,
                   "Id of the step its customers go to instead. Default: its single next step.")});
  MappingRule step = mapping(
      "scenario-step", "Changes to one step; what is not written stays as it is.",
      {key("wait", ValueRule::Wait, "The step's new wait (a duration, a spread or `queue`)."),
       key("time", ValueRule::Spread, "The step's new active time."),
       key("cost", ValueRule::Number, "The step's new cost of one pass."),
       of(key("next", ValueRule::Next, "Replaces every next step (and the step is no end)."),
          branch_rule()),
       of(key("shares", ValueRule::ListOf,
              "New shares for some of the step's branches, each named by the step it leads to."),
          share)});
  MappingRule journey = mapping(
      "scenario-journey", "The changes to one journey of the current state, named by its id.",
      {key("volume", ValueRule::Rate, "The journey's new volume: `14000/month`."),
       of(key("teams", ValueRule::MappingsById, "New staff of the journey's teams, by team id."),
          staff),
       of(key("channels", ValueRule::MappingsById,
              "New staff of the journey's channels, by channel id."),
          staff),
       of(key("steps", ValueRule::MappingsById, "Changes to existing steps, by step id."), step),
       of(key("remove", ValueRule::ListOf, "Steps taken out."), removal),
       of(key("add", ValueRule::ListOf,
              "New steps, written as in a journey; steps lead to them through `next` or a "
              "removal's `to`."),
          step_rule())});
  MappingRule scenario = [this] {
    MappingRule m = mapping(
        "scenario",
        "A scenario: changes overlaid on the journeys of a current state, for `journey compare "
        "CURRENT SCENARIO` (docs/format.md, \"Scenarios\").",
        {required(key("scenario", ValueRule::Slug, "Id of the scenario.")),
         key("title", ValueRule::Text, "What the scenario changes, in words."),
         of(key("teams", ValueRule::MappingsById,
                "New staff of teams, in every journey that has the team."),
            staff),
         of(key("channels", ValueRule::MappingsById,
                "New staff of channels, in every journey that has the channel."),
            staff),
         of(key("journeys", ValueRule::MappingsById, "Changes per journey, by journey id."),
            journey)});
    m.title = "journey scenario";
    return m;
  }();
};

const Tables &tables() {
  static const Tables t;
  return t;
}

class ScenarioWalker {
public:
  ScenarioWalker(const yaml::Tree &tree, std::string_view filename, std::vector<Diagnostic> &out)
      : tree_(tree), filename_(filename), out_(out), r_(tree, filename, out) {}

  void read(NodeId root, Scenario &s) {
    s.location = r_.location(root);
    bool has_id = false;
    r_.for_each_entry(root, scenario_rule(), "the scenario",
                      [&](const std::string &k, const Node &, NodeId v) {
                        if (k == "scenario") {
                          has_id = true;
                          s.id = r_.text(v, "scenario").value_or("");
                        } else if (k == "title") {
                          s.title = r_.text(v, "title").value_or("");
                        } else if (k == "teams" || k == "channels") {
                          read_staff(v, k == "channels", s.staff);
                        } else if (k == "journeys") {
                          read_journeys(v, s.journeys);
                        }
                      });
    if (!has_id) {
      r_.report("missing-field", "the scenario has no `scenario:` id", s.location);
    }
  }

private:
  bool is_map(NodeId v, std::string_view field, std::string_view expected) {
    const Node &n = r_.node(v);
    if (n.kind == Kind::Map) {
      return true;
    }
    if (n.kind != Kind::Null) {
      r_.wrong_type(v, field, expected);
    }
    return false;
  }

  bool is_list(NodeId v, std::string_view field) {
    const Node &n = r_.node(v);
    if (n.kind == Kind::Sequence) {
      return true;
    }
    if (n.kind != Kind::Null) {
      r_.wrong_type(v, field, "a list");
    }
    return false;
  }

  void read_staff(NodeId v, bool channels, std::vector<StaffChange> &out) {
    const std::string_view field = channels ? "channels" : "teams";
    if (!is_map(v, field, "a mapping of ids to `{staff: N}`")) {
      return;
    }
    r_.for_each_id(v, [&](const std::string &id, const Node &key, NodeId value) {
      StaffChange c;
      c.channel = channels;
      c.id = id;
      c.location = key.location;
      bool has_staff = false;
      if (!is_map(value, fmt::format("{} `{}`", channels ? "channel" : "team", id),
                  "a mapping with `staff`")) {
        r_.report("missing-field", fmt::format("`{}` needs `staff: N`", id), key.location);
        return;
      }
      r_.for_each_entry(value, scenario_staff_rule(), fmt::format("`{}`", id),
                        [&](const std::string &, const Node &, NodeId n) {
                          if (auto x = r_.number(n, "staff")) {
                            c.staff = *x;
                            has_staff = true;
                          }
                        });
      if (has_staff) {
        out.push_back(std::move(c));
      } else {
        r_.report("missing-field", fmt::format("`{}` needs `staff: N`", id), key.location);
      }
    });
  }

  void read_journeys(NodeId v, std::vector<JourneyScenario> &out) {
    if (!is_map(v, "journeys", "a mapping of journey ids to their changes")) {
      return;
    }
    r_.for_each_id(v, [&](const std::string &id, const Node &key, NodeId value) {
      JourneyScenario js;
      js.journey = id;
      js.location = key.location;
      if (is_map(value, fmt::format("journey `{}`", id), "a mapping of changes")) {
        read_journey(value, js);
      }
      out.push_back(std::move(js));
    });
  }

  void read_journey(NodeId map, JourneyScenario &js) {
    r_.for_each_entry(
        map, scenario_journey_rule(), fmt::format("journey `{}`", js.journey),
        [&](const std::string &k, const Node &, NodeId v) {
          if (k == "volume") {
            read_volume(v, js);
          } else if (k == "teams" || k == "channels") {
            read_staff(v, k == "channels", js.staff);
          } else if (k == "steps") {
            if (is_map(v, "steps", "a mapping of step ids to their changes")) {
              r_.for_each_id(v, [&](const std::string &id, const Node &key, NodeId value) {
                StepEdit e;
                e.step = id;
                e.location = key.location;
                if (is_map(value, fmt::format("step `{}`", id), "a mapping of changes")) {
                  read_step_edit(value, e);
                }
                js.steps.push_back(std::move(e));
              });
            }
          } else if (k == "remove") {
            if (is_list(v, "remove")) {
              for (NodeId item : r_.items(v)) {
                read_removal(item, js.remove);
              }
            }
          } else if (k == "add") {
            if (is_list(v, "add")) {
              for (NodeId item : r_.items(v)) {
                detail::read_step_node(tree_, item, filename_, out_, js.add);
              }
            }
          }
        });
  }

  void read_volume(NodeId v, JourneyScenario &js) {
    js.volume_location = r_.location(v);
    const std::optional<std::string> t = r_.text(v, "volume");
    if (!t) {
      return;
    }
    Expected<double> per_month = parse_rate_per_month(*t);
    if (!per_month) {
      r_.report(
          "invalid-value",
          fmt::format("bad `volume` `{}`: {}; write e.g. `12000/month`", *t, per_month.error()),
          r_.location(v));
      return;
    }
    js.volume = *per_month;
  }

  void read_step_edit(NodeId map, StepEdit &e) {
    r_.for_each_entry(map, scenario_step_rule(), fmt::format("step `{}`", e.step),
                      [&](const std::string &k, const Node &, NodeId v) {
                        if (k == "wait" || k == "time") {
                          const Node &w = r_.node(v);
                          if (k == "wait" && w.kind == Kind::Scalar && w.value == "queue") {
                            e.wait = 0;
                            e.wait_queue = true;
                            return;
                          }
                          const std::optional<Spread> spread = r_.spread(v, k);
                          if (!spread) {
                            return;
                          }
                          const std::optional<Spread> varies =
                              spread->shape != SpreadShape::Fixed ? spread : std::nullopt;
                          if (k == "wait") {
                            e.wait = spread->mean();
                            e.wait_spread = varies;
                          } else {
                            e.time = spread->mean();
                            e.time_spread = varies;
                          }
                        } else if (k == "cost") {
                          e.cost = r_.number(v, "cost");
                        } else if (k == "next") {
                          Step holder;
                          detail::read_next_node(tree_, v, filename_, out_, holder);
                          e.next = std::move(holder.next);
                        } else if (k == "shares") {
                          if (is_list(v, "shares")) {
                            for (NodeId item : r_.items(v)) {
                              read_share(item, e.shares);
                            }
                          }
                        }
                      });
  }

  void read_share(NodeId item, std::vector<ShareChange> &out) {
    if (!is_map(item, "a share", "a mapping `{to: STEP, p: 70%}`")) {
      return;
    }
    ShareChange share;
    bool has_to = false;
    bool has_p = false;
    r_.for_each_entry(
        item, scenario_share_rule(), "a share", [&](const std::string &k, const Node &, NodeId v) {
          if (k == "to") {
            if (auto t = r_.text(v, "to")) {
              share.to = *t;
              share.location = r_.location(v);
              has_to = true;
            }
          } else if (auto p = r_.number(v, "p", true)) {
            if (*p > 1) {
              r_.report("invalid-value",
                        fmt::format("`p` must be from 0 to 1 (or 0% to 100%), not {}", *p),
                        r_.location(v));
            } else {
              share.p = *p;
              has_p = true;
            }
          }
        });
    if (!has_to || !has_p) {
      r_.report("missing-field", "a share needs `to: STEP` and `p: SHARE`", r_.location(item));
      return;
    }
    out.push_back(std::move(share));
  }

  void read_removal(NodeId item, std::vector<StepRemoval> &out) {
    const Node &n = r_.node(item);
    StepRemoval removal;
    if (n.kind == Kind::Scalar) {
      removal.step = n.value;
      removal.location = n.location;
      out.push_back(std::move(removal));
      return;
    }
    if (!is_map(item, "a removal", "a step id, or `{step: STEP, to: STEP}`")) {
      return;
    }
    r_.for_each_entry(item, scenario_removal_rule(), "a removal",
                      [&](const std::string &k, const Node &, NodeId v) {
                        const std::optional<std::string> t = r_.text(v, k);
                        if (!t) {
                          return;
                        }
                        if (k == "step") {
                          removal.step = *t;
                          removal.location = r_.location(v);
                        } else {
                          removal.to = *t;
                          removal.to_location = r_.location(v);
                        }
                      });
    if (removal.step.empty()) {
      r_.report("missing-field", "a removal needs `step: STEP`", r_.location(item));
      return;
    }
    out.push_back(std::move(removal));
  }

  const yaml::Tree &tree_;
  std::string_view filename_;
  std::vector<Diagnostic> &out_;
  Reader r_;
};

} // namespace

const MappingRule &scenario_rule() {
  return tables().scenario;
}
const MappingRule &scenario_journey_rule() {
  return tables().journey;
}
const MappingRule &scenario_step_rule() {
  return tables().step;
}
const MappingRule &scenario_staff_rule() {
  return tables().staff;
}
const MappingRule &scenario_share_rule() {
  return tables().share;
}
const MappingRule &scenario_removal_rule() {
  return tables().removal;
}

bool is_scenario_text(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    if (line.starts_with("scenario:")) {
      return true;
    }
    at = end + 1;
  }
  return false;
}

ScenarioResult parse_scenario(std::string_view text, std::string_view filename) {
  ScenarioResult result;
  result.scenario.file = std::string(filename);
  yaml::Tree tree = yaml::parse_tree(text, filename, result.diagnostics);
  if (tree.root == yaml::kNoNode || tree.deref(tree.root).kind != Kind::Map) {
    if (result.diagnostics.empty()) {
      result.diagnostics.push_back(
          Diagnostic{Severity::Error, "missing-field",
                     "a scenario is a mapping that starts with `scenario:` and `journeys:`",
                     std::string(filename), Location{1, 1}});
    }
    result.readable = false;
    return result;
  }
  ScenarioWalker(tree, filename, result.diagnostics).read(tree.root, result.scenario);
  return result;
}

} // namespace journey
