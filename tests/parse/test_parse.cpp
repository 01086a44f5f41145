// Tests of parse() and parse_catalog(): every field, positions, defaults, diagnostics, merge keys.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "helpers.h"

#include <cmath>
#include <doctest/doctest.h>

using namespace journey;
using journey::test::at;
using journey::test::dump;
using journey::test::find;
using journey::test::where;
using journey::test::with_steps;

namespace {

const char *const kFullJourney = R"(journey: open-bank-account
title: I want to open a bank account
intent: Help me manage my money
owner: Head of Accounts
start: Needs an account for a new job
ends: [Account open, Gives up]
catalog: org.yaml
channels:
  web:
    name: Website
    kind: digital
    hours: 24/7
    cost: 0.1
    response: 1h30m
  phone: {name: Phone, kind: assisted, hours: "Mon-Fri 08:00-20:00; Sat 09:00-13:00", cost: 6.5}
teams:
  ops: Operations
  fraud:
    name: Fraud team
processes:
  idv:
    name: ID and V
    team: ops
  review: Manual review
steps:
  - id: apply
    name: Applies online
    channel: web
    wait: 10m
    time: 20m
    cost: 1.5
    pain: [Too many questions, Slow]
    emotion: -1
    note: First contact
    next:
      - to: check
        p: 40%
        label: online
      - check2
  - id: check
    name: Checks identity
    process: idv
    next: done
  - id: check2
    name: Fraud check
    actor: system
    team: fraud
    process: review
    next: [done]
  - id: done
    name: Done
    end: success
)";

/// One step `a` with the given extra lines (each indented by four spaces), ending the journey.
std::string one_step(std::string_view extra) {
  return with_steps("  - id: a\n    name: A\n" + std::string(extra));
}

} // namespace

TEST_CASE("parse: reads every journey-level field with its position") {
  const ParseResult r = parse(kFullJourney, "full.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.readable);
  const Journey &j = r.journey;
  CHECK(j.file == "full.yaml");
  CHECK(j.id == "open-bank-account");
  CHECK(at(j.id_location) == "1:10");
  CHECK(j.title == "I want to open a bank account");
  CHECK(at(j.title_location) == "2:8");
  CHECK(j.intent == "Help me manage my money");
  CHECK(j.owner == "Head of Accounts");
  CHECK(j.start == "Needs an account for a new job");
  REQUIRE(j.ends.size() == 2);
  CHECK(j.ends[0] == "Account open");
  CHECK(j.ends[1] == "Gives up");
  CHECK(j.catalog == "org.yaml");
  CHECK(at(j.catalog_location) == "7:10");
  CHECK(at(j.location) == "1:1");
  CHECK(at(j.steps_location) == "25:1");
}

TEST_CASE("parse: reads channels, teams and processes with positions") {
  const ParseResult r = parse(kFullJourney, "full.yaml");
  const Journey &j = r.journey;
  REQUIRE(j.channels.size() == 2);
  const Channel &web = j.channels[0];
  CHECK(web.id == "web");
  CHECK(web.name == "Website");
  CHECK(web.kind == ChannelKind::Digital);
  CHECK(at(web.location) == "9:3");
  CHECK(at(web.kind_location) == "11:11");
  REQUIRE(web.hours.has_value());
  CHECK(web.hours->always);
  CHECK(web.hours->minutes_per_week() == 10080);
  CHECK(web.cost == doctest::Approx(0.1));
  CHECK(web.response == doctest::Approx(5400));
  CHECK_FALSE(web.from_catalog);

  const Channel &phone = j.channels[1];
  CHECK(phone.id == "phone");
  CHECK(phone.name == "Phone");
  CHECK(phone.kind == ChannelKind::Assisted);
  CHECK(at(phone.location) == "15:3");
  CHECK(at(phone.kind_location) == "15:30");
  REQUIRE(phone.hours.has_value());
  CHECK(phone.hours->minutes_per_week() == 5 * 12 * 60 + 4 * 60);
  CHECK(phone.cost == doctest::Approx(6.5));
  CHECK_FALSE(phone.response.has_value());

  REQUIRE(j.teams.size() == 2);
  CHECK(j.teams[0].id == "ops");
  CHECK(j.teams[0].name == "Operations");
  CHECK(at(j.teams[0].location) == "17:3");
  CHECK(j.teams[1].id == "fraud");
  CHECK(j.teams[1].name == "Fraud team");
  CHECK(at(j.teams[1].location) == "18:3");

  REQUIRE(j.processes.size() == 2);
  CHECK(j.processes[0].id == "idv");
  CHECK(j.processes[0].name == "ID and V");
  CHECK(j.processes[0].team == "ops");
  CHECK(at(j.processes[0].location) == "21:3");
  CHECK(at(j.processes[0].team_location) == "23:11");
  CHECK(j.processes[0].team_index == 0);
  CHECK(j.processes[1].id == "review");
  CHECK(j.processes[1].name == "Manual review");
  CHECK(j.processes[1].team.empty());
  CHECK(j.processes[1].team_index == npos);
}

TEST_CASE("parse: reads every step field with its position") {
  const ParseResult r = parse(kFullJourney, "full.yaml");
  const Journey &j = r.journey;
  REQUIRE(j.steps.size() == 4);
  const Step &s = j.steps[0];
  CHECK(s.id == "apply");
  CHECK(at(s.location) == "26:5");
  CHECK(at(s.id_location) == "26:9");
  CHECK(s.name == "Applies online");
  CHECK(s.actor == Actor::Customer);
  CHECK_FALSE(s.actor_explicit);
  CHECK(s.channel == "web");
  CHECK(at(s.channel_location) == "28:14");
  CHECK(s.channel_index == 0);
  CHECK(s.wait == doctest::Approx(600));
  CHECK(s.time == doctest::Approx(1200));
  CHECK(s.cost == doctest::Approx(1.5));
  REQUIRE(s.pain.size() == 2);
  CHECK(s.pain[0] == "Too many questions");
  CHECK(s.pain[1] == "Slow");
  CHECK(s.emotion == -1);
  CHECK(s.note == "First contact");
  CHECK(s.end == EndKind::None);
  CHECK(at(s.next_location) == "36:7");
  REQUIRE(s.next.size() == 2);
  CHECK(s.next[0].to == "check");
  CHECK(s.next[0].p == doctest::Approx(0.4));
  CHECK(s.next[0].label == "online");
  CHECK(at(s.next[0].location) == "36:13");
  CHECK(s.next[0].target == 1);
  CHECK(s.next[1].to == "check2");
  CHECK_FALSE(s.next[1].p.has_value());
  CHECK(s.next[1].label.empty());
  CHECK(at(s.next[1].location) == "39:9");
  CHECK(s.next[1].target == 2);
  CHECK(j.step_cost(s) == doctest::Approx(1.5));

  const Step &check = j.steps[1];
  CHECK(check.process == "idv");
  CHECK(at(check.process_location) == "42:14");
  CHECK(check.process_index == 0);
  CHECK(check.team.empty());
  CHECK(check.team_index == 0); // the process's team
  CHECK(check.wait == 0);
  CHECK_FALSE(check.cost.has_value());
  CHECK_FALSE(check.emotion.has_value());
  CHECK(j.step_cost(check) == 0);

  const Step &check2 = j.steps[2];
  CHECK(check2.actor == Actor::System);
  CHECK(check2.actor_explicit);
  CHECK(check2.team == "fraud");
  CHECK(at(check2.team_location) == "47:11");
  CHECK(check2.team_index == 1); // own team wins over the process's
  CHECK(check2.process_index == 1);
  REQUIRE(check2.next.size() == 1);
  CHECK(check2.next[0].to == "done");
  CHECK(check2.next[0].target == 3);
  CHECK(at(check2.next[0].location) == "49:12");

  const Step &done = j.steps[3];
  CHECK(done.end == EndKind::Success);
  CHECK(done.next.empty());
  CHECK_FALSE(done.next_location.known());
}

TEST_CASE("parse: actor defaults to backstage when a step names a process or a team") {
  const std::string text =
      with_steps("  - id: a\n    name: A\n    process: p\n    next: b\n"
                 "  - id: b\n    name: B\n    team: t\n    next: c\n"
                 "  - id: c\n    name: C\n    next: d\n"
                 "  - id: d\n    name: D\n    actor: customer\n    team: t\n"
                 "    next: e\n"
                 "  - id: e\n    name: E\n    actor: frontstage\n    end: true\n");
  const ParseResult r = parse(text, "a.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.journey.steps.size() == 5);
  CHECK(r.journey.steps[0].actor == Actor::Backstage);
  CHECK_FALSE(r.journey.steps[0].actor_explicit);
  CHECK(r.journey.steps[1].actor == Actor::Backstage);
  CHECK(r.journey.steps[2].actor == Actor::Customer);
  CHECK(r.journey.steps[3].actor == Actor::Customer);
  CHECK(r.journey.steps[3].actor_explicit);
  CHECK(r.journey.steps[4].actor == Actor::Frontstage);
  CHECK(r.journey.steps[4].end == EndKind::Success);
  // Unresolved references stay npos: checking them is the linter's job.
  CHECK(r.journey.steps[0].process_index == npos);
  CHECK(r.journey.steps[1].team_index == npos);
}

TEST_CASE("parse: a step's name and id default, and a team or process may be a bare name") {
  const ParseResult r =
      parse("journey: j\ntitle: T\nteams:\n  t:\nprocesses:\n  p:\n"
            "channels:\n  c: {kind: paper}\nsteps:\n  - {id: a, name: A, end: abandon}\n",
            "a.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.journey.teams.size() == 1);
  CHECK(r.journey.teams[0].name == "t");
  REQUIRE(r.journey.processes.size() == 1);
  CHECK(r.journey.processes[0].name == "p");
  REQUIRE(r.journey.channels.size() == 1);
  CHECK(r.journey.channels[0].name == "c");
  CHECK(r.journey.channels[0].kind == ChannelKind::Paper);
  CHECK(r.journey.steps[0].end == EndKind::Abandon);
  CHECK(at(r.journey.steps[0].location) == "10:5");
}

TEST_CASE("parse: next as an id, a list of ids, one mapping, or a list of mappings") {
  SUBCASE("a single id, even a number") {
    const ParseResult r = parse(one_step("    next: 5\n"), "n.yaml");
    REQUIRE(r.journey.steps[0].next.size() == 1);
    CHECK(r.journey.steps[0].next[0].to == "5");
    CHECK(at(r.journey.steps[0].next[0].location) == "6:11");
  }
  SUBCASE("a flow list of ids") {
    const ParseResult r = parse(one_step("    next: [b, c]\n"), "n.yaml");
    const Step &s = r.journey.steps[0];
    REQUIRE(s.next.size() == 2);
    CHECK(s.next[0].to == "b");
    CHECK(s.next[1].to == "c");
    CHECK(at(s.next[1].location) == "6:15");
    CHECK(at(s.next_location) == "6:11");
  }
  SUBCASE("one mapping") {
    const ParseResult r = parse(one_step("    next: {to: b, p: 1, label: always}\n"), "n.yaml");
    INFO(dump(r.diagnostics));
    CHECK(r.diagnostics.empty());
    const Step &s = r.journey.steps[0];
    REQUIRE(s.next.size() == 1);
    CHECK(s.next[0].to == "b");
    CHECK(s.next[0].p == doctest::Approx(1.0));
    CHECK(s.next[0].label == "always");
    CHECK(at(s.next[0].location) == "6:16");
  }
  SUBCASE("mixed list; p as a fraction or a percentage") {
    const ParseResult r =
        parse(one_step("    next:\n      - {to: b, p: 0.25}\n      - {to: c, p: 12.5%}\n"
                       "      - d\n"),
              "n.yaml");
    INFO(dump(r.diagnostics));
    CHECK(r.diagnostics.empty());
    const Step &s = r.journey.steps[0];
    REQUIRE(s.next.size() == 3);
    CHECK(s.next[0].p == doctest::Approx(0.25));
    CHECK(s.next[1].p == doctest::Approx(0.125));
    CHECK_FALSE(s.next[2].p.has_value());
    CHECK(s.next[2].to == "d");
  }
  SUBCASE("p of 0 and 100% are valid") {
    const ParseResult r =
        parse(one_step("    next: [{to: b, p: 0}, {to: c, p: 100%}]\n"), "n.yaml");
    CHECK(r.diagnostics.empty());
    CHECK(r.journey.steps[0].next[0].p == doctest::Approx(0.0));
    CHECK(r.journey.steps[0].next[1].p == doctest::Approx(1.0));
  }
  SUBCASE("an empty next is no next") {
    const ParseResult r = parse(one_step("    next:\n    end: success\n"), "n.yaml");
    CHECK(r.diagnostics.empty());
    CHECK(r.journey.steps[0].next.empty());
  }
}

TEST_CASE("parse: end values") {
  auto end_of = [](std::string_view value) {
    return parse(one_step("    end: " + std::string(value) + "\n"), "e.yaml");
  };
  CHECK(end_of("success").journey.steps[0].end == EndKind::Success);
  CHECK(end_of("abandon").journey.steps[0].end == EndKind::Abandon);
  CHECK(end_of("failure").journey.steps[0].end == EndKind::Failure);
  CHECK(end_of("true").journey.steps[0].end == EndKind::Success);
  CHECK(end_of("yes").journey.steps[0].end == EndKind::Success);
  CHECK(end_of("false").journey.steps[0].end == EndKind::None);
  CHECK(end_of("false").diagnostics.empty());
  CHECK(end_of("").diagnostics.empty());

  const ParseResult typo = end_of("sucess");
  CHECK(typo.journey.steps[0].end == EndKind::None);
  REQUIRE(typo.diagnostics.size() == 1);
  CHECK(typo.diagnostics[0].rule == "invalid-value");
  CHECK(typo.diagnostics[0].message ==
        "unknown end `sucess` (did you mean `success`?); use success, abandon or failure");
  CHECK(at(typo.diagnostics[0].location) == "6:10");

  const ParseResult none = end_of("none");
  CHECK(where(none.diagnostics, "invalid-value", "unknown end `none`") == "6:10");
  const ParseResult quoted = end_of("\"true\"");
  CHECK(where(quoted.diagnostics, "invalid-value", "unknown end `true`") == "6:10");

  const ParseResult list = end_of("[success]");
  REQUIRE(list.diagnostics.size() == 1);
  CHECK(list.diagnostics[0].message ==
        "`end` must be `success`, `abandon` or `failure`, not a list");
  CHECK(at(list.diagnostics[0].location) == "6:10");
}

TEST_CASE("parse: invalid values, each with its message and position") {
  struct Case {
    const char *line;
    const char *message;
  };
  const Case cases[] = {
      {"    actor: custmer",
       "unknown actor `custmer` (did you mean `customer`?); use customer, frontstage, backstage or "
       "system"},
      {"    wait: 3x",
       "`wait`: bad duration `3x`: `x` is not a unit: use s, m, h, d or w (seconds, minutes, "
       "hours, days, weeks), e.g. `3h` or `3 days`"},
      {"    time: 30", "`time`: bad duration `30`: `30` needs a unit: s, m, h, d or w (seconds, "
                       "minutes, hours, days, weeks), e.g. `30m`"},
      {"    time: [1h]", "`time` must be a duration such as `2h` or `3d`, not a list"},
      {"    cost: -1", "`cost` must not be negative"},
      {"    cost: cheap", "`cost` must be a number, not `cheap`"},
      {"    cost: {a: 1}", "`cost` must be a number, not a mapping"},
      {"    emotion: 4",
       "`emotion` must be a whole number from -3 (angry) to 3 (delighted), not 4"},
      {"    emotion: -4",
       "`emotion` must be a whole number from -3 (angry) to 3 (delighted), not -4"},
      {"    emotion: 1.5", "`emotion` must be a whole number, not `1.5`"},
      {"    emotion: [1]", "`emotion` must be a whole number, not a list"},
      {"    pain: {a: b}", "`pain` must be text, not a mapping"},
      {"    note: [a]", "`note` must be text, not a list"},
      {"    channel: [web]", "`channel` must be text, not a list"},
      {"    next: [[b]]",
       "`next` must be a step id or a mapping with `to`, `p` and `label`, not a list"},
      {"    next: {to: b, p: 1.5}",
       "branch probability `p` must be between 0 and 1 (or 0% and 100%), not 1.5"},
      {"    next: {to: b, p: 150%}",
       "branch probability `p` must be between 0 and 1 (or 0% and 100%), not 150%"},
      {"    next: {to: b, p: -0.1}", "`p` must not be negative"},
      {"    next: {to: b, p: half}", "`p` must be a number, not `half`"},
      {"    next: {to: [b]}", "`to` must be text, not a list"},
      {"    <<: 5", "`<<` must be a mapping (usually an alias such as `*defaults`), not text"},
  };
  for (const Case &c : cases) {
    CAPTURE(c.line);
    const ParseResult r = parse(one_step(std::string(c.line) + "\n    end: success\n"), "v.yaml");
    INFO(dump(r.diagnostics));
    const Diagnostic *d = find(r.diagnostics, "invalid-value", c.message);
    REQUIRE(d != nullptr);
    CHECK(d->message == c.message);
    CHECK(d->location.line == 6);
    CHECK(d->file == "v.yaml");
    CHECK(d->severity == Severity::Error);
  }
}

TEST_CASE("parse: invalid values point at the value") {
  const ParseResult r = parse(one_step("    emotion: 9\n    wait: soon\n    next: {to: b, p: 2}\n"
                                       "    end: success\n"),
                              "v.yaml");
  CHECK(where(r.diagnostics, "invalid-value", "`emotion`") == "6:14");
  CHECK(where(r.diagnostics, "invalid-value", "`wait`") == "7:11");
  CHECK(where(r.diagnostics, "invalid-value", "branch probability") == "8:22");
  CHECK_FALSE(r.journey.steps[0].emotion.has_value());
  CHECK(r.journey.steps[0].wait == 0);
  REQUIRE(r.journey.steps[0].next.size() == 1);
  CHECK_FALSE(r.journey.steps[0].next[0].p.has_value());
}

TEST_CASE("parse: numbers beyond 10^12 are invalid values at their position") {
  const ParseResult r =
      parse(with_steps("  - id: a\n    name: A\n    cost: 1e308\n    end: success\n"
                       "  - id: b\n    name: B\n    cost: 1000000000000\n    end: success\n"),
            "n.yaml");
  CHECK(dump(r.diagnostics) == "6:11 invalid-value: `cost` is too large: `1e308`; the largest "
                               "accepted is 1000000000000 (10^12)\n");
  CHECK_FALSE(r.journey.steps[0].cost.has_value());
  CHECK(r.journey.steps[1].cost == 1e12);
}

TEST_CASE("parse: a title or name that shows nothing is blank-text at the value") {
  const ParseResult r = parse("journey: j\ntitle: \"\\t \\u0085\"\nintent: \"\\u200B\"\n"
                              "teams:\n  ops: \"\\u00A0\"\nprocesses:\n  p: \"\\e\"\n"
                              "steps:\n  - id: a\n    name: \"  \"\n    end: success\n"
                              "  - id: b\n    name: \"B\\u200B\"\n    end: success\n",
                              "b.yaml");
  CHECK(dump(r.diagnostics) ==
        "2:8 blank-text: `title` shows nothing: it holds only spaces, tabs or invisible "
        "characters; write the words people should read, or remove the line\n"
        "3:9 blank-text: `intent` shows nothing: it holds only spaces, tabs or invisible "
        "characters; write the words people should read, or remove the line\n"
        "5:8 blank-text: `name` shows nothing: it holds only spaces, tabs or invisible "
        "characters; write the words people should read, or remove the line\n"
        "7:6 blank-text: `name` shows nothing: it holds only spaces, tabs or invisible "
        "characters; write the words people should read, or remove the line\n"
        "10:11 blank-text: `name` shows nothing: it holds only spaces, tabs or invisible "
        "characters; write the words people should read, or remove the line\n");
  CHECK(r.journey.title == "\t \u0085");
}

TEST_CASE("parse: invalid channel values") {
  const std::string text = "journey: j\ntitle: T\nchannels:\n  web:\n    kind: digtal\n"
                           "    hours: Mon-Fry 08:00-20:00\n    cost: free\n    response: later\n"
                           "  phone: [assisted]\n  desk:\n    name: Desk\n"
                           "steps:\n  - {id: a, name: A, end: success}\n";
  const ParseResult r = parse(text, "c.yaml");
  INFO(dump(r.diagnostics));
  const Diagnostic *kind = find(r.diagnostics, "invalid-value", "kind");
  REQUIRE(kind != nullptr);
  CHECK(kind->message == "unknown channel kind `digtal` (did you mean `digital`?); use digital, "
                         "assisted, in-person, paper or social");
  CHECK(at(kind->location) == "5:11");
  const Diagnostic *hours = find(r.diagnostics, "invalid-value", "hours");
  REQUIRE(hours != nullptr);
  CHECK(hours->message == "bad opening hours `Mon-Fry 08:00-20:00`: unknown day `Mon-Fry` (use "
                          "Mon, Tue, ..., Sun); write `24/7` or e.g. `Mon-Fri 08:00-20:00; Sat "
                          "09:00-13:00`");
  CHECK(at(hours->location) == "6:12");
  CHECK(where(r.diagnostics, "invalid-value", "`cost` must be a number, not `free`") == "7:11");
  CHECK(where(r.diagnostics, "invalid-value", "`response`: bad duration `later`") == "8:15");
  CHECK(where(r.diagnostics, "invalid-value",
              "`channel `phone`` must be a mapping with `name` and `kind`, not a list") == "9:10");
  CHECK(where(r.diagnostics, "missing-field", "channel `desk` has no `kind`") == "10:3");
  // A channel with a bad kind was given one, so it does not also miss it.
  CHECK(find(r.diagnostics, "missing-field", "channel `web`") == nullptr);
  REQUIRE(r.journey.channels.size() == 3);
  CHECK_FALSE(r.journey.channels[0].hours.has_value());
  CHECK_FALSE(r.journey.channels[0].cost.has_value());
}

TEST_CASE("parse: wrong types of whole sections") {
  const ParseResult r = parse("journey: j\ntitle: T\nchannels: [web]\nteams: ops\nprocesses: [a]\n"
                              "ends: {a: b}\nsteps: {a: b}\n",
                              "w.yaml");
  INFO(dump(r.diagnostics));
  CHECK(where(r.diagnostics, "invalid-value",
              "`channels` must be a mapping of channel id to channel, not a list") == "3:11");
  CHECK(where(r.diagnostics, "invalid-value",
              "`teams` must be a mapping of team id to team, not text") == "4:8");
  CHECK(where(r.diagnostics, "invalid-value",
              "`processes` must be a mapping of process id to process, not a list") == "5:12");
  CHECK(where(r.diagnostics, "invalid-value", "`ends` must be text, not a mapping") == "6:7");
  CHECK(where(r.diagnostics, "invalid-value", "`steps` must be a list of steps, not a mapping") ==
        "7:8");
}

TEST_CASE("parse: a step that is not a mapping") {
  const ParseResult r = parse(with_steps("  - just words\n  - [a, b]\n"), "s.yaml");
  INFO(dump(r.diagnostics));
  CHECK(where(r.diagnostics, "invalid-value",
              "`a step` must be a mapping with `id` and `name`, not text") == "4:5");
  CHECK(where(r.diagnostics, "invalid-value",
              "`a step` must be a mapping with `id` and `name`, not a list") == "5:5");
  CHECK(r.journey.steps.empty());
}

TEST_CASE("parse: a team or process of the wrong type") {
  const ParseResult r = parse("journey: j\ntitle: T\nteams:\n  ops: [a]\nprocesses:\n  p: [b]\n"
                              "  q: {team: [c]}\nsteps:\n  - {id: a, name: A, end: success}\n",
                              "t.yaml");
  INFO(dump(r.diagnostics));
  CHECK(where(r.diagnostics, "invalid-value",
              "`team `ops`` must be a mapping with `name`, not a list") == "4:8");
  CHECK(where(r.diagnostics, "invalid-value",
              "`process `p`` must be a mapping with `name` and `team`, not a list") == "6:6");
  CHECK(where(r.diagnostics, "invalid-value", "`team` must be text, not a list") == "7:13");
}

TEST_CASE("parse: journey id must be a slug") {
  const ParseResult r = parse(
      "journey: Open Account\ntitle: T\nsteps:\n  - {id: a, name: A, end: success}\n", "s.yaml");
  const Diagnostic *d = find(r.diagnostics, "invalid-value", "slug");
  REQUIRE(d != nullptr);
  CHECK(d->message == "journey id `Open Account` must be a slug: lower-case letters, digits and "
                      "hyphens, e.g. `open-bank-account`");
  CHECK(at(d->location) == "1:10");
  CHECK(r.journey.id == "Open Account");
  CHECK(parse("journey: a.b_c-1\ntitle: T\nsteps:\n  - {id: a, name: A, end: success}\n", "s.yaml")
            .diagnostics.empty());
}

TEST_CASE("parse: unknown keys, with a suggestion when one is close") {
  const ParseResult r =
      parse("jorney: j\ntitle: T\nsteps:\n  - id: a\n    name: A\n    chanel: web\n"
            "    colour: red\n    next: {to: b, prob: 1}\n    end: success\n",
            "u.yaml");
  INFO(dump(r.diagnostics));
  const Diagnostic *top = find(r.diagnostics, "unknown-key", "jorney");
  REQUIRE(top != nullptr);
  CHECK(top->message == "unknown key `jorney` in the journey (did you mean `journey`?)");
  CHECK(at(top->location) == "1:1");
  const Diagnostic *step = find(r.diagnostics, "unknown-key", "chanel");
  REQUIRE(step != nullptr);
  CHECK(step->message == "unknown key `chanel` in step `a` (did you mean `channel`?)");
  CHECK(at(step->location) == "6:5");
  const Diagnostic *far = find(r.diagnostics, "unknown-key", "colour");
  REQUIRE(far != nullptr);
  CHECK(far->message == "unknown key `colour` in step `a`");
  CHECK(at(far->location) == "7:5");
  const Diagnostic *branch = find(r.diagnostics, "unknown-key", "prob");
  REQUIRE(branch != nullptr);
  CHECK(branch->message == "unknown key `prob` in a `next` branch");
  CHECK(at(branch->location) == "8:19");
  // The misspelt `journey` also leaves the journey without its id.
  CHECK(where(r.diagnostics, "missing-field", "no `journey` id") == "1:1");
}

TEST_CASE("parse: unknown keys in channels, teams, processes and before a step's id") {
  const ParseResult r =
      parse("journey: j\ntitle: T\nchannels:\n  web: {kind: digital, hour: 24/7}\n"
            "teams:\n  ops: {nam: Ops}\nprocesses:\n  p: {team: ops, owner: x}\n"
            "steps:\n  - {nmae: A, id: a, end: success}\n",
            "u.yaml");
  INFO(dump(r.diagnostics));
  CHECK(where(r.diagnostics, "unknown-key",
              "unknown key `hour` in channel `web` (did you mean `hours`?)") == "4:24");
  CHECK(where(r.diagnostics, "unknown-key",
              "unknown key `nam` in team `ops` (did you mean `name`?)") == "6:9");
  CHECK(where(r.diagnostics, "unknown-key", "unknown key `owner` in process `p`") == "8:18");
  CHECK(where(r.diagnostics, "unknown-key",
              "unknown key `nmae` in step `a` (did you mean `name`?)") == "10:6");
}

TEST_CASE("parse: an unknown key that differs only in case is suggested") {
  // Parser bug: closest_match() drops candidates at distance 0, and edit_distance() ignores case,
  // so `Channel` gets no "did you mean `channel`?" (see closest_match tests).
  const ParseResult r = parse(one_step("    Channel: web\n    end: success\n"), "u.yaml");
  CHECK(where(r.diagnostics, "unknown-key",
              "unknown key `Channel` in step `a` (did you mean `channel`?)") == "6:5");
}

TEST_CASE("parse: duplicate keys") {
  const ParseResult r = parse("journey: j\ntitle: T\ntitle: U\nsteps:\n  - id: a\n    name: A\n"
                              "    name: B\n    end: success\n",
                              "d.yaml");
  INFO(dump(r.diagnostics));
  const Diagnostic *top = find(r.diagnostics, "duplicate-key", "`title`");
  REQUIRE(top != nullptr);
  CHECK(top->message ==
        "duplicate key `title` (first defined at line 2); YAML keeps only one of them");
  CHECK(at(top->location) == "3:1");
  CHECK(top->severity == Severity::Error);
  const Diagnostic *step = find(r.diagnostics, "duplicate-key", "`name`");
  REQUIRE(step != nullptr);
  CHECK(step->message ==
        "duplicate key `name` (first defined at line 6); YAML keeps only one of them");
  CHECK(at(step->location) == "7:5");
}

TEST_CASE("parse: duplicate keys in a large mapping and duplicate ids in a catalog section") {
  std::string text = "journey: j\ntitle: T\nteams:\n";
  for (int i = 0; i < 40; ++i) {
    text += "  t" + std::to_string(i) + ": T\n";
  }
  text += "  t7: again\nsteps:\n  - {id: a, name: A, end: success}\n";
  const ParseResult r = parse(text, "d.yaml");
  const Diagnostic *d = find(r.diagnostics, "duplicate-key", "`t7`");
  REQUIRE(d != nullptr);
  CHECK(d->message == "duplicate key `t7` (first defined at line 11); YAML keeps only one of them");
  CHECK(at(d->location) == "44:3");
  CHECK(r.diagnostics.size() == 1);
}

TEST_CASE("parse: missing fields") {
  SUBCASE("journey id, title and steps") {
    const ParseResult r = parse("intent: x\n", "m.yaml");
    CHECK(where(r.diagnostics, "missing-field",
                "the journey has no `journey` id (a slug such as `open-bank-account`)") == "1:1");
    CHECK(where(r.diagnostics, "missing-field",
                "the journey has no `title` (the journey in the customer's words, e.g. \"I want to "
                "open a bank account\")") == "1:1");
    CHECK(where(r.diagnostics, "missing-field", "the journey has no `steps`") == "1:1");
    CHECK(r.diagnostics.size() == 3);
    CHECK(r.readable);
  }
  SUBCASE("an empty id or title points at its key") {
    const ParseResult r =
        parse("journey:\ntitle: \"\"\nsteps:\n  - {id: a, name: A, end: success}\n", "m.yaml");
    CHECK(where(r.diagnostics, "missing-field", "no `journey` id") == "1:1");
    CHECK(where(r.diagnostics, "missing-field", "no `title`") == "2:8");
  }
  SUBCASE("empty steps") {
    CHECK(where(parse("journey: j\ntitle: T\nsteps: []\n", "m.yaml").diagnostics, "missing-field",
                "`steps` is empty: a journey needs at least one step") == "3:1");
    CHECK(where(parse("journey: j\ntitle: T\nsteps:\n", "m.yaml").diagnostics, "missing-field",
                "`steps` is empty: a journey needs at least one step") == "3:1");
  }
  SUBCASE("a step's id and name") {
    const ParseResult r =
        parse(with_steps("  - name: A\n    end: success\n  - id: b\n    end: success\n"
                         "  - id: \"\"\n    name: C\n    end: success\n"),
              "m.yaml");
    INFO(dump(r.diagnostics));
    CHECK(where(r.diagnostics, "missing-field",
                "step has no `id` (a unique name other steps use in `next`)") == "4:5");
    CHECK(where(r.diagnostics, "missing-field",
                "step `b` has no `name` (what happens, in words)") == "6:5");
    int missing_ids = 0;
    for (const auto &d : r.diagnostics) {
      missing_ids += d.message.rfind("step has no `id`", 0) == 0 ? 1 : 0;
    }
    CHECK(missing_ids == 2);
    REQUIRE(r.journey.steps.size() == 3);
    CHECK(at(r.journey.steps[0].id_location) == "4:5"); // falls back to the step's position
  }
  SUBCASE("a next branch without `to`") {
    const ParseResult r =
        parse(one_step("    next:\n      - p: 0.5\n        label: x\n      - b\n"), "m.yaml");
    const Diagnostic *d = find(r.diagnostics, "missing-field", "`to`");
    REQUIRE(d != nullptr);
    CHECK(d->message == "a `next` branch has no `to` (the id of the step it leads to)");
    CHECK(at(d->location) == "7:9");
    REQUIRE(r.journey.steps[0].next.size() == 1);
    CHECK(r.journey.steps[0].next[0].to == "b");
  }
}

TEST_CASE("parse: keys that are not text") {
  const ParseResult r = parse(one_step("    [x]: 1\n    end: success\n"), "k.yaml");
  CHECK(where(r.diagnostics, "invalid-value", "keys of step `a` must be text, not a list") ==
        "6:5");
  const ParseResult ids = parse("journey: j\ntitle: T\nteams:\n  [x]: X\n  \"\": Y\n"
                                "steps:\n  - {id: a, name: A, end: success}\n",
                                "k.yaml");
  CHECK(where(ids.diagnostics, "invalid-value", "an id must be text, not a list") == "4:3");
  CHECK(where(ids.diagnostics, "invalid-value", "an id must be text, not text") == "5:3");
  CHECK(ids.journey.teams.empty());
}

TEST_CASE("parse: merge keys supply defaults a mapping does not set itself") {
  const std::string text = R"(journey: j
title: T
steps:
  - &backoffice
    id: a
    name: A
    team: ops
    channel: post
    wait: 1d
    next: b
  - <<: *backoffice
    id: b
    name: B
    next: c
  - <<: [*backoffice, {emotion: -2, actor: system}]
    id: c
    name: C
    next: []
    end: success
)";
  const ParseResult r = parse(text, "m.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.journey.steps.size() == 3);
  const Step &b = r.journey.steps[1];
  CHECK(b.id == "b");
  CHECK(b.name == "B");
  CHECK(b.team == "ops");
  CHECK(b.channel == "post");
  CHECK(b.wait == doctest::Approx(86400));
  CHECK(b.actor == Actor::Backstage);
  REQUIRE(b.next.size() == 1);
  CHECK(b.next[0].to == "c");
  CHECK(at(b.location) == "11:5");
  CHECK(at(b.id_location) == "12:9");
  CHECK(at(b.channel_location) == "8:14"); // where the merged value was written
  const Step &c = r.journey.steps[2];
  CHECK(c.emotion == -2);
  CHECK(c.wait == doctest::Approx(86400));
  CHECK(c.actor == Actor::System);
  CHECK(c.end == EndKind::Success);
  CHECK(c.next.empty());
}

TEST_CASE("parse: in a list of merged mappings the first one wins") {
  // Parser bug: Reader::for_each_entry visits every merged mapping and calls on_entry for each,
  // so a key in several of them is read several times: the last scalar wins and `next` lists
  // are concatenated. YAML's merge rule is that earlier mappings in the list take precedence.
  const ParseResult r = parse(
      with_steps("  - id: a\n    name: A\n    <<: [{next: c, wait: 1h}, {next: d, wait: 2h}]\n"
                 "  - {id: c, name: C, end: success}\n  - {id: d, name: D, end: success}\n"),
      "m.yaml");
  const Step &a = r.journey.steps[0];
  CHECK(a.wait == doctest::Approx(3600));
  REQUIRE(a.next.size() == 1);
  CHECK(a.next[0].to == "c");
}

TEST_CASE("parse: merge keys in channels") {
  const ParseResult r =
      parse("journey: j\ntitle: T\nchannels:\n  phone: &phone {kind: assisted, cost: 5}\n"
            "  phone-out:\n    <<: *phone\n    name: Outbound\n"
            "steps:\n  - {id: a, name: A, channel: phone, end: success}\n",
            "m.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.journey.channels.size() == 2);
  CHECK(r.journey.channels[1].kind == ChannelKind::Assisted);
  CHECK(r.journey.channels[1].cost == doctest::Approx(5));
  CHECK(r.journey.channels[1].name == "Outbound");
}

TEST_CASE("parse: a plain alias stands for its node") {
  const ParseResult r = parse("journey: j\ntitle: &t Same words\nintent: *t\nsteps:\n"
                              "  - {id: a, name: A, pain: &p [slow, dear], end: success}\n"
                              "  - {id: b, name: B, pain: *p, end: success}\n",
                              "a.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.journey.intent == "Same words");
  REQUIRE(r.journey.steps.size() == 2);
  CHECK(r.journey.steps[1].pain.size() == 2);
}

TEST_CASE("parse: CRLF line endings and a byte order mark keep positions") {
  const ParseResult r = parse("\xEF\xBB\xBFjourney: j\r\ntitle: T\r\nsteps:\r\n  - id: a\r\n"
                              "    name: A\r\n    end: success\r\n",
                              "crlf.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.journey.id == "j");
  CHECK(at(r.journey.id_location) == "1:10");
  CHECK(at(r.journey.title_location) == "2:8");
  CHECK(at(r.journey.steps[0].id_location) == "4:9");
}

TEST_CASE("parse: quoted and block scalars") {
  const ParseResult r =
      parse("journey: j\ntitle: \"Say \\\"hi\\\"\"\nintent: 'It''s mine'\nsteps:\n"
            "  - id: a\n    name: A\n    note: |\n      line one\n      line two\n"
            "    end: success\n",
            "q.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.journey.title == "Say \"hi\"");
  CHECK(r.journey.intent == "It's mine");
  CHECK(r.journey.steps[0].note == "line one\nline two\n");
}

TEST_CASE("parse: the bundled journeys parse without diagnostics") {
  for (const char *name : {"journeys/apply-by-post.yaml", "journeys/open-bank-account.yaml",
                           "journeys/check-balance.yaml", "journeys/overdraft-email-enquiry.yaml",
                           "journeys/pay-new-payee.yaml", "journeys/change-address-app.yaml"}) {
    CAPTURE(name);
    const std::string text = journey::test::read_source_file(name);
    REQUIRE_FALSE(text.empty());
    const ParseResult r = parse(text, name);
    INFO(dump(r.diagnostics));
    CHECK(r.diagnostics.empty());
    CHECK(r.journey.steps.size() >= 10);
    CHECK_FALSE(r.journey.owner.empty());
    CHECK_FALSE(r.journey.intent.empty());
  }
}

TEST_CASE("parse_catalog: reads a catalog and marks its definitions") {
  const CatalogResult r =
      parse_catalog("catalog: base.yaml\nchannels:\n  web: {kind: digital, cost: 0.1}\n"
                    "teams:\n  ops: Operations\nprocesses:\n  idv: {name: ID, team: ops}\n",
                    "org.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.readable);
  CHECK(r.catalog.file == "org.yaml");
  CHECK(r.catalog.catalog == "base.yaml");
  CHECK(at(r.catalog.catalog_location) == "1:10");
  REQUIRE(r.catalog.channels.size() == 1);
  CHECK(r.catalog.channels[0].from_catalog);
  CHECK(r.catalog.channels[0].kind == ChannelKind::Digital);
  CHECK(at(r.catalog.channels[0].location) == "3:3");
  REQUIRE(r.catalog.teams.size() == 1);
  CHECK(r.catalog.teams[0].from_catalog);
  CHECK(r.catalog.teams[0].name == "Operations");
  REQUIRE(r.catalog.processes.size() == 1);
  CHECK(r.catalog.processes[0].from_catalog);
  CHECK(r.catalog.processes[0].team == "ops");
}

TEST_CASE("parse_catalog: unknown keys, wrong types and empty files") {
  const CatalogResult steps = parse_catalog("teams:\n  ops: Ops\nsteps: []\n", "org.yaml");
  CHECK(where(steps.diagnostics, "unknown-key", "unknown key `steps` in the catalog") == "3:1");
  const CatalogResult typo = parse_catalog("chanels: {}\n", "org.yaml");
  CHECK(where(typo.diagnostics, "unknown-key",
              "unknown key `chanels` in the catalog (did you mean `channels`?)") == "1:1");
  const CatalogResult list = parse_catalog("- a\n", "org.yaml");
  CHECK_FALSE(list.readable);
  CHECK(where(list.diagnostics, "invalid-value",
              "`catalog` must be a mapping (`journey:`, `title:`, `steps:` ...), not a list") ==
        "1:1");
  for (const char *empty : {"", "# only a comment\n", "~\n"}) {
    CAPTURE(empty);
    const CatalogResult r = parse_catalog(empty, "org.yaml");
    CHECK(r.readable);
    CHECK(r.diagnostics.empty());
    CHECK(r.catalog.channels.empty());
  }
  const CatalogResult bad = parse_catalog("teams: [\n", "org.yaml");
  CHECK_FALSE(bad.readable);
  REQUIRE_FALSE(bad.diagnostics.empty());
  CHECK(bad.diagnostics[0].rule == "yaml-syntax");
}

TEST_CASE("parse_catalog: the bundled catalog parses without diagnostics") {
  const std::string text = journey::test::read_source_file("journeys/org.yaml");
  const CatalogResult r = parse_catalog(text, "journeys/org.yaml");
  INFO(dump(r.diagnostics));
  CHECK(r.diagnostics.empty());
  CHECK(r.catalog.channels.size() >= 5);
  CHECK(r.catalog.teams.size() >= 5);
  CHECK(r.catalog.processes.size() >= 5);
}
