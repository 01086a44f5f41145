// JUnit XML output: one test case per checked file, failing when the file has errors.
#include "journey/lint/output.h"

#include "journey/model/escape.h"
#include "journey/model/text.h"

#include <fmt/format.h>

#include <map>

namespace journey {
namespace {

std::string finding_line(const Diagnostic &d) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", d.file, d.location.line, d.location.column,
                     to_string(d.severity), d.message, d.rule);
}

} // namespace

std::string format_junit(const LintReport &report) {
  std::map<std::string_view, std::vector<const Diagnostic *>> by_file;
  for (const Diagnostic &d : report.diagnostics) {
    by_file[d.file].push_back(&d);
  }
  std::size_t failures = 0;
  std::string cases;
  for (const std::string &file : report.files) {
    std::string errors;
    std::string others;
    std::size_t error_count = 0;
    if (auto it = by_file.find(file); it != by_file.end()) {
      for (const Diagnostic *d : it->second) {
        if (d->severity == Severity::Error) {
          ++error_count;
          errors += finding_line(*d) + "\n";
        } else {
          others += finding_line(*d) + "\n";
        }
      }
    }
    cases += fmt::format("    <testcase classname=\"journey.lint\" name=\"{}\" file=\"{}\">\n",
                         xml_escape(file), xml_escape(file));
    if (error_count > 0) {
      ++failures;
      cases += fmt::format("      <failure type=\"lint\" message=\"{}\">{}</failure>\n",
                           plural(error_count, "error", "errors"), xml_escape(errors));
    }
    if (!others.empty()) {
      cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(others));
    }
    cases += "    </testcase>\n";
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"journey lint\" tests=\"{0}\" failures=\"{1}\">\n"
                     "  <testsuite name=\"journey lint\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" "
                     "skipped=\"0\">\n{2}  </testsuite>\n</testsuites>\n",
                     report.files.size(), failures, cases);
}

} // namespace journey
