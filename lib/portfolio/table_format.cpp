// Intent table formats: one function per format, deterministic and escaped.
#include "journey/portfolio/table_format.h"

#include "journey/portfolio/cells.h"

#include <array>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace journey {
namespace {

constexpr std::array<std::string_view, 12> kColumns{"Customer intent",
                                                    "Customer journey",
                                                    "Personas",
                                                    "Start point",
                                                    "End points",
                                                    "Existing internal processes",
                                                    "Owner",
                                                    "Expected lead time",
                                                    "Expected handoffs",
                                                    "NPS",
                                                    "CES",
                                                    "CSAT"};

/// The latest score as a cell: `+12 (2025-03-31, n=400)`; empty when there is none.
std::string score_cell(const IntentRow &row, std::size_t m) {
  const std::optional<ScorePoint> &p = row.scores[m];
  if (!p) {
    return {};
  }
  const std::string n = p->sample ? ", n=" + format_count(*p->sample) : "";
  return fmt::format("{} ({}{})", format_score(kSurveyMeasures[m], p->value), p->date, n);
}

/// A column of the HTML table: its short heading and, when that is not the whole name, the full
/// name (shown as a tooltip and read out by screen readers).
struct HtmlColumn {
  std::string_view heading;
  std::string_view full;
  bool number = false; ///< right-aligned, as its cells
};

/// The HTML table's columns: those of `kColumns` with shorter headings, so that the sixteen fit a
/// page 1280 pixels wide, and the headline figures of the report after the handoffs.
constexpr std::array<HtmlColumn, 16> kHtmlColumns{{
    {"Intent", "Customer intent"},
    {"Journey", "Customer journey"},
    {"Personas", ""},
    {"Start", "Start point"},
    {"Ends", "End points"},
    {"Processes", "Existing internal processes"},
    {"Owner", ""},
    {"Lead time", "Expected lead time", true},
    {"Handoffs", "Expected handoffs", true},
    {"Waiting", "Waiting, share of the expected lead time", true},
    {"RFT", "Right first time", true},
    {"Cost", "Expected cost to serve per customer", true},
    {"Success", "Share of customers who succeed", true},
    {"NPS", "Net Promoter Score, latest", true},
    {"CES", "Customer Effort Score, latest", true},
    {"CSAT", "Customer satisfaction, latest", true},
}};

std::string html_percent(double p) {
  return std::isfinite(p) ? format_percent(p, 0) : "n/a";
}

/// A CSV field of user text, cleaned to valid UTF-8 first.
std::string csv_text(std::string_view text) {
  return csv_field(valid_utf8(text));
}

std::string markdown_list(const std::vector<std::string> &items) {
  std::string out;
  for (const std::string &item : items) {
    out += (out.empty() ? "" : "<br>") + markdown_cell(item);
  }
  return out;
}

std::string html_list(const std::vector<std::string> &items) {
  if (items.empty()) {
    return "";
  }
  std::string out = "<ul>";
  for (const std::string &item : items) {
    out += "<li>" + escape_html_text(item) + "</li>";
  }
  return out + "</ul>";
}

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(tidy_number(value))
                              : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json text_or_null(const std::string &text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

/// `{"nps": {"value", "date", "sample"}, "ces": ..., "csat": ...}`, null where there is none.
nlohmann::ordered_json scores_json(const IntentRow &row) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t m = 0; m < kSurveyMeasures.size(); ++m) {
    const std::optional<ScorePoint> &p = row.scores[m];
    out[std::string(survey_scale(kSurveyMeasures[m]).key)] =
        p ? nlohmann::ordered_json{{"value", tidy_number(p->value)},
                                   {"date", p->date},
                                   {"sample", p->sample ? nlohmann::ordered_json(*p->sample)
                                                        : nlohmann::ordered_json(nullptr)}}
          : nlohmann::ordered_json(nullptr);
  }
  return out;
}

} // namespace

std::optional<TableFormat> parse_table_format(std::string_view name) {
  return value_of(kTableFormatNames, name);
}

std::string format_table_markdown(const IntentTable &table) {
  std::string out = "|";
  for (std::string_view c : kColumns) {
    out += fmt::format(" {} |", c);
  }
  out += "\n|";
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    out += " --- |";
  }
  out += "\n";
  for (const IntentGroup &group : table.groups) {
    bool first = true;
    for (const IntentRow &row : group.rows) {
      out +=
          fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                      first ? markdown_cell(intent_heading(group.intent)) : "",
                      markdown_cell(row.title), markdown_list(row.personas),
                      markdown_cell(row.start), markdown_list(row.ends),
                      markdown_list(row.processes), markdown_cell(row.owner),
                      format_expected_duration(row.lead_time), format_count(row.handoffs),
                      markdown_cell(score_cell(row, 0)), markdown_cell(score_cell(row, 1)),
                      markdown_cell(score_cell(row, 2)));
      first = false;
    }
  }
  return out;
}

std::string format_table_csv(const IntentTable &table) {
  std::string out = "intent,journey,title,file,start,ends,processes,owner,"
                    "expected_lead_time_seconds,expected_lead_time,expected_handoffs,personas,"
                    "nps,nps_date,nps_sample,ces,ces_date,ces_sample,csat,csat_date,"
                    "csat_sample\n";
  for (const IntentGroup &group : table.groups) {
    for (const IntentRow &row : group.rows) {
      const std::string seconds =
          std::isfinite(row.lead_time) ? fmt::format("{}", std::llround(row.lead_time)) : "";
      const std::string handoffs = std::isfinite(row.handoffs) ? format_count(row.handoffs) : "";
      const std::string lead = std::isfinite(row.lead_time) ? format_duration(row.lead_time) : "";
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}", csv_text(group.intent),
                         csv_text(row.journey), csv_text(row.title), csv_text(row.file),
                         csv_text(row.start), csv_text(join(row.ends, "; ")),
                         csv_text(join(row.processes, "; ")), csv_text(row.owner), seconds,
                         csv_text(lead), handoffs, csv_text(join(row.personas, "; ")));
      for (const std::optional<ScorePoint> &p : row.scores) {
        out += p ? fmt::format(",{},{},{}", format_decimal(p->value, 2), p->date,
                               p->sample ? format_count(*p->sample) : "")
                 : ",,,";
      }
      out += "\n";
    }
  }
  return out;
}

std::string format_table_json(const IntentTable &table) {
  nlohmann::ordered_json intents = nlohmann::ordered_json::array();
  for (const IntentGroup &group : table.groups) {
    nlohmann::ordered_json journeys = nlohmann::ordered_json::array();
    for (const IntentRow &row : group.rows) {
      journeys.push_back({
          {"journey", row.journey},
          {"title", row.title},
          {"file", row.file},
          {"start", text_or_null(row.start)},
          {"ends", row.ends},
          {"processes", row.processes},
          {"owner", text_or_null(row.owner)},
          {"personas", row.personas},
          {"expected_lead_time_seconds", number_or_null(row.lead_time)},
          {"expected_lead_time", std::isfinite(row.lead_time)
                                     ? nlohmann::ordered_json(format_duration(row.lead_time))
                                     : nlohmann::ordered_json(nullptr)},
          {"expected_handoffs", number_or_null(row.handoffs)},
          {"surveys", scores_json(row)},
      });
    }
    intents.push_back({{"intent", text_or_null(group.intent)}, {"journeys", std::move(journeys)}});
  }
  nlohmann::ordered_json out{{"intents", std::move(intents)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string intent_table_html(const IntentTable &table) {
  std::string out = "<div class=\"table-scroll\">\n<table class=\"intent-table\">\n<thead><tr>";
  for (const HtmlColumn &c : kHtmlColumns) {
    const std::string heading =
        c.full.empty() ? std::string(c.heading)
                       : fmt::format("<abbr title=\"{}\">{}</abbr>", c.full, c.heading);
    out += fmt::format("<th scope=\"col\"{}>{}</th>", c.number ? " class=\"num\"" : "", heading);
  }
  out += "</tr></thead>\n";
  for (const IntentGroup &group : table.groups) {
    out += "<tbody>\n";
    bool first = true;
    for (const IntentRow &row : group.rows) {
      out += "<tr>";
      if (first) {
        out += fmt::format("<th scope=\"rowgroup\" rowspan=\"{}\" class=\"intent{}\">{}</th>",
                           group.rows.size(), group.intent.empty() ? " none" : "",
                           escape_html_text(intent_heading(group.intent)));
      }
      out += fmt::format("<td>{}<div class=\"id\">{}</div></td><td>{}</td><td>{}</td><td>{}</td>"
                         "<td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
                         escape_html_text(row.title), escape_html_text(row.journey),
                         html_list(row.personas),
                         escape_html_text(row.start), html_list(row.ends), html_list(row.processes),
                         escape_html_text(row.owner), format_expected_duration(row.lead_time),
                         format_count(row.handoffs));
      out += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td>"
                         "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                         html_percent(row.wait_share), html_percent(row.right_first_time),
                         std::isfinite(row.cost) ? fmt::format("{:.2f}", row.cost) : "n/a",
                         html_percent(row.success));
      for (std::size_t m = 0; m < kSurveyMeasures.size(); ++m) {
        const std::optional<ScorePoint> &p = row.scores[m];
        // The date and the sample wrap between them, never inside.
        out += p ? fmt::format("<td class=\"num\">{}<div class=\"id\"><span>{}{}</span>{}</div></td>",
                               escape_html_text(format_score(kSurveyMeasures[m], p->value)),
                               escape_html_text(p->date), p->sample ? "," : "",
                               p->sample ? " <span>n=" + format_count(*p->sample) + "</span>" : "")
                 : std::string("<td></td>");
      }
      out += "</tr>\n";
      first = false;
    }
    out += "</tbody>\n";
  }
  return out + "</table>\n</div>\n";
}

std::string_view portfolio_css() {
  return R"(body{font-family:Helvetica,Arial,sans-serif;color:#333;margin:2em;line-height:1.4}
h1,h2,h3{font-weight:600}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;text-align:left}
thead th{background:#f3f3f3}
th.intent{background:#fbfbfb;max-width:14em}
th.intent.none{color:#888;font-style:italic}
td.num{text-align:right;white-space:nowrap}
td ul{margin:0;padding-left:1.1em}
.id{color:#888;font-size:.85em;font-family:monospace}
.table-scroll{overflow-x:auto}
table.intent-table{width:100%;font-size:.85em}
table.intent-table th,table.intent-table td{padding:.3em .4em;overflow-wrap:break-word}
table.intent-table thead th{vertical-align:bottom}
table.intent-table thead th.num{text-align:right}
table.intent-table td.num{font-variant-numeric:tabular-nums}
table.intent-table td.num .id{white-space:normal;font-size:.8em}
table.intent-table td.num .id span{white-space:nowrap}
table.intent-table ul{padding-left:.9em}
abbr[title]{text-decoration:underline dotted #aaa;cursor:help}
@media print{.table-scroll{overflow:visible}}
)";
}

std::string format_table_html(const IntentTable &table) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<title>Intent table</title>\n<style>\n{}</style>\n</head>\n<body>\n"
                     "<h1>Intent table</h1>\n{}</body>\n</html>\n",
                     portfolio_css(), intent_table_html(table));
}

std::string format_table(const IntentTable &table, TableFormat format) {
  switch (format) {
  case TableFormat::Markdown:
    return format_table_markdown(table);
  case TableFormat::Csv:
    return format_table_csv(table);
  case TableFormat::Json:
    return format_table_json(table);
  case TableFormat::Html:
    return format_table_html(table);
  }
  return format_table_markdown(table);
}

} // namespace journey
