// Headline figures: the line of numbers under each view's heading.
#pragma once

#include "journey/analysis/metrics.h"
#include "journey/render/views.h"

#include <string>

namespace journey {

/// The organisation's figures: the boxes drawn (processes, groups of steps, steps), teams, the
/// handoff arrows drawn and the expected handoffs per customer
/// (`4 processes · 2 steps · 3 teams · 3 handoffs drawn, expected 2.4 handoffs per customer`).
std::string organisation_figures(const ViewCounts &drawn, const JourneyMetrics &metrics);

/// The customer's figures: steps drawn, channels, expected channel switches, expected lead time
/// and wait (`11 steps · 3 channels · expected 1.6 channel switches, lead time 2w 1d, wait 2w`);
/// the channel-switch edges drawn when no expectation exists.
std::string customer_figures(const ViewCounts &drawn, const JourneyMetrics &metrics);

} // namespace journey
