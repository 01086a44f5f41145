// View models as data: what the outside-in and inside-out views draw, checked without DOT or
// Graphviz.
#include "helpers.h"
#include "journey/render/inside_out.h"
#include "journey/render/outside_in.h"
#include "journey/render/step_node.h"
#include "journey/render/views.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <sstream>

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
  const InsideOutView view = inside_out_view(graph, ViewOptions{Detail::Processes});
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
  const InsideOutView view = inside_out_view(graph, ViewOptions{Detail::Processes});
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
  const InsideOutView view = inside_out_view(graph, ViewOptions{Detail::Steps});
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
  // One customer passes the assessment and one of the two letters.
  CHECK(waits[0]->hidden_min == 2);
  CHECK(waits[0]->hidden_max == 2);
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
  const InsideOutView inside = inside_out_view(graph, ViewOptions{Detail::Processes});
  CHECK(inside.boxes.size() == 1);
  CHECK(inside.arrows.empty());
}

namespace {

// "Posts the completed form": a check out of sight sends 80% on to the assessment (which approves
// 75% and declines 25%) and 20% back as incomplete. Before, the arrows out of `post` read
// 80% + 20% + 25%.
constexpr std::string_view kForm = R"(
journey: form
title: I want my form processed
channels:
  post: {name: Post, kind: paper}
steps:
  - id: post
    name: Posts the completed form
    channel: post
    next: check
  - id: check
    name: Checks the form is complete
    actor: backstage
    wait: 1d
    time: 10m
    next:
      - {to: assess, p: 0.8, label: form complete}
      - {to: incomplete, p: 0.2, label: form incomplete}
  - id: assess
    name: Assesses
    actor: backstage
    wait: 3d
    time: 20m
    next:
      - {to: approved, p: 0.75, label: approved}
      - {to: second-look, p: 0.25, label: referred}
  - id: second-look
    name: A second underwriter looks
    actor: backstage
    wait: 1d
    next:
      - {to: approved, p: 0.2, label: approved on review}
      - {to: declined, p: 0.8, label: declined}
  - id: approved
    name: Receives the approval
    channel: post
    wait: 2d
    end: success
  - id: declined
    name: Receives the decline
    channel: post
    wait: 2d
    end: failure
  - id: incomplete
    name: Receives the form back
    channel: post
    wait: 2d
    next: post
)";

struct Out {
  const OutsideInView::Arrow *arrow;
  const OutsideInView::Box *to;
};

std::vector<Out> arrows_from(const OutsideInView &view, std::size_t box) {
  std::vector<Out> out;
  for (const OutsideInView::Arrow &a : view.arrows) {
    if (a.from == box) {
      out.push_back(Out{&a, &view.boxes[a.to]});
    }
  }
  return out;
}

std::size_t step_box(const OutsideInView &view, const Journey &j, std::string_view id) {
  for (std::size_t b = 0; b < view.boxes.size(); ++b) {
    if (view.boxes[b].kind == OutsideInView::BoxKind::Step && j.steps[view.boxes[b].step].id == id) {
      return b;
    }
  }
  FAIL("no box for " << id);
  return 0;
}

/// The wait box whose single arrow leads to the box of step `id`.
const OutsideInView::Box *wait_before(const OutsideInView &view, const Journey &j,
                                      std::string_view id) {
  const std::size_t target = step_box(view, j, id);
  for (const OutsideInView::Arrow &a : view.arrows) {
    if (a.to == target && view.boxes[a.from].kind == OutsideInView::BoxKind::Wait) {
      return &view.boxes[a.from];
    }
  }
  return nullptr;
}

/// Tenths of a percent written at the end of each line of a label (`approved · 37.5%`); -1 for a
/// line with none.
std::vector<long> label_tenths(const std::string &label) {
  std::vector<long> out;
  std::istringstream lines(label);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line.back() != '%') {
      out.push_back(-1);
      continue;
    }
    const std::size_t dot = line.rfind("· ");
    std::string number = line.substr(dot == std::string::npos ? 0 : dot + 3);
    number.pop_back();
    if (number == "<0.1") {
      out.push_back(0);
      continue;
    }
    out.push_back(std::lround(std::stod(number) * 10));
  }
  return out;
}

} // namespace

TEST_CASE("outside-in model: shares out of a box are who next reaches each step, adding to 100%") {
  const Journey j = journey_from(kForm);
  const JourneyGraph graph(j);
  const OutsideInView view = outside_in_view(graph);
  const std::vector<Out> out = arrows_from(view, step_box(view, j, "post"));
  REQUIRE(out.size() == 3);
  std::map<std::string, std::pair<double, std::string>> by_target;
  for (const Out &o : out) {
    REQUIRE(o.to->kind == OutsideInView::BoxKind::Wait);
    const std::size_t w = static_cast<std::size_t>(o.to - view.boxes.data());
    const auto next = arrows_from(view, w);
    REQUIRE(next.size() == 1);
    CHECK(next[0].arrow->label.empty()); // a wait leads to one step: 100%, nothing to say
    by_target[j.steps[next[0].to->step].id] = {o.arrow->share, o.arrow->label};
  }
  // approved: 0.8 × (0.75 + 0.25 × 0.2) = 0.64; declined: 0.8 × 0.25 × 0.8 = 0.16.
  CHECK(by_target["approved"].first == doctest::Approx(0.64));
  CHECK(by_target["declined"].first == doctest::Approx(0.16));
  CHECK(by_target["incomplete"].first == doctest::Approx(0.2));
  CHECK(by_target["approved"].second == "approved · 64%");
  CHECK(by_target["declined"].second == "declined · 16%");
  CHECK(by_target["incomplete"].second == "form incomplete · 20%");
}

TEST_CASE("outside-in model: a wait is drawn once, and says how many steps one customer passes") {
  const Journey j = journey_from(kForm);
  const JourneyGraph graph(j);
  const OutsideInView view = outside_in_view(graph);
  const OutsideInView::Box *approved = wait_before(view, j, "approved");
  const OutsideInView::Box *declined = wait_before(view, j, "declined");
  const OutsideInView::Box *incomplete = wait_before(view, j, "incomplete");
  REQUIRE((approved && declined && incomplete));
  // Out of sight only: the 2 days the letter takes stay on the step ("waits 2d"), not here too.
  CHECK(incomplete->wait_min == 86400 + 600);
  CHECK(incomplete->wait_max == 86400 + 600);
  CHECK(incomplete->hidden_min == 1);
  CHECK(incomplete->hidden_max == 1);
  // check + assess (4d 30m), or check + assess + second look (5d 30m).
  CHECK(approved->wait_min == 4 * 86400 + 1800);
  CHECK(approved->wait_max == 5 * 86400 + 1800);
  CHECK(approved->hidden_min == 2);
  CHECK(approved->hidden_max == 3);
  CHECK(declined->hidden_min == 3);
  CHECK(declined->hidden_max == 3);
  DotGraph g = build_view(j, View::OutsideIn);
  bool range_shown = false;
  for (const DotNode &n : g.nodes()) {
    const std::string text = label(n.attributes);
    range_shown = range_shown || text.find("2–3 steps out of sight") != std::string::npos;
    CHECK(text.find("6 steps out of sight") == std::string::npos);
  }
  CHECK(range_shown);
}

TEST_CASE("outside-in model: shares out of a merged wait weigh what flows into it") {
  // A visible step branches 50/50 into one group out of sight that leads to two steps; a second
  // visible step enters the same group and always comes out at `b`.
  const Journey j = journey_from(R"(
journey: two-ways
title: I want two ways
steps:
  - id: start
    name: Starts
    next:
      - {to: h, p: 0.5}
      - {to: k, p: 0.5}
  - id: h
    name: Hidden one
    actor: backstage
    next:
      - {to: a, p: 0.5}
      - {to: b, p: 0.5}
  - id: k
    name: Visible again
    next: h2
  - id: h2
    name: Hidden two
    actor: backstage
    next: h
  - id: a
    name: A
    end: success
  - id: b
    name: B
    end: success
)");
  const JourneyGraph graph(j);
  const OutsideInView view = outside_in_view(graph);
  const std::vector<Out> out = arrows_from(view, step_box(view, j, "start"));
  double total = 0;
  for (const Out &o : out) {
    total += o.arrow->share;
  }
  CHECK(total == doctest::Approx(1.0));
  // From `start`: 50% to `k`, 25% via the back office to each of `a` and `b`.
  std::vector<std::string> labels;
  for (const Out &o : out) {
    labels.push_back(o.arrow->label);
  }
  std::sort(labels.begin(), labels.end());
  CHECK(labels == std::vector<std::string>{"25%", "25%", "50%"});
}

TEST_CASE("inside-out model: shares out of the customer box weigh how often each way is taken") {
  const Journey j = journey_from(R"(
journey: ask
title: I want an answer
teams:
  x: X
  y: Y
processes:
  answer: {name: Answer, team: x}
  accept: {name: Accept, team: y}
steps:
  - id: ask
    name: Asks
    next: a
  - id: a
    name: Answers
    actor: backstage
    process: answer
    next: reply
  - id: reply
    name: Reads the answer
    next:
      - {to: a, p: 0.3, label: asks again}
      - {to: b, p: 0.7, label: accepts}
  - id: b
    name: Accepts
    actor: backstage
    process: accept
    end: success
)");
  const JourneyGraph graph(j);
  const InsideOutView view = inside_out_view(graph, ViewOptions{Detail::Processes});
  // `reply` is reached 1 / (1 - 0.3) times: the customer box sends 1 + 0.43 to Answer (17.6% of
  // it asking again) and 1 to Accept, of 2.43 in all.
  std::map<std::size_t, const InsideOutView::Arrow *> from_customer;
  for (const InsideOutView::Arrow &a : view.arrows) {
    if (a.from == 0) {
      from_customer[view.boxes[a.to].step] = &a;
    }
  }
  REQUIRE(from_customer.size() == 2);
  CHECK(from_customer[1]->label == "41.2%\nasks again · 17.6%");
  CHECK(from_customer[3]->label == "accepts · 41.2%");
  CHECK(from_customer[1]->share == doctest::Approx((1 + 0.3 / 0.7) / (1 + 1 / 0.7)));
  CHECK(view.counts.processes == 2);
  CHECK(view.counts.steps == 0);
}

TEST_CASE("inside-out model: steps outside any process are grouped by team, in linked runs") {
  const Journey j = journey_from(R"(
journey: runs
title: I want it done
teams:
  cc: Contact centre
  ops: Operations
processes:
  fix: {name: Fix, team: ops}
steps:
  - id: call
    name: Calls
    actor: frontstage
    team: cc
    wait: 10m
    next: note
  - id: note
    name: Notes the call
    actor: backstage
    team: cc
    pain: [The notes screen times out]
    next:
      - {to: fix, p: 0.6}
      - {to: callback, p: 0.4}
  - id: callback
    name: Calls back
    actor: frontstage
    team: cc
    wait: 1d
    emotion: -2
    pain: [Nobody says when, The callback comes from a withheld number]
    next: done
  - id: fix
    name: Fixes it
    actor: backstage
    process: fix
    next: told
  - id: told
    name: Tells the customer
    actor: frontstage
    team: cc
    next: done
  - id: done
    name: Knows it is done
    end: success
)");
  const JourneyGraph graph(j);
  const InsideOutView view = inside_out_view(graph, ViewOptions{Detail::Processes});
  // call, note and callback are one run of the contact centre; told is a run of one, a step box.
  std::size_t runs = 0, steps = 0;
  for (const InsideOutView::Box &b : view.boxes) {
    if (b.kind == InsideOutView::BoxKind::Run) {
      ++runs;
      CHECK(j.steps[b.step].id == "call");
      CHECK(b.steps == 3);
      CHECK(b.pains == 3);
      CHECK(b.worst_pain == "Nobody says when"); // callback: emotion -2
      // Alternative routes: 10m (note, fix) or 10m + 1d (callback), never added up further.
      CHECK(b.wait_min == 600);
      CHECK(b.wait_max == 600 + 86400);
    }
    if (b.kind == InsideOutView::BoxKind::Step) {
      ++steps;
      CHECK(j.steps[b.step].id == "told");
    }
  }
  CHECK(runs == 1);
  CHECK(steps == 1);
  CHECK(view.counts.runs == 1);
  CHECK(view.counts.processes == 1);
  CHECK(view.counts.teams == 2);
  // Every organisation step is in some box: nothing dropped.
  std::size_t drawn = 0;
  for (const InsideOutView::Box &b : view.boxes) {
    drawn += b.kind == InsideOutView::BoxKind::Step ? 1 : b.steps;
  }
  CHECK(drawn + view.customer_steps == j.steps.size());
}

namespace {

/// A random journey: customer, frontstage, backstage and system steps in channels, teams and
/// processes, with branches, loops back and a way to an end from every step.
std::string generated_journey(std::uint32_t seed, int steps) {
  std::mt19937 random(seed);
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<std::uint32_t>(n)); };
  const char *actors[] = {"customer", "frontstage", "backstage", "system"};
  std::ostringstream y;
  y << "journey: gen-" << seed << "\ntitle: I want a generated journey\n"
    << "channels:\n  web: {name: Web, kind: digital}\n  phone: {name: Phone, kind: assisted}\n"
    << "teams:\n  t0: Team 0\n  t1: Team 1\n  t2: Team 2\n"
    << "processes:\n  p0: {name: P0, team: t0}\n  p1: {name: P1, team: t1}\n"
    << "  p2: {name: P2, team: t2}\n  p3: {name: P3, team: t0}\n"
    << "steps:\n";
  for (int i = 0; i < steps; ++i) {
    const std::string actor = actors[pick(4)];
    y << "  - id: s" << i << "\n    name: Step " << i << "\n    actor: " << actor << "\n";
    if (actor == "customer" || actor == "frontstage") {
      y << "    channel: " << (pick(2) == 0 ? "web" : "phone") << "\n";
    }
    if (actor != "customer") {
      if (pick(3) > 0) {
        y << "    process: p" << pick(4) << "\n";
      } else if (pick(3) > 0) {
        y << "    team: t" << pick(3) << "\n";
      }
    }
    y << "    wait: " << pick(5) << "h\n";
    if (i == steps - 1 || (i > steps / 2 && pick(6) == 0)) {
      y << "    end: success\n";
      continue;
    }
    const int ways = 1 + pick(3);
    y << "    next:\n";
    y << "      - {to: s" << i + 1 + pick(std::min(3, steps - 1 - i)) << ", label: on}\n";
    for (int w = 1; w < ways; ++w) {
      const int target = pick(5) == 0 ? pick(i + 1) : i + 1 + pick(steps - 1 - i);
      y << "      - {to: s" << target << ", p: " << (1 + pick(4)) * 0.1 << "}\n";
    }
  }
  return y.str();
}

} // namespace

TEST_CASE("property: the shares out of every box add up to 100%, in every view") {
  std::size_t branching = 0; // boxes with more than one way out: the cases that say something
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    const Journey j = journey_from(generated_journey(seed, 5 + static_cast<int>(seed % 40)));
    INFO("seed ", seed);
    const JourneyGraph graph(j);
    auto check_box = [&](const std::vector<double> &shares, const std::vector<std::string> &labels) {
      if (shares.empty()) {
        return;
      }
      double exact = 0;
      long shown = 0;
      std::size_t without = 0;
      for (std::size_t k = 0; k < shares.size(); ++k) {
        exact += shares[k];
        for (const long t : label_tenths(labels[k])) {
          without += t < 0 ? 1 : 0;
          shown += std::max(0L, t);
        }
      }
      CHECK(exact == doctest::Approx(1.0).epsilon(1e-9));
      if (shares.size() == 1 && label_tenths(labels[0]).size() <= 1) {
        CHECK(shown == 0); // a single way out is 100%, said by no number
      } else {
        ++branching;
        CHECK(without == 0);
        CHECK(shown == 1000);
      }
    };
    const OutsideInView outside = outside_in_view(graph);
    for (std::size_t b = 0; b < outside.boxes.size(); ++b) {
      std::vector<double> shares;
      std::vector<std::string> labels;
      for (const OutsideInView::Arrow &a : outside.arrows) {
        if (a.from == b) {
          shares.push_back(a.share);
          labels.push_back(a.label);
        }
      }
      check_box(shares, labels);
    }
    for (const Detail detail : {Detail::Processes, Detail::Steps}) {
      const InsideOutView inside = inside_out_view(graph, ViewOptions{detail});
      for (std::size_t b = 0; b < inside.boxes.size(); ++b) {
        std::vector<double> shares;
        std::vector<std::string> labels;
        for (const InsideOutView::Arrow &a : inside.arrows) {
          if (a.from == b && a.direct) {
            shares.push_back(a.share);
            labels.push_back(a.label);
          }
        }
        check_box(shares, labels);
      }
    }
  }
  CHECK(branching > 1000);
}

TEST_CASE("share_labels: tenths of a percent adding up to 100%, a single way out without one") {
  const std::vector<std::string> texts{"approved", "", "declined"};
  CHECK(share_labels(texts, std::vector<double>{2, 1, 1}) ==
        std::vector<std::string>{"approved · 50%", "25%", "declined · 25%"});
  // Thirds: 33.4 + 33.3 + 33.3, the first of the equal remainders rounded up.
  CHECK(share_labels(texts, std::vector<double>{1, 1, 1}) ==
        std::vector<std::string>{"approved · 33.4%", "33.3%", "declined · 33.3%"});
  // A share that rounds to nothing still says it is there.
  CHECK(share_labels(std::vector<std::string>{"a", "b"}, std::vector<double>{0.9996, 0.0004}) ==
        std::vector<std::string>{"a · 100%", "b · <0.1%"});
  CHECK(share_labels(std::vector<std::string>{"on"}, std::vector<double>{0.4}) ==
        std::vector<std::string>{"on"});
}

TEST_CASE("outside-in: steps out of sight that take no time are no wait, not `wait 0s`") {
  const Journey j = journey_from(R"(
journey: zero
title: I want zero
steps:
  - id: a
    name: Asks
    next: b
  - id: b
    name: Routed
    actor: system
    next: c
  - id: c
    name: Told
    end: success
)");
  DotGraph g = build_view(j, View::OutsideIn);
  const std::vector<std::string> waits = nodes_with_class(g, "wait");
  REQUIRE(waits.size() == 1);
  const std::string text = label(g.find_node(waits[0])->attributes);
  CHECK(text.find("no wait") != std::string::npos);
  CHECK(text.find("1 step out of sight") != std::string::npos);
}
