// Compare formats: aligned text, GitHub Flavored Markdown, JSON and neutralised CSV.
#include "journey/portfolio/compare_format.h"

#include "journey/model/duration.h"
#include "journey/model/escape.h"
#include "journey/model/text.h"
#include "journey/portfolio/cells.h"
#include "journey/portfolio/volume_format.h"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace journey {
namespace {

using Json = nlohmann::ordered_json;

std::string_view unit_name(FigureUnit unit) {
  switch (unit) {
  case FigureUnit::Customers:
    return "customers";
  case FigureUnit::Money:
    return "money";
  case FigureUnit::Hours:
    return "hours";
  case FigureUnit::Contacts:
    return "contacts";
  case FigureUnit::Duration:
    return "seconds";
  case FigureUnit::Share:
    return "share";
  case FigureUnit::Fte:
    return "fte";
  }
  return "count";
}

bool both_zero(const FigureChange &f) {
  return f.current == 0 && f.future == 0;
}

std::string relative_text(const FigureChange &f) {
  const double r = f.relative();
  if (!std::isfinite(r)) {
    return "-";
  }
  if (!f.changed()) {
    return "0%";
  }
  return (r > 0 ? "+" : "") + format_percent(r, std::fabs(r) < 0.01 ? 2 : 1);
}

/// The rows people see: every figure but those 0 in both states.
std::vector<const FigureChange *> shown(const std::vector<FigureChange> &figures) {
  std::vector<const FigureChange *> out;
  for (const FigureChange &f : figures) {
    if (!both_zero(f)) {
      out.push_back(&f);
    }
  }
  return out;
}

std::string text_table(std::string_view title, const std::vector<FigureChange> &figures) {
  const std::vector<const FigureChange *> rows = shown(figures);
  std::size_t width = 24;
  for (const FigureChange *f : rows) {
    width = std::max(width, code_points(f->label) + 2);
  }
  std::string out = fmt::format("{:<{}} {:>14} {:>14} {:>14} {:>8}\n", title, width + 2,
                                "current", "future", "change", "%");
  for (const FigureChange *f : rows) {
    const std::string label = escape_terminal(f->label);
    const std::size_t pad = width > code_points(label) ? width - code_points(label) : 0;
    out += fmt::format("  {}{:{}} {:>14} {:>14} {:>14} {:>8}\n", label, "", pad,
                       format_figure(f->unit, f->current), format_figure(f->unit, f->future),
                       format_figure_change(*f), relative_text(*f));
  }
  return out;
}

std::string markdown_row(const std::vector<std::string> &cells) {
  return "| " + join(cells, " | ") + " |\n";
}

std::string markdown_table(const std::vector<FigureChange> &figures) {
  std::string out = markdown_row({"Figure", "Current", "Future", "Change", "%"}) +
                    "|---|---:|---:|---:|---:|\n";
  for (const FigureChange *f : shown(figures)) {
    std::string change = markdown_cell(format_figure_change(*f));
    if (f->worse()) {
      change = "**" + change + "**";
    }
    out += markdown_row({markdown_cell(f->label), markdown_cell(format_figure(f->unit, f->current)),
                         markdown_cell(format_figure(f->unit, f->future)), change,
                         markdown_cell(relative_text(*f))});
  }
  return out;
}

/// The figures a summary line names, from the portfolio totals or the one journey.
std::string headline(const std::vector<FigureChange> &figures) {
  std::vector<std::string> parts;
  for (const FigureChange &f : figures) {
    if ((f.key == "cost" || f.key == "contacts" || f.key == "failure_demand_contacts" ||
         f.key == "lead_time" || f.key == "right_first_time") &&
        f.changed()) {
      parts.push_back(fmt::format("{} {} ({})", f.label, format_figure_change(f),
                                  relative_text(f)));
    }
  }
  return parts.empty() ? "no headline figure changed" : join(parts, ", ");
}

const std::vector<FigureChange> &headline_figures(const Comparison &c) {
  static const std::vector<FigureChange> none;
  if (!c.totals.empty()) {
    return c.totals;
  }
  return c.journeys.empty() ? none : c.journeys.front().figures;
}

Json number(double x) {
  return std::isfinite(x) ? Json(tidy_number(x)) : Json(nullptr);
}

Json figures_json(const std::vector<FigureChange> &figures) {
  Json out = Json::array();
  for (const FigureChange &f : figures) {
    out.push_back({{"key", f.key},
                   {"label", valid_utf8(f.label)},
                   {"unit", unit_name(f.unit)},
                   {"current", number(f.current)},
                   {"future", number(f.future)},
                   {"difference", number(f.difference())},
                   {"relative", number(f.relative())},
                   {"higher_is_better", f.higher_is_better},
                   {"neutral", f.neutral},
                   {"worse", f.worse()}});
  }
  return out;
}

Json only_json(const std::vector<JourneyOnly> &list) {
  Json out = Json::array();
  for (const JourneyOnly &j : list) {
    out.push_back({{"journey", valid_utf8(j.journey)}, {"file", valid_utf8(j.file)}});
  }
  return out;
}

std::string csv_number(double x) {
  return std::isfinite(x) ? fmt::format("{}", tidy_number(x)) : "";
}

void csv_rows(std::string &out, std::string_view scope, const std::string &journey,
              const std::vector<FigureChange> &figures) {
  for (const FigureChange &f : figures) {
    out += fmt::format("{},{},{},{},{},{},{},{},{}\n", scope, csv_field(valid_utf8(journey)),
                       csv_field(f.key), csv_field(valid_utf8(f.label)), unit_name(f.unit),
                       csv_number(f.current), csv_number(f.future), csv_number(f.difference()),
                       csv_number(f.relative()));
  }
}

} // namespace

std::string format_figure(FigureUnit unit, double value) {
  if (!std::isfinite(value)) {
    return "-";
  }
  switch (unit) {
  case FigureUnit::Customers:
  case FigureUnit::Contacts:
    return format_grouped(value);
  case FigureUnit::Money:
    return format_money(value);
  case FigureUnit::Hours:
    return format_grouped(value) + " h";
  case FigureUnit::Duration:
    return format_duration(value);
  case FigureUnit::Share:
    return format_percent(value, 1);
  case FigureUnit::Fte:
    return format_decimal(value, 2);
  }
  return format_grouped(value);
}

std::string format_figure_change(const FigureChange &f) {
  const double d = f.difference();
  if (!std::isfinite(d)) {
    return "-";
  }
  if (!f.changed()) {
    return "0";
  }
  const std::string sign = d < 0 ? "-" : "+";
  if (f.unit == FigureUnit::Share) {
    return sign + format_decimal(std::fabs(d) * 100.0, 1) + " pp";
  }
  return sign + format_figure(f.unit, std::fabs(d));
}

std::string format_compare_text(const Comparison &c) {
  std::string out = fmt::format("current: {}\nfuture:  {}\n", escape_terminal(c.current),
                                escape_terminal(c.future));
  for (const JourneyComparison &j : c.journeys) {
    out += "\n" + text_table(escape_terminal(j.journey) +
                                 (j.monthly ? ", per month" : ", per customer"),
                             j.figures);
  }
  if (!c.totals.empty()) {
    out += "\n" + text_table("portfolio, per month", c.totals);
  }
  for (const auto &[title, list] : {std::pair{"added", &c.added}, std::pair{"removed", &c.removed}}) {
    if (!list->empty()) {
      out += fmt::format("\njourneys {} ({}):\n", title, list->size());
      for (const JourneyOnly &j : *list) {
        out += fmt::format("  {} ({})\n", escape_terminal(j.journey), escape_terminal(j.file));
      }
    }
  }
  if (!c.notes.empty()) {
    out += "\n";
    for (const std::string &n : c.notes) {
      out += "note: " + escape_terminal(n) + "\n";
    }
  }
  out += "\n" + headline(headline_figures(c)) + "\n";
  return out;
}

std::string format_compare_markdown(const Comparison &c) {
  std::string out = fmt::format("### Compare: {} → {}\n\n", markdown_cell(c.current),
                                markdown_cell(c.future));
  out += markdown_cell(headline(headline_figures(c))) + "\n";
  for (const JourneyComparison &j : c.journeys) {
    out += fmt::format("\n#### {} ({})\n\n", markdown_cell(j.journey),
                       j.monthly ? "per month" : "per customer");
    out += markdown_table(j.figures);
  }
  if (!c.totals.empty()) {
    out += "\n#### Portfolio (per month)\n\n" + markdown_table(c.totals);
  }
  for (const auto &[title, list] : {std::pair{"added", &c.added}, std::pair{"removed", &c.removed}}) {
    if (!list->empty()) {
      out += fmt::format("\n#### Journeys {}\n\n", title);
      for (const JourneyOnly &j : *list) {
        out += fmt::format("- {} ({})\n", markdown_cell(j.journey), markdown_cell(j.file));
      }
    }
  }
  if (!c.notes.empty()) {
    out += "\n";
    for (const std::string &n : c.notes) {
      out += "> " + markdown_cell(n) + "\n";
    }
  }
  return out;
}

std::string format_compare_json(const Comparison &c) {
  Json j;
  j["current"] = valid_utf8(c.current);
  j["future"] = valid_utf8(c.future);
  Json journeys = Json::array();
  for (const JourneyComparison &one : c.journeys) {
    journeys.push_back({{"journey", valid_utf8(one.journey)},
                        {"current_file", valid_utf8(one.current_file)},
                        {"future_file", valid_utf8(one.future_file)},
                        {"monthly", one.monthly},
                        {"figures", figures_json(one.figures)}});
  }
  j["journeys"] = std::move(journeys);
  j["totals"] = c.totals.empty() ? Json(nullptr) : figures_json(c.totals);
  j["added"] = only_json(c.added);
  j["removed"] = only_json(c.removed);
  Json notes = Json::array();
  for (const std::string &n : c.notes) {
    notes.push_back(valid_utf8(n));
  }
  j["notes"] = std::move(notes);
  j["changed"] = c.has_changes();
  return j.dump(2) + "\n";
}

std::string format_compare_csv(const Comparison &c) {
  std::string out = "scope,journey,key,label,unit,current,future,difference,relative\n";
  for (const JourneyComparison &j : c.journeys) {
    csv_rows(out, "journey", j.journey, j.figures);
  }
  csv_rows(out, "portfolio", "", c.totals);
  for (const auto &[scope, list] : {std::pair{"added", &c.added}, std::pair{"removed", &c.removed}}) {
    for (const JourneyOnly &j : *list) {
      out += fmt::format("{},{},,,,,,,\n", scope, csv_field(valid_utf8(j.journey)));
    }
  }
  return out;
}

std::string format_compare(const Comparison &c, CompareFormat format) {
  switch (format) {
  case CompareFormat::Text:
    return format_compare_text(c);
  case CompareFormat::Json:
    return format_compare_json(c);
  case CompareFormat::Csv:
    return format_compare_csv(c);
  case CompareFormat::Markdown:
    return format_compare_markdown(c);
  }
  return format_compare_text(c);
}

} // namespace journey
