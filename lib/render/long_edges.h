// Long arrows of large diagrams: drawn as a pair of "continued" connectors instead of one arrow.
#pragma once

#include "journey/render/dot_graph.h"

#include <cstddef>

namespace journey {

/// When a diagram counts as large, and how far an arrow may reach in it.
struct LongEdgeLimits {
  std::size_t min_nodes = 120; ///< graphs with fewer nodes are left as they are
  std::size_t max_span = 12;   ///< arrows reaching further (in ranks) become connectors
};

/// What `split_long_edges` did.
struct LongEdgeSplit {
  std::size_t edges = 0;      ///< arrows replaced by connectors
  std::size_t connectors = 0; ///< connector nodes added
};

/// Replaces every arrow of a large graph that reaches further than `limits.max_span` ranks (as
/// the longest-path ranking of its constraining arrows places the nodes; loops are broken where
/// a depth-first walk in node order finds them) by two short ones: from its tail to a small
/// `continues at <head>` marker, and from a `continued from` marker to its head. The label stays
/// on the first; the markers of one head are shared. Graphviz routes an arrow through every rank
/// it crosses: on a 351-step journey, arrows to a shared end step added 35,000 routing points and
/// more than 30 s of layout, and no reader follows an arrow over 500 ranks. Linear in the graph.
LongEdgeSplit split_long_edges(DotGraph &graph, const LongEdgeLimits &limits = {});

} // namespace journey
