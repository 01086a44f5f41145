// Legend: the key to the palette and markers, drawn in every diagram.
#pragma once

#include "journey/render/dot_graph.h"

#include <string_view>

namespace journey {

/// Adds the legend, one node named `name` holding a table of every colour and marker used;
/// `dashed_handoffs`: the inside-out view draws handoffs through the customer as dashed edges
/// (`--detail steps`).
void add_legend(DotGraph &graph, ClusterId parent, std::string_view name, bool dashed_handoffs);

} // namespace journey
