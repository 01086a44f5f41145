// Declarations of every rule check; each is defined in its own file in this folder.
#pragma once

#include "journey/lint/rule.h"

namespace journey::rules {

/// `duplicate-id`: two steps with one id; reported at the second.
void check_duplicate_id(const Journey &journey, const RuleContext &context, Reporter &out);
/// `unknown-reference`: `next`, `channel`, `process` or `team` naming nothing.
void check_unknown_reference(const Journey &journey, const RuleContext &context, Reporter &out);
/// `unreachable-step`: a step no path from the entry reaches.
void check_unreachable_step(const Journey &journey, const RuleContext &context, Reporter &out);
/// `dead-end`: a step with no `next` and no `end`.
void check_dead_end(const Journey &journey, const RuleContext &context, Reporter &out);
/// `end-with-next`: a step with both `end` and `next`.
void check_end_with_next(const Journey &journey, const RuleContext &context, Reporter &out);
/// `no-way-out`: reachable steps from which no `end` can be reached; one finding per trap.
void check_no_way_out(const Journey &journey, const RuleContext &context, Reporter &out);
/// `probability-sum`: branch probabilities that do not add up.
void check_probability_sum(const Journey &journey, const RuleContext &context, Reporter &out);
/// `missing-owner`: no journey owner.
void check_missing_owner(const Journey &journey, const RuleContext &context, Reporter &out);
/// `missing-intent`: no customer intent.
void check_missing_intent(const Journey &journey, const RuleContext &context, Reporter &out);
/// `unused-definition`: a channel, team or process no step uses.
void check_unused_definition(const Journey &journey, const RuleContext &context, Reporter &out);
/// `rework-loop`: a loop back to a step already taken; one finding per DFS back edge.
void check_rework_loop(const Journey &journey, const RuleContext &context, Reporter &out);
/// `channel-bounce`: digital, then assisted or in person, then sent back to digital.
void check_channel_bounce(const Journey &journey, const RuleContext &context, Reporter &out);
/// `failure-demand`: an assisted contact right after a pain point in another channel, unmarked.
void check_failure_demand(const Journey &journey, const RuleContext &context, Reporter &out);
/// `queue`: a `wait: queue` that cannot be computed, or a queue at or over 100% utilisation.
void check_queue(const Journey &journey, const RuleContext &context, Reporter &out);
/// `working-wait-without-hours`: `wait: 3 working days` with no team or channel hours.
void check_working_wait(const Journey &journey, const RuleContext &context, Reporter &out);
/// The share of customers found closed from which `closed-handoff` reports a step (10%).
inline constexpr double kClosedHandoffShare = 0.10;
/// `closed-handoff`: a step sends customers to a channel or team closed for a material share.
void check_closed_handoff(const Journey &journey, const RuleContext &context, Reporter &out);
/// `budget`: expected metrics over the budgets of `.journeylint.yaml`; reported at the journey id.
void check_budget(const Journey &journey, const RuleContext &context, Reporter &out);

/// `survey-scale`: an NPS, CES or CSAT outside its scale (and a survey naming an unknown step).
void check_survey_scale(const Journey &journey, const RuleContext &context, Reporter &out);
/// `survey-date`: a survey result dated after today (`RuleContext::today`).
void check_survey_date(const Journey &journey, const RuleContext &context, Reporter &out);
/// `survey-sample`: a sample of 0, or under `kSmallSample` respondents.
void check_survey_sample(const Journey &journey, const RuleContext &context, Reporter &out);
/// `survey-duplicate`: two results for one measure of the journey or a step on one date.
void check_survey_duplicate(const Journey &journey, const RuleContext &context, Reporter &out);

/// "the survey of 2025-03-31", "the survey of step `call` on 2025-03-31".
std::string survey_subject(const Survey &survey);

/// `unknown-stage`: a step's `stage` that is not declared in `stages`.
void check_unknown_stage(const Journey &journey, const RuleContext &context, Reporter &out);
/// `stage-order`: along the most likely path, a stage declared before one already passed.
void check_stage_order(const Journey &journey, const RuleContext &context, Reporter &out);
/// `unused-stage`: a stage the journey declares and no step is in.
void check_unused_stage(const Journey &journey, const RuleContext &context, Reporter &out);
/// `unknown-persona`: a `persona` or `personas` entry naming no defined persona.
void check_unknown_persona(const Journey &journey, const RuleContext &context, Reporter &out);
/// `persona-branch`: a persona's share naming no step, or no branch of its step.
void check_persona_branch(const Journey &journey, const RuleContext &context, Reporter &out);
/// `persona-shares`: a persona's shares out of a step that do not add up to 1.
void check_persona_shares(const Journey &journey, const RuleContext &context, Reporter &out);

} // namespace journey::rules
