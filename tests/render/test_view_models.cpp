// View models as data: what the outside-in and inside-out views draw, checked without DOT or
// Graphviz.
#include "helpers.h"
#include "journey/render/inside_out.h"
#include "journey/render/outside_in.h"

#include <algorithm>

using namespace journey;
using namespace journey::test;

namespace {

// A loan by post whose approval and decline letters are one process of one team.
constexpr std::string_view kLoan = R"(
journey: loan
title: I want a loan
channels:
  post: {name: Post, kind: paper}
  phone: {name: Phone, kind: assisted}
teams:
  lending: Lending
  letters: Letters
processes:
  decide: {name: Credit decision, team: lending}
  letter: {name: Decision letter, team: letters}
steps:
  - id: apply
    name: Posts the form
    channel: post
    next: assess
  - id: assess
    name: Assesses
    actor: backstage
    process: decide
    wait: 7d
    time: 30m
    next:
      - {to: approve-letter, p: 0.8, label: approved}
      - {to: decline-letter, p: 0.2, label: declined}
  - id: approve-letter
    name: Approval letter posted
    actor: backstage
    process: letter
    wait: 1d
    time: 5m
    next: read
  - id: decline-letter
    name: Decline letter posted
    actor: backstage
    process: letter
    wait: 2d
    time: 5m
    next: read
  - id: read
    name: Reads the letter
    channel: post
    next:
      - {to: call, p: 0.5, label: confused}
      - {to: done, label: clear}
  - id: call
    name: Calls to ask what it means
    channel: phone
    next: done
  - id: done
    name: Knows the answer
    end: success
)";

const InsideOutView::Box *process_box(const InsideOutView &view, const Journey &j,
                                      std::string_view process) {
  for (const InsideOutView::Box &b : view.boxes) {
    if (b.kind == InsideOutView::BoxKind::Process && j.steps[b.step].process == process) {
      return &b;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("inside-out model: a collapsed process keeps both branches into it") {
  const Journey j = journey_from(kLoan);
  const JourneyGraph graph(j);
  const InsideOutView view = inside_out_view(graph, ViewOptions{true});
  const InsideOutView::Box *decide = process_box(view, j, "decide");
  const InsideOutView::Box *letter = process_box(view, j, "letter");
  REQUIRE(decide != nullptr);
  REQUIRE(letter != nullptr);
  const std::size_t from = static_cast<std::size_t>(decide - view.boxes.data());
  const std::size_t to = static_cast<std::size_t>(letter - view.boxes.data());
  const auto arrow = std::find_if(view.arrows.begin(), view.arrows.end(), [&](const auto &a) {
    return a.from == from && a.to == to;
  });
  REQUIRE(arrow != view.arrows.end());
  CHECK(arrow->label == "approved · 80%\ndeclined · 20%");
  CHECK(arrow->handoff);
  CHECK(letter->steps == 2);
}

TEST_CASE("inside-out model: a collapsed process shows the wait of one route, not the sum") {
  const Journey j = journey_from(kLoan);
  const JourneyGraph graph(j);
  const InsideOutView view = inside_out_view(graph, ViewOptions{true});
  const InsideOutView::Box *letter = process_box(view, j, "letter");
  REQUIRE(letter != nullptr);
  CHECK(letter->wait_min == 86400);
  CHECK(letter->wait_max == 2 * 86400);
  CHECK(letter->time_min == 300);
  CHECK(letter->time_max == 300);
}

TEST_CASE("inside-out model: customer steps are one box, arrows once per pair of boxes") {
  const Journey j = journey_from(kLoan);
  const JourneyGraph graph(j);
  const InsideOutView view = inside_out_view(graph, ViewOptions{});
  CHECK(view.boxes[0].kind == InsideOutView::BoxKind::Customer);
  CHECK(view.customer_steps == 4);
  CHECK(view.counts.steps == 3);
  CHECK(view.counts.teams == 2);
  for (std::size_t a = 0; a < view.arrows.size(); ++a) {
    for (std::size_t b = a + 1; b < view.arrows.size(); ++b) {
      const bool same = view.arrows[a].from == view.arrows[b].from &&
                        view.arrows[a].to == view.arrows[b].to &&
                        view.arrows[a].direct == view.arrows[b].direct;
      CHECK_FALSE(same);
    }
  }
  // Handoffs: assess -> each letter (lending to letters).
  CHECK(view.counts.handoffs == 2);
}

TEST_CASE("outside-in model: the back office is one wait per visible step, alternatives as a range") {
  const Journey j = journey_from(kLoan);
  const JourneyGraph graph(j);
  const OutsideInView view = outside_in_view(graph);
  CHECK(view.boxes[0].kind == OutsideInView::BoxKind::Start);
  std::vector<const OutsideInView::Box *> waits;
  for (const OutsideInView::Box &b : view.boxes) {
    if (b.kind == OutsideInView::BoxKind::Wait) {
      waits.push_back(&b);
    }
  }
  REQUIRE(waits.size() == 1);
  CHECK(waits[0]->hidden == 3);
  // 7d 30m to assess, then 1d 5m or 2d 5m for the letter.
  CHECK(waits[0]->wait_min == 8 * 86400 + 35 * 60);
  CHECK(waits[0]->wait_max == 9 * 86400 + 35 * 60);
  CHECK(view.counts.steps == 4);
  CHECK(view.counts.waits == 1);
  CHECK(view.lanes.size() == 2);
  // The call is a channel switch from post to phone.
  CHECK(view.counts.switches >= 1);
}

TEST_CASE("view models of an empty journey") {
  const Journey j;
  const JourneyGraph graph(j);
  const OutsideInView outside = outside_in_view(graph);
  CHECK(outside.boxes.size() == 1);
  CHECK(outside.arrows.empty());
  const InsideOutView inside = inside_out_view(graph, ViewOptions{true});
  CHECK(inside.boxes.size() == 1);
  CHECK(inside.arrows.empty());
}
