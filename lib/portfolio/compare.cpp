// Compare: the figures of two states listed side by side, journeys matched by id.
#include "journey/portfolio/compare.h"

#include "journey/model/rate.h"
#include "journey/model/text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace journey {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Where a row sits in the fixed order, and what it is worth in a state that lacks it.
enum class Section {
  Customers,
  Outcomes,
  Cost,
  CustomerHours,
  WaitHours,
  Contacts,
  ChannelUse,
  FailureDemandContacts,
  FailureDemandCost,
  Fte,
  Utilisation,
  Queue,
  LeadTime,
  LeadTimeP90,
  ClosedTime,
  RightFirstTime,
};

/// Rows whose absence in a state with monthly figures means none (a channel not used) rather
/// than undefined.
bool absent_is_zero(Section s) {
  return s <= Section::Fte;
}

struct Row {
  Section section;
  FigureChange figure;
};

struct Rows {
  std::vector<Row> rows;
  void add(Section section, std::string key, std::string label, FigureUnit unit, double value,
           bool higher_is_better = false) {
    rows.push_back(Row{section, FigureChange{std::move(key), std::move(label), unit,
                                             higher_is_better, false, value, value}});
  }
  void add_neutral(Section section, std::string key, std::string label, FigureUnit unit,
                   double value) {
    add(section, std::move(key), std::move(label), unit, value);
    rows.back().figure.neutral = true;
  }
};

/// The hours one person gives a month: an agent covering the channel's opening hours, or a
/// team member's productive hours.
double hours_per_person(const Load &l, bool channel) {
  if (channel) {
    return l.open_share * kSecondsPerMonth / 3600.0;
  }
  return l.productive_hours.value_or(kDefaultProductiveHoursPerWeek * kWeeksPerMonth);
}

void add_fte(Rows &out, const Load &l, bool channel) {
  const double per_person = hours_per_person(l, channel);
  const double hours = l.seconds / 3600.0;
  const std::string kind = channel ? "channel" : "team";
  out.add(Section::Fte, "fte." + kind + "." + l.id, "FTE needed: " + l.name, FigureUnit::Fte,
          per_person > 0 ? hours / per_person : kNaN);
  if (l.staff) {
    const double available = *l.staff * per_person;
    out.add(Section::Utilisation, "utilisation." + kind + "." + l.id, "utilisation: " + l.name,
            FigureUnit::Share, available > 0 ? hours / available : kNaN);
  }
}

Rows summary_rows(const StateSummary &s) {
  Rows out;
  if (const auto &m = s.monthly) {
    out.add_neutral(Section::Customers, "customers", "customers", FigureUnit::Customers,
                    m->customers);
    for (std::string_view kind : {"success", "abandon", "failure"}) {
      const auto it = m->outcomes.find(std::string(kind));
      out.add(Section::Outcomes, "customers." + std::string(kind),
              "customers ending in " + std::string(kind), FigureUnit::Customers,
              it == m->outcomes.end() ? 0.0 : it->second, kind == "success");
    }
    out.add(Section::Cost, "cost", "cost to serve", FigureUnit::Money, m->cost);
    out.add(Section::CustomerHours, "customer_hours", "customer-hours spent", FigureUnit::Hours,
            m->customer_hours);
    out.add(Section::WaitHours, "wait_hours", "customer-hours waiting", FigureUnit::Hours,
            m->wait_hours);
    out.add(Section::Contacts, "contacts", "contacts", FigureUnit::Contacts, m->contacts);
    for (const Load &l : m->channels) {
      if (l.contact) {
        out.add(Section::ChannelUse, "contacts." + l.id, "contacts: " + l.name,
                FigureUnit::Contacts, l.passes);
      } else {
        out.add_neutral(Section::ChannelUse, "uses." + l.id, "uses: " + l.name,
                        FigureUnit::Contacts, l.passes);
      }
    }
    out.add(Section::FailureDemandContacts, "failure_demand_contacts", "failure-demand contacts",
            FigureUnit::Contacts, m->failure_demand_contacts);
    out.add(Section::FailureDemandCost, "failure_demand_cost", "failure-demand cost",
            FigureUnit::Money, m->failure_demand_cost);
    for (const Load &l : m->channels) {
      if (l.contact) {
        add_fte(out, l, true);
      }
    }
    for (const Load &l : m->teams) {
      add_fte(out, l, false);
    }
  }
  for (const ChannelQueue &q : s.queues) {
    out.add(Section::Queue, "queue." + q.channel + ".answer",
            "average answer: " + q.name, FigureUnit::Duration,
            q.figures.stable ? q.figures.mean_wait : kNaN);
    out.add(Section::Queue, "queue." + q.channel + ".service_level",
            "answered within " + format_decimal(q.target.within, 0) + "s: " + q.name,
            FigureUnit::Share, q.figures.stable ? q.figures.service_level : kNaN, true);
  }
  out.add(Section::LeadTime, "lead_time", "lead time (mean)", FigureUnit::Duration, s.lead_time);
  if (s.lead_time_p90) {
    out.add(Section::LeadTimeP90, "lead_time_p90",
            s.closed_time ? "lead time (P90, opening hours included)" : "lead time (P90)",
            FigureUnit::Duration, *s.lead_time_p90);
  }
  if (s.closed_time) {
    out.add(Section::ClosedTime, "closed_time", "waiting for opening hours (mean)",
            FigureUnit::Duration, *s.closed_time);
  }
  out.add(Section::RightFirstTime, "right_first_time", "right first time", FigureUnit::Share,
          s.right_first_time, true);
  return out;
}

bool nearly_equal(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) {
    return std::isnan(a) && std::isnan(b);
  }
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

StateSummary journey_summary(const StateFigures &f) {
  const JourneyMetrics &m = f.metrics;
  StateSummary s;
  s.monthly = monthly_figures(m);
  s.queues = m.queues;
  s.lead_time = m.expected_defined ? m.lead_time.expected : kNaN;
  s.lead_time_p90 = f.lead_time_p90;
  s.closed_time = f.closed_time;
  s.right_first_time = m.expected_defined ? m.right_first_time : kNaN;
  return s;
}

/// The portfolio: monthly figures summed, lead time and right first time weighted by volume.
StateSummary portfolio_summary(const std::vector<StateFigures> &all) {
  std::vector<JourneyMetrics> metrics;
  metrics.reserve(all.size());
  double customers = 0;
  double lead = 0;
  double rft = 0;
  for (const StateFigures &f : all) {
    metrics.push_back(f.metrics);
    const JourneyMetrics &m = f.metrics;
    if (m.volume && m.expected_defined) {
      customers += *m.volume;
      lead += *m.volume * m.lead_time.expected;
      rft += *m.volume * m.right_first_time;
    }
  }
  StateSummary s;
  MonthlyFigures sum = portfolio_monthly(metrics);
  if (sum.journeys > 0) {
    s.monthly = std::move(sum);
  }
  s.lead_time = customers > 0 ? lead / customers : kNaN;
  s.right_first_time = customers > 0 ? rft / customers : kNaN;
  return s;
}

std::vector<JourneyOnly> only_in(const std::vector<StateFigures> &side,
                                 const std::unordered_map<std::string, std::size_t> &other) {
  std::vector<JourneyOnly> out;
  for (const StateFigures &f : side) {
    if (!other.contains(f.metrics.journey)) {
      out.push_back(JourneyOnly{f.metrics.journey, f.metrics.file});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const JourneyOnly &a, const JourneyOnly &b) { return a.journey < b.journey; });
  return out;
}

std::unordered_map<std::string, std::size_t> index_by_id(const std::vector<StateFigures> &side) {
  std::unordered_map<std::string, std::size_t> out;
  for (std::size_t i = 0; i < side.size(); ++i) {
    out.emplace(side[i].metrics.journey, i);
  }
  return out;
}

JourneyComparison compare_journey(const StateFigures &a, const StateFigures &b) {
  JourneyComparison c;
  c.journey = b.metrics.journey;
  c.current_file = a.metrics.file;
  c.future_file = b.metrics.file;
  const StateSummary before = journey_summary(a);
  const StateSummary after = journey_summary(b);
  c.monthly = before.monthly && after.monthly;
  c.figures = compare_summaries(before, after);
  return c;
}

std::optional<std::string> missing(const StateFigures &f) {
  if (!f.metrics.expected_defined) {
    return "expected figures undefined: " + f.metrics.problem;
  }
  if (!f.metrics.volume) {
    return std::string("no `volume`, so no monthly figures");
  }
  return std::nullopt;
}

/// Why a journey's figures are missing, once when both states say the same.
void note_missing(std::vector<std::string> &notes, const StateFigures &a, const StateFigures &b) {
  const std::optional<std::string> before = missing(a);
  const std::optional<std::string> after = missing(b);
  if (before && before == after) {
    notes.push_back(b.metrics.journey + ": " + *after);
    return;
  }
  if (before) {
    notes.push_back(a.metrics.journey + " (current): " + *before);
  }
  if (after) {
    notes.push_back(b.metrics.journey + " (future): " + *after);
  }
}

} // namespace

double FigureChange::difference() const {
  return std::isfinite(current) && std::isfinite(future) ? future - current : kNaN;
}

double FigureChange::relative() const {
  const double d = difference();
  return std::isfinite(d) && current != 0 ? d / std::abs(current) : kNaN;
}

bool FigureChange::changed() const {
  return !nearly_equal(current, future);
}

bool FigureChange::worse() const {
  if (neutral || !changed()) {
    return false;
  }
  if (std::isnan(future)) {
    return true;
  }
  if (std::isnan(current)) {
    return false;
  }
  return higher_is_better ? future < current : future > current;
}

bool Comparison::has_changes() const {
  const auto moved = [](const std::vector<FigureChange> &figures) {
    return std::any_of(figures.begin(), figures.end(),
                       [](const FigureChange &f) { return f.changed(); });
  };
  return !added.empty() || !removed.empty() || moved(totals) ||
         std::any_of(journeys.begin(), journeys.end(),
                     [&](const JourneyComparison &j) { return moved(j.figures); });
}

std::vector<FigureChange> compare_summaries(const StateSummary &current,
                                            const StateSummary &future) {
  Rows before = summary_rows(current);
  const Rows after = summary_rows(future);
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < before.rows.size(); ++i) {
    at.emplace(before.rows[i].figure.key, i);
    // What the future state holds unless it lists the row too.
    const Section s = before.rows[i].section;
    before.rows[i].figure.future = future.monthly && absent_is_zero(s) ? 0.0 : kNaN;
  }
  for (const Row &row : after.rows) {
    const auto it = at.find(row.figure.key);
    if (it != at.end()) {
      FigureChange &f = before.rows[it->second].figure;
      f.future = row.figure.future;
      f.label = row.figure.label; // a renamed team or channel: its new name
      continue;
    }
    Row added = row;
    added.figure.current = current.monthly && absent_is_zero(row.section) ? 0.0 : kNaN;
    before.rows.push_back(std::move(added));
  }
  std::stable_sort(before.rows.begin(), before.rows.end(),
                   [](const Row &a, const Row &b) { return a.section < b.section; });
  std::vector<FigureChange> out;
  out.reserve(before.rows.size());
  for (Row &row : before.rows) {
    out.push_back(std::move(row.figure));
  }
  return out;
}

Comparison compare_states(const std::vector<StateFigures> &current,
                          const std::vector<StateFigures> &future) {
  Comparison c;
  if (current.size() == 1 && future.size() == 1) {
    c.journeys.push_back(compare_journey(current[0], future[0]));
    note_missing(c.notes, current[0], future[0]);
    return c;
  }
  const auto current_ids = index_by_id(current);
  const auto future_ids = index_by_id(future);
  std::map<std::string, std::pair<std::size_t, std::size_t>> matched;
  for (const auto &[id, i] : current_ids) {
    const auto it = future_ids.find(id);
    if (it != future_ids.end()) {
      matched.emplace(id, std::pair{i, it->second});
    }
  }
  for (const auto &[id, pair] : matched) {
    c.journeys.push_back(compare_journey(current[pair.first], future[pair.second]));
    note_missing(c.notes, current[pair.first], future[pair.second]);
  }
  c.added = only_in(future, current_ids);
  c.removed = only_in(current, future_ids);
  c.totals = compare_summaries(portfolio_summary(current), portfolio_summary(future));
  return c;
}

} // namespace journey
