// docs/format.md and the parser agree: each duration the docs show reads as the docs say, and
// each mistake they list gives exactly the documented message.
#include "helpers.h"

#include "journey/model/duration.h"
#include "journey/model/text.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace journey;
using journey::test::dump;
using journey::test::read_source_file;

namespace {

/// The rows of the Markdown table between `<!-- begin NAME -->` and `<!-- end NAME -->` in
/// docs/format.md, header and rule left out, each as its trimmed cells.
std::vector<std::vector<std::string>> doc_table(std::string_view name) {
  const std::string doc = read_source_file("docs/format.md");
  const std::size_t from = doc.find("<!-- begin " + std::string(name) + " -->");
  const std::size_t to = doc.find("<!-- end " + std::string(name) + " -->");
  std::vector<std::vector<std::string>> rows;
  if (from == std::string::npos || to == std::string::npos || to < from) {
    return rows;
  }
  std::istringstream in(doc.substr(from, to - from));
  std::string line;
  int seen = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() != '|' || ++seen <= 2) {
      continue;
    }
    std::vector<std::string> cells;
    std::size_t start = 1;
    for (std::size_t bar = line.find('|', start); bar != std::string::npos;
         bar = line.find('|', start)) {
      cells.emplace_back(trim(std::string_view(line).substr(start, bar - start)));
      start = bar + 1;
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

/// The texts written in backticks in a cell: "`1h30m`, `1h 30m`" is {"1h30m", "1h 30m"}.
std::vector<std::string> code_spans(const std::string &cell) {
  std::vector<std::string> out;
  for (std::size_t open = cell.find('`'); open != std::string::npos;) {
    const std::size_t close = cell.find('`', open + 1);
    if (close == std::string::npos) {
      break;
    }
    out.push_back(cell.substr(open + 1, close - open - 1));
    open = cell.find('`', close + 1);
  }
  return out;
}

} // namespace

TEST_CASE("docs/format.md: every accepted duration reads as the docs say") {
  const auto rows = doc_table("durations-accepted");
  REQUIRE(rows.size() >= 10);
  std::size_t checked = 0;
  for (const auto &row : rows) {
    REQUIRE(row.size() >= 2);
    const std::vector<std::string> written = code_spans(row[0]);
    std::vector<double> seconds;
    std::istringstream values(row[1]);
    for (std::string v; std::getline(values, v, ',');) {
      seconds.push_back(std::stod(std::string(trim(v))));
    }
    REQUIRE(!written.empty());
    REQUIRE((seconds.size() == written.size() || seconds.size() == 1));
    for (std::size_t i = 0; i < written.size(); ++i) {
      CAPTURE(written[i]);
      const Expected<Seconds> value = parse_duration(written[i]);
      REQUIRE(value.has_value());
      CHECK(*value == doctest::Approx(seconds.size() == 1 ? seconds[0] : seconds[i]));
      ++checked;
    }
  }
  CHECK(checked >= 18);
}

TEST_CASE("docs/format.md: every duration mistake gives the documented message") {
  const auto rows = doc_table("duration-errors");
  REQUIRE(rows.size() >= 10);
  for (const auto &row : rows) {
    REQUIRE(row.size() >= 2);
    const std::vector<std::string> written = code_spans(row[0]);
    REQUIRE(written.size() == 1);
    CAPTURE(written[0]);
    const ParseResult r =
        parse(journey::test::with_steps("  - id: a\n    wait: \"" + written[0] + "\"\n"), "d.yaml");
    INFO(dump(r.diagnostics));
    const std::string expected = "`wait`: bad duration `" + written[0] + "`: " + row[1];
    const Diagnostic *d = journey::test::find(r.diagnostics, "invalid-value", "`wait`");
    REQUIRE(d != nullptr);
    CHECK(d->message == expected);
    CHECK(journey::test::at(d->location) == "5:11");
  }
}
