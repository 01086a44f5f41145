// Outside-in view: the customer's timeline, in lanes by channel, with the back office as waits.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/render/dot_graph.h"
#include "journey/render/views.h"

#include <cstddef>
#include <string>
#include <vector>

namespace journey {

/// The outside-in view as data: what is drawn, before any DOT.
///
/// Steps the customer does or sees (`customer`, `frontstage`) are boxes, in a lane per channel;
/// so are `backstage` and `system` steps that end the journey, since the customer lives their
/// outcome. Every other step is out of sight: each group of them (steps linked to each other)
/// becomes one wait box per customer-visible step it leads to, with the customer's wait from the
/// end of the step before to the start of that step: the group's `wait + time` along the way plus
/// the next step's `wait` (a range when paths differ; the longest path skips loop-back edges).
/// An arrow into a wait carries the last branch taken out of sight. A group entered from many
/// places and leading to many steps gets one merged wait, so arrows stay linear in the journey.
struct OutsideInView {
  enum class BoxKind { Start, Step, Wait };
  struct Box {
    BoxKind kind = BoxKind::Step;
    std::size_t step = 0;   ///< `Step`: the step drawn
    int lane = -1;          ///< index in `lanes`, or -1 outside any lane
    double wait_min = 0;    ///< `Wait`: the customer's wait, seconds
    double wait_max = 0;
    std::size_t hidden = 0; ///< `Wait`: steps out of sight in its group
  };
  struct Arrow {
    std::size_t from = 0; ///< box indexes
    std::size_t to = 0;
    std::string label;    ///< plain text: branch label and share
    bool channel_switch = false;
  };
  std::vector<std::size_t> lanes; ///< channel index of each lane, in order of first use
  std::vector<Box> boxes;         ///< the start box first, then steps, then waits
  std::vector<Arrow> arrows;
  ViewCounts counts;
};

/// The text of a wait box: `wait 3d`, or `wait 1d–3d` when paths differ.
std::string wait_text(double min, double max);

/// Computes the outside-in view of a journey's graph.
OutsideInView outside_in_view(const JourneyGraph &graph);

/// Draws an outside-in view into `graph`. Node names: `<prefix>start`, `<prefix>s_<step id>`
/// (see `step_node_names`), `<prefix>w<n>`.
void draw_outside_in(DotGraph &graph, const OutsideInView &view, const Journey &journey,
                     const ViewTarget &target);

} // namespace journey
