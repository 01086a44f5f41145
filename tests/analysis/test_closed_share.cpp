// Tests of the closed share: the 8pm problem computed by hand from calendars and arrivals.
#include "journey/analysis/closed_share.h"

#include <doctest/doctest.h>

using doctest::Approx;
using namespace journey;

namespace {

OpeningHours hours(std::string_view text) {
  const Expected<OpeningHours> h = parse_hours(text);
  REQUIRE(h.has_value());
  return *h;
}

} // namespace

TEST_CASE("closed share: a 24/7 chat handing over to a phone line open Mon-Fri 08:00-20:00") {
  const Calendar chat(hours("24/7"));
  const Calendar phone(hours("Mon-Fri 08:00-20:00"));
  // Evenly over the week: the line is closed 108 of 168 hours, whatever the delay.
  CHECK(closed_share(ArrivalProfile(), chat, phone, 600) == Approx(108.0 / 168));
  CHECK(closed_share(ArrivalProfile(), chat, phone, 0) == Approx(108.0 / 168));
  // Customers in the chat Mon-Fri 19:00-20:00, and 30 minutes later at the phone: half find it
  // closed.
  const Expected<ArrivalProfile> evening =
      ArrivalProfile::make({{hours("Mon-Fri 19:00-20:00"), 1.0, {}}});
  REQUIRE(evening.has_value());
  CHECK(closed_share(*evening, chat, phone, 1800) == Approx(0.5));
  // Only customers at the first step while it is open count: an office open 09-17 hands over to
  // the phone line, which is open then.
  const Calendar office(hours("Mon-Fri 09:00-17:00"));
  CHECK(closed_share(ArrivalProfile(), office, phone, 600) == Approx(0));
  // The other way round: a customer leaving the line at 19:00-20:00 finds the office closed.
  CHECK(closed_share(ArrivalProfile(), phone, office, 0) == Approx((12.0 - 8) / 12));
}
