// Volume formats: lines of text for failure demand, monthly figures, queues and capacity.
#include "journey/portfolio/volume_format.h"

#include "journey/model/duration.h"
#include "journey/model/rate.h"
#include "journey/model/text.h"

#include <cmath>
#include <fmt/format.h>

namespace journey {
namespace {

std::string grouped(double x) {
  return format_grouped(x);
}

std::string percent(double x) {
  return std::isfinite(x) ? format_percent(x, 1) : "-";
}

std::string hours(double seconds) {
  return grouped(seconds / 3600.0) + " h";
}

/// `Contact centre 9,800 contacts (3,400 failure demand), 1,230 h`.
std::string channel_line(const Load &l) {
  std::string out = fmt::format("{} {} {}", l.name, grouped(l.passes),
                                l.contact ? "contacts" : "uses");
  if (l.failure_demand > 0) {
    out += fmt::format(" ({} failure demand)", grouped(l.failure_demand));
  }
  if (l.seconds > 0) {
    out += fmt::format(", {}", hours(l.seconds));
  }
  return out;
}

std::string team_line(const Load &l) {
  return fmt::format("{} {} ({} steps done)", l.name, hours(l.seconds), grouped(l.passes));
}

std::string monthly_lines(const MonthlyFigures &f, std::string_view indent) {
  std::string out;
  std::string outcomes;
  for (std::string_view kind : {"success", "abandon", "failure"}) {
    const auto it = f.outcomes.find(std::string(kind));
    outcomes += fmt::format("{}{} {}", outcomes.empty() ? "" : ", ", kind,
                            grouped(it == f.outcomes.end() ? 0.0 : it->second));
  }
  out += fmt::format("{}customers: {} ({})\n", indent, grouped(f.customers), outcomes);
  out += fmt::format("{}cost to serve: {}   customer-hours: {} spent, {} waiting\n", indent,
                     grouped(f.cost), grouped(f.customer_hours),
                     grouped(f.wait_hours));
  out += fmt::format("{}contacts: {}, of which failure demand {} ({}) costing {}\n", indent,
                     grouped(f.contacts), grouped(f.failure_demand_contacts),
                     percent(f.contacts > 0 ? f.failure_demand_contacts / f.contacts : NAN),
                     grouped(f.failure_demand_cost));
  std::vector<std::string> channels;
  for (const Load &l : f.channels) {
    channels.push_back(channel_line(l));
  }
  if (!channels.empty()) {
    out += fmt::format("{}channels: {}\n", indent, join(channels, "; "));
  }
  std::vector<std::string> teams;
  for (const Load &l : f.teams) {
    teams.push_back(team_line(l));
  }
  if (!teams.empty()) {
    out += fmt::format("{}team work: {}\n", indent, join(teams, "; "));
  }
  return out;
}

std::string queue_line(const ChannelQueue &q) {
  const QueueFigures &f = q.figures;
  std::string out = fmt::format(
      "  queue of {}: {} contacts a month while open {} of the week, {} handle time, {}: ",
      q.name, grouped(q.arrivals_per_month),
      percent(q.open_seconds_per_month / kSecondsPerMonth), format_duration(q.handle_seconds),
      plural(q.agents, "agent", "agents"));
  if (!f.stable) {
    return out + fmt::format("grows without end ({} busy); {} needed\n",
                             percent(f.utilisation), plural(q.agents_needed, "agent", "agents"));
  }
  return out + fmt::format("{} busy, {} of contacts wait, average answer {}, {} answered "
                           "within {} (target {}: {} needed)\n",
                           percent(f.utilisation), percent(f.p_wait),
                           format_duration(f.mean_wait), percent(f.service_level),
                           format_duration(q.target.within), percent(q.target.share),
                           plural(q.agents_needed, "agent", "agents"));
}

} // namespace

std::string format_grouped(double x) {
  if (!std::isfinite(x)) {
    return "-";
  }
  if (std::fabs(x) < 10) {
    return format_decimal(x, 2);
  }
  std::string digits = format_decimal(std::round(x), 0);
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) {
    digits.erase(0, 1);
  }
  if (digits.find_first_not_of("0123456789") != std::string::npos) {
    return (negative ? "-" : "") + digits; // 1e+300: left as is
  }
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return (negative ? "-" : "") + out;
}

std::string format_money(double x) {
  if (!std::isfinite(x)) {
    return "-";
  }
  const double cents = std::round(std::fabs(x) * 100.0);
  const double units = std::floor(cents / 100.0);
  const std::string whole = units >= 10 ? format_grouped(units) : format_decimal(units, 0);
  return fmt::format("{}{}.{:02}", x < 0 && cents > 0 ? "-" : "", whole,
                     static_cast<int>(cents - units * 100.0));
}

std::string format_volume_text(const JourneyMetrics &m) {
  std::string out;
  if (m.has_failure_demand) {
    out += fmt::format("  failure demand: {} contacts per customer ({} of contacts), cost {}\n",
                       format_decimal(m.failure_demand_contacts, 2),
                       percent(m.failure_demand_share), format_decimal(m.failure_demand_cost, 2));
  }
  if (const std::optional<MonthlyFigures> f = monthly_figures(m)) {
    out += "  per month:\n";
    out += monthly_lines(*f, "    ");
  }
  for (const ChannelQueue &q : m.queues) {
    out += queue_line(q);
  }
  return out;
}

std::string format_portfolio_volume_text(const std::vector<JourneyMetrics> &all) {
  const MonthlyFigures sum = portfolio_monthly(all);
  if (sum.journeys == 0) {
    return {};
  }
  std::string out;
  if (sum.journeys > 1) {
    out += fmt::format("portfolio, per month ({} journeys with a volume)\n", sum.journeys);
    out += monthly_lines(sum, "  ");
  }
  const std::vector<Capacity> staffed = capacity(sum);
  if (!staffed.empty()) {
    out += fmt::format("capacity, per month (load of the {} with a volume)\n",
                       plural(sum.journeys, "journey", "journeys"));
    for (const Capacity &c : staffed) {
      out += fmt::format("  {} {}: {} of work, {} staff give {}: {} utilised, {} FTE needed{}\n",
                         c.kind, c.name, grouped(c.work_hours) + " h",
                         format_decimal(c.staff, 2), grouped(c.available_hours) + " h",
                         percent(c.utilisation), format_decimal(c.fte_needed, 1),
                         c.utilisation >= 1 ? " (overloaded)" : "");
    }
  }
  return out;
}

} // namespace journey
