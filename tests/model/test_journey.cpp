// Enum names both ways, severities, and XML escaping.
#include "journey/model/diagnostic.h"
#include "journey/model/escape.h"
#include "journey/model/journey.h"

#include <doctest/doctest.h>
#include <string>

using namespace journey;

TEST_CASE("enum names parse back to their values, anything else is nullopt") {
  for (Actor a : {Actor::Customer, Actor::Frontstage, Actor::Backstage, Actor::System}) {
    CHECK(parse_actor(to_string(a)) == a);
  }
  for (ChannelKind k : {ChannelKind::Digital, ChannelKind::Assisted, ChannelKind::InPerson,
                        ChannelKind::Paper, ChannelKind::Social}) {
    CHECK(parse_channel_kind(to_string(k)) == k);
  }
  for (EndKind e : {EndKind::Success, EndKind::Abandon, EndKind::Failure}) {
    CHECK(parse_end_kind(to_string(e)) == e);
  }
  CHECK(parse_channel_kind("in-person") == ChannelKind::InPerson);
  CHECK_FALSE(parse_actor("Customer").has_value());
  CHECK_FALSE(parse_channel_kind("").has_value());
  CHECK_FALSE(parse_end_kind("none").has_value()); // written by to_string, but not an end
  CHECK_FALSE(parse_end_kind("done").has_value());
}

TEST_CASE("severities parse back to their values") {
  for (Severity s : {Severity::Off, Severity::Info, Severity::Warning, Severity::Error}) {
    CHECK(parse_severity(to_string(s)) == s);
  }
  CHECK_FALSE(parse_severity("fatal").has_value());
  CHECK_FALSE(parse_severity("Error").has_value());
}

TEST_CASE("xml_escape: the five specials, and controls XML cannot hold dropped") {
  CHECK(xml_escape(R"(<a href="x">'&'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(xml_escape("tab\tnew\nline\rok") == "tab\tnew\nline\rok");
  CHECK(xml_escape(std::string("a\x01\x1f"
                               "b\0",
                               5)) == "ab");
  CHECK(xml_escape("Ünï 🙂") == "Ünï 🙂");
}
