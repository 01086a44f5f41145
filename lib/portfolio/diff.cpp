// Journey diff: steps matched by id and compared field by field; metrics compared against budgets.
#include "journey/portfolio/diff.h"
#include "journey/portfolio/survey_format.h"
#include "journey/portfolio/volume_format.h"

#include "journey/model/duration.h"
#include "journey/portfolio/cells.h"
#include "journey/portfolio/compare.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>

namespace journey {
namespace {

constexpr std::string_view kNone = "(none)";

std::string or_none(const std::string &text) {
  return text.empty() ? std::string(kNone) : text;
}

std::string next_text(const Step &step) {
  std::vector<std::string> items;
  for (const Transition &t : step.next) {
    std::string item = t.to;
    std::vector<std::string> extras;
    if (t.p) {
      extras.push_back(format_percent(*t.p, 2));
    }
    if (!t.label.empty()) {
      extras.push_back("\"" + t.label + "\"");
    }
    if (!extras.empty()) {
      item += " (" + join(extras, ", ") + ")";
    }
    items.push_back(std::move(item));
  }
  return join(items, ", ");
}

void compare(std::vector<FieldChange> &out, std::string_view field, const std::string &before,
             const std::string &after) {
  if (before != after) {
    out.push_back(FieldChange{std::string(field), or_none(before), or_none(after)});
  }
}

std::vector<FieldChange> step_changes(const Step &a, const Step &b) {
  std::vector<FieldChange> out;
  compare(out, "name", a.name, b.name);
  compare(out, "actor", std::string(to_string(a.actor)), std::string(to_string(b.actor)));
  compare(out, "channel", a.channel, b.channel);
  compare(out, "team", a.team, b.team);
  compare(out, "process", a.process, b.process);
  if (a.wait != b.wait) {
    out.push_back(FieldChange{"wait", format_duration(a.wait), format_duration(b.wait)});
  }
  if (a.time != b.time) {
    out.push_back(FieldChange{"time", format_duration(a.time), format_duration(b.time)});
  }
  if (a.cost != b.cost) {
    out.push_back(FieldChange{"cost", a.cost ? fmt::format("{:.2f}", *a.cost) : std::string(kNone),
                              b.cost ? fmt::format("{:.2f}", *b.cost) : std::string(kNone)});
  }
  compare(out, "next", next_text(a), next_text(b));
  compare(out, "end", a.end == EndKind::None ? "" : std::string(to_string(a.end)),
          b.end == EndKind::None ? "" : std::string(to_string(b.end)));
  compare(out, "emotion", a.emotion ? fmt::format("{:+d}", *a.emotion) : "",
          b.emotion ? fmt::format("{:+d}", *b.emotion) : "");
  compare(out, "pain", join(a.pain, "; "), join(b.pain, "; "));
  compare(out, "note", a.note, b.note);
  return out;
}

bool nearly_equal(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) {
    return std::isnan(a) && std::isnan(b);
  }
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

MetricDelta metric(std::string key, std::string label, MetricKind kind, bool higher_is_better,
                   double before, double after, const std::optional<double> &budget) {
  MetricDelta d;
  d.metric = std::move(key);
  d.label = std::move(label);
  d.kind = kind;
  d.higher_is_better = higher_is_better;
  d.before = before;
  d.after = after;
  d.budget = budget;
  d.changed = !nearly_equal(before, after);
  if (d.changed) {
    if (std::isnan(after)) {
      d.worse = true;
    } else if (!std::isnan(before)) {
      d.worse = higher_is_better ? after < before : after > before;
    }
  }
  d.regression = d.worse && budget.has_value();
  return d;
}

MetricKind kind_of(FigureUnit unit) {
  switch (unit) {
  case FigureUnit::Money:
    return MetricKind::Money;
  case FigureUnit::Duration:
    return MetricKind::Duration;
  case FigureUnit::Share:
    return MetricKind::Probability;
  case FigureUnit::Customers:
  case FigureUnit::Contacts:
  case FigureUnit::Hours:
  case FigureUnit::Fte:
    break;
  }
  return MetricKind::Count;
}

/// The monthly figures and queues of both versions, as compared by `journey compare`.
std::vector<FigureChange> volume_figures(const JourneyMetrics &a, const JourneyMetrics &b) {
  const auto summary = [](const JourneyMetrics &m) {
    StateSummary s;
    s.monthly = monthly_figures(m);
    s.queues = m.queues;
    return s;
  };
  std::vector<FigureChange> out;
  for (FigureChange &f : compare_summaries(summary(a), summary(b))) {
    const bool queue = f.key.starts_with("queue.");
    const bool monthly = f.key == "cost" || f.key == "contacts" || f.key == "customer_hours" ||
                         f.key == "wait_hours" || f.key.starts_with("failure_demand") ||
                         f.key.starts_with("fte.") || f.key.starts_with("contacts.");
    if (queue || monthly) {
      if (monthly) {
        f.key = "monthly." + f.key;
        f.label = "per month: " + f.label;
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

} // namespace

bool is_watched(std::string_view key, const std::vector<std::string> &watched) {
  return std::any_of(watched.begin(), watched.end(), [&](const std::string &w) {
    return key == w || (key.starts_with(w) && key.size() > w.size() && key[w.size()] == '.');
  });
}

bool JourneyDiff::has_changes() const {
  return !journey_fields.empty() || !added.empty() || !removed.empty() || !changed.empty() ||
         std::any_of(metrics.begin(), metrics.end(),
                     [](const MetricDelta &m) { return m.changed; });
}

bool JourneyDiff::has_regression() const {
  return std::any_of(metrics.begin(), metrics.end(),
                     [](const MetricDelta &m) { return m.regression; });
}

JourneyDiff diff_journeys(const Journey &before, const Journey &after,
                          const JourneyMetrics &before_metrics, const JourneyMetrics &after_metrics,
                          const Budgets &budgets, const std::vector<std::string> &watched) {
  JourneyDiff diff;
  diff.before_file = before.file;
  diff.after_file = after.file;
  diff.journey = after.id;
  compare(diff.journey_fields, "journey", before.id, after.id);
  compare(diff.journey_fields, "title", before.title, after.title);
  compare(diff.journey_fields, "intent", before.intent, after.intent);
  compare(diff.journey_fields, "owner", before.owner, after.owner);
  compare(diff.journey_fields, "start", before.start, after.start);
  compare(diff.journey_fields, "ends", join(before.ends, "; "), join(after.ends, "; "));
  compare(diff.journey_fields, "catalog", before.catalog, after.catalog);
  for (FieldChange &score : survey_changes(before.surveys, after.surveys)) {
    diff.journey_fields.push_back(std::move(score));
  }

  std::unordered_map<std::string, std::size_t> old_steps;
  for (std::size_t i = 0; i < before.steps.size(); ++i) {
    old_steps.emplace(before.steps[i].id, i);
  }
  std::unordered_map<std::string, std::size_t> new_steps;
  for (std::size_t i = 0; i < after.steps.size(); ++i) {
    new_steps.emplace(after.steps[i].id, i);
  }
  for (const Step &step : after.steps) {
    auto it = old_steps.find(step.id);
    if (it == old_steps.end()) {
      diff.added.push_back(StepRef{step.id, step.name});
      continue;
    }
    if (new_steps.at(step.id) != static_cast<std::size_t>(&step - after.steps.data())) {
      continue; // a duplicate id: compared once, at its first definition
    }
    std::vector<FieldChange> fields = step_changes(before.steps[it->second], step);
    if (!fields.empty()) {
      diff.changed.push_back(StepChange{step.id, step.name, std::move(fields)});
    }
  }
  for (const Step &step : before.steps) {
    if (!new_steps.contains(step.id)) {
      diff.removed.push_back(StepRef{step.id, step.name});
    }
  }

  const JourneyMetrics &a = before_metrics;
  const JourneyMetrics &b = after_metrics;
  diff.metrics = {
      metric("lead_time", "expected lead time", MetricKind::Duration, false, a.lead_time.expected,
             b.lead_time.expected, budgets.lead_time),
      metric("wait_time", "expected wait", MetricKind::Duration, false, a.wait_time.expected,
             b.wait_time.expected, budgets.wait_time),
      metric("touch_time", "expected active time", MetricKind::Duration, false,
             a.touch_time.expected, b.touch_time.expected, std::nullopt),
      metric("handoffs", "expected handoffs", MetricKind::Count, false, a.handoffs.expected,
             b.handoffs.expected, budgets.handoffs),
      metric("channel_switches", "expected channel switches", MetricKind::Count, false,
             a.channel_switches.expected, b.channel_switches.expected, budgets.channel_switches),
      metric("contacts", "expected contacts", MetricKind::Count, false, a.contacts.expected,
             b.contacts.expected, std::nullopt),
      metric("cost", "expected cost to serve", MetricKind::Money, false, a.cost.expected,
             b.cost.expected, budgets.cost),
      metric("right_first_time", "right first time", MetricKind::Probability, true,
             a.right_first_time, b.right_first_time, budgets.right_first_time),
  };
  if (a.has_failure_demand || b.has_failure_demand) {
    diff.metrics.push_back(metric("failure_demand_contacts", "expected failure-demand contacts",
                                  MetricKind::Count, false, a.failure_demand_contacts,
                                  b.failure_demand_contacts, std::nullopt));
    diff.metrics.push_back(metric("failure_demand_cost", "expected failure-demand cost",
                                  MetricKind::Money, false, a.failure_demand_cost,
                                  b.failure_demand_cost, std::nullopt));
  }
  for (const FigureChange &f : volume_figures(a, b)) {
    diff.metrics.push_back(metric(f.key, f.label, kind_of(f.unit), f.higher_is_better, f.current,
                                  f.future, std::nullopt));
  }
  for (MetricDelta &m : diff.metrics) {
    m.regression = m.regression || (m.worse && is_watched(m.metric, watched));
  }
  return diff;
}

std::string format_metric_value(MetricKind kind, double value) {
  if (!std::isfinite(value)) {
    return "n/a";
  }
  switch (kind) {
  case MetricKind::Duration:
    return format_duration(value);
  case MetricKind::Count:
    return std::fabs(value) >= 1000 ? format_grouped(value) : format_count(value);
  case MetricKind::Money:
    return format_money(value);
  case MetricKind::Probability:
    return format_percent(value, 2);
  }
  return format_count(value);
}

std::string format_metric_delta(const MetricDelta &delta) {
  if (!std::isfinite(delta.before) || !std::isfinite(delta.after)) {
    return "n/a";
  }
  if (!delta.changed) {
    return "0";
  }
  const double d = delta.after - delta.before;
  const std::string sign = d < 0 ? "-" : "+";
  const double size = std::abs(d);
  switch (delta.kind) {
  case MetricKind::Duration:
    return sign + format_duration(size);
  case MetricKind::Count:
    return sign + (size >= 1000 ? format_grouped(size) : format_count(size));
  case MetricKind::Money:
    return sign + format_money(size);
  case MetricKind::Probability:
    return sign + format_decimal(size * 100.0, 2) + " pp";
  }
  return sign + format_count(size);
}

} // namespace journey
