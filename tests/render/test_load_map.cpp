// Tests of the load map (`journey map --load`): its view model as data, then its DOT.
#include "helpers.h"
#include "journey/parse/parse.h"
#include "journey/render/portfolio_map.h"

#include <doctest/doctest.h>

using namespace journey;

namespace {

Journey journey_of(std::string_view yaml) {
  ParseResult r = parse(yaml, "t.yaml");
  REQUIRE(r.diagnostics.empty());
  return std::move(r.journey);
}

// Two journeys on one team `ops` (staff 1, 100 h a month): 50 customers x 1h and 100 x 30m
// give 100 h, 100% utilised; `cc` has no staff; the phone takes 100 calls of 6m (10 h).
constexpr std::string_view kFirst = R"(journey: first
title: I want the first thing
volume: 50/month
teams:
  ops: {name: Operations, staff: 1, productive_hours: 100/month}
steps:
  - {id: a, name: A, team: ops, time: 1h, end: success}
)";
constexpr std::string_view kSecond = R"(journey: second
title: I want the <second> thing
volume: 100/month
channels:
  phone: {name: Phone, kind: assisted, staff: 2, hours: 24/7}
teams:
  ops: {name: Operations, staff: 1, productive_hours: 100/month}
  cc: Contact centre
steps:
  - {id: call, name: Calls, actor: frontstage, channel: phone, team: cc, time: 6m, next: b}
  - {id: b, name: B, team: ops, time: 30m, end: success}
)";
constexpr std::string_view kNoVolume = R"(journey: idle
title: I want nothing
teams:
  ops: Operations
steps:
  - {id: a, name: A, team: ops, time: 1h, end: success}
)";

} // namespace

TEST_CASE("load map view: teams then contact channels, most loaded first, hours per journey") {
  const Journey first = journey_of(kFirst);
  const Journey second = journey_of(kSecond);
  const Journey idle = journey_of(kNoVolume);
  const std::vector<const Journey *> journeys{&second, &idle, &first};
  const std::vector<JourneyMetrics> metrics{compute_metrics(second), compute_metrics(idle),
                                            compute_metrics(first)};
  const LoadMapView view = load_map_view(journeys, metrics);
  CHECK(view.left_out == 1);
  REQUIRE(view.journeys.size() == 2);
  CHECK(view.journeys[0].id == "first"); // by id
  CHECK(view.journeys[1].volume == 100);
  REQUIRE(view.boxes.size() == 3);
  CHECK(view.boxes[0].row.id == "ops");
  CHECK(view.boxes[0].row.work_hours == doctest::Approx(100));
  CHECK(view.boxes[0].row.utilisation == doctest::Approx(1.0));
  CHECK(utilisation_band(view.boxes[0].row.utilisation) == "over");
  CHECK(view.boxes[0].size == 1);
  CHECK(view.boxes[1].row.id == "cc");
  CHECK(utilisation_band(view.boxes[1].row.utilisation) == "unknown");
  CHECK(view.boxes[2].row.kind == LoadKind::Channel);
  CHECK(view.boxes[2].row.id == "phone");
  CHECK(view.boxes[2].size == doctest::Approx(0.1));
  REQUIRE(view.links.size() == 4);
  CHECK(view.links[0].journey == 0); // first -> ops, 50 h
  CHECK(view.links[0].box == 0);
  CHECK(view.links[0].work_hours == doctest::Approx(50));
  CHECK(view.links[0].weight == doctest::Approx(1));
  CHECK(view.links[1].journey == 1); // second -> ops, 50 h
  CHECK(view.links[1].work_hours == doctest::Approx(50));
  CHECK(view.links[3].box == 2); // second -> phone, 10 h
  CHECK(view.links[3].weight == doctest::Approx(0.2));
  CHECK(utilisation_band(0.86) == "high");
  CHECK(utilisation_band(0.7) == "busy");
  CHECK(utilisation_band(0.69) == "ok");

  const std::string dot = build_load_map(view).to_dot();
  CHECK(dot.find("50 h") != std::string::npos);
  CHECK(dot.find("100% utilised") != std::string::npos);
  CHECK(dot.find("no staff stated") != std::string::npos);
  CHECK(dot.find("1 journey without a volume left out") != std::string::npos);
  CHECK(dot.find("<second>") == std::string::npos); // titles are escaped
  CHECK(dot.find("&lt;second&gt;") != std::string::npos);
  // The same whatever the order of the journeys.
  const LoadMapView again =
      load_map_view({&first, &idle, &second},
                    {compute_metrics(first), compute_metrics(idle), compute_metrics(second)});
  CHECK(build_load_map(again).to_dot() == dot);
}
