// Headline figures: counts from the drawing, expectations from the journey's metrics.
#include "render/figures.h"

#include <cmath>
#include <cstdio>

namespace journey {
namespace {

std::string plural(std::string count, std::string_view one, std::string_view many) {
  return count + " " + std::string(count == "1" ? one : many);
}

bool defined(const JourneyMetrics &metrics, double value) {
  return metrics.expected_defined && std::isfinite(value);
}

} // namespace

std::string short_number(double value) {
  char buffer[32];
  if (std::fabs(value - std::round(value)) < 0.05) {
    std::snprintf(buffer, sizeof buffer, "%.0f", std::round(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  }
  return buffer;
}

std::string organisation_figures(const ViewCounts &drawn, const JourneyMetrics &metrics) {
  std::string line = plural(std::to_string(drawn.steps), "step", "steps") + " · " +
                     plural(std::to_string(drawn.teams), "team", "teams") + " · ";
  if (defined(metrics, metrics.handoffs.expected)) {
    line += "expected " + plural(short_number(metrics.handoffs.expected), "handoff", "handoffs");
  } else {
    line += plural(std::to_string(drawn.handoffs), "handoff", "handoffs") + " drawn";
  }
  return line;
}

std::string customer_figures(const ViewCounts &drawn, const JourneyMetrics &metrics) {
  std::string line = plural(std::to_string(drawn.steps), "step", "steps") + " · " +
                     plural(std::to_string(drawn.channels), "channel", "channels") + " · ";
  if (!defined(metrics, metrics.channel_switches.expected)) {
    return line + plural(std::to_string(drawn.switches), "channel switch", "channel switches") +
           " drawn";
  }
  line += "expected " + plural(short_number(metrics.channel_switches.expected), "channel switch",
                               "channel switches");
  if (defined(metrics, metrics.lead_time.expected)) {
    line += ", lead time " + format_duration(metrics.lead_time.expected);
  }
  if (defined(metrics, metrics.wait_time.expected)) {
    line += ", wait " + format_duration(metrics.wait_time.expected);
  }
  return line;
}

} // namespace journey
