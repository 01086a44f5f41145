// Inside-out view: the organisation's steps clustered by team and process, handoffs highlighted.
#pragma once

#include "model/journey.h"
#include "render/dot_graph.h"
#include "render/views.h"

#include <cstddef>
#include <vector>

namespace journey {

/// A handoff between two steps with teams: adjacent in the sequence of a path's steps that have
/// a team, with different teams (steps without a team in between do not break the sequence,
/// as `journey metrics` counts them).
struct Handoff {
  Index from = npos;
  Index to = npos;
  bool direct = true;        ///< false when it goes through steps without a team
  bool via_customer = false; ///< it goes through a customer step
};

/// Every handoff of the journey, once per (from, to) pair: direct ones in the order of the
/// transitions, then indirect ones in the order of the steps they start from.
std::vector<Handoff> find_handoffs(const Journey &journey);

/// Draws the inside-out view into `graph`.
///
/// `frontstage`, `backstage` and `system` steps are drawn in a cluster per team (a step's own team,
/// else its process's), inside it a cluster per process; steps without a team go in a "No team"
/// cluster. All customer steps are one node, `Customer`. Transitions become edges between these
/// nodes (duplicates and edges inside the customer node dropped); handoffs are highlighted, and a
/// handoff through steps without a team becomes an extra dashed edge, "handoff via customer".
/// With `collapse_process`, each process of a team is one box. Node names: `<prefix>customer`,
/// `<prefix>s_<step id>` (see `step_node_names`), `<prefix>p_<team>_<process>` when collapsed.
ViewCounts add_inside_out(DotGraph &graph, const Journey &journey, const ViewTarget &target,
                          const ViewOptions &options);

} // namespace journey
