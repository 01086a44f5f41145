// GitHub Actions output: workflow commands that annotate the pull request's files.
#include "journey/lint/output.h"

#include "journey/model/escape.h"

#include <fmt/format.h>

namespace journey {
namespace {

/// Controls shown visibly (a log viewer is a terminal too), then `%`, CR and LF encoded.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : escape_terminal(s, LineEnds::Keep)) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "notice";
  }
}

} // namespace

std::string format_github(const LintReport &report) {
  std::string out;
  for (const Diagnostic &d : report.diagnostics) {
    std::string props = "file=" + escape_property(d.file);
    if (d.location.known()) {
      props += fmt::format(",line={},col={}", d.location.line, d.location.column);
    }
    props += ",title=" + escape_property(d.rule);
    out += fmt::format("::{} {}::{}\n", command(d.severity), props, escape_data(d.message));
  }
  return out;
}

} // namespace journey
