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
/// The organisation works in a lane (cluster) per team (a step's own team, else its process's);
/// steps without a team go in a "No team" lane. All customer steps are one box, `Customer`, at
/// the boundary. With `Detail::Processes` (the default), each process of a team is one box, and
/// so is each run of a team's steps outside any process (steps linked by edges; a run of one is
/// drawn as its step): the handful of boxes the organisation thinks in. A box of many steps
/// shows the range of wait and work along the routes through it (alternative branches are never
/// added up) and its pain points with the worst of them. With `Detail::Steps`, every step is a
/// box, inside a cluster per process, and a handoff through steps without a team or through the
/// customer is an extra dashed arrow.
/// Transitions become arrows between boxes, once per pair of boxes, listing every branch they
/// stand for with its share of the customers leaving the box (so the shares out of each box add
/// up to 100%); handoffs (team changes along an edge) are highlighted.
struct InsideOutView {
  struct Cluster {
    Index team = npos;    ///< npos: the "No team" cluster
    Index process = npos; ///< npos: a team cluster; else a process cluster inside `parent`
    int parent = -1;      ///< the team cluster of a process cluster
  };
  enum class BoxKind { Customer, Step, Process, Run };
  struct Box {
    BoxKind kind = BoxKind::Step;
    std::size_t step = 0; ///< `Step`: the step; `Process`, `Run`: its first step
    int cluster = -1;     ///< index in `clusters`, -1 for the customer
    // `Process` and `Run` only:
    std::size_t steps = 0;
    std::size_t pains = 0;
    std::string worst_pain; ///< the pain point of the step felt worst
    std::vector<EndKind> ends; ///< how the journey ends in the box, each kind once, in step order
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
    double share = 0; ///< of the customers leaving `from`, those who take this arrow (direct only)
  };
  std::vector<Cluster> clusters; ///< in order of first use
  std::vector<Box> boxes;        ///< the customer first, then steps and processes in step order
  std::vector<Arrow> arrows;
  std::size_t customer_steps = 0;
  /// Dashed handoffs left out because there are more than `max_via_arrows` (each runs through
  /// the Customer box or steps without a team, whose own arrows are drawn).
  std::size_t via_not_drawn = 0;
  bool via_not_drawn_all_customer = false; ///< every one left out passes through the customer
  ViewCounts counts;
};

/// More dashed handoffs than this are not drawn one by one (the header counts them): a large
/// journey has hundreds, which hide the steps and keep Graphviz busy for minutes.
inline constexpr std::size_t max_via_arrows = 40;

/// Computes the inside-out view of a journey's graph.
InsideOutView inside_out_view(const JourneyGraph &graph, const ViewOptions &options);

/// Draws an inside-out view into `graph`. Node names: `<prefix>customer`, `<prefix>s_<step id>`
/// (see `step_node_names`), `<prefix>p_<team>_<process>` for a process box, `<prefix>r_s_<id>`
/// for a run of steps (named after its first step).
void draw_inside_out(DotGraph &graph, const InsideOutView &view, const Journey &journey,
                     const ViewTarget &target);

} // namespace journey
