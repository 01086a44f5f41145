// Legend: an entry for each kind of mark the diagram shows, and none for marks it does not.
#include "helpers.h"
#include "journey/load/workspace.h"
#include "journey/render/legend.h"
#include "journey/render/views.h"

using namespace journey;
using namespace journey::test;

namespace {

constexpr std::string_view kCall = R"(
journey: call
title: Call the bank
channels:
  phone: {name: Phone, kind: assisted}
  web: {name: Website, kind: digital}
teams:
  contact: Contact centre
steps:
  - id: look
    name: Looks up the number
    channel: web
    emotion: -1
    next: call
  - id: call
    name: Calls
    channel: phone
    actor: frontstage
    team: contact
    next:
      - to: done
        p: 0.8
      - to: quit
  - id: done
    name: Gets an answer
    channel: phone
    end: success
  - id: quit
    name: Hangs up
    channel: phone
    pain: [Twenty minutes on hold]
    end: abandon
)";

std::string legend_html(const DotGraph &g) {
  const DotNode *legend = g.find_node("legend");
  REQUIRE(legend != nullptr);
  return label(legend->attributes);
}

} // namespace

TEST_CASE("the legend explains what the outside-in view shows, and nothing else") {
  const Journey j = journey_from(kCall);
  const DotGraph g = build_view(j, View::OutsideIn);
  const LegendEntries shown = legend_entries(g);
  CHECK(shown.emotion);
  CHECK(shown.pain);
  CHECK(shown.channel_switch);
  CHECK(shown.share);
  CHECK(shown.ends == std::vector<EndKind>{EndKind::Success, EndKind::Abandon});
  CHECK_FALSE(shown.wait);
  CHECK_FALSE(shown.handoff);
  CHECK_FALSE(shown.handoff_via);
  CHECK(shown.actors.empty());
  const std::string html = legend_html(g);
  CHECK(html.find("emotion, −3 to +3") != std::string::npos);
  CHECK(html.find("end: abandon") != std::string::npos);
  CHECK(html.find("end: failure") == std::string::npos);
  CHECK(html.find("steps out of sight") == std::string::npos);
  CHECK(html.find("handoff") == std::string::npos);
  CHECK(html.find("inside-out fill") == std::string::npos);
}

TEST_CASE("a view with one team shows no handoff entry; by steps, only the actors drawn") {
  const Journey j = journey_from(kCall);
  const LegendEntries processes = legend_entries(build_view(j, View::InsideOut));
  CHECK_FALSE(processes.handoff);
  CHECK_FALSE(processes.handoff_via);
  CHECK_FALSE(processes.emotion);
  CHECK(processes.ends.empty()); // process boxes say "journey ends here" in words
  const DotGraph steps = build_view(j, View::InsideOut, ViewOptions{Detail::Steps});
  const LegendEntries by_step = legend_entries(steps);
  CHECK(by_step.actors == std::vector<Actor>{Actor::Customer, Actor::Frontstage});
  CHECK(legend_html(steps).find("backstage") == std::string::npos);
}

TEST_CASE("no dashed-handoff entry when every handoff through the customer is only counted") {
  Workspace workspace(std::nullopt, {});
  LoadedFile file =
      workspace.load(std::string(JOURNEY_SOURCE_DIR) + "/tests/render/corpus/journey-0108.yaml");
  REQUIRE(file.readable);
  const DotGraph g = build_view(file.journey, View::InsideOut, ViewOptions{Detail::Steps});
  CHECK(nodes_with_class(g, "via").empty());
  const LegendEntries shown = legend_entries(g);
  CHECK_FALSE(shown.handoff_via);
  CHECK(legend_html(g).find("handoff through the customer") == std::string::npos);
  // The bundled loan journey draws its few dashed handoffs, and says what they are.
  LoadedFile loan = workspace.load(std::string(JOURNEY_SOURCE_DIR) + "/journeys/apply-by-post.yaml");
  const DotGraph drawn = build_view(loan.journey, View::InsideOut, ViewOptions{Detail::Steps});
  CHECK(legend_entries(drawn).handoff_via);
  CHECK(legend_html(drawn).find("handoff through the customer") != std::string::npos);
}

TEST_CASE("a graph with no marks gets no legend") {
  DotGraph g;
  g.add_node("a");
  g.add_edge("a", "b");
  add_legend(g, no_cluster, "legend");
  CHECK(g.find_node("legend") == nullptr);
}
