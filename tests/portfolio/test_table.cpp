// Intent table: rows, grouping and order, and each format's exact output and escaping.
#include "journey/analysis/metrics.h"
#include "helpers.h"
#include "journey/portfolio/cells.h"
#include "journey/portfolio/table_format.h"

#include <cmath>
#include <doctest/doctest.h>
#include <string>

using namespace journey;

namespace {

IntentRow row_of(std::string_view yaml, std::string_view file) {
  const Journey j = test::parsed(yaml, file);
  return make_intent_row(j, compute_metrics(j));
}

IntentTable small_table() {
  return build_intent_table(
      {row_of(test::kBalance, "balance.yaml"), row_of(test::kApply, "apply.yaml")});
}

} // namespace

TEST_CASE("intent rows: processes by name in order of first use, metrics from the analysis") {
  const IntentRow row = row_of(test::kApply, "apply.yaml");
  CHECK(row.intent == "Help me borrow");
  CHECK(row.title == "Apply online");
  CHECK(row.start == "Needs money");
  CHECK(row.ends == std::vector<std::string>{"Gets the money", "Gives up"});
  CHECK(row.processes == std::vector<std::string>{"Decide on the loan", "Pay out"});
  CHECK(row.owner == "Lending");
  CHECK(row.lead_time == doctest::Approx(26 * 3600.0));
  CHECK(row.handoffs == doctest::Approx(1.0));
}

TEST_CASE("intent table: grouped by intent, no intent last, rows by title, input order ignored") {
  IntentRow b = row_of(test::kApply, "b.yaml");
  b.title = "Borrow in branch";
  IntentRow a = row_of(test::kApply, "a.yaml");
  IntentRow other = row_of(test::kApply, "c.yaml");
  other.intent = "Another intent";
  IntentRow none = row_of(test::kBalance, "d.yaml");
  const IntentTable one = build_intent_table({none, b, a, other});
  const IntentTable two = build_intent_table({a, other, none, b});
  REQUIRE(one.groups.size() == 3);
  CHECK(one.groups[0].intent == "Another intent");
  CHECK(one.groups[1].intent == "Help me borrow");
  CHECK(one.groups[2].intent.empty());
  REQUIRE(one.groups[1].rows.size() == 2);
  CHECK(one.groups[1].rows[0].title == "Apply online");
  CHECK(one.groups[1].rows[1].title == "Borrow in branch");
  CHECK(one.row_count() == 4);
  CHECK(format_table_csv(one) == format_table_csv(two));
}

TEST_CASE("table format md: exact output") {
  CHECK(format_table_markdown(small_table()) ==
        "| Customer intent | Customer journey | Personas | Start point | End points | Existing internal "
        "processes | Owner | Expected lead time | Expected handoffs | NPS | CES | CSAT |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| Help me borrow | Apply online |  | Needs money | Gets the money<br>Gives up | Decide on "
        "the loan<br>Pay out | Lending | 1d 2h | 1 |  |  |  |\n"
        "| (no intent) | Check my balance |  | Wonders | Knows |  |  | 2m | 0 |  |  |  |\n");
}

TEST_CASE("table format csv: exact output") {
  CHECK(format_table_csv(small_table()) ==
        "intent,journey,title,file,start,ends,processes,owner,expected_lead_time_seconds,"
        "expected_lead_time,expected_handoffs,personas,nps,nps_date,nps_sample,ces,ces_date,"
        "ces_sample,csat,csat_date,csat_sample\n"
        "Help me borrow,apply,Apply online,apply.yaml,Needs money,Gets the money; Gives up,"
        "Decide on the loan; Pay out,Lending,93600,1d 2h,1,,,,,,,,,,\n"
        ",balance,Check my balance,balance.yaml,Wonders,Knows,,,120,2m,0,,,,,,,,,,\n");
}

TEST_CASE("table format json: exact output, missing values null") {
  CHECK(format_table_json(small_table()) == R"({
  "intents": [
    {
      "intent": "Help me borrow",
      "journeys": [
        {
          "journey": "apply",
          "title": "Apply online",
          "file": "apply.yaml",
          "start": "Needs money",
          "ends": [
            "Gets the money",
            "Gives up"
          ],
          "processes": [
            "Decide on the loan",
            "Pay out"
          ],
          "owner": "Lending",
          "personas": [],
          "expected_lead_time_seconds": 93600.0,
          "expected_lead_time": "1d 2h",
          "expected_handoffs": 1.0,
          "surveys": {
            "nps": null,
            "ces": null,
            "csat": null
          }
        }
      ]
    },
    {
      "intent": null,
      "journeys": [
        {
          "journey": "balance",
          "title": "Check my balance",
          "file": "balance.yaml",
          "start": "Wonders",
          "ends": [
            "Knows"
          ],
          "processes": [],
          "owner": null,
          "personas": [],
          "expected_lead_time_seconds": 120.0,
          "expected_lead_time": "2m",
          "expected_handoffs": 0.0,
          "surveys": {
            "nps": null,
            "ces": null,
            "csat": null
          }
        }
      ]
    }
  ]
}
)");
}

TEST_CASE("table format html: exact table, a page around it") {
  const IntentTable table = small_table();
  CHECK(intent_table_html(table) ==
        "<div class=\"table-scroll\">\n<table class=\"intent-table\">\n<thead><tr>"
        "<th scope=\"col\"><abbr title=\"Customer intent\">Intent</abbr></th>"
        "<th scope=\"col\"><abbr title=\"Customer journey\">Journey</abbr></th>"
        "<th scope=\"col\">Personas</th><th scope=\"col\"><abbr title=\"Start point\">Start</abbr></th>"
        "<th scope=\"col\"><abbr title=\"End points\">Ends</abbr></th>"
        "<th scope=\"col\"><abbr title=\"Existing internal processes\">Processes</abbr></th>"
        "<th scope=\"col\">Owner</th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Expected lead time\">Lead time</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Expected handoffs\">Handoffs</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Waiting, share of the expected lead time\">Waiting</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Right first time\">RFT</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Expected cost to serve per customer\">Cost</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Share of customers who succeed\">Success</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Net Promoter Score, latest\">NPS</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Customer Effort Score, latest\">CES</abbr></th>"
        "<th scope=\"col\" class=\"num\"><abbr title=\"Customer satisfaction, latest\">CSAT</abbr></th>"
        "</tr></thead>\n"
        "<tbody>\n<tr><th scope=\"rowgroup\" rowspan=\"1\" class=\"intent\">Help me borrow</th>"
        "<td>Apply online<div class=\"id\">apply</div></td><td></td><td>Needs money</td>"
        "<td><ul><li>Gets the money</li><li>Gives up</li></ul></td>"
        "<td><ul><li>Decide on the loan</li><li>Pay out</li></ul></td><td>Lending</td>"
        "<td class=\"num\">1d 2h</td><td class=\"num\">1</td><td class=\"num\">92%</td>"
                "<td class=\"num\">100%</td><td class=\"num\">0.00</td><td class=\"num\">100%</td>"
                "<td></td><td></td><td></td></tr>\n</tbody>\n"
        "<tbody>\n<tr><th scope=\"rowgroup\" rowspan=\"1\" class=\"intent none\">(no intent)</th>"
        "<td>Check my balance<div class=\"id\">balance</div></td><td></td><td>Wonders</td>"
        "<td><ul><li>Knows</li></ul></td><td></td><td></td><td class=\"num\">2m</td>"
        "<td class=\"num\">0</td><td class=\"num\">0%</td><td class=\"num\">100%</td>"
                "<td class=\"num\">0.00</td><td class=\"num\">100%</td><td></td><td></td><td></td></tr>\n</tbody>\n</table>\n</div>\n");
  const std::string page = format_table_html(table);
  CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(page.find(intent_table_html(table)) != std::string::npos);
  CHECK(page.ends_with("</body>\n</html>\n"));
  CHECK(page.find("http") == std::string::npos);
}

TEST_CASE("escaping: markdown pipes and markup, CSV quotes and line breaks, HTML, JSON") {
  CHECK(markdown_cell("a | b \\ c <script>x</script>\nnext") ==
        "a \\| b \\\\ c &lt;script&gt;x&lt;/script&gt;<br>next");
  CHECK(escape_html_text("<script>alert('x')</script> & \"q\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  CHECK(escape_html_text("bad \xff byte\x01") == "bad \xEF\xBF\xBD byte");

  IntentRow row = row_of(test::kApply, "apply.yaml");
  row.title = "<script>alert(1)</script>";
  row.owner = "O'Brien | \"Co\", Ltd";
  row.start = "two\nlines";
  row.ends = {"a|b"};
  const IntentTable table = build_intent_table({row});
  const std::string md = format_table_markdown(table);
  CHECK(md.find("| &lt;script&gt;alert(1)&lt;/script&gt; |") != std::string::npos);
  CHECK(md.find("| O'Brien \\| \"Co\", Ltd |") != std::string::npos);
  CHECK(md.find("| two<br>lines |") != std::string::npos);
  CHECK(md.find("| a\\|b |") != std::string::npos);
  CHECK(md.find("<script>") == std::string::npos);
  const std::string csv = format_table_csv(table);
  CHECK(csv.find(",\"O'Brien | \"\"Co\"\", Ltd\",") != std::string::npos);
  CHECK(csv.find(",\"two\nlines\",") != std::string::npos);
  const std::string html = format_table_html(table);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("O&#39;Brien | &quot;Co&quot;, Ltd") != std::string::npos);
  const std::string json = format_table_json(table);
  CHECK(json.find(R"("title": "<script>alert(1)</script>")") != std::string::npos);
  CHECK(json.find(R"("owner": "O'Brien | \"Co\", Ltd")") != std::string::npos);
  CHECK(json.find(R"("start": "two\nlines")") != std::string::npos);
}

TEST_CASE("cells: short numbers and durations, n/a when undefined") {
  CHECK(format_count(2.0) == "2");
  CHECK(format_count(2.4000000000000004) == "2.4");
  CHECK(format_count(0.256) == "0.26");
  CHECK(format_count(std::nan("")) == "n/a");
  CHECK(format_expected_duration(93600) == "1d 2h");
  CHECK(format_expected_duration(std::nan("")) == "n/a");
  CHECK(parse_table_format("md") == TableFormat::Markdown);
  CHECK(parse_table_format("csv") == TableFormat::Csv);
  CHECK_FALSE(parse_table_format("xls").has_value());
}
