// Tests of calendars: next opening, working-time arithmetic across nights and weekends,
// intersections, working days, the spelling of working waits, arrival profiles, and the
// minute-by-minute table against the calendar it is made from.
#include "journey/model/arrivals.h"
#include "journey/model/calendar.h"
#include "journey/model/calendar_table.h"

#include <doctest/doctest.h>
#include <limits>
#include <random>

using doctest::Approx;
using namespace journey;

namespace {

constexpr double kHour = 3600;
constexpr double kDay = 24 * kHour;

Calendar calendar(std::string_view text) {
  const Expected<OpeningHours> hours = parse_hours(text);
  REQUIRE(hours.has_value());
  return Calendar(*hours);
}

/// Seconds from Monday 00:00 of week 0 to `day` (0 = Monday) at `hour`.
double at(int day, double hour) {
  return day * kDay + hour * kHour;
}

} // namespace

TEST_CASE("calendar: the next opening, at once when open, across the weekend when not") {
  const Calendar office = calendar("Mon-Fri 09:00-17:00");
  CHECK(office.next_open(at(0, 10)) == at(0, 10));
  CHECK(office.next_open(at(0, 8)) == at(0, 9));
  CHECK(office.next_open(at(0, 17)) == at(1, 9));
  CHECK(office.next_open(at(4, 20)) == at(7, 9)); // Friday night: next Monday
  CHECK(office.next_open(at(13, 12)) == at(14, 9)); // a Sunday of week 1
  CHECK(office.open_at(at(2, 16.5)));
  CHECK_FALSE(office.open_at(at(5, 12)));
  CHECK(office.open_per_week() == 40 * kHour);
  CHECK(office.working_day() == 8 * kHour);
  const Calendar always;
  CHECK(always.always());
  CHECK(always.next_open(at(6, 3)) == at(6, 3));
  CHECK(always.working_day() == kDay);
  CHECK(calendar("24/7").always());
}

TEST_CASE("calendar: adding working time skips nights and weekends, whole weeks at once") {
  const Calendar office = calendar("Mon-Fri 09:00-17:00");
  CHECK(office.add_working(at(0, 10), 2 * kHour) == at(0, 12));
  CHECK(office.add_working(at(0, 16), 2 * kHour) == at(1, 10));
  // Friday 16:00 plus one working day (8 h): 1 h on Friday, 7 h on Monday, so Monday 16:00.
  CHECK(office.add_working(at(4, 16), 8 * kHour) == at(7, 16));
  // Closed at the start: counting starts at the opening.
  CHECK(office.add_working(at(5, 12), kHour) == at(7, 10));
  // Exactly to the close: the close, not the next opening.
  CHECK(office.add_working(at(0, 9), 8 * kHour) == at(0, 17));
  // Three weeks of opening and two hours: three weeks later, two hours on.
  CHECK(office.add_working(at(1, 9), 3 * 40 * kHour + 2 * kHour) == at(22, 11));
  CHECK(office.add_working(at(1, 9), 40 * kHour) == at(7, 17));
  CHECK(office.add_working(at(3, 3), 0) == at(3, 3));
  // Hours that run over midnight into Monday.
  const Calendar nights = calendar("Sun 22:00-24:00; Mon 00:00-02:00");
  CHECK(nights.add_working(at(6, 23), 2 * kHour) == at(7, 1));
  CHECK(nights.working_day() == 2 * kHour);
}

TEST_CASE("calendar table: the same times as the calendar, on the cases worked by hand") {
  const CalendarTable office(calendar("Mon-Fri 09:00-17:00"));
  CHECK(office.next_open(at(0, 10)) == at(0, 10));
  CHECK(office.next_open(at(0, 8)) == at(0, 9));
  CHECK(office.next_open(at(0, 17)) == at(1, 9));
  CHECK(office.next_open(at(4, 20)) == at(7, 9));
  CHECK(office.next_open(at(13, 12)) == at(14, 9));
  CHECK(office.open_at(at(2, 16.5)));
  CHECK_FALSE(office.open_at(at(5, 12)));
  CHECK_FALSE(office.open_at(at(0, 17)));
  CHECK(office.add_working(at(4, 16), 8 * kHour) == at(7, 16));
  CHECK(office.add_working(at(5, 12), kHour) == at(7, 10));
  CHECK(office.add_working(at(0, 9), 8 * kHour) == at(0, 17));
  CHECK(office.add_working(at(1, 9), 3 * 40 * kHour + 2 * kHour) == at(22, 11));
  CHECK(office.add_working(at(1, 9), 40 * kHour) == at(7, 17));
  CHECK(office.add_working(at(0, 17), 40 * kHour) == at(7, 17)); // from Tuesday's opening
  CHECK(office.add_working(at(3, 3), 0) == at(3, 3));
  const CalendarTable nights(calendar("Sun 22:00-24:00; Mon 00:00-02:00"));
  CHECK(nights.add_working(at(6, 23), 2 * kHour) == at(7, 1));
  CHECK(nights.next_open(at(6, 21)) == at(6, 22));
  CHECK(nights.next_open(at(1, 0)) == at(6, 22));
  // A time or work beyond any week (an overflowing spread) stays where it is, as in Calendar.
  const double huge = std::numeric_limits<double>::infinity();
  CHECK(office.next_open(huge) == huge);
  CHECK(office.add_working(huge, kHour) == huge);
  CHECK(office.add_working(at(0, 10), huge) == huge);
  const CalendarTable always;
  CHECK(always.next_open(at(6, 3)) == at(6, 3));
  CHECK(always.add_working(at(6, 3), kHour) == at(6, 4));
  const CalendarTable never(Calendar(OpeningHours{}));
  CHECK(never.next_open(at(2, 3)) == at(2, 3));
  CHECK_FALSE(never.open_at(at(2, 3)));
  CHECK(never.add_working(at(2, 3), kHour) == at(2, 3));
}

TEST_CASE("calendar table: the same times as the calendar on random calendars and times") {
  std::mt19937_64 random(11);
  auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  for (int round = 0; round < 200; ++round) {
    // Up to 12 disjoint intervals at minute resolution, some touching, some a minute long.
    OpeningHours hours;
    int minute = pick(0, 600);
    for (int n = pick(1, 12); n > 0 && minute < 10079; --n) {
      const int end = std::min(10080, minute + pick(1, 900));
      hours.intervals.push_back({minute, end});
      minute = end + (pick(0, 3) == 0 ? 0 : pick(1, 1500));
    }
    const Calendar c(hours);
    const CalendarTable table(c);
    for (int k = 0; k < 200; ++k) {
      // Times on minute marks and interval edges as often as anywhere in between.
      double t = pick(0, 4 * 10080) * 60.0;
      if (pick(0, 1) == 0) {
        t += std::uniform_real_distribution<double>(0, 60)(random);
      }
      CAPTURE(round);
      CAPTURE(t);
      CHECK(table.next_open(t) == c.next_open(t));
      CHECK(table.open_at(t) == c.open_at(t));
      const double work = pick(0, 2) == 0 ? pick(0, 20000) * 60.0
                                          : std::uniform_real_distribution<double>(0, 3e6)(random);
      CAPTURE(work);
      CHECK(table.add_working(t, work) == Approx(c.add_working(t, work)).epsilon(1e-12));
    }
  }
}

TEST_CASE("calendar: intersecting two calendars keeps the times both are open") {
  const Calendar phone = calendar("Mon-Fri 08:00-20:00; Sat 09:00-13:00");
  const Calendar customer = calendar("Mon-Sun 07:00-23:00");
  const Calendar both = phone.intersect(customer);
  CHECK(both.open_per_week() == (5 * 12 + 4) * kHour);
  const Calendar evening = calendar("Mon-Sun 18:00-23:00").intersect(phone);
  CHECK(evening.open_per_week() == 5 * 2 * kHour);
  CHECK(Calendar().intersect(phone).open_per_week() == phone.open_per_week());
  CHECK(calendar("Mon 09:00-10:00").intersect(calendar("Tue 09:00-10:00")).never());
}

TEST_CASE("working waits: days, hours and minutes, and what is refused") {
  const Expected<WorkingWait> days = parse_working_wait("3 working days");
  REQUIRE(days.has_value());
  CHECK(days->days);
  CHECK(days->amount == 3);
  CHECK(days->seconds(calendar("Mon-Fri 08:00-20:00")) == 36 * kHour);
  const Expected<WorkingWait> hours = parse_working_wait("1.5 Working Hours");
  REQUIRE(hours.has_value());
  CHECK_FALSE(hours->days);
  CHECK(hours->seconds(Calendar()) == 1.5 * kHour);
  CHECK(parse_working_wait("90 working minutes")->seconds(Calendar()) == 1.5 * kHour);
  CHECK(parse_working_wait("1 working day")->days);
  CHECK_FALSE(parse_working_wait("three working days").has_value());
  CHECK_FALSE(parse_working_wait("3 working weeks").has_value());
  CHECK_FALSE(parse_working_wait("3 days working").has_value());
  CHECK_FALSE(parse_working_wait("-3 working days").has_value());
  CHECK(is_working_wait_text("3 working days"));
  CHECK_FALSE(is_working_wait_text("3d"));
}

TEST_CASE("arrivals: shares over their hours, the rest evenly over the hours not named") {
  const ArrivalProfile even;
  CHECK(even.time_at(0.5) == Approx(3.5 * kDay));
  const Expected<OpeningHours> office = parse_hours("Mon-Fri 09:00-17:00");
  REQUIRE(office.has_value());
  const Expected<ArrivalProfile> p = ArrivalProfile::make({{*office, 0.7, {}}});
  REQUIRE(p.has_value());
  double named = 0;
  double total = 0;
  for (const ArrivalProfile::Piece &piece : p->pieces()) {
    total += piece.share;
    if (Calendar(*office).open_at(piece.begin)) {
      named += piece.share;
    }
  }
  CHECK(total == Approx(1));
  CHECK(named == Approx(0.7));
  // Pieces are in week order: Monday 00:00-09:00 first (30% over 128 closed hours, 9 of them),
  // then Monday 09:00-17:00 (70% over five such days).
  const double before_monday_nine = 0.3 * 9 / 128;
  CHECK(p->time_at(before_monday_nine / 2) == Approx(4.5 * kHour));
  CHECK(p->time_at(before_monday_nine + 0.7 / 5 / 2) == Approx(13 * kHour));
  std::vector<ArrivalWindow> over{{*office, 0.8, {}}, {*office, 0.3, {}}};
  CHECK_FALSE(ArrivalProfile::make(over).has_value());
  const Expected<OpeningHours> week = parse_hours("24/7");
  CHECK_FALSE(ArrivalProfile::make({{*week, 0.5, {}}}).has_value());
  CHECK(ArrivalProfile::make({{*week, 1.0, {}}}).has_value());
}
