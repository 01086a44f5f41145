// Service-blueprint view: customer actions, frontstage, backstage and support in rows, stages as
// columns, the line of visibility between what the customer sees and what they do not.
#pragma once

#include "journey/analysis/journey_graph.h"
#include "journey/analysis/metrics.h"
#include "journey/render/dot_graph.h"
#include "journey/render/views.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// The service blueprint as data: what is drawn, before any DOT.
///
/// Every step reached from the entry is one box, in the row of its actor: customer actions,
/// frontstage (staff the customer deals with), backstage (staff out of the customer's sight) and
/// support processes (systems). The line of visibility runs between frontstage and backstage.
/// When steps name stages, each step's box is in its stage's column (the declared order,
/// then stages named but not declared, then `(no stage)`). Each edge of the graph is one arrow
/// (a target written twice is one arrow), with the share of the customers leaving its box who
/// take it, so the shares out of every box add up to 100%; an arrow between two steps of
/// different teams is a handoff; an arrow against time is marked `back`. A step's wait is drawn
/// once, on its own box.
struct BlueprintView {
  enum class Row { Customer, Frontstage, Backstage, Support };
  static constexpr std::size_t kRows = 4;
  struct Box {
    std::size_t step = 0;
    Row row = Row::Customer;
    int column = -1; ///< index in `columns`; -1 when the journey has no stages
  };
  struct Arrow {
    std::size_t from = 0; ///< box indexes
    std::size_t to = 0;
    double share = 0;     ///< of the customers leaving `from`
    std::string label;    ///< branch label and share (when `from` has more ways out)
    bool handoff = false; ///< `from` and `to` are done by different teams
    bool crosses_visibility = false; ///< one side is seen by the customer, the other not
    /// Against time: into an earlier column, or, in one column, closing a loop of the walk
    /// from the entry. Drawn from `to` to `from` with the arrowhead at `to`, so every arrow
    /// that places a box points right.
    bool back = false;
  };
  std::vector<std::string> columns; ///< stage names; `(no stage)` for steps without one
  std::vector<Box> boxes;           ///< in step order
  std::vector<Arrow> arrows;        ///< in edge order
  std::size_t handoffs = 0;         ///< arrows that are handoffs
};

/// The row a step is drawn in, by its actor.
BlueprintView::Row blueprint_row(Actor actor);
/// The title of a row: `Customer actions`, `Frontstage`, `Backstage`, `Support processes`.
std::string_view row_title(BlueprintView::Row row);

/// Computes the service blueprint of a journey's graph. Linear in the graph.
BlueprintView blueprint_view(const JourneyGraph &graph);

/// The line under the blueprint's heading: steps, stages, handoffs drawn and expected, lead
/// time and wait (`9 steps · 5 stages · 3 handoffs drawn, expected 2.4 per customer · lead time
/// 2w 1d, wait 2w`).
std::string blueprint_figures(const BlueprintView &view, const JourneyMetrics &metrics);

/// Draws a blueprint into `graph`, time running left to right: a cluster per row (the rows seen
/// by the customer and those out of sight each in a cluster of their own, so the border between
/// them is the line of visibility), and a heading box per stage at the start of its column.
/// Arrows against time are drawn from head to tail with `dir=back`; an arrow between rows that
/// goes back or further than the next column runs along one row to an invisible bend, then
/// across. Node names: `<prefix>s_<step id>` (see `step_node_names`), `<prefix>stage<n>`,
/// `<prefix>row<n>`, `<prefix>bend<n>`.
void draw_blueprint(DotGraph &graph, const BlueprintView &view, const Journey &journey,
                    const ViewTarget &target);

} // namespace journey
