// Compare: two sets of journey figures (current and future state) as changes per month, per
// journey matched by id and for the whole portfolio.
#pragma once

#include "journey/analysis/metrics.h"

#include <optional>
#include <string>
#include <vector>

namespace journey {

/// How a compared figure is shown.
enum class FigureUnit { Customers, Money, Hours, Contacts, Duration, Share, Fte };

/// One figure in both states. NaN where a state does not define it (no volume, a journey that
/// cannot end, a team one state does not use is 0, not NaN).
struct FigureChange {
  std::string key;   ///< stable: `cost`, `contacts.phone`, `fte.team.mailroom`, `lead_time`
  std::string label; ///< for people: `cost to serve`, `contacts: Contact centre`
  FigureUnit unit = FigureUnit::Customers;
  bool higher_is_better = false;
  bool neutral = false; ///< neither way is worse (customers, uses of a self-service channel)
  double current = 0;
  double future = 0;

  /// future - current; NaN when either is undefined.
  double difference() const;
  /// difference / |current|; NaN when either is undefined or current is 0.
  double relative() const;
  /// True when a figure that is not neutral moved the wrong way (or became undefined).
  bool worse() const;
  /// True when the two values differ (beyond rounding noise).
  bool changed() const;
};

/// What a comparison needs of one journey in one state: its measures, and the figures only a
/// simulation gives (absent when the caller does not simulate).
struct StateFigures {
  JourneyMetrics metrics;
  std::optional<double> lead_time_p90; ///< seconds, over all customers, waits for hours included
  /// Mean seconds per customer spent waiting for opening hours; set only for a journey with
  /// calendars, whose P90 then includes time the exact mean leaves out.
  std::optional<double> closed_time;
};

/// The changes of one journey present in both states.
struct JourneyComparison {
  std::string journey; ///< id (the future state's)
  std::string current_file;
  std::string future_file;
  bool monthly = false;             ///< both states have a volume: monthly figures compared
  std::vector<FigureChange> figures; ///< in a fixed order (see `compare_states`)
};

/// A journey present in one state only.
struct JourneyOnly {
  std::string journey;
  std::string file;
};

/// Current against future state, per month.
struct Comparison {
  std::string current; ///< as named on the command line
  std::string future;
  std::vector<JourneyComparison> journeys; ///< matched by id, sorted by id
  std::vector<JourneyOnly> added;          ///< in the future state only, sorted by id
  std::vector<JourneyOnly> removed;        ///< in the current state only, sorted by id
  /// The whole portfolio in each state (every journey with a volume, added and removed ones
  /// included); empty when the comparison is of one journey.
  std::vector<FigureChange> totals;
  std::vector<std::string> notes; ///< why some figures are missing (no volume, undefined)

  /// True when some figure changed or a journey was added or removed.
  bool has_changes() const;
};

/// The figures of one state, in the order every comparison lists them: customers (and per
/// outcome), cost to serve, customer-hours spent and waiting, contacts (and per channel),
/// failure-demand contacts and cost, FTE needed per team and contact channel (utilisation where
/// staffed), computed queues (average answer, service level), lead time (mean, P90) and right
/// first time. `monthly` is the state's monthly load (nullopt without a volume): the monthly
/// figures are NaN without it. `lead_time`, `p90` and `rft` are per customer (NaN: undefined;
/// `p90` nullopt: not simulated, and then not listed).
struct StateSummary {
  std::optional<MonthlyFigures> monthly;
  std::vector<ChannelQueue> queues;
  double lead_time = 0;
  std::optional<double> lead_time_p90;
  std::optional<double> closed_time;
  double right_first_time = 0;
};

/// Compares the monthly figures of two states. Journeys are matched by id; when each state
/// holds exactly one journey they are matched whatever their ids. The portfolio totals weigh
/// lead time and right first time by each journey's volume.
Comparison compare_states(const std::vector<StateFigures> &current,
                          const std::vector<StateFigures> &future);

/// The figures of two summaries side by side, in the order described at `StateSummary`; a
/// channel, team or queue present in one state only counts as 0 (or undefined) in the other.
std::vector<FigureChange> compare_summaries(const StateSummary &current,
                                            const StateSummary &future);

} // namespace journey
