// Volume formats: failure demand, monthly figures, queues and capacity as lines of text.
#pragma once

#include "journey/analysis/capacity.h"
#include "journey/analysis/metrics.h"
#include "journey/analysis/volume.h"

#include <string>
#include <vector>

namespace journey {

/// A figure per month for people: whole numbers grouped by thousands (`12,000`), two decimals
/// below 10; `-` when undefined.
std::string format_grouped(double x);

/// Money with two decimals, grouped by thousands (`84,000.00`); `-` when undefined.
std::string format_money(double x);

/// The lines `journey metrics` adds under one journey: failure demand (when some step is
/// marked), the monthly figures (with a `volume`) and the computed queues; empty when none apply.
std::string format_volume_text(const JourneyMetrics &m);

/// The portfolio's monthly figures and the capacity of each staffed channel and team against the
/// load of every journey measured; empty when no journey has a volume.
std::string format_portfolio_volume_text(const std::vector<JourneyMetrics> &all);

} // namespace journey
