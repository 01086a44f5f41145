// Intent table formats: Markdown, CSV (RFC 4180), JSON and HTML, all escaping journey text.
#pragma once

#include "journey/model/names.h"
#include "journey/portfolio/intent_table.h"

#include <optional>
#include <string>
#include <string_view>

namespace journey {

enum class TableFormat { Markdown, Csv, Json, Html };

/// The names of the table formats; `markdown` is another name for `md`.
inline constexpr Named<TableFormat> kTableFormatNames[] = {
    {"md", TableFormat::Markdown}, {"csv", TableFormat::Csv},          {"json", TableFormat::Json},
    {"html", TableFormat::Html},   {"markdown", TableFormat::Markdown}};

/// Parses a name of `kTableFormatNames`; nullopt when unknown.
std::optional<TableFormat> parse_table_format(std::string_view name);

/// A Markdown table; the intent is shown on the first row of its group only.
std::string format_table_markdown(const IntentTable &table);
/// CSV with a header row, fields quoted as RFC 4180 says, `\n` line ends (like `journey
/// metrics`); the intent repeats on every row, lists are joined with `; `.
std::string format_table_csv(const IntentTable &table);
/// `{"intents": [{"intent", "journeys": [...]}]}`; missing values are null.
std::string format_table_json(const IntentTable &table);
/// A standalone HTML page holding the table (see `intent_table_html`).
std::string format_table_html(const IntentTable &table);
/// Dispatches on `format`.
std::string format_table(const IntentTable &table, TableFormat format);

/// The `<table class="intent-table">` element, one `<tbody>` per intent, in a
/// `<div class="table-scroll">` that scrolls sideways only on a screen too narrow for it; short
/// column headings with their full names in `<abbr title>`.
std::string intent_table_html(const IntentTable &table);
/// The style rules of the HTML page and report (no external fonts).
std::string_view portfolio_css();

} // namespace journey
