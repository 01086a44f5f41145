// Headline figures: counts from the drawing, expectations from the journey's metrics.
#include "journey/render/figures.h"

#include "journey/model/text.h"

#include <cmath>

namespace journey {
namespace {

bool defined(const JourneyMetrics &metrics, double value) {
  return metrics.expected_defined && std::isfinite(value);
}

} // namespace

std::string organisation_figures(const ViewCounts &drawn, const JourneyMetrics &metrics) {
  std::vector<std::string> boxes;
  if (drawn.processes > 0) {
    boxes.push_back(plural(drawn.processes, "process", "processes"));
  }
  if (drawn.runs > 0) {
    boxes.push_back(plural(drawn.runs, "group of steps", "groups of steps"));
  }
  if (drawn.steps > 0 || boxes.empty()) {
    boxes.push_back(plural(drawn.steps, "step", "steps"));
  }
  std::string line = join(boxes, " · ") + " · " + plural(drawn.teams, "team", "teams") + " · " +
                     plural(drawn.handoffs, "handoff", "handoffs") + " drawn";
  if (drawn.handoffs_not_drawn > 0) {
    line += " (" + std::to_string(drawn.handoffs_not_drawn) + " more through " +
            (drawn.not_drawn_via_customer ? "the customer" : "the customer or steps without a team") +
            " not drawn one by one)";
  }
  if (defined(metrics, metrics.handoffs.expected)) {
    line += ", expected " +
            plural(format_decimal(metrics.handoffs.expected, 1), "handoff", "handoffs") +
            " per customer";
  }
  return line;
}

std::string customer_figures(const ViewCounts &drawn, const JourneyMetrics &metrics) {
  std::string line = plural(drawn.steps, "step", "steps") + " · " +
                     plural(drawn.channels, "channel", "channels") + " · ";
  if (!defined(metrics, metrics.channel_switches.expected)) {
    return line + plural(drawn.switches, "channel switch", "channel switches") + " drawn";
  }
  line += "expected " + plural(format_decimal(metrics.channel_switches.expected, 1),
                               "channel switch", "channel switches");
  if (defined(metrics, metrics.lead_time.expected)) {
    line += ", lead time " + format_duration(metrics.lead_time.expected);
  }
  if (defined(metrics, metrics.wait_time.expected)) {
    line += ", wait " + format_duration(metrics.wait_time.expected);
  }
  return line;
}

} // namespace journey
