// Text output: clang-style diagnostics with the source line and a caret under the column.
#include "journey/lint/output.h"

#include "journey/model/escape.h"
#include "journey/model/text.h"

#include <fmt/format.h>

#include <map>
#include <vector>

namespace journey {
namespace {

std::string_view line_at(std::string_view text, std::size_t pos);

/// Finds source lines by number, scanning each file once however many findings it has.
class LineIndex {
public:
  std::string_view line(const std::string &file, std::string_view text, std::uint32_t line) {
    std::vector<std::size_t> &starts = starts_[file];
    if (starts.empty()) {
      starts.push_back(0);
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
          starts.push_back(i + 1);
        }
      }
    }
    if (line == 0 || line > starts.size()) {
      return {};
    }
    return line_at(text, starts[line - 1]);
  }

private:
  std::map<std::string, std::vector<std::size_t>> starts_;
};

std::string_view line_at(std::string_view text, std::size_t pos) {
  if (pos > text.size()) {
    return {};
  }
  std::size_t end = text.find('\n', pos);
  std::string_view out = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
  if (!out.empty() && out.back() == '\r') {
    out.remove_suffix(1);
  }
  return out;
}

/// The bytes of `line` before a code-point column.
std::string_view before_column(std::string_view line, std::uint32_t column) {
  std::uint32_t points = 0;
  std::size_t i = 0;
  for (; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xc0) != 0x80 && ++points == column) {
      break;
    }
  }
  return line.substr(0, i);
}

/// Spaces (tabs kept), one per code point of the echoed text before the caret.
std::string caret_padding(std::string_view shown_prefix) {
  std::string pad;
  for (const char c : shown_prefix) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) {
      pad += c == '\t' ? '\t' : ' ';
    }
  }
  return pad;
}

std::string_view severity_color(Severity s) {
  switch (s) {
  case Severity::Error:
    return "\033[1;31m";
  case Severity::Warning:
    return "\033[1;35m";
  default:
    return "\033[1;36m";
  }
}

} // namespace

std::string format_text(const LintReport &report, bool color) {
  const std::string_view bold = color ? "\033[1m" : "";
  const std::string_view reset = color ? "\033[0m" : "";
  const std::string_view green = color ? "\033[1;32m" : "";
  std::string out;
  LineIndex lines;
  for (const Diagnostic &d : report.diagnostics) {
    const std::string file = escape_terminal(d.file);
    std::string where = d.location.known()
                            ? fmt::format("{}:{}:{}", file, d.location.line, d.location.column)
                            : file;
    out += fmt::format("{}{}: {}{}:{} {}{}{} [{}]\n", bold, where,
                       color ? severity_color(d.severity) : "", to_string(d.severity), reset, bold,
                       escape_terminal(d.message), reset, d.rule);
    if (!d.location.known()) {
      continue;
    }
    auto it = report.texts.find(d.file);
    if (it == report.texts.end()) {
      continue;
    }
    std::string_view line = lines.line(d.file, it->second, d.location.line);
    if (line.empty() || line.size() > 500) {
      continue;
    }
    out += fmt::format("{}\n{}{}^{}\n", escape_terminal(line),
                       caret_padding(escape_terminal(before_column(line, d.location.column))),
                       green, reset);
  }
  return out;
}

std::size_t count_severity(const LintReport &report, Severity severity) {
  std::size_t n = 0;
  for (const Diagnostic &d : report.diagnostics) {
    n += d.severity == severity ? 1 : 0;
  }
  return n;
}

std::string summary_line(const LintReport &report) {
  std::string line =
      fmt::format("{}, {} in {}", plural(count_severity(report, Severity::Error), "error", "errors"),
                  plural(count_severity(report, Severity::Warning), "warning", "warnings"),
                  plural(report.files.size(), "file", "files"));
  if (!report.input_errors.empty()) {
    line += "; " + plural(report.input_errors.size(), "input or configuration error",
                          "input or configuration errors");
  }
  return line;
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  return value_of(kOutputFormatNames, name);
}

std::string format_report(const LintReport &report, OutputFormat format, bool color,
                          std::string_view tool_version) {
  switch (format) {
  case OutputFormat::Text:
    return format_text(report, color);
  case OutputFormat::Json:
    return format_json(report);
  case OutputFormat::Sarif:
    return format_sarif(report, tool_version);
  case OutputFormat::Junit:
    return format_junit(report);
  case OutputFormat::Github:
    return format_github(report);
  }
  return {};
}

} // namespace journey
