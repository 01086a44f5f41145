// Mermaid output of the outside-in view: escaping, ids, and the flowchart written from the model.
#include "helpers.h"
#include "journey/analysis/journey_graph.h"
#include "journey/render/mermaid.h"

using namespace journey;
using namespace journey::test;

namespace {

constexpr std::string_view kCallBack = R"(
journey: call-back
title: I want a "call" back
start: Needs help
channels:
  web: {name: Website, kind: digital}
  phone: {name: Phone <line>, kind: assisted}
teams:
  ops: Operations
steps:
  - id: ask
    name: 'Asks for a call # online'
    channel: web
    emotion: -1
    next: triage
  - id: triage
    name: Triage
    team: ops
    wait: 1d
    next:
      - {to: call, p: 0.75, label: urgent}
      - {to: done, label: not urgent}
  - id: call
    name: Is called back
    actor: frontstage
    channel: phone
    pain: Waits `all` day
    end: success
  - id: done
    name: Reads the answer
    channel: web
    end: abandon
)";

} // namespace

TEST_CASE("mermaid text: syntax, HTML and Markdown characters become entity codes") {
  CHECK(mermaid_text("a \"b\" #1 & <i>c</i> `d` e\tf") ==
        "a #quot;b#quot; #35;1 #amp; #lt;i#gt;c#lt;/i#gt; #96;d#96; e f");
  CHECK(mermaid_text("end --> x; %% |y| [z] (w) {v}") == "end --#gt; x; %% |y| [z] (w) {v}");
  CHECK(mermaid_text("bad \xff\x01") == "bad \xEF\xBF\xBD");
}

TEST_CASE("mermaid ids: letters and digits kept, everything else encoded, distinct") {
  CHECK(mermaid_id("s_", "call-back") == "s_call_hback");
  CHECK(mermaid_id("s_", "a_b.c") == "s_a__b_dc");
  CHECK(mermaid_id("s_", "end") == "s_end");
  CHECK(mermaid_id("s_", "é") == "s__xC3_xA9");
  CHECK(mermaid_id("s_", "a-_b") != mermaid_id("s_", "a_-b"));
  CHECK(is_mermaid_name("Mermaid"));
  CHECK(is_mermaid_path("out/x.mmd"));
  CHECK_FALSE(is_mermaid_path("out.mmd/x"));
  CHECK_FALSE(is_mermaid_path(".mmd"));
}

TEST_CASE("mermaid outside-in: lanes as subgraphs, waits, branches, switches, styles") {
  const Journey journey = journey_from(kCallBack);
  const std::string out = render_mermaid(journey);
  CHECK(out.starts_with("---\ntitle: \"I want a \\\"call\\\" back: what the customer "
                        "experiences\"\n---\nflowchart LR\n"));
  CHECK(out.find("  start([\"<b>START</b><br><small>Needs help</small>\"])\n") !=
        std::string::npos);
  CHECK(out.find("  subgraph lane_web[\"Website <small>digital</small>\"]\n"
                 "    s_ask(\"Asks for a call #35; online<br><small>customer</small>\")\n") !=
        std::string::npos);
  CHECK(out.find("subgraph lane_phone[\"Phone #lt;line#gt; <small>assisted</small>\"]") !=
        std::string::npos);
  CHECK(out.find("s_call[[\"Is called back<br><small>frontstage</small><br><small>! Waits "
                 "#96;all#96; day</small><br><b>END · SUCCESS</b>\"]]") != std::string::npos);
  CHECK(out.find("(\"<b>wait 1d</b><br><small>1 step out of sight</small>\")") !=
        std::string::npos);
  CHECK(out.find("-->|\"urgent · 75%\"|") != std::string::npos);
  CHECK(out.find("  style s_ask fill:") != std::string::npos);
  CHECK(out.find("class w1,w2 wait\n") != std::string::npos);
  CHECK(out.find("  linkStyle ") != std::string::npos);
  CHECK(out.find("triage") == std::string::npos); // out of sight: a wait, not a box
  CHECK(render_mermaid(journey) == out);
}
