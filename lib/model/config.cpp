// LintConfig: merging global and per-journey budgets.
#include "journey/model/config.h"

namespace journey {

Budgets Budgets::overridden_by(const Budgets &more) const {
  Budgets b = *this;
  auto lay = [](std::optional<double> &dst, const std::optional<double> &src) {
    if (src) {
      dst = src;
    }
  };
  lay(b.lead_time, more.lead_time);
  lay(b.wait_time, more.wait_time);
  lay(b.handoffs, more.handoffs);
  lay(b.channel_switches, more.channel_switches);
  lay(b.cost, more.cost);
  lay(b.right_first_time, more.right_first_time);
  if (more.location.known()) {
    b.location = more.location;
  }
  return b;
}

Budgets LintConfig::budgets_for(const std::string &journey_id) const {
  auto it = journeys.find(journey_id);
  return it == journeys.end() ? budgets : budgets.overridden_by(it->second);
}

} // namespace journey
