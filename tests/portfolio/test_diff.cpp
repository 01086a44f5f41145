// Journey diff on hand-made pairs: steps added, removed and changed; metric deltas; regressions.
#include "journey/analysis/metrics.h"
#include "helpers.h"
#include "journey/portfolio/diff_format.h"

#include <cmath>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using namespace journey;

namespace {

/// kApply with the decision renamed, taken out of its process (no handoff left), waiting 3d
/// instead of 1d, and the last step replaced by a new one.
constexpr std::string_view kApplyChanged = R"(journey: apply
title: Apply online
intent: Help me borrow
owner: Lending
start: Needs money
ends:
  - Gets the money
  - Gives up
teams:
  sales: Sales
  ops: Operations
processes:
  decide:
    name: Decide on the loan
    team: ops
  pay:
    name: Pay out
    team: ops
steps:
  - id: apply
    name: Applies
    team: sales
    time: 1h
    next: decide
  - id: decide
    name: Credit decision
    actor: backstage
    wait: 3d
    time: 1h
    next: money
  - id: money
    name: Money arrives
    actor: backstage
    end: success
)";

JourneyDiff diff_of(std::string_view before, std::string_view after, const Budgets &budgets = {}) {
  Journey a = test::parsed(before, "old.yaml");
  Journey b = test::parsed(after, "new.yaml");
  return diff_journeys(a, b, compute_metrics(a), compute_metrics(b), budgets);
}

const MetricDelta &metric(const JourneyDiff &diff, std::string_view key) {
  for (const MetricDelta &m : diff.metrics) {
    if (m.metric == key) {
      return m;
    }
  }
  FAIL("no metric " << key);
  return diff.metrics.front();
}

} // namespace

TEST_CASE("diff: identical versions have no changes") {
  const JourneyDiff diff = diff_of(test::kApply, test::kApply);
  CHECK_FALSE(diff.has_changes());
  CHECK_FALSE(diff.has_regression());
  CHECK(diff.metrics.size() == 8);
  CHECK(format_diff_text(diff) == "journey apply: old.yaml -> new.yaml\nmetrics: unchanged\n"
                                  "no changes\n");
}

TEST_CASE("diff: steps added, removed and changed, field by field") {
  const JourneyDiff diff = diff_of(test::kApply, kApplyChanged);
  REQUIRE(diff.added.size() == 1);
  CHECK(diff.added[0].id == "money");
  REQUIRE(diff.removed.size() == 1);
  CHECK(diff.removed[0].id == "paid");
  REQUIRE(diff.changed.size() == 1);
  CHECK(diff.changed[0].id == "decide");
  const std::vector<FieldChange> &f = diff.changed[0].fields;
  REQUIRE(f.size() == 4);
  CHECK(f[0].field == "name");
  CHECK(f[0].before == "Decision");
  CHECK(f[0].after == "Credit decision");
  CHECK(f[1].field == "process");
  CHECK(f[1].after == "(none)");
  CHECK(f[2].field == "wait");
  CHECK(f[2].before == "1d");
  CHECK(f[2].after == "3d");
  CHECK(f[3].field == "next");
  CHECK(f[3].before == "paid");
  CHECK(f[3].after == "money");
  CHECK(diff.journey_fields.empty());
}

TEST_CASE("diff: every step field is compared") {
  const std::string before = R"(journey: j
title: J
channels:
  web: {name: Web, kind: digital}
  phone: {name: Phone, kind: assisted}
steps:
  - id: a
    name: A
    channel: web
    time: 1m
    cost: 1
    emotion: 1
    pain: slow
    note: n
    next:
      - to: b
        p: 0.5
        label: yes
      - to: c
  - id: b
    name: B
    end: success
  - id: c
    name: C
    end: failure
)";
  std::string after = before;
  const auto swap = [&](std::string_view from, std::string_view to) {
    after.replace(after.find(from), from.size(), to);
  };
  swap("    channel: web\n    time: 1m\n    cost: 1\n    emotion: 1\n    pain: slow\n    note: n",
       "    actor: frontstage\n    channel: phone\n    time: 2m\n    cost: 2.5\n    emotion: -2\n"
       "    pain: slower\n    note: m");
  swap("p: 0.5", "p: 0.75");
  swap("end: failure", "end: abandon");
  const JourneyDiff diff = diff_of(before, after);
  REQUIRE(diff.changed.size() == 2);
  std::string fields;
  for (const FieldChange &f : diff.changed[0].fields) {
    fields += f.field + ": " + f.before + " -> " + f.after + "\n";
  }
  CHECK(fields == "actor: customer -> frontstage\n"
                  "channel: web -> phone\n"
                  "time: 1m -> 2m\n"
                  "cost: 1.00 -> 2.50\n"
                  "next: b (50%, \"yes\"), c -> b (75%, \"yes\"), c\n"
                  "emotion: +1 -> -2\n"
                  "pain: slow -> slower\n"
                  "note: n -> m\n");
  REQUIRE(diff.changed[1].fields.size() == 1);
  CHECK(diff.changed[1].fields[0].field == "end");
  CHECK(diff.changed[1].fields[0].before == "failure");
  CHECK(diff.changed[1].fields[0].after == "abandon");
}

TEST_CASE("diff: journey fields") {
  std::string after(test::kApply);
  after.replace(after.find("title: Apply online"), 19, "title: Apply on the web");
  after.replace(after.find("owner: Lending"), 14, "owner: Retail");
  const JourneyDiff diff = diff_of(test::kApply, after);
  REQUIRE(diff.journey_fields.size() == 2);
  CHECK(diff.journey_fields[0].field == "title");
  CHECK(diff.journey_fields[0].after == "Apply on the web");
  CHECK(diff.journey_fields[1].field == "owner");
  CHECK(diff.journey_fields[1].before == "Lending");
  CHECK(diff.has_changes());
}

TEST_CASE("diff: metric deltas, signed and in the metric's unit") {
  const JourneyDiff diff = diff_of(test::kApply, kApplyChanged);
  const MetricDelta &lead = metric(diff, "lead_time");
  CHECK(lead.before == doctest::Approx(26 * 3600.0));
  CHECK(lead.after == doctest::Approx(74 * 3600.0));
  CHECK(lead.changed);
  CHECK(lead.worse);
  CHECK(format_metric_delta(lead) == "+2d");
  const MetricDelta &handoffs = metric(diff, "handoffs");
  CHECK(handoffs.before == doctest::Approx(1.0));
  CHECK(handoffs.after == doctest::Approx(0.0));
  CHECK_FALSE(handoffs.worse);
  CHECK(format_metric_delta(handoffs) == "-1");
  CHECK_FALSE(metric(diff, "touch_time").changed);
  CHECK(format_metric_delta(metric(diff, "touch_time")) == "0");

  MetricDelta rft;
  rft.kind = MetricKind::Probability;
  rft.before = 0.8;
  rft.after = 0.75;
  rft.changed = true;
  CHECK(format_metric_delta(rft) == "-5 pp");
  CHECK(format_metric_value(MetricKind::Probability, 0.75) == "75%");
  MetricDelta cost;
  cost.kind = MetricKind::Money;
  cost.before = 4.2;
  cost.after = 4.55;
  cost.changed = true;
  CHECK(format_metric_delta(cost) == "+0.35");
  cost.after = std::nan("");
  CHECK(format_metric_delta(cost) == "n/a");
  CHECK(format_metric_value(MetricKind::Money, cost.after) == "n/a");
}

TEST_CASE("diff: a budgeted metric that got worse is a regression; better or unbudgeted is not") {
  Budgets budgets;
  budgets.lead_time = 2 * 86400.0;
  budgets.handoffs = 3;
  const JourneyDiff worse = diff_of(test::kApply, kApplyChanged, budgets);
  CHECK(metric(worse, "lead_time").regression);
  CHECK_FALSE(metric(worse, "wait_time").regression); // worse, but no budget
  CHECK(metric(worse, "wait_time").worse);
  CHECK_FALSE(metric(worse, "handoffs").regression); // budgeted, but better
  CHECK(worse.has_regression());

  const JourneyDiff better = diff_of(kApplyChanged, test::kApply, budgets);
  CHECK_FALSE(metric(better, "lead_time").regression);
  CHECK(metric(better, "handoffs").regression); // 0 -> 1, budgeted
  CHECK(better.has_regression());

  Budgets none;
  CHECK_FALSE(diff_of(test::kApply, kApplyChanged, none).has_regression());

  Budgets rft;
  rft.right_first_time = 0.5;
  std::string loops(test::kApply);
  loops.replace(loops.find("    next: paid"), 14,
                "    next:\n      - to: paid\n        p: 0.6\n      - to: apply\n        p: 0.4");
  const JourneyDiff lower = diff_of(test::kApply, loops, rft);
  CHECK(metric(lower, "right_first_time").before == doctest::Approx(1.0));
  CHECK(metric(lower, "right_first_time").after < 1.0);
  CHECK(metric(lower, "right_first_time").regression);
}

TEST_CASE("diff text: exact output") {
  Budgets budgets;
  budgets.lead_time = 2 * 86400.0;
  budgets.handoffs = 3;
  CHECK(format_diff_text(diff_of(test::kApply, kApplyChanged, budgets)) ==
        "journey apply: old.yaml -> new.yaml\n"
        "steps added (1):\n"
        "  + money: Money arrives\n"
        "steps removed (1):\n"
        "  - paid: Money arrives\n"
        "steps changed (1):\n"
        "  ~ decide: Credit decision\n"
        "      name: Decision -> Credit decision\n"
        "      process: decide -> (none)\n"
        "      wait: 1d -> 3d\n"
        "      next: paid -> money\n"
        "metrics:\n"
        "  expected lead time  1d 2h -> 3d 2h  +2d  budget 2d, got worse: REGRESSION\n"
        "  expected wait       1d -> 3d        +2d\n"
        "  expected handoffs   1 -> 0          -1   budget 3\n"
        "1 step added, 1 removed, 1 changed; 1 regression\n");
}

TEST_CASE("diff formats: names from one table; the regressions in one line") {
  CHECK(value_of(kDiffFormatNames, "json") == DiffFormat::Json);
  CHECK_FALSE(value_of(kDiffFormatNames, "csv").has_value());
  Budgets budgets;
  budgets.lead_time = 2 * 86400.0;
  budgets.handoffs = 3;
  const JourneyDiff diff = diff_of(test::kApply, kApplyChanged, budgets);
  CHECK(format_diff(diff, DiffFormat::Text) == format_diff_text(diff));
  CHECK(format_diff(diff, DiffFormat::Json) == format_diff_json(diff));
  CHECK(format_regressions(diff) == "expected lead time +2d");
  CHECK(format_regressions(diff_of(test::kApply, test::kApply, budgets)).empty());
}

TEST_CASE("diff json: structure and values") {
  Budgets budgets;
  budgets.lead_time = 2 * 86400.0;
  const auto j =
      nlohmann::json::parse(format_diff_json(diff_of(test::kApply, kApplyChanged, budgets)));
  CHECK(j["journey"] == "apply");
  CHECK(j["before"] == "old.yaml");
  CHECK(j["steps"]["added"][0]["id"] == "money");
  CHECK(j["steps"]["removed"][0]["id"] == "paid");
  CHECK(j["steps"]["changed"][0]["fields"].size() == 4);
  CHECK(j["metrics"][0]["metric"] == "lead_time");
  CHECK(j["metrics"][0]["delta"] == 172800.0);
  CHECK(j["metrics"][0]["delta_text"] == "+2d");
  CHECK(j["metrics"][0]["budget"] == 172800.0);
  CHECK(j["metrics"][0]["regression"] == true);
  CHECK(j["metrics"][3]["metric"] == "handoffs");
  CHECK(j["metrics"][3]["budget"].is_null());
  CHECK(j["regression"] == true);
  CHECK(j["changed"] == true);
}

TEST_CASE("diff markdown: exact output, a row per changed field, cells escaped") {
  Budgets budgets;
  budgets.lead_time = 2 * 86400.0;
  budgets.handoffs = 3;
  CHECK(value_of(kDiffFormatNames, "md") == DiffFormat::Markdown);
  JourneyDiff diff = diff_of(test::kApply, kApplyChanged, budgets);
  CHECK(format_diff(diff, DiffFormat::Markdown) == format_diff_markdown(diff));
  CHECK(format_diff_markdown(diff) ==
        "### Journey `apply`: old.yaml → new.yaml\n\n"
        "**1 step added, 1 removed, 1 changed; 1 regression**\n\n"
        "#### Steps\n\n"
        "| Change | Step | Name | Field | Before | After |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| added | `money` | Money arrives |  |  |  |\n"
        "| removed | `paid` | Money arrives |  |  |  |\n"
        "| changed | `decide` | Credit decision | name | Decision | Credit decision |\n"
        "|  |  |  | process | decide | (none) |\n"
        "|  |  |  | wait | 1d | 3d |\n"
        "|  |  |  | next | paid | money |\n\n"
        "#### Metrics\n\n"
        "| Metric | Before | After | Change | Budget |\n"
        "| --- | ---: | ---: | ---: | --- |\n"
        "| expected lead time | 1d 2h | 3d 2h | +2d | 2d, got worse: **regression** |\n"
        "| expected wait | 1d | 3d | +2d |  |\n"
        "| expected handoffs | 1 | 0 | -1 | 3 |\n");
  diff.changed.front().fields.front().after = "a | `b` <i>c</i>\nd";
  diff.changed.front().id = "not `plain`";
  const std::string md = format_diff_markdown(diff);
  CHECK(md.find("| Decision | a \\| \\`b\\` &lt;i&gt;c&lt;/i&gt;<br>d |") != std::string::npos);
  CHECK(md.find("| changed | not \\`plain\\` |") != std::string::npos);
  CHECK(format_diff_markdown(diff_of(test::kApply, test::kApply)) ==
        "### Journey `apply`: old.yaml → new.yaml\n\n**no changes**\n\nMetrics: unchanged.\n");
}

TEST_CASE("diff: failure demand, queues and monthly figures, and regressions on watched keys") {
  // 1000 customers a month; 20% call back (failure demand, 5.00 a call); the queue of 2 agents
  // open all the time, 6m a call.
  constexpr std::string_view kQueue = R"(journey: claim
title: Make a claim
volume: 1000/month
channels:
  phone: {name: Phone, kind: assisted, cost: 5, staff: 2}
teams:
  ops: {name: Operations}
steps:
  - id: call
    name: Calls
    channel: phone
    wait: queue
    time: 6m
    next:
      - {to: check, p: 0.8}
      - {to: chase, p: 0.2}
  - id: chase
    name: Calls again
    channel: phone
    wait: queue
    failure_demand: true
    time: 6m
    next: check
  - id: check
    name: Checks the claim
    team: ops
    time: 30m
    end: success
)";
  std::string worse(kQueue);
  worse.replace(worse.find("p: 0.8}"), 7, "p: 0.5}");
  worse.replace(worse.find("p: 0.2}"), 7, "p: 0.5}");
  const JourneyDiff plain = diff_of(kQueue, worse);
  CHECK(metric(plain, "failure_demand_contacts").before == doctest::Approx(0.2));
  CHECK(metric(plain, "failure_demand_contacts").after == doctest::Approx(0.5));
  CHECK(metric(plain, "monthly.failure_demand_contacts").after == doctest::Approx(500));
  CHECK(metric(plain, "monthly.failure_demand_cost").after == doctest::Approx(2500));
  CHECK(metric(plain, "monthly.cost").before == doctest::Approx(6000));
  // Operations: 500 h a month at 30 h a week a person.
  CHECK(metric(plain, "monthly.fte.team.ops").before ==
        doctest::Approx(500.0 / (30 * 365.25 / 12 / 7)));
  CHECK(metric(plain, "queue.phone.answer").worse);
  CHECK(metric(plain, "queue.phone.service_level").worse);
  CHECK_FALSE(plain.has_regression()); // nothing budgeted, nothing watched

  Journey a = test::parsed(kQueue, "old.yaml");
  Journey b = test::parsed(worse, "new.yaml");
  const JourneyDiff watched =
      diff_journeys(a, b, compute_metrics(a), compute_metrics(b), {}, {"monthly.cost", "queue"});
  CHECK(metric(watched, "monthly.cost").regression);
  CHECK(metric(watched, "queue.phone.answer").regression);
  CHECK(metric(watched, "queue.phone.service_level").regression);
  CHECK_FALSE(metric(watched, "monthly.contacts").regression); // worse, but not watched
  CHECK(watched.has_regression());
  CHECK(format_regressions(watched).starts_with("per month: cost to serve +1,500.00"));
  CHECK(is_watched("monthly.fte.team.ops", {"monthly.fte"}));
  CHECK_FALSE(is_watched("monthly.ftex", {"monthly.fte"}));
}
