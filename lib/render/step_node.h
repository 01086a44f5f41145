// Step nodes: the names, labels and styles that draw one step the same way in every view.
#pragma once

#include "journey/model/journey.h"
#include "journey/render/dot_graph.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

/// DOT node names for the steps, by index: `s_<id>` when the id is a plain slug
/// (letters, digits, `_`, `-`, `.`) seen for the first time, else `s#<index>`.
std::vector<std::string> step_node_names(const Journey &journey);

/// Plain text for an edge standing for a transition: its label and its branch probability
/// (`approved · 75%`); empty when it has neither. `p` is the normalised probability, or a
/// negative number when the step has a single way on.
std::string transition_text(const Transition &t, double p);

/// Labels of the ways out of one box: each text with its share of the customers who leave the
/// box, the shares rounded by largest remainder to tenths of a percent so that they add up to
/// exactly 100% (`approved · 75%`, or `36.4%` for an unnamed way); a share too small to show is
/// `<0.1%`. With a single way out, its text alone.
std::vector<std::string> share_labels(std::span<const std::string> texts,
                                      std::span<const double> shares);

/// A duration line such as `waits 7d · takes 35m`; empty when both are zero.
std::string timing_text(Seconds wait, Seconds time);

/// How a step's node is filled.
enum class StepFill { Emotion, Actor };

/// Sets the label (HTML: name, timing, pain points, end badge), shape, colours and classes of
/// a step's node. Classes: `step`, the actor, `pain`, `end` and `end-<kind>`.
void style_step_node(DotNode &node, const Step &step, StepFill fill);

/// Sets an edge's label from plain text (cleaned, escaped, wrapped).
void set_edge_label(DotEdge &edge, std::string_view text);

/// An HTML label for a diagram or cluster heading: a bold title and lines of smaller text.
std::string heading_html(std::string_view title, const std::vector<std::string> &lines,
                         int title_size);

} // namespace journey
