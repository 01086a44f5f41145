// Load table formats: per team or contact channel, the monthly load of every journey using it.
#pragma once

#include "journey/analysis/load_map.h"
#include "journey/portfolio/table_format.h"

#include <string>
#include <vector>

namespace journey {

/// The names of the groupings of `journey table --by`.
inline constexpr Named<LoadKind> kLoadKindNames[] = {{"team", LoadKind::Team},
                                                     {"channel", LoadKind::Channel}};

/// The load table (`portfolio_loads`) as Markdown, CSV, JSON or HTML: per row the staff, FTE
/// needed, utilisation, work hours and contacts (or tasks) a month, and each journey's share.
/// `journeys_left_out` counts journeys without a volume (said under the table, or in JSON).
std::string format_load_table(const std::vector<LoadRow> &rows, LoadKind kind, TableFormat format,
                              std::size_t journeys_left_out);

} // namespace journey
