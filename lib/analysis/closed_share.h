// Closed share: the share of customers who reach a calendar while it is closed, computed exactly
// from the weekly calendars and the arrival profile (the "8pm problem").
#pragma once

#include "journey/model/arrivals.h"
#include "journey/model/calendar.h"

namespace journey {

/// Of the customers at a step while `from` is open, with times of the week spread as
/// `arrivals`, the share who find `to` closed `delay` seconds later. 0 when `from` is never open
/// while customers come. Exact: piecewise constant between the breakpoints of the three weekly
/// patterns, linear in their intervals (sorted once).
double closed_share(const ArrivalProfile &arrivals, const Calendar &from, const Calendar &to,
                    double delay);

} // namespace journey
