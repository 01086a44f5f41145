// Journey diff formats: aligned text, GitHub Flavored Markdown tables and JSON.
#include "journey/portfolio/diff_format.h"

#include "journey/model/escape.h"
#include "journey/portfolio/cells.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace journey {
namespace {

void append_fields(std::string &out, const std::vector<FieldChange> &fields,
                   std::string_view indent) {
  for (const FieldChange &f : fields) {
    out +=
        fmt::format("{}{}: {} -> {}\n", indent, f.field, valid_utf8(f.before), valid_utf8(f.after));
  }
}

void append_steps(std::string &out, std::string_view title, char mark,
                  const std::vector<StepRef> &steps) {
  if (steps.empty()) {
    return;
  }
  out += fmt::format("{} ({}):\n", title, steps.size());
  for (const StepRef &s : steps) {
    out += fmt::format("  {} {}: {}\n", mark, valid_utf8(s.id), valid_utf8(s.name));
  }
}

std::string budget_note(const MetricDelta &m) {
  if (!m.budget) {
    return m.regression ? "watched, got worse: REGRESSION" : "";
  }
  std::string note = fmt::format("budget {}{}", m.higher_is_better ? "at least " : "",
                                 format_metric_value(m.kind, *m.budget));
  return m.regression ? note + ", got worse: REGRESSION" : note;
}

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(tidy_number(value))
                              : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json fields_json(const std::vector<FieldChange> &fields) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const FieldChange &f : fields) {
    out.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
  }
  return out;
}

nlohmann::ordered_json steps_json(const std::vector<StepRef> &steps) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const StepRef &s : steps) {
    out.push_back({{"id", s.id}, {"name", s.name}});
  }
  return out;
}

/// `1 step added, 0 removed, 2 changed; 2 regressions`, or `no changes`.
std::string summary_text(const JourneyDiff &diff) {
  if (!diff.has_changes()) {
    return "no changes";
  }
  const std::size_t regressions = static_cast<std::size_t>(std::count_if(
      diff.metrics.begin(), diff.metrics.end(), [](const MetricDelta &m) { return m.regression; }));
  return fmt::format("{} added, {} removed, {} changed; {}",
                     plural(diff.added.size(), "step", "steps"), diff.removed.size(),
                     diff.changed.size(),
                     regressions == 0 ? std::string("no budgeted or watched metric got worse")
                                      : plural(regressions, "regression", "regressions"));
}

/// An id as inline code when it is a plain id, else as escaped text.
std::string markdown_id(std::string_view id) {
  return is_plain_id(id) ? "`" + std::string(id) + "`" : markdown_cell(id);
}

std::string markdown_row(const std::vector<std::string> &cells) {
  return "| " + join(cells, " | ") + " |\n";
}

/// A heading row and its delimiter row; `right` columns are numbers.
std::string markdown_header(const std::vector<std::string> &titles,
                            const std::vector<bool> &right = {}) {
  std::string out = markdown_row(titles) + "|";
  for (std::size_t i = 0; i < titles.size(); ++i) {
    out += i < right.size() && right[i] ? " ---: |" : " --- |";
  }
  return out + "\n";
}

} // namespace

std::string format_diff_text(const JourneyDiff &diff) {
  std::string out = fmt::format("journey {}: {} -> {}\n", valid_utf8(diff.journey),
                                valid_utf8(diff.before_file), valid_utf8(diff.after_file));
  if (!diff.journey_fields.empty()) {
    out += "journey fields changed:\n";
    append_fields(out, diff.journey_fields, "  ");
  }
  append_steps(out, "steps added", '+', diff.added);
  append_steps(out, "steps removed", '-', diff.removed);
  if (!diff.changed.empty()) {
    out += fmt::format("steps changed ({}):\n", diff.changed.size());
    for (const StepChange &s : diff.changed) {
      out += fmt::format("  ~ {}: {}\n", valid_utf8(s.id), valid_utf8(s.name));
      append_fields(out, s.fields, "      ");
    }
  }
  std::vector<const MetricDelta *> moved;
  for (const MetricDelta &m : diff.metrics) {
    if (m.changed) {
      moved.push_back(&m);
    }
  }
  if (moved.empty()) {
    out += "metrics: unchanged\n";
  } else {
    std::size_t label_width = 0;
    std::size_t values_width = 0;
    std::size_t delta_width = 0;
    std::vector<std::string> values;
    for (const MetricDelta *m : moved) {
      values.push_back(fmt::format("{} -> {}", format_metric_value(m->kind, m->before),
                                   format_metric_value(m->kind, m->after)));
      label_width = std::max(label_width, m->label.size());
      values_width = std::max(values_width, values.back().size());
      delta_width = std::max(delta_width, format_metric_delta(*m).size());
    }
    out += "metrics:\n";
    for (std::size_t i = 0; i < moved.size(); ++i) {
      const MetricDelta &m = *moved[i];
      std::string line =
          fmt::format("  {:<{}}  {:<{}}  {:<{}}  {}", m.label, label_width, values[i], values_width,
                      format_metric_delta(m), delta_width, budget_note(m));
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      out += line + "\n";
    }
  }
  return out + summary_text(diff) + "\n";
}

std::string format_diff_markdown(const JourneyDiff &diff) {
  std::string out = fmt::format("### Journey {}: {} → {}\n\n", markdown_id(diff.journey),
                                markdown_cell(diff.before_file), markdown_cell(diff.after_file));
  out += "**" + summary_text(diff) + "**\n";
  if (!diff.journey_fields.empty()) {
    out += "\n#### Journey fields changed\n\n" + markdown_header({"Field", "Before", "After"});
    for (const FieldChange &f : diff.journey_fields) {
      out += markdown_row({markdown_cell(f.field), markdown_cell(f.before), markdown_cell(f.after)});
    }
  }
  if (!diff.added.empty() || !diff.removed.empty() || !diff.changed.empty()) {
    out += "\n#### Steps\n\n" +
           markdown_header({"Change", "Step", "Name", "Field", "Before", "After"});
    for (const StepRef &s : diff.added) {
      out += markdown_row({"added", markdown_id(s.id), markdown_cell(s.name), "", "", ""});
    }
    for (const StepRef &s : diff.removed) {
      out += markdown_row({"removed", markdown_id(s.id), markdown_cell(s.name), "", "", ""});
    }
    for (const StepChange &s : diff.changed) {
      bool first = true;
      for (const FieldChange &f : s.fields) {
        out += markdown_row({first ? "changed" : "", first ? markdown_id(s.id) : "",
                             first ? markdown_cell(s.name) : "", markdown_cell(f.field),
                             markdown_cell(f.before), markdown_cell(f.after)});
        first = false;
      }
      if (first) {
        out += markdown_row({"changed", markdown_id(s.id), markdown_cell(s.name), "", "", ""});
      }
    }
  }
  std::vector<const MetricDelta *> moved;
  for (const MetricDelta &m : diff.metrics) {
    if (m.changed) {
      moved.push_back(&m);
    }
  }
  if (moved.empty()) {
    out += "\nMetrics: unchanged.\n";
  } else {
    out += "\n#### Metrics\n\n" + markdown_header({"Metric", "Before", "After", "Change", "Budget"},
                                                    {false, true, true, true, false});
    for (const MetricDelta *m : moved) {
      std::string budget;
      if (!m->budget && m->regression) {
        budget = "watched, got worse: **regression**";
      }
      if (m->budget) {
        budget = markdown_cell((m->higher_is_better ? "at least " : "") +
                               format_metric_value(m->kind, *m->budget));
        if (m->regression) {
          budget += ", got worse: **regression**";
        }
      }
      out += markdown_row({markdown_cell(m->label),
                           markdown_cell(format_metric_value(m->kind, m->before)),
                           markdown_cell(format_metric_value(m->kind, m->after)),
                           markdown_cell(format_metric_delta(*m)), budget});
    }
  }
  return escape_terminal(out, LineEnds::Keep);
}

std::string format_diff_json(const JourneyDiff &diff) {
  nlohmann::ordered_json changed = nlohmann::ordered_json::array();
  for (const StepChange &s : diff.changed) {
    changed.push_back({{"id", s.id}, {"name", s.name}, {"fields", fields_json(s.fields)}});
  }
  nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
  for (const MetricDelta &m : diff.metrics) {
    const bool both = std::isfinite(m.before) && std::isfinite(m.after);
    metrics.push_back({
        {"metric", m.metric},
        {"label", m.label},
        {"before", number_or_null(m.before)},
        {"after", number_or_null(m.after)},
        {"delta", both ? nlohmann::ordered_json(tidy_number(m.after - m.before)) : nullptr},
        {"delta_text", format_metric_delta(m)},
        {"budget", m.budget ? nlohmann::ordered_json(tidy_number(*m.budget)) : nullptr},
        {"changed", m.changed},
        {"worse", m.worse},
        {"regression", m.regression},
    });
  }
  nlohmann::ordered_json out{
      {"before", diff.before_file},
      {"after", diff.after_file},
      {"journey", diff.journey},
      {"fields", fields_json(diff.journey_fields)},
      {"steps",
       {{"added", steps_json(diff.added)},
        {"removed", steps_json(diff.removed)},
        {"changed", std::move(changed)}}},
      {"metrics", std::move(metrics)},
      {"changed", diff.has_changes()},
      {"regression", diff.has_regression()},
  };
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string format_diff(const JourneyDiff &diff, DiffFormat format) {
  switch (format) {
  case DiffFormat::Json:
    return format_diff_json(diff);
  case DiffFormat::Markdown:
    return format_diff_markdown(diff);
  case DiffFormat::Text:
    break;
  }
  return format_diff_text(diff);
}

std::string format_regressions(const JourneyDiff &diff) {
  std::string out;
  for (const MetricDelta &m : diff.metrics) {
    if (m.regression) {
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", m.label, format_metric_delta(m));
    }
  }
  return escape_terminal(out, LineEnds::Keep);
}

} // namespace journey
