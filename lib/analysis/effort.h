// Customer effort: the part of a step's wait and time the customer spends doing something.
#pragma once

#include "journey/model/journey.h"

namespace journey {

/// Which of a step's figures are the customer's effort.
struct EffortParts {
  bool wait = false; ///< the wait is a queue the customer stands in (on hold, at the counter)
  bool time = false; ///< the customer takes part in the step's active time
};

/// The customer's part of a step: the time of a `customer` step; the time of a `frontstage` step
/// in an assisted or in-person channel (the call, the visit, the chat); and the wait before a
/// `customer` or `frontstage` step in an assisted channel (the queue). See docs/metrics.md.
EffortParts effort_parts(const Journey &journey, const Step &step);

/// The customer effort of one pass through a step, in seconds, from its (mean) wait and time.
double customer_effort(const Journey &journey, const Step &step);

/// The same with the wait given: a computed queue (`wait: queue`) has no wait of its own.
double customer_effort(const Journey &journey, const Step &step, double wait);

} // namespace journey
