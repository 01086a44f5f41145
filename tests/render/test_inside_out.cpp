// Inside-out view: team and process clusters, the customer as one node, handoffs highlighted.
#include "journey/analysis/changes.h"
#include "helpers.h"
#include "journey/render/inside_out.h"
#include "journey/render/views.h"

using namespace journey;
using namespace journey::test;

namespace {

constexpr std::string_view kPost = R"(
journey: post
title: Apply by post
teams:
  letters: Print and post
  mailroom: Mailroom
  lending: Lending
processes:
  pack: {name: Send pack, team: letters}
  scan: {name: Sort and scan, team: mailroom}
  decide: {name: Decide, team: lending}
steps:
  - id: ask
    name: Asks for a form
    next: send-pack
  - id: send-pack
    name: Pack printed and posted
    process: pack
    next: fill
  - id: fill
    name: Fills in the form
    next: post-back
  - id: post-back
    name: Posts it back
    next: open
  - id: open
    name: Opens the envelope
    process: scan
    next: scan
  - id: scan
    name: Scans the form
    actor: system
    process: scan
    next: assess
  - id: assess
    name: Assesses
    process: decide
    next:
      - to: pay
        p: 0.9
      - to: reject
  - id: pay
    name: Pays out
    process: decide
    end: success
  - id: reject
    name: Rejection letter
    process: pack
    team: letters
    end: failure
)";

} // namespace

TEST_CASE("handoffs follow metrics: steps without a team do not break the sequence") {
  Journey j = journey_from(kPost);
  const JourneyGraph graph(j);
  std::vector<MarkerChange> h = marker_changes(graph, graph.team_marker());
  auto id = [&](std::size_t i) { return j.steps[i].id; };
  REQUIRE(h.size() == 3);
  CHECK((id(h[0].from) == "scan" && id(h[0].to) == "assess" && h[0].direct));
  CHECK((id(h[1].from) == "assess" && id(h[1].to) == "reject" && h[1].direct));
  CHECK((id(h[2].from) == "send-pack" && id(h[2].to) == "open" && !h[2].direct));
  CHECK(h[2].via_customer);
}

TEST_CASE("inside-out by steps clusters steps by team and process, the customer is one node") {
  Journey j = journey_from(kPost);
  DotGraph g = build_view(j, View::InsideOut, ViewOptions{Detail::Steps});
  CHECK(g.find_node("s_ask") == nullptr);
  CHECK(g.find_node("s_fill") == nullptr);
  REQUIRE(g.find_node("customer") != nullptr);
  CHECK(label(g.find_node("customer")->attributes).find("3 steps") != std::string::npos);
  const DotNode *open = g.find_node("s_open");
  const DotNode *scan = g.find_node("s_scan");
  REQUIRE((open && scan));
  CHECK(open->cluster == scan->cluster);
  const DotCluster &process = g.cluster(open->cluster);
  CHECK(process.attributes.has_class("process"));
  CHECK(label(process.attributes).find("Sort and scan") != std::string::npos);
  REQUIRE(process.parent != no_cluster);
  CHECK(g.cluster(process.parent).attributes.has_class("team"));
  CHECK(label(g.cluster(process.parent).attributes).find("Mailroom") != std::string::npos);
  CHECK(g.find_node("s_assess")->cluster != open->cluster);
}

TEST_CASE("inside-out by steps: every handoff is a highlighted edge, through the customer too") {
  Journey j = journey_from(kPost);
  DotGraph g = build_view(j, View::InsideOut, ViewOptions{Detail::Steps});
  CHECK(edge(g, "s_scan", "s_assess").attributes.has_class("handoff"));
  CHECK(edge(g, "s_assess", "s_reject").attributes.has_class("handoff"));
  CHECK_FALSE(edge(g, "s_open", "s_scan").attributes.has_class("handoff"));
  CHECK_FALSE(edge(g, "s_assess", "s_pay").attributes.has_class("handoff"));
  CHECK(edges_between(g, "customer", "s_send-pack").size() == 1);
  CHECK(edges_between(g, "s_send-pack", "customer").size() == 1);
  CHECK(edges_between(g, "customer", "customer").empty());
  const DotEdge &via = edge(g, "s_send-pack", "s_open");
  CHECK(via.attributes.has_class("handoff"));
  CHECK(via.attributes.has_class("via"));
  CHECK(*via.attributes.get("style") == "dashed");
  std::size_t highlighted = 0;
  for (const DotEdge &e : arrows(g)) {
    highlighted += e.attributes.has_class("handoff") ? 1 : 0;
  }
  CHECK(highlighted == 3);
}

TEST_CASE("inside-out by default draws each process as one box, the customer at the boundary") {
  Journey j = journey_from(kPost);
  DotGraph g = build_view(j, View::InsideOut);
  CHECK(g.find_node("s_open") == nullptr);
  const DotNode *scan = g.find_node("p_mailroom_scan");
  REQUIRE(scan != nullptr);
  CHECK(scan->attributes.has_class("process"));
  CHECK(label(scan->attributes).find("2 steps") != std::string::npos);
  CHECK(label(scan->attributes).find("ends here") == std::string::npos);
  // The payout ends the journey inside the decision box, the rejection inside the letters box.
  CHECK(label(g.find_node("p_lending_decide")->attributes).find("journey ends here: success") !=
        std::string::npos);
  CHECK(label(g.find_node("p_letters_pack")->attributes).find("journey ends here: failure") !=
        std::string::npos);
  CHECK(edge(g, "p_mailroom_scan", "p_lending_decide").attributes.has_class("handoff"));
  CHECK(edges_between(g, "p_mailroom_scan", "p_mailroom_scan").empty());
  CHECK(edges_between(g, "p_lending_decide", "p_lending_decide").empty());
  CHECK(edge(g, "p_lending_decide", "p_letters_pack").attributes.has_class("handoff"));
  // The handoff from the letters team to the mailroom goes through the customer, drawn once.
  CHECK(edges_between(g, "p_letters_pack", "p_mailroom_scan").empty());
  CHECK(edges_between(g, "p_letters_pack", "customer").size() == 1);
  CHECK(edges_between(g, "customer", "p_mailroom_scan").size() == 1);
  for (const DotEdge &e : arrows(g)) {
    CHECK_FALSE(e.attributes.has_class("via"));
  }
  // Out of the decision: 90% paid (inside the box, not drawn), 10% rejected: the only way out.
  CHECK(label(edge(g, "p_lending_decide", "p_letters_pack").attributes).find('%') ==
        std::string::npos);
  CHECK(label(g.graph_attributes()).find("3 processes · 3 teams · 2 handoffs drawn") !=
        std::string::npos);
}

TEST_CASE("compare puts both views side by side under their titles with figures") {
  Journey j = journey_from(kPost);
  DotGraph g = build_view(j, View::Compare);
  REQUIRE(g.clusters().size() >= 2);
  const DotCluster &left = g.clusters()[0];
  const DotCluster &right = g.clusters()[1];
  CHECK(label(left.attributes).find("What the organisation sees") != std::string::npos);
  CHECK(label(left.attributes).find("3 processes · 3 teams · 2 handoffs drawn, expected") !=
        std::string::npos);
  CHECK(label(right.attributes).find("What the customer experiences") != std::string::npos);
  CHECK(label(right.attributes).find("3 steps · 0 channels") != std::string::npos);
  CHECK(label(right.attributes).find("lead time") != std::string::npos);
  CHECK(g.find_node("io_customer") != nullptr);
  CHECK(g.find_node("oi_s_ask") != nullptr);
  CHECK(g.find_node("io_p_lending_decide") != nullptr);
  CHECK(g.find_node("oi_s_assess") == nullptr);
  CHECK(g.find_node("legend") != nullptr);
}
