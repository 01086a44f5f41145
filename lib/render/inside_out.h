// Inside-out view: the organisation's steps clustered by team and process, handoffs highlighted.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/render/dot_graph.h"
#include "journey/render/views.h"

#include <cstddef>
#include <string>
#include <vector>

namespace journey {

/// The inside-out view as data: what is drawn, before any DOT.
///
/// `frontstage`, `backstage` and `system` steps are boxes in a cluster per team (a step's own
/// team, else its process's), inside it a cluster per process; steps without a team go in a
/// "No team" cluster. All customer steps are one box, `Customer`. Transitions become arrows
/// between boxes, once per pair of boxes (the branches of every transition they stand for listed
/// on the arrow); handoffs (`marker_changes` of the teams, as `journey metrics` counts them) are
/// highlighted, and a handoff through steps without a team is an extra dashed arrow.
/// With `collapse_process`, each process of a team is one box, showing the range of wait and
/// work along the routes through it (alternative branches are not added up).
struct InsideOutView {
  struct Cluster {
    Index team = npos;    ///< npos: the "No team" cluster
    Index process = npos; ///< npos: a team cluster; else a process cluster inside `parent`
    int parent = -1;      ///< the team cluster of a process cluster
  };
  enum class BoxKind { Customer, Step, Process };
  struct Box {
    BoxKind kind = BoxKind::Step;
    std::size_t step = 0; ///< `Step`: the step; `Process`: its first step
    int cluster = -1;     ///< index in `clusters`, -1 for the customer
    // `Process` only:
    std::size_t steps = 0;
    std::size_t pains = 0;
    double wait_min = 0, wait_max = 0;
    double time_min = 0, time_max = 0;
  };
  struct Arrow {
    std::size_t from = 0; ///< box indexes
    std::size_t to = 0;
    std::string label;
    bool handoff = false;
    bool direct = true; ///< false: a handoff through steps without a team (dashed)
    bool via_customer = false;
  };
  std::vector<Cluster> clusters; ///< in order of first use
  std::vector<Box> boxes;        ///< the customer first, then steps and processes in step order
  std::vector<Arrow> arrows;
  std::size_t customer_steps = 0;
  ViewCounts counts;
};

/// Computes the inside-out view of a journey's graph.
InsideOutView inside_out_view(const JourneyGraph &graph, const ViewOptions &options);

/// Draws an inside-out view into `graph`. Node names: `<prefix>customer`, `<prefix>s_<step id>`
/// (see `step_node_names`), `<prefix>p_<team>_<process>` for a process box.
void draw_inside_out(DotGraph &graph, const InsideOutView &view, const Journey &journey,
                     const ViewTarget &target);

} // namespace journey
