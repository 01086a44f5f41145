// Metrics formats: one table of measures drives the text, JSON and CSV columns.
#include "journey/portfolio/metrics_format.h"

#include "journey/model/text.h"

#include "journey/model/duration.h"
#include "journey/model/escape.h"
#include "journey/portfolio/cells.h"
#include "journey/portfolio/volume_format.h"

#include <algorithm>
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
    {"customer effort", "customer_effort", &JourneyMetrics::customer_effort, true},
};

constexpr std::string_view kOutcomes[] = {"success", "abandon", "failure"};
constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

/// A figure of the walks that end in one outcome: its key in JSON and CSV, and whether it is a
/// duration.
struct OutcomeMeasure {
  std::string_view label;
  std::string_view key;
  double OutcomeFigures::*value;
  bool duration;
};

constexpr OutcomeMeasure kOutcomeMeasures[] = {
    {"lead time", "lead_time", &OutcomeFigures::lead_time, true},
    {"wait", "wait_time", &OutcomeFigures::wait_time, true},
    {"customer effort", "customer_effort", &OutcomeFigures::customer_effort, true},
    {"cost", "cost", &OutcomeFigures::cost, false},
};

/// The figures of the walks ending in `kind`, or nullptr when none do (or none are known).
const OutcomeFigures *given(const JourneyMetrics &m, std::string_view kind) {
  for (const OutcomeFigures &f : m.by_outcome) {
    if (to_string(f.outcome) == kind) {
      return &f;
    }
  }
  return nullptr;
}

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

nlohmann::ordered_json loads_json(const std::vector<Load> &loads, bool channels) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Load &l : loads) {
    nlohmann::ordered_json o = {{"id", l.id}, {"name", l.name}};
    o["passes"] = tidy_number(l.passes);
    o["seconds"] = tidy_number(l.seconds);
    o["cost"] = tidy_number(l.cost);
    o["failure_demand"] = tidy_number(l.failure_demand);
    if (channels) {
      o["contact"] = l.contact;
    }
    list.push_back(o);
  }
  return list;
}

nlohmann::ordered_json monthly_json(const MonthlyFigures &f) {
  nlohmann::ordered_json outcomes = nlohmann::ordered_json::object();
  for (std::string_view kind : kOutcomes) {
    const auto it = f.outcomes.find(std::string(kind));
    outcomes[std::string(kind)] = json_number(it == f.outcomes.end() ? 0.0 : it->second);
  }
  return {{"customers", json_number(f.customers)},
          {"outcomes", outcomes},
          {"cost", json_number(f.cost)},
          {"customer_hours", json_number(f.customer_hours)},
          {"wait_hours", json_number(f.wait_hours)},
          {"contacts", json_number(f.contacts)},
          {"failure_demand_contacts", json_number(f.failure_demand_contacts)},
          {"failure_demand_cost", json_number(f.failure_demand_cost)},
          {"channels", loads_json(f.channels, true)},
          {"teams", loads_json(f.teams, false)}};
}

/// Failure demand, volume, monthly figures and queues (docs/metrics.md).
void add_volume_json(nlohmann::ordered_json &j, const JourneyMetrics &m) {
  j["failure_demand"] = {{"contacts", json_number(m.failure_demand_contacts)},
                         {"share", json_number(m.failure_demand_share)},
                         {"cost", json_number(m.failure_demand_cost)}};
  j["volume_per_month"] = m.volume ? json_number(*m.volume) : nlohmann::ordered_json(nullptr);
  j["channel_loads"] = loads_json(m.channel_loads, true);
  j["team_loads"] = loads_json(m.team_loads, false);
  const std::optional<MonthlyFigures> f = monthly_figures(m);
  j["monthly"] = f ? monthly_json(*f) : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json queues = nlohmann::ordered_json::array();
  for (const ChannelQueue &q : m.queues) {
    queues.push_back({{"channel", q.channel},
                      {"arrivals_per_month", json_number(q.arrivals_per_month)},
                      {"open_seconds_per_month", json_number(q.open_seconds_per_month)},
                      {"handle_seconds", json_number(q.handle_seconds)},
                      {"agents", q.agents},
                      {"traffic", json_number(q.figures.traffic)},
                      {"utilisation", json_number(q.figures.utilisation)},
                      {"stable", q.figures.stable},
                      {"p_wait", json_number(q.figures.p_wait)},
                      {"mean_wait_seconds", json_number(q.figures.mean_wait)},
                      {"service_level", json_number(q.figures.service_level)},
                      {"target_share", json_number(q.target.share)},
                      {"target_seconds", json_number(q.target.within)},
                      {"agents_needed", q.agents_needed}});
  }
  j["queues"] = queues;
}

/// Measured experience: each measure's history, oldest first, of the journey and of each step
/// surveyed (model/survey.h).
void add_surveys_json(nlohmann::ordered_json &j, const JourneyMetrics &m) {
  const auto histories = [&](std::string_view step) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (SurveyMeasure measure : kSurveyMeasures) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const ScorePoint &p : score_history(m.surveys, measure, step)) {
        list.push_back({{"date", p.date},
                        {"value", tidy_number(p.value)},
                        {"sample", p.sample ? json_number(*p.sample) : nlohmann::ordered_json(nullptr)}});
      }
      out[std::string(survey_scale(measure).key)] = std::move(list);
    }
    return out;
  };
  nlohmann::ordered_json steps = nlohmann::ordered_json::object();
  for (const Survey &s : m.surveys) {
    if (!s.step.empty() && !steps.contains(s.step)) {
      steps[s.step] = histories(s.step);
    }
  }
  j["surveys"] = {{"journey", histories({})}, {"steps", std::move(steps)}};
}

nlohmann::ordered_json stages_json(const JourneyMetrics &m);
nlohmann::ordered_json personas_json(const JourneyMetrics &m);

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
  nlohmann::ordered_json by_outcome = nlohmann::ordered_json::object();
  for (std::string_view kind : kOutcomes) {
    const OutcomeFigures *f = given(m, kind);
    if (f == nullptr) {
      by_outcome[std::string(kind)] = nullptr;
      continue;
    }
    nlohmann::ordered_json figures = {{"probability", json_number(f->probability)}};
    for (const OutcomeMeasure &measure : kOutcomeMeasures) {
      figures[std::string(measure.key)] = json_number(f->*measure.value);
    }
    by_outcome[std::string(kind)] = figures;
  }
  j["by_outcome"] = by_outcome;
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
  add_volume_json(j, m);
  j["persona"] = m.persona.empty() ? nlohmann::ordered_json(nullptr)
                                   : nlohmann::ordered_json(m.persona);
  j["stages"] = stages_json(m);
  j["personas"] = personas_json(m);
  j["problem"] =
      m.problem.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(m.problem);
  add_surveys_json(j, m);
  return j;
}

std::string csv_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", tidy_number(x)) : std::string();
}

constexpr std::string_view kNoStage = "(no stage)";

/// Text cut to `most` code points, the cut marked with "…" (names in table columns).
std::string fit(const std::string &text, std::size_t most) {
  if (code_points(text) <= most) {
    return text;
  }
  std::string out;
  std::size_t i = 0;
  for (std::size_t n = 0; n + 1 < most && i < text.size(); ++n) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, i, cp);
    if (length == 0) {
      break;
    }
    append_utf8(out, cp);
    i += length;
  }
  return out + "…";
}

std::string pad_right(const std::string &text, std::size_t width) {
  const std::size_t n = code_points(text);
  return n >= width ? text : text + std::string(width - n, ' ');
}

std::string pad_left(const std::string &text, std::size_t width) {
  const std::size_t n = code_points(text);
  return n >= width ? text : std::string(width - n, ' ') + text;
}

std::string stage_label(const StageFigures &s) {
  return s.stage.empty() ? std::string(kNoStage) : s.stage;
}

/// The persona's name for people: its name, else its id, else "as written".
std::string persona_label(const PersonaFigures &p) {
  if (!p.name.empty()) {
    return p.name;
  }
  return p.persona.empty() ? std::string("as written") : p.persona;
}

nlohmann::ordered_json stages_json(const JourneyMetrics &m) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const StageFigures &s : m.stages) {
    list.push_back({{"stage", s.stage.empty() ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(s.stage)},
                    {"declared", s.declared},
                    {"steps", s.steps},
                    {"visits", json_number(s.visits)},
                    {"lead_time", json_number(s.lead_time)},
                    {"lead_time_share", json_number(m.lead_time.expected > 0
                                                        ? s.lead_time / m.lead_time.expected
                                                        : kUndefined)},
                    {"wait_time", json_number(s.wait_time)},
                    {"cost", json_number(s.cost)},
                    {"pain", json_number(s.pain)},
                    {"emotion", json_number(s.emotion)}});
  }
  return list;
}

nlohmann::ordered_json personas_json(const JourneyMetrics &m) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const PersonaFigures &p : m.personas) {
    list.push_back(
        {{"persona", p.persona.empty() ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(p.persona)},
         {"name", persona_label(p)},
         {"as_written", p.as_written},
         {"lead_time", json_number(p.lead_time)},
         {"wait_time", json_number(p.wait_time)},
         {"cost", json_number(p.cost)},
         {"handoffs", json_number(p.handoffs)},
         {"contacts", json_number(p.contacts)},
         {"customer_effort", json_number(p.customer_effort)},
         {"right_first_time", json_number(p.right_first_time)},
         {"success", json_number(p.success)},
         {"problem", p.problem.empty() ? nlohmann::ordered_json(nullptr)
                                       : nlohmann::ordered_json(p.problem)}});
  }
  return list;
}

/// The per-stage table: expected lead time (and its share), wait, cost, pain, mean emotion.
std::string stages_text(const JourneyMetrics &m) {
  if (m.stages.empty()) {
    return {};
  }
  constexpr std::size_t kWidest = 30;
  std::size_t width = 5;
  for (const StageFigures &s : m.stages) {
    width = std::max(width, code_points(fit(stage_label(s), kWidest)));
  }
  std::string out = "  by stage (expected per customer):\n";
  out += fmt::format("    {} {:>10} {:>6} {:>10} {:>9} {:>6} {:>8}\n", pad_right("stage", width),
                     "lead time", "share", "wait", "cost", "pain", "emotion");
  for (const StageFigures &s : m.stages) {
    const double share = m.lead_time.expected > 0 ? s.lead_time / m.lead_time.expected : kUndefined;
    out += fmt::format("    {} {:>10} {:>6} {:>10} {:>9} {:>6} {:>8}\n",
                       pad_right(fit(stage_label(s), kWidest), width), human(s.lead_time, true), percent(share),
                       human(s.wait_time, true), number(s.cost), number(s.pain),
                       std::isfinite(s.emotion) ? fmt::format("{:+.1f}", s.emotion)
                                                : std::string("-"));
  }
  return out;
}

/// Each persona's expected figures side by side, one column per persona.
std::string personas_text(const JourneyMetrics &m) {
  if (m.personas.size() < 2) {
    return {};
  }
  std::vector<std::string> names;
  std::size_t width = 10;
  for (const PersonaFigures &p : m.personas) {
    std::string name = fit(persona_label(p), 24);
    width = std::max(width, code_points(name));
    names.push_back(std::move(name));
  }
  std::string out = "  by persona (expected per customer):\n";
  out += fmt::format("    {:<18}", "");
  for (const std::string &name : names) {
    out += " " + pad_left(name, width);
  }
  out += "\n";
  const auto row = [&](std::string_view label, auto cell) {
    out += fmt::format("    {:<18}", label);
    for (const PersonaFigures &p : m.personas) {
      out += " " + pad_left(cell(p), width);
    }
    out += "\n";
  };
  row("lead time", [](const PersonaFigures &p) { return human(p.lead_time, true); });
  row("wait time", [](const PersonaFigures &p) { return human(p.wait_time, true); });
  row("cost", [](const PersonaFigures &p) { return number(p.cost); });
  row("handoffs", [](const PersonaFigures &p) { return number(p.handoffs); });
  row("contacts", [](const PersonaFigures &p) { return number(p.contacts); });
  row("customer effort", [](const PersonaFigures &p) { return human(p.customer_effort, true); });
  row("right first time", [](const PersonaFigures &p) { return percent(p.right_first_time); });
  row("success", [](const PersonaFigures &p) { return percent(p.success); });
  return out;
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
    if (!m.persona.empty()) {
      out += fmt::format("  persona: {}\n", m.persona_name.empty() ? m.persona : m.persona_name);
    }
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
    for (std::string_view kind : kOutcomes) {
      if (const OutcomeFigures *f = given(m, kind)) {
        std::string figures;
        for (const OutcomeMeasure &measure : kOutcomeMeasures) {
          figures += fmt::format("{}{} {}", figures.empty() ? "" : ", ", measure.label,
                                 human(f->*measure.value, measure.duration));
        }
        out += fmt::format("  if {} ({}): {}\n", kind, percent(f->probability), figures);
      }
    }
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
    out += format_volume_text(m);
    out += stages_text(m);
    out += personas_text(m);
    if (!m.problem.empty()) {
      out += fmt::format("  note: {}\n", m.problem);
    }
  }
  const std::string portfolio = format_portfolio_volume_text(all);
  if (!portfolio.empty()) {
    out += "\n" + portfolio;
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
  for (std::string_view kind : kOutcomes) {
    for (const OutcomeMeasure &measure : kOutcomeMeasures) {
      header.push_back(fmt::format("{}_{}", kind, measure.key));
    }
  }
  for (std::string_view name : {"right_first_time", "flow_efficiency", "critical_path_steps",
                                "top_wait_step", "top_wait_seconds", "has_cycles", "problem",
                                "failure_demand_contacts", "failure_demand_share",
                                "failure_demand_cost", "volume_per_month", "monthly_cost",
                                "monthly_contacts", "monthly_failure_demand_contacts",
                                "monthly_customer_hours", "monthly_wait_hours"}) {
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
    for (std::string_view kind : kOutcomes) {
      const OutcomeFigures *f = given(m, kind);
      for (const OutcomeMeasure &measure : kOutcomeMeasures) {
        row.push_back(f == nullptr ? std::string() : csv_number(f->*measure.value));
      }
    }
    row.push_back(csv_number(m.right_first_time));
    row.push_back(csv_number(m.flow_efficiency));
    row.push_back(std::to_string(m.critical_path.size()));
    row.push_back(m.top_waits.empty() ? "" : csv_field(m.top_waits.front().step));
    row.push_back(m.top_waits.empty() ? "" : csv_number(m.top_waits.front().seconds));
    row.push_back(m.has_cycles ? "true" : "false");
    row.push_back(csv_field(m.problem));
    row.push_back(csv_number(m.failure_demand_contacts));
    row.push_back(csv_number(m.failure_demand_share));
    row.push_back(csv_number(m.failure_demand_cost));
    row.push_back(m.volume ? csv_number(*m.volume) : "");
    const std::optional<MonthlyFigures> f = monthly_figures(m);
    for (double x : {f ? f->cost : kUndefined, f ? f->contacts : kUndefined,
                     f ? f->failure_demand_contacts : kUndefined,
                     f ? f->customer_hours : kUndefined, f ? f->wait_hours : kUndefined}) {
      row.push_back(csv_number(x));
    }
    out += fmt::format("{}\n", fmt::join(row, ","));
  }
  return out;
}

std::string format_metrics_csv_by(const std::vector<JourneyMetrics> &all, MetricsRows rows) {
  if (rows == MetricsRows::Journey) {
    return format_metrics_csv(all);
  }
  std::string out;
  if (rows == MetricsRows::Stage) {
    out = "journey,stage,declared,steps,visits,lead_time,lead_time_share,wait_time,cost,pain,"
          "emotion\n";
    for (const JourneyMetrics &m : all) {
      for (const StageFigures &s : m.stages) {
        const double share =
            m.lead_time.expected > 0 ? s.lead_time / m.lead_time.expected : kUndefined;
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(m.journey),
                           csv_field(stage_label(s)), s.declared ? "true" : "false", s.steps,
                           csv_number(s.visits), csv_number(s.lead_time), csv_number(share),
                           csv_number(s.wait_time), csv_number(s.cost), csv_number(s.pain),
                           csv_number(s.emotion));
      }
    }
    return out;
  }
  out = "journey,persona,name,as_written,lead_time,wait_time,cost,handoffs,contacts,"
        "customer_effort,right_first_time,success,problem\n";
  for (const JourneyMetrics &m : all) {
    for (const PersonaFigures &p : m.personas) {
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(m.journey),
                         csv_field(p.persona), csv_field(persona_label(p)),
                         p.as_written ? "true" : "false", csv_number(p.lead_time),
                         csv_number(p.wait_time), csv_number(p.cost), csv_number(p.handoffs),
                         csv_number(p.contacts), csv_number(p.customer_effort),
                         csv_number(p.right_first_time), csv_number(p.success),
                         csv_field(p.problem));
    }
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

std::string format_metrics_portfolio_json(const std::vector<JourneyMetrics> &all) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const JourneyMetrics &m : all) {
    list.push_back(to_json(m));
  }
  const MonthlyFigures sum = portfolio_monthly(all);
  nlohmann::ordered_json capacity = nlohmann::ordered_json::array();
  for (const Capacity &c : journey::capacity(sum)) {
    capacity.push_back({{"kind", c.kind},
                        {"id", c.id},
                        {"name", c.name},
                        {"staff", json_number(c.staff)},
                        {"work_hours", json_number(c.work_hours)},
                        {"available_hours", json_number(c.available_hours)},
                        {"utilisation", json_number(c.utilisation)},
                        {"fte_needed", json_number(c.fte_needed)}});
  }
  nlohmann::ordered_json portfolio = {
      {"journeys", all.size()},
      {"journeys_with_volume", sum.journeys},
      {"monthly", sum.journeys > 0 ? monthly_json(sum) : nlohmann::ordered_json(nullptr)},
      {"capacity", capacity}};
  const nlohmann::ordered_json out = {{"journeys", list}, {"portfolio", portfolio}};
  return out.dump(2) + "\n";
}

} // namespace journey
