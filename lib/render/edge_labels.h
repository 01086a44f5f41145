// Edge labels as nodes: every labelled arrow drawn through a small text node, so no label overlaps.
#pragma once

#include "journey/render/dot_graph.h"

#include <cstddef>
#include <string_view>

namespace journey {

/// The class of the text nodes `place_edge_labels` adds.
inline constexpr std::string_view edge_label_class = "edge-label";

/// Where `place_edge_labels` puts a label's text node.
enum class LabelCluster {
  Common, ///< the innermost cluster holding both ends
  Tail,   ///< the cluster of the arrow's tail as written (the blueprint keeps it in a row)
};

/// Replaces every labelled arrow that constrains the ranks by two: from its tail to a borderless
/// node holding the label, and from there to its head (the arrowhead on the second), both with
/// the arrow's style and classes. Graphviz then places each label as it places boxes, never on
/// another label or box; drawn as edge labels, Graphviz 2.43 put branch labels of the bundled
/// journeys on each other and on wait boxes. The text node sits in the cluster `where` says. An
/// arrow drawn with `dir=back` keeps its arrowhead at its tail as written, on the first half.
/// Returns the number of labels moved; linear in the graph.
std::size_t place_edge_labels(DotGraph &graph, LabelCluster where = LabelCluster::Common);

} // namespace journey
