// Simulation formats: the `journey simulate` percentiles and histogram as text, JSON, CSV and an
// SVG chart.
#pragma once

#include "journey/analysis/simulate.h"
#include "journey/model/names.h"

#include <string>
#include <vector>

namespace journey {

enum class SimulateFormat { Text, Json, Csv };

/// The names of the simulation formats.
inline constexpr Named<SimulateFormat> kSimulateFormatNames[] = {
    {"text", SimulateFormat::Text}, {"json", SimulateFormat::Json}, {"csv", SimulateFormat::Csv}};

/// One bar of a histogram: the customers whose figure is in [from, to).
struct HistogramBar {
  double from = 0;
  double to = 0;
  double customers = 0; ///< may be fractional where a fine bin straddles two bars
  bool rest = false;    ///< the last bar: every customer from `from` on (`to` is the max)
};

/// Bars of equal width over a distribution, from 0 to its 99th percentile rounded up to a round
/// duration, the last bar taking everything beyond: at most `bars` + 1 bars.
std::vector<HistogramBar> histogram(const Distribution &d, std::size_t bars = 20);

/// Per journey: the customers, then per group (all, each outcome reached) its share and the mean,
/// P50, P80, P90, P95 and max of lead time, wait and customer effort, then the lead-time
/// histogram of all customers as bars of `█`. With calendars, closed time is a fourth measure,
/// followed by the share held up by closed hours (per outcome), the closed time per customer,
/// and each team, channel or the customer's own hours with its share of the closed time.
std::string format_simulation_text(const std::vector<SimulationResult> &all);
/// An array of one object per journey: `groups` (name -> customers, share, and per measure
/// mean, p50, p80, p90, p95, max in seconds) and `histogram` (lead time: from, to, customers).
/// With `calendars`, each group also has `closed_time` and `held_up` (a share), and `closures`
/// lists whose hours held customers up: kind, id, name, seconds, share of closed time,
/// customers.
std::string format_simulation_json(const std::vector<SimulationResult> &all);
/// A header row, then per journey one row per group and measure, and one row per histogram bar
/// (measure `lead_time_histogram`, with `from` and `to`). With calendars: `closed_time` rows,
/// a `held_up` row per group (customers held up, their share), and a `closed_by:KIND:ID` row per
/// source (customers held up, share of the closed time, mean seconds per customer).
std::string format_simulation_csv(const std::vector<SimulationResult> &all);
std::string format_simulation(const std::vector<SimulationResult> &all, SimulateFormat format);

/// An SVG chart of one journey's lead time: the histogram of all customers, each bar split by
/// outcome, with the P50 and P90 marked. Every text is escaped.
std::string simulation_svg(const SimulationResult &result);

} // namespace journey
