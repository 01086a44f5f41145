// Outside-in view: the customer's timeline, in lanes by channel, with the back office as waits.
#pragma once

#include "model/journey.h"
#include "render/dot_graph.h"
#include "render/views.h"

namespace journey {

/// Draws the outside-in view into `graph`.
///
/// Steps the customer does or sees (`customer`, `frontstage`) are drawn by name, in a lane
/// (cluster) per channel; so are `backstage` and `system` steps that end the journey, since the
/// customer lives their outcome. Every other step is out of sight: each group of them (steps
/// linked to each other) becomes one wait node per customer-visible step it leads to, labelled
/// with the customer's wait from the end of the step before to the start of that step: the group's
/// `wait + time` along the way plus the next step's `wait` (a range `2d–9d` when paths differ;
/// the longest path skips loop-back edges). An edge into a wait carries the last branch taken out
/// of sight. Edges between steps in different channels are drawn as channel switches.
/// Node names: `<prefix>start`, `<prefix>s_<step id>` (see `step_node_names`), `<prefix>w<n>`.
ViewCounts add_outside_in(DotGraph &graph, const Journey &journey, const ViewTarget &target);

} // namespace journey
