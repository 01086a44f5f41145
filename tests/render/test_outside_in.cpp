// Outside-in view: which steps appear, which collapse into waits, with what wait, and switches.
#include "helpers.h"
#include "journey/render/outside_in.h"
#include "journey/render/views.h"

#include <algorithm>

using namespace journey;
using namespace journey::test;

namespace {

constexpr std::string_view kLoan = R"(
journey: loan
title: I want a loan
start: Needs money
channels:
  web: {name: Website, kind: digital}
  phone: {name: Phone line, kind: assisted}
  post: {name: Post, kind: paper}
teams:
  cc: Contact centre
  ops: Operations
steps:
  - id: browse
    name: Looks on the website
    channel: web
    time: 10m
    emotion: 0
    next: call
  - id: call
    name: Calls the bank
    actor: frontstage
    channel: phone
    team: cc
    wait: 10m
    next:
      - to: check
        p: 0.8
        label: eligible
      - to: quit
        p: 0.2
  - id: check
    name: Credit check
    actor: system
    team: ops
    wait: 1d
    time: 1h
    next: review
  - id: review
    name: Underwriter review
    team: ops
    wait: 2d
    time: 30m
    next:
      - to: letter
        p: 0.9
        label: approved
      - to: declined
        p: 0.1
  - id: letter
    name: Reads the offer letter
    channel: post
    wait: 3d
    time: 5m
    emotion: -2
    pain: The letter is confusing
    end: success
  - id: declined
    name: Application declined
    actor: system
    team: ops
    end: failure
  - id: quit
    name: Gives up
    emotion: -3
    end: abandon
)";

} // namespace

TEST_CASE("outside-in shows customer-visible steps and ends, and hides the back office") {
  Journey j = journey_from(kLoan);
  DotGraph g = build_view(j, View::OutsideIn);
  for (const char *shown : {"s_browse", "s_call", "s_letter", "s_quit", "s_declined", "start"}) {
    INFO(shown);
    CHECK(g.find_node(shown) != nullptr);
  }
  CHECK(g.find_node("s_check") == nullptr);
  CHECK(g.find_node("s_review") == nullptr);
  const DotNode *declined = g.find_node("s_declined");
  REQUIRE(declined != nullptr);
  CHECK(declined->attributes.has_class("end-failure"));
  CHECK(g.find_node("s_quit")->attributes.has_class("end-abandon"));
  CHECK(*g.find_node("s_quit")->attributes.get("peripheries") == "2");
}

TEST_CASE("a run of back-office steps becomes one wait per visible step it leads to") {
  Journey j = journey_from(kLoan);
  DotGraph g = build_view(j, View::OutsideIn);
  auto waits = nodes_with_class(g, "wait");
  REQUIRE(waits.size() == 2);
  // To the letter: check 1d 1h + review 2d 30m = 3d 1h 30m, shown to the hour; the letter's own
  // wait of 3d is drawn on the letter, once.
  const DotEdge &to_letter = edge(g, "w1", "s_letter");
  (void)to_letter;
  CHECK(label(g.find_node("w1")->attributes).find("wait 3d 2h") != std::string::npos);
  CHECK(label(g.find_node("w1")->attributes).find("2 steps out of sight") != std::string::npos);
  CHECK(label(g.find_node("s_letter")->attributes).find("waits 3d") != std::string::npos);
  // To the decline: check 1d 1h + review 2d 30m, the decline step waits nothing.
  edge(g, "w2", "s_declined");
  CHECK(label(g.find_node("w2")->attributes).find("wait 3d 2h") != std::string::npos);
  // The call leads into both waits, labelled with its branch, the one taken out of sight and the
  // share of callers who next see that step: 80% × 90% and 80% × 10%.
  CHECK(label(edge(g, "s_call", "w1").attributes) == "eligible; approved · 72%");
  CHECK(label(edge(g, "s_call", "w2").attributes) == "eligible · 8%");
  CHECK(label(edge(g, "s_call", "s_quit").attributes) == "20%");
}

TEST_CASE("steps sit in lanes by channel and channel switches are marked") {
  Journey j = journey_from(kLoan);
  DotGraph g = build_view(j, View::OutsideIn);
  auto cluster_of = [&](const char *node) { return g.find_node(node)->cluster; };
  REQUIRE(cluster_of("s_browse") != no_cluster);
  CHECK(cluster_of("s_browse") != cluster_of("s_call"));
  CHECK(cluster_of("s_call") != cluster_of("s_letter"));
  CHECK(g.cluster(cluster_of("s_browse")).attributes.has_class("lane"));
  CHECK(label(g.cluster(cluster_of("s_call")).attributes).find("Phone line") != std::string::npos);
  CHECK(cluster_of("w1") == cluster_of("s_letter")); // waiting for the post
  CHECK(edge(g, "s_browse", "s_call").attributes.has_class("switch"));
  CHECK(edge(g, "w1", "s_letter").attributes.has_class("switch"));
  CHECK_FALSE(edge(g, "s_call", "s_quit").attributes.has_class("switch")); // no channel
  CHECK_FALSE(edge(g, "start", "s_browse").attributes.has_class("switch"));
}

TEST_CASE("pain points and emotion are drawn") {
  Journey j = journey_from(kLoan);
  DotGraph g = build_view(j, View::OutsideIn);
  const DotNode *letter = g.find_node("s_letter");
  CHECK(letter->attributes.has_class("pain"));
  CHECK(*letter->attributes.get("color") == "#c0392b");
  CHECK(label(letter->attributes).find("The letter is confusing") != std::string::npos);
  CHECK(*letter->attributes.get("fillcolor") == "#f9c49a"); // emotion -2
  CHECK(*g.find_node("s_browse")->attributes.get("fillcolor") == "#f0f0f0");
  CHECK_FALSE(g.find_node("s_browse")->attributes.has_class("pain"));
}

TEST_CASE("a hidden entry and loops out of sight give a bounded wait range") {
  Journey j = journey_from(R"(
journey: loop
title: Loop
steps:
  - id: letter-sent
    name: Marketing letter sent
    actor: system
    wait: 1d
    next: read
  - id: read
    name: Reads it
    next: apply
  - id: apply
    name: Applies
    next: check
  - id: check
    name: Check
    actor: backstage
    time: 1d
    next:
      - to: fix
        p: 0.5
      - to: done
  - id: fix
    name: Fix
    actor: backstage
    time: 2d
    next: check
  - id: done
    name: Done
    wait: 1h
    end: success
)");
  DotGraph g = build_view(j, View::OutsideIn);
  CHECK(g.find_node("s_letter-sent") == nullptr);
  CHECK(edges_between(g, "start", "w1").size() == 1);
  edge(g, "w1", "s_read");
  CHECK(label(g.find_node("w1")->attributes).find("wait 1d") != std::string::npos);
  edge(g, "s_apply", "w2");
  edge(g, "w2", "s_done");
  // Shortest: check (1d); longest without the loop-back: check, fix, check is cut. The 1h wait
  // of `done` is drawn on `done`.
  CHECK(label(g.find_node("w2")->attributes).find("wait 1d<") != std::string::npos);
}

TEST_CASE("a group entered from many steps and leading to many merges into one wait") {
  std::string yaml = "journey: many\ntitle: Many\nsteps:\n";
  const int n = 12;
  yaml += "  - id: hub\n    name: Hub\n    actor: system\n    time: 1h\n    next: [";
  for (int i = 0; i < n; ++i) {
    yaml += (i ? ", " : "") + std::string("out") + std::to_string(i);
  }
  yaml += "]\n";
  for (int i = 0; i < n; ++i) {
    yaml += "  - id: out" + std::to_string(i) + "\n    name: Out\n    next: hub\n";
  }
  Journey j = journey_from(yaml);
  DotGraph g = build_view(j, View::OutsideIn);
  auto waits = nodes_with_class(g, "wait");
  REQUIRE(waits.size() == 1);
  CHECK(edges_between(g, "s_out3", waits[0]).size() == 1);
  CHECK(edges_between(g, waits[0], "s_out7").size() == 1);
  CHECK(arrows(g).size() == static_cast<std::size_t>(2 * n + 1));
}
