// JUnit XML output: one test case per checked file, failing when the file has errors, and an
// error (not a failure) for each input that could not be read or configured.
#include "journey/lint/output.h"

#include "journey/model/escape.h"
#include "journey/model/text.h"

#include <fmt/format.h>

#include <map>
#include <set>

namespace journey {
namespace {

std::string finding_line(const Diagnostic &d) {
  return fmt::format("{}:{}:{}: {}: {} [{}]", d.file, d.location.line, d.location.column,
                     to_string(d.severity), d.message, d.rule);
}

/// `<error>` with every input error of one file, or nothing.
std::string error_element(const std::vector<const Diagnostic *> &input_errors) {
  if (input_errors.empty()) {
    return {};
  }
  std::string lines;
  for (const Diagnostic *d : input_errors) {
    lines += finding_line(*d) + "\n";
  }
  const std::string message = input_errors.size() == 1
                                  ? input_errors.front()->message
                                  : plural(input_errors.size(), "input error", "input errors");
  return fmt::format("      <error type=\"{}\" message=\"{}\">{}</error>\n",
                     xml_escape(input_errors.front()->rule), xml_escape(message), xml_escape(lines));
}

} // namespace

std::string format_junit(const LintReport &report) {
  std::map<std::string_view, std::vector<const Diagnostic *>> by_file;
  for (const Diagnostic &d : report.diagnostics) {
    by_file[d.file].push_back(&d);
  }
  std::map<std::string_view, std::vector<const Diagnostic *>> input_errors;
  for (const Diagnostic &d : report.input_errors) {
    input_errors[d.file].push_back(&d);
  }
  std::vector<std::string_view> files(report.files.begin(), report.files.end());
  const std::set<std::string_view> checked(files.begin(), files.end());
  for (const auto &[file, errors] : input_errors) {
    if (!checked.contains(file)) {
      files.push_back(file);
    }
  }
  std::size_t failures = 0;
  std::string cases;
  for (std::string_view file : files) {
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
    if (auto it = input_errors.find(file); it != input_errors.end()) {
      cases += error_element(it->second);
    }
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
                     "<testsuites name=\"journey lint\" tests=\"{0}\" failures=\"{1}\" "
                     "errors=\"{2}\">\n"
                     "  <testsuite name=\"journey lint\" tests=\"{0}\" failures=\"{1}\" errors=\"{2}\" "
                     "skipped=\"0\">\n{3}  </testsuite>\n</testsuites>\n",
                     files.size(), failures, input_errors.size(), cases);
}

} // namespace journey
