// SARIF 2.1.0 output, as GitHub code scanning and SARIF viewers accept it.
#include "journey/lint/output.h"

#include "journey/lint/rule.h"

#include <nlohmann/json.hpp>

#include <map>

namespace journey {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSourceRoot = "%SRCROOT%";

std::string_view sarif_level(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  default:
    return "note";
  }
}

/// RFC 3986 percent-encoding of a path: unreserved characters and `/` stay, every other byte
/// (reserved characters, spaces, `%`, each byte of UTF-8) becomes `%XX`.
std::string encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

/// A `file://` URI of an absolute path, ending with `/` when `folder`.
std::string file_uri(std::string_view absolute, bool folder) {
  std::string uri = "file://" + encode_path(absolute);
  if (folder && uri.back() != '/') {
    uri += '/';
  }
  return uri;
}

/// Where a finding's file is: absolute paths as `file://` URIs (a URI with a `uriBaseId` must be
/// relative), relative ones as relative references under `%SRCROOT%`.
Json artifact_location(std::string_view file) {
  if (file.starts_with('/')) {
    return {{"uri", file_uri(file, false)}};
  }
  while (file.starts_with("./")) {
    file.remove_prefix(2);
  }
  return {{"uri", encode_path(file)}, {"uriBaseId", kSourceRoot}};
}

Json physical_location(const Diagnostic &d) {
  Json physical = {{"artifactLocation", artifact_location(d.file)}};
  if (d.location.known()) {
    Json region = {{"startLine", d.location.line}};
    if (d.location.column > 0) {
      region["startColumn"] = d.location.column;
    }
    physical["region"] = std::move(region);
  }
  return {{"physicalLocation", std::move(physical)}};
}

/// What input errors are about, for `toolExecutionNotifications[].descriptor`.
struct NotificationKind {
  std::string_view id;
  std::string_view summary;
};
constexpr NotificationKind kNotifications[] = {
    {"io", "an input that cannot be read: a missing file, a folder without journeys, no permission"},
    {"config", "a `.journeylint.yaml` that cannot be read or has mistakes"}};

Json tool_driver(std::string_view tool_version, Json rules) {
  Json notifications = Json::array();
  for (const NotificationKind &n : kNotifications) {
    notifications.push_back({{"id", n.id}, {"shortDescription", {{"text", n.summary}}}});
  }
  return {{"name", "journey"},
          {"version", tool_version},
          {"informationUri", project_url()},
          {"rules", std::move(rules)},
          {"notifications", std::move(notifications)}};
}

Json notification(const Diagnostic &d, const std::map<std::string_view, std::size_t> &rule_index) {
  Json n = {{"level", sarif_level(d.severity)}, {"message", {{"text", d.message}}}};
  if (!d.file.empty()) {
    n["locations"] = Json::array({physical_location(d)});
  }
  for (std::size_t i = 0; i < std::size(kNotifications); ++i) {
    if (kNotifications[i].id == d.rule) {
      n["descriptor"] = {{"id", d.rule}, {"index", i}};
    }
  }
  if (auto it = rule_index.find(d.rule); it != rule_index.end()) {
    n["associatedRule"] = {{"id", d.rule}, {"index", it->second}};
  }
  return n;
}

} // namespace

std::string format_sarif(const LintReport &report, std::string_view tool_version) {
  Json rules = Json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const Rule &r : all_rules()) {
    rule_index[r.id] = rules.size();
    const std::string url = rule_url(r.id);
    rules.push_back({{"id", r.id},
                     {"name", r.id},
                     {"shortDescription", {{"text", r.summary}}},
                     {"fullDescription", {{"text", r.summary}}},
                     {"helpUri", url},
                     {"help",
                      {{"text", std::string(r.summary) +
                                    ". What it finds, why it matters and how to fix it: " + url},
                       {"markdown", std::string(r.summary) +
                                        ". What it finds, why it matters and how to fix it: [" +
                                        std::string(r.id) + "](" + url + ")"}}},
                     {"defaultConfiguration", {{"level", sarif_level(r.default_severity)}}}});
  }
  Json results = Json::array();
  for (const Diagnostic &d : report.diagnostics) {
    Json result = {{"ruleId", d.rule}};
    if (auto it = rule_index.find(d.rule); it != rule_index.end()) {
      result["ruleIndex"] = it->second;
    }
    result["level"] = sarif_level(d.severity);
    result["message"] = {{"text", d.message}};
    result["locations"] = Json::array({physical_location(d)});
    results.push_back(std::move(result));
  }
  Json notifications = Json::array();
  for (const Diagnostic &d : report.input_errors) {
    notifications.push_back(notification(d, rule_index));
  }
  Json invocation = {{"executionSuccessful", report.input_errors.empty()}};
  if (!notifications.empty()) {
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }
  Json root = {{"description", {{"text", "the folder journey lint ran in"}}}};
  if (report.source_root.starts_with('/')) {
    root = {{"uri", file_uri(report.source_root, true)}};
  }
  Json run = {{"tool", {{"driver", tool_driver(tool_version, std::move(rules))}}},
              {"invocations", Json::array({std::move(invocation)})},
              {"originalUriBaseIds", {{kSourceRoot, std::move(root)}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  Json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Json::array({std::move(run)})}};
  return sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace journey
