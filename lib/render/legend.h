// Legend: the key to the colours and markers a diagram shows, and only those.
#pragma once

#include "journey/model/journey.h"
#include "journey/render/dot_graph.h"

#include <string_view>
#include <vector>

namespace journey {

/// What a legend explains: the kinds of mark found on a diagram.
struct LegendEntries {
  bool emotion = false;            ///< steps filled by the emotion scale (outside-in)
  bool pain = false;               ///< boxes marked as pain points
  bool wait = false;               ///< wait boxes (steps out of sight)
  bool channel_switch = false;     ///< arrows marking a channel switch
  bool handoff = false;            ///< solid handoff arrows between teams
  bool handoff_via = false;        ///< dashed handoff arrows through the customer
  bool share = false;              ///< arrow labels with a share of the customers
  std::vector<EndKind> ends;       ///< end badges on step boxes, in success, abandon, failure order
  std::vector<Actor> actors;       ///< boxes filled by actor (inside-out), in the enum's order
  bool any() const;
};

/// The marks of `graph` as drawn so far, read from its nodes' and edges' classes, fills and
/// labels (an arrow that does not constrain the ranks is printed without its label; a label may
/// be on its arrow or a text node of its own).
LegendEntries legend_entries(const DotGraph &graph);

/// Adds the legend, one node named `name` holding a table of every colour and marker `graph`
/// shows (see `legend_entries`); nothing when it shows none of them. Add it after the views.
void add_legend(DotGraph &graph, ClusterId parent, std::string_view name);

} // namespace journey
