// The rule registry: every lint rule, its id, summary, default severity and check, in one table.
#include "journey/lint/rule.h"
#include "journey/lint/rules/rules.h"

namespace journey {

const std::vector<Rule> &all_rules() {
  static const std::vector<Rule> rules{
      // Reported by the parser (lib/parse); listed here for ids, docs and configuration.
      {"yaml-syntax", "YAML that does not parse", Severity::Error, nullptr},
      {"duplicate-key", "a key repeated in one mapping", Severity::Error, nullptr},
      {"unknown-key", "a key the journey format does not have", Severity::Error, nullptr},
      {"missing-field", "a required field is missing", Severity::Error, nullptr},
      {"invalid-value", "a value of the wrong type or out of range", Severity::Error, nullptr},
      {"blank-text", "a title or name that shows nothing: only spaces or invisible characters",
       Severity::Error, nullptr},
      // Checks over the parsed journey (lib/lint/rules/).
      {"duplicate-id", "two steps with one id", Severity::Error, rules::check_duplicate_id},
      {"unknown-reference", "a `next`, `channel`, `process` or `team` naming nothing",
       Severity::Error, rules::check_unknown_reference},
      {"unreachable-step", "a step no path from the entry reaches", Severity::Error,
       rules::check_unreachable_step},
      {"dead-end", "a step with no `next` and no `end`", Severity::Error, rules::check_dead_end},
      {"end-with-next", "a step with both `end` and `next`", Severity::Error,
       rules::check_end_with_next},
      {"no-way-out", "a trap: steps from which no `end` can be reached", Severity::Error,
       rules::check_no_way_out},
      {"probability-sum", "branch probabilities that do not add up to 1", Severity::Warning,
       rules::check_probability_sum},
      {"missing-owner", "no journey owner", Severity::Warning, rules::check_missing_owner},
      {"missing-intent", "no customer intent", Severity::Warning, rules::check_missing_intent},
      {"unused-definition", "a channel, team or process that no step uses", Severity::Warning,
       rules::check_unused_definition},
      {"rework-loop", "a loop: the customer repeats steps (not right first time)",
       Severity::Warning, rules::check_rework_loop},
      {"channel-bounce", "sent from an assisted channel back to a digital one", Severity::Warning,
       rules::check_channel_bounce},
      {"failure-demand",
       "a call or visit right after a pain point in another channel, not marked as failure "
       "demand",
       Severity::Warning, rules::check_failure_demand},
      {"queue", "a computed queue (`wait: queue`) that cannot be computed or grows without end",
       Severity::Error, rules::check_queue},
      {"working-wait-without-hours",
       "a wait in working time (`3 working days`) with no team or channel hours to count it in",
       Severity::Error, rules::check_working_wait},
      {"closed-handoff",
       "a step sends customers to a channel or team that is closed for 10% or more of them",
       Severity::Info, rules::check_closed_handoff},
      {"budget", "expected metrics over the budgets in `.journeylint.yaml`", Severity::Error,
       rules::check_budget},
      {"survey-scale", "an NPS, CES or CSAT outside its scale", Severity::Error,
       rules::check_survey_scale},
      {"survey-date", "a survey result dated after today", Severity::Error,
       rules::check_survey_date},
      {"survey-sample", "a survey result from no or very few respondents", Severity::Warning,
       rules::check_survey_sample},
      {"survey-duplicate", "two results for one measure on the same date", Severity::Error,
       rules::check_survey_duplicate},

      {"unknown-stage", "a step's `stage` that is not one of the declared `stages`",
       Severity::Error, rules::check_unknown_stage},
      {"stage-order", "stages out of order along the most likely path", Severity::Warning,
       rules::check_stage_order},
      {"unused-stage", "a declared stage no step is in", Severity::Warning,
       rules::check_unused_stage},
      {"unknown-persona", "a `persona` that is defined nowhere", Severity::Error,
       rules::check_unknown_persona},
      {"persona-branch", "a persona's branch share naming no step or no branch of it",
       Severity::Error, rules::check_persona_branch},
      {"persona-shares", "a persona's branch shares out of a step that do not add up to 1",
       Severity::Warning, rules::check_persona_shares},
      // Reported by the workspace (lib/load) when it resolves shared catalogs.
      {"catalog", "a shared catalog that cannot be found, read or that includes itself",
       Severity::Error, nullptr},
      {"catalog-redefinition",
       "a journey that redefines a channel, team or process from its shared catalog",
       Severity::Error, nullptr},
  };
  return rules;
}

const Rule *find_rule(std::string_view id) {
  for (const Rule &r : all_rules()) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

std::string_view project_url() { return JOURNEY_PROJECT_URL; }

std::string rule_url(std::string_view id) {
  return std::string(project_url()) + "/blob/main/docs/rules/" + std::string(id) + ".md";
}

} // namespace journey
