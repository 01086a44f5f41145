// Metrics formats: one table of measures drives the text, JSON and CSV columns.
#include "journey/portfolio/metrics_format.h"

#include "journey/model/text.h"

#include "journey/model/duration.h"
#include "journey/model/escape.h"
#include "journey/portfolio/cells.h"

#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <nlohmann/json.hpp>

namespace journey {
namespace {

/// A measure's name for people, its key in JSON and CSV, and whether it is a duration.
struct Measure {
  std::string_view label;
  std::string_view key;
  Range JourneyMetrics::*range;
  bool duration;
};

constexpr Measure kMeasures[] = {
    {"lead time", "lead_time", &JourneyMetrics::lead_time, true},
    {"wait time", "wait_time", &JourneyMetrics::wait_time, true},
    {"touch time", "touch_time", &JourneyMetrics::touch_time, true},
    {"customer time", "customer_time", &JourneyMetrics::customer_time, true},
    {"handoffs", "handoffs", &JourneyMetrics::handoffs, false},
    {"channel switches", "channel_switches", &JourneyMetrics::channel_switches, false},
    {"cost", "cost", &JourneyMetrics::cost, false},
    {"contacts", "contacts", &JourneyMetrics::contacts, false},
};

constexpr std::string_view kOutcomes[] = {"success", "abandon", "failure"};
constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// Up to two decimals, trailing zeros dropped; `-` when undefined.
std::string number(double x) {
  return std::isfinite(x) ? format_decimal(x, 2) : "-";
}

/// One decimal at most: `72.3%`; `-` when undefined.
std::string percent(double x) {
  return std::isfinite(x) ? format_percent(x, 1) : "-";
}

std::string human(double x, bool duration) {
  if (!std::isfinite(x)) {
    return "-";
  }
  return duration ? format_duration(x) : number(x);
}

nlohmann::ordered_json json_number(double x) {
  return std::isfinite(x) ? nlohmann::ordered_json(tidy_number(x))
                          : nlohmann::ordered_json(nullptr);
}

/// The ids of a path joined by arrows; long paths keep both ends around "…".
std::string path_text(const std::vector<std::string> &ids) {
  constexpr std::size_t kEnds = 6;
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids.size() > 2 * kEnds + 1 && i == kEnds) {
      out += fmt::format(" → … ({} more) …", ids.size() - 2 * kEnds);
      i = ids.size() - kEnds - 1;
      continue;
    }
    out += (out.empty() ? "" : " → ") + ids[i];
  }
  return out;
}

nlohmann::ordered_json to_json(const JourneyMetrics &m) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["journey"] = m.journey;
  j["file"] = m.file;
  j["steps"] = m.steps;
  for (const Measure &measure : kMeasures) {
    const Range &r = m.*measure.range;
    j[std::string(measure.key)] = {{"min", json_number(r.min)},
                                   {"max", json_number(r.max)},
                                   {"expected", json_number(r.expected)}};
  }
  nlohmann::ordered_json outcomes = nlohmann::ordered_json::object();
  for (std::string_view kind : kOutcomes) {
    const auto it = m.outcomes.find(std::string(kind));
    outcomes[std::string(kind)] =
        json_number(m.expected_defined && it != m.outcomes.end() ? it->second : kUndefined);
  }
  j["outcomes"] = outcomes;
  j["right_first_time"] = json_number(m.right_first_time);
  j["flow_efficiency"] = json_number(m.flow_efficiency);
  j["critical_path"] = m.critical_path;
  nlohmann::ordered_json waits = nlohmann::ordered_json::array();
  for (const WaitContribution &w : m.top_waits) {
    waits.push_back(
        {{"step", w.step}, {"seconds", tidy_number(w.seconds)}, {"share", tidy_number(w.share)}});
  }
  j["top_waits"] = waits;
  j["has_cycles"] = m.has_cycles;
  j["problem"] =
      m.problem.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(m.problem);
  return j;
}

std::string csv_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", tidy_number(x)) : std::string();
}

} // namespace

std::string format_metrics_text(const std::vector<JourneyMetrics> &all) {
  std::string out;
  for (const JourneyMetrics &m : all) {
    if (!out.empty()) {
      out += "\n";
    }
    out += fmt::format("{} ({}, {} steps{})\n", m.journey, m.file, m.steps,
                       m.has_cycles ? ", with loops" : "");
    out += fmt::format("  {:<18} {:>12} {:>12} {:>12}\n", "", "expected", "min", "max");
    bool above_max = false;
    for (const Measure &measure : kMeasures) {
      const Range &r = m.*measure.range;
      above_max = above_max || (std::isfinite(r.expected) && r.expected > r.max * (1 + 1e-9));
      out += fmt::format("  {:<18} {:>12} {:>12} {:>12}\n", measure.label,
                         human(r.expected, measure.duration), human(r.min, measure.duration),
                         human(r.max, measure.duration));
    }
    if (above_max) {
      out += "  (expected counts the loops; min and max are over paths without repeats)\n";
    }
    std::string outcomes;
    for (std::string_view kind : kOutcomes) {
      const auto it = m.outcomes.find(std::string(kind));
      const double p = m.expected_defined && it != m.outcomes.end() ? it->second : kUndefined;
      outcomes += fmt::format("{}{} {}", outcomes.empty() ? "" : ", ", kind, percent(p));
    }
    out += fmt::format("  outcomes: {}\n", outcomes);
    out += fmt::format("  right first time: {}   flow efficiency: {}\n",
                       percent(m.right_first_time), percent(m.flow_efficiency));
    if (!m.critical_path.empty()) {
      out += fmt::format("  critical path: {}\n", path_text(m.critical_path));
    }
    if (!m.top_waits.empty()) {
      std::string waits;
      for (const WaitContribution &w : m.top_waits) {
        waits += fmt::format("{}{} {} ({})", waits.empty() ? "" : ", ", w.step,
                             format_duration(w.seconds), percent(w.share));
      }
      out += fmt::format("  top waits: {}\n", waits);
    }
    if (!m.problem.empty()) {
      out += fmt::format("  note: {}\n", m.problem);
    }
  }
  return escape_terminal(out, LineEnds::Keep);
}

std::string format_metrics_json(const std::vector<JourneyMetrics> &all, bool array) {
  if (!array && all.size() == 1) {
    return to_json(all.front()).dump(2) + "\n";
  }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const JourneyMetrics &m : all) {
    list.push_back(to_json(m));
  }
  return list.dump(2) + "\n";
}

std::string format_metrics_csv(const std::vector<JourneyMetrics> &all) {
  std::vector<std::string> header{"journey", "file", "steps"};
  for (const Measure &measure : kMeasures) {
    for (std::string_view part : {"expected", "min", "max"}) {
      header.push_back(fmt::format("{}_{}", measure.key, part));
    }
  }
  for (std::string_view kind : kOutcomes) {
    header.push_back(fmt::format("outcome_{}", kind));
  }
  for (std::string_view name : {"right_first_time", "flow_efficiency", "critical_path_steps",
                                "top_wait_step", "top_wait_seconds", "has_cycles", "problem"}) {
    header.emplace_back(name);
  }
  std::string out = fmt::format("{}\n", fmt::join(header, ","));
  for (const JourneyMetrics &m : all) {
    std::vector<std::string> row{csv_field(m.journey), csv_field(m.file), std::to_string(m.steps)};
    for (const Measure &measure : kMeasures) {
      const Range &r = m.*measure.range;
      row.push_back(csv_number(r.expected));
      row.push_back(csv_number(r.min));
      row.push_back(csv_number(r.max));
    }
    for (std::string_view kind : kOutcomes) {
      const auto it = m.outcomes.find(std::string(kind));
      row.push_back(
          csv_number(m.expected_defined && it != m.outcomes.end() ? it->second : kUndefined));
    }
    row.push_back(csv_number(m.right_first_time));
    row.push_back(csv_number(m.flow_efficiency));
    row.push_back(std::to_string(m.critical_path.size()));
    row.push_back(m.top_waits.empty() ? "" : csv_field(m.top_waits.front().step));
    row.push_back(m.top_waits.empty() ? "" : csv_number(m.top_waits.front().seconds));
    row.push_back(m.has_cycles ? "true" : "false");
    row.push_back(csv_field(m.problem));
    out += fmt::format("{}\n", fmt::join(row, ","));
  }
  return out;
}

std::string format_metrics(const std::vector<JourneyMetrics> &all, MetricsFormat format,
                           bool array) {
  switch (format) {
  case MetricsFormat::Json:
    return format_metrics_json(all, array);
  case MetricsFormat::Csv:
    return format_metrics_csv(all);
  case MetricsFormat::Text:
    break;
  }
  return format_metrics_text(all);
}

} // namespace journey
