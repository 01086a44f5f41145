// Scenario: a scenario's changes checked against the journeys they name, then applied.
#include "journey/model/scenario.h"

#include "journey/model/suggest.h"
#include "journey/model/text.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace journey {
namespace {

constexpr std::size_t kListed = 8; ///< names listed in a message before "and N more"

class Applier {
public:
  Applier(const Scenario &scenario, std::vector<Diagnostic> &out) : s_(scenario), out_(out) {}

  void error(std::string message, Location where) {
    out_.push_back(Diagnostic{Severity::Error, "scenario", std::move(message), s_.file, where});
  }

  /// "`x`, `y` and 3 more"
  static std::string listed(const std::vector<std::string> &names) {
    std::vector<std::string> quoted;
    quoted.reserve(names.size());
    for (const std::string &n : names) {
      quoted.push_back("`" + n + "`");
    }
    return quoted.empty() ? "none" : and_list(quoted, kListed);
  }

  static std::string suggestion(std::string_view word, const std::vector<std::string> &names) {
    std::vector<std::string_view> views(names.begin(), names.end());
    return did_you_mean(word, views);
  }

  static std::vector<std::string> step_ids(const Journey &j) {
    std::vector<std::string> out;
    out.reserve(j.steps.size());
    for (const Step &s : j.steps) {
      out.push_back(s.id);
    }
    return out;
  }

  /// The index of step `id` in `j`, or an error naming the steps that exist.
  std::optional<std::size_t> step(const Journey &j, const std::string &id, Location where,
                                   std::string_view what) {
    const Index i = j.find_step(id);
    if (valid_index(i, j.steps.size())) {
      return static_cast<std::size_t>(i);
    }
    const std::vector<std::string> ids = step_ids(j);
    error("the scenario " + std::string(what) + " `" + id + "`, but journey `" + j.id +
              "` has no such step" + suggestion(id, ids) + "; its steps are " + listed(ids),
          where);
    return std::nullopt;
  }

  /// Sets the staff of team or channel `c.id` in `j`; false when it has none.
  static bool set_staff(Journey &j, const StaffChange &c) {
    bool found = false;
    if (c.channel) {
      for (Channel &ch : j.channels) {
        if (ch.id == c.id) {
          ch.staff = c.staff;
          found = true;
        }
      }
      return found;
    }
    for (Team &t : j.teams) {
      if (t.id == c.id) {
        t.staff = c.staff;
        found = true;
      }
    }
    return found;
  }

  static std::vector<std::string> staffable(const Journey &j, bool channels) {
    std::vector<std::string> out;
    if (channels) {
      for (const Channel &c : j.channels) {
        out.push_back(c.id);
      }
    } else {
      for (const Team &t : j.teams) {
        out.push_back(t.id);
      }
    }
    return out;
  }

  static std::string_view kind(const StaffChange &c) { return c.channel ? "channel" : "team"; }

  void add_steps(Journey &j, const JourneyScenario &js) {
    for (const Step &s : js.add) {
      if (valid_index(j.find_step(s.id), j.steps.size())) {
        error("the scenario adds step `" + s.id + "`, but journey `" + j.id +
                  "` already has one: change it under `steps`, or give the new step another id",
              s.id_location.known() ? s.id_location : s.location);
        continue;
      }
      j.steps.push_back(s);
      j.steps.back().channel_index = npos;
      j.steps.back().team_index = npos;
      j.steps.back().process_index = npos;
    }
  }

  void edit_steps(Journey &j, const JourneyScenario &js) {
    for (const StepEdit &e : js.steps) {
      const auto i = step(j, e.step, e.location, "changes step");
      if (!i) {
        continue;
      }
      Step &s = j.steps[*i];
      if (e.wait) {
        s.wait = *e.wait;
        s.wait_spread = e.wait_spread;
        s.wait_queue = e.wait_queue;
      }
      if (e.time) {
        s.time = *e.time;
        s.time_spread = e.time_spread;
      }
      if (e.cost) {
        s.cost = e.cost;
      }
      if (e.next) {
        s.next = *e.next;
        s.end = EndKind::None;
      }
      for (const ShareChange &share : e.shares) {
        auto t = std::find_if(s.next.begin(), s.next.end(),
                              [&](const Transition &x) { return x.to == share.to; });
        if (t == s.next.end()) {
          std::vector<std::string> targets;
          for (const Transition &x : s.next) {
            targets.push_back(x.to);
          }
          error("step `" + s.id + "` of journey `" + j.id + "` has no branch to `" + share.to +
                    "`" + suggestion(share.to, targets) + "; its branches go to " +
                    listed(targets),
                share.location);
          continue;
        }
        t->p = share.p;
      }
    }
  }

  /// Removes steps, pointing the transitions that led to each at its replacement.
  void remove_steps(Journey &j, const JourneyScenario &js) {
    std::unordered_map<std::string, std::string> replacement;
    for (const StepRemoval &r : js.remove) {
      const auto i = step(j, r.step, r.location, "removes step");
      if (!i) {
        continue;
      }
      const Step &s = j.steps[*i];
      std::string to = r.to;
      Location where = r.to_location.known() ? r.to_location : r.location;
      if (to.empty()) {
        if (s.next.size() != 1) {
          error("step `" + s.id + "` " +
                    (s.next.empty() ? std::string("has no next step")
                                    : "has " + plural(s.next.size(), "next step", "next steps")) +
                    ", so where its customers go instead is not clear: say which step with "
                    "`{step: " + s.id + ", to: STEP}`",
                r.location);
          continue;
        }
        to = s.next.front().to;
      } else if (!step(j, to, where, "sends the customers of a removed step to")) {
        continue;
      }
      replacement.emplace(s.id, to);
    }
    // A replacement that is itself removed: follow the chain (bounded by the removals).
    for (auto &[id, to] : replacement) {
      std::unordered_set<std::string> seen{id};
      while (replacement.contains(to)) {
        if (!seen.insert(to).second) {
          error("the removed steps lead only to one another (`" + id +
                    "` and more): keep one of them or say where their customers go with `to:`",
                js.location);
          return;
        }
        to = replacement.at(to);
      }
    }
    if (replacement.empty()) {
      return;
    }
    const std::string entry = j.steps.empty() ? "" : j.steps.front().id;
    std::string new_entry;
    if (replacement.contains(entry)) {
      new_entry = replacement.at(entry);
    }
    std::vector<Step> kept;
    kept.reserve(j.steps.size());
    for (Step &s : j.steps) {
      if (replacement.contains(s.id)) {
        continue;
      }
      std::vector<Transition> next;
      for (Transition &t : s.next) {
        if (auto it = replacement.find(t.to); it != replacement.end()) {
          t.to = it->second;
        }
        auto same = std::find_if(next.begin(), next.end(),
                                 [&](const Transition &x) { return x.to == t.to; });
        if (same == next.end()) {
          next.push_back(std::move(t));
        } else if (same->p && t.p) {
          same->p = *same->p + *t.p; // two branches now lead to one step: one branch
        }
      }
      s.next = std::move(next);
      kept.push_back(std::move(s));
    }
    if (!new_entry.empty()) {
      auto first = std::find_if(kept.begin(), kept.end(),
                                [&](const Step &s) { return s.id == new_entry; });
      std::rotate(kept.begin(), first, first + 1);
    }
    j.steps = std::move(kept);
  }

  void apply_journey(Journey &j, const JourneyScenario &js) {
    if (js.volume) {
      j.volume = js.volume;
    }
    for (const StaffChange &c : js.staff) {
      if (!set_staff(j, c)) {
        const std::vector<std::string> ids = staffable(j, c.channel);
        error("journey `" + j.id + "` has no " + std::string(kind(c)) + " `" + c.id + "`" +
                  suggestion(c.id, ids) + "; its " + std::string(kind(c)) + "s are " +
                  listed(ids),
              c.location);
      }
    }
    add_steps(j, js);
    j.resolve();
    edit_steps(j, js);
    remove_steps(j, js);
    j.resolve();
  }

  void run(std::vector<Journey> &journeys) {
    std::vector<std::string> ids;
    for (const Journey &j : journeys) {
      ids.push_back(j.id);
    }
    for (const JourneyScenario &js : s_.journeys) {
      auto it = std::find_if(journeys.begin(), journeys.end(),
                             [&](const Journey &j) { return j.id == js.journey; });
      if (it == journeys.end()) {
        error("the scenario changes journey `" + js.journey + "`, which is not in the current "
                  "state" + suggestion(js.journey, ids) + "; it holds " + listed(ids),
              js.location);
        continue;
      }
      Journey changed = *it;
      const std::size_t before = out_.size();
      apply_journey(changed, js);
      if (out_.size() == before) {
        *it = std::move(changed);
      }
    }
    for (const StaffChange &c : s_.staff) {
      bool found = false;
      for (Journey &j : journeys) {
        found = set_staff(j, c) || found;
      }
      if (!found) {
        std::vector<std::string> all;
        std::unordered_set<std::string> seen;
        for (const Journey &j : journeys) {
          for (std::string &id : staffable(j, c.channel)) {
            if (seen.insert(id).second) {
              all.push_back(std::move(id));
            }
          }
        }
        error("no journey of the current state has a " + std::string(kind(c)) + " `" + c.id +
                  "`" + suggestion(c.id, all) + "; their " + std::string(kind(c)) + "s are " +
                  listed(all),
              c.location);
      }
    }
  }

private:
  const Scenario &s_;
  std::vector<Diagnostic> &out_;
};

} // namespace

std::vector<Diagnostic> apply_scenario(const Scenario &scenario, std::vector<Journey> &journeys) {
  std::vector<Diagnostic> out;
  std::vector<Journey> changed = journeys;
  Applier(scenario, out).run(changed);
  if (out.empty()) {
    journeys = std::move(changed);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return std::pair{a.location.line, a.location.column} <
           std::pair{b.location.line, b.location.column};
  });
  return out;
}

} // namespace journey
