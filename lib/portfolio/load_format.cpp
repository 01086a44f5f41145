// Load table formats: one function per format, deterministic and escaped.
#include "journey/portfolio/load_format.h"

#include "journey/portfolio/cells.h"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace journey {
namespace {

std::string hours(double h) {
  return format_decimal(h, h < 10 ? 1 : 0) + " h";
}

std::string staff_text(const LoadRow &r) {
  return r.staff ? format_decimal(*r.staff, 1) : std::string();
}

std::string utilisation_text(const LoadRow &r) {
  if (!std::isfinite(r.utilisation)) {
    return {};
  }
  return format_percent(r.utilisation, 0) + (r.utilisation >= 1 ? " overloaded" : "");
}

/// `apply-by-post 120 h (62%)` for each journey, largest first.
std::vector<std::string> share_texts(const LoadRow &r) {
  std::vector<std::string> out;
  for (const LoadShare &s : r.journeys) {
    out.push_back(fmt::format("{} {} ({})", s.journey, hours(s.work_hours),
                              r.work_hours > 0 ? format_percent(s.work_hours / r.work_hours, 0)
                                               : std::string("n/a")));
  }
  return out;
}

std::string_view noun(LoadKind kind) { return kind == LoadKind::Team ? "Team" : "Channel"; }
std::string_view passes_heading(LoadKind kind) {
  return kind == LoadKind::Team ? "Tasks / month" : "Contacts / month";
}

nlohmann::ordered_json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::ordered_json(tidy_number(x))
                          : nlohmann::ordered_json(nullptr);
}

std::string left_out_note(std::size_t n) {
  return n == 0 ? std::string()
                : fmt::format("{} without a `volume` (or with undefined figures) left out.",
                              plural(n, "journey", "journeys"));
}

std::string markdown(const std::vector<LoadRow> &rows, LoadKind kind, std::size_t left_out) {
  std::string out = fmt::format("| {} | Staff | FTE needed | Utilisation | Work hours / month | {} "
                                "| Failure demand / month | Journeys |\n| --- | ---: | ---: | ---: "
                                "| ---: | ---: | ---: | --- |\n",
                                noun(kind), passes_heading(kind));
  for (const LoadRow &r : rows) {
    std::string journeys;
    for (const std::string &s : share_texts(r)) {
      journeys += (journeys.empty() ? "" : "<br>") + markdown_cell(s);
    }
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(r.name),
                       staff_text(r), format_decimal(r.fte_needed, 1), utilisation_text(r),
                       hours(r.work_hours), format_decimal(r.passes, 0),
                       format_decimal(r.failure_demand, 0), journeys);
  }
  const std::string note = left_out_note(left_out);
  return note.empty() ? out : out + "\n" + note + "\n";
}

std::string csv(const std::vector<LoadRow> &rows, LoadKind kind) {
  std::string out = fmt::format("{},name,staff,fte_needed,utilisation,available_hours_per_month,"
                                "work_hours_per_month,{}_per_month,failure_demand_per_month,"
                                "cost_per_month,journeys\n",
                                kind == LoadKind::Team ? "team" : "channel",
                                kind == LoadKind::Team ? "tasks" : "contacts");
  for (const LoadRow &r : rows) {
    const auto num = [](double x) { return std::isfinite(x) ? format_decimal(x, 4) : ""; };
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(valid_utf8(r.id)), csv_field(valid_utf8(r.name)),
                       r.staff ? num(*r.staff) : "", num(r.fte_needed), num(r.utilisation),
                       num(r.available_hours), num(r.work_hours), num(r.passes),
                       num(r.failure_demand), num(r.cost),
                       csv_field(valid_utf8(join(share_texts(r), "; "))));
  }
  return out;
}

std::string json(const std::vector<LoadRow> &rows, LoadKind kind, std::size_t left_out) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const LoadRow &r : rows) {
    nlohmann::ordered_json shares = nlohmann::ordered_json::array();
    for (const LoadShare &s : r.journeys) {
      shares.push_back({{"journey", s.journey},
                        {"file", s.file},
                        {"work_hours_per_month", tidy_number(s.work_hours)},
                        {kind == LoadKind::Team ? "tasks_per_month" : "contacts_per_month",
                         tidy_number(s.passes)}});
    }
    list.push_back({{"id", r.id},
                    {"name", r.name},
                    {"staff", r.staff ? number_or_null(*r.staff) : nlohmann::ordered_json(nullptr)},
                    {"fte_needed", number_or_null(r.fte_needed)},
                    {"utilisation", number_or_null(r.utilisation)},
                    {"available_hours_per_month", number_or_null(r.available_hours)},
                    {"work_hours_per_month", number_or_null(r.work_hours)},
                    {kind == LoadKind::Team ? "tasks_per_month" : "contacts_per_month",
                     number_or_null(r.passes)},
                    {"failure_demand_per_month", number_or_null(r.failure_demand)},
                    {"cost_per_month", number_or_null(r.cost)},
                    {"journeys", std::move(shares)}});
  }
  nlohmann::ordered_json out{{kind == LoadKind::Team ? "teams" : "channels", std::move(list)},
                             {"journeys_left_out", left_out}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string html(const std::vector<LoadRow> &rows, LoadKind kind, std::size_t left_out) {
  const std::string title = kind == LoadKind::Team ? "Load per team" : "Load per contact channel";
  std::string body = fmt::format(
      "<table class=\"load-table\">\n<thead><tr><th scope=\"col\">{}</th><th "
      "scope=\"col\">Staff</th><th scope=\"col\">FTE needed</th><th "
      "scope=\"col\">Utilisation</th><th scope=\"col\">Work hours / month</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">Failure demand / month</th><th "
      "scope=\"col\">Journeys</th></tr></thead>\n<tbody>\n",
      noun(kind), passes_heading(kind));
  for (const LoadRow &r : rows) {
    std::string journeys;
    for (const std::string &s : share_texts(r)) {
      journeys += "<li>" + escape_html_text(s) + "</li>";
    }
    body += fmt::format("<tr{}><td>{}<div class=\"id\">{}</div></td><td class=\"num\">{}</td><td "
                        "class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
                        r.utilisation >= 1 ? " class=\"overloaded\"" : "",
                        escape_html_text(r.name), escape_html_text(r.id), staff_text(r),
                        format_decimal(r.fte_needed, 1), utilisation_text(r), hours(r.work_hours),
                        format_decimal(r.passes, 0), format_decimal(r.failure_demand, 0),
                        journeys.empty() ? "" : "<ul>" + journeys + "</ul>");
  }
  body += "</tbody>\n</table>\n";
  const std::string note = left_out_note(left_out);
  if (!note.empty()) {
    body += "<p>" + escape_html_text(note) + "</p>\n";
  }
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>{0}</title>\n<style>\n{1}tr.overloaded td{{background:#fdecea}}\n"
                     "</style>\n</head>\n<body>\n<h1>{0}</h1>\n{2}</body>\n</html>\n",
                     title, portfolio_css(), body);
}

} // namespace

std::string format_load_table(const std::vector<LoadRow> &rows, LoadKind kind, TableFormat format,
                              std::size_t journeys_left_out) {
  switch (format) {
  case TableFormat::Markdown:
    return markdown(rows, kind, journeys_left_out);
  case TableFormat::Csv:
    return csv(rows, kind);
  case TableFormat::Json:
    return json(rows, kind, journeys_left_out);
  case TableFormat::Html:
    return html(rows, kind, journeys_left_out);
  }
  return markdown(rows, kind, journeys_left_out);
}

} // namespace journey
