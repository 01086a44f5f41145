// SARIF 2.1.0 output, as GitHub code scanning accepts it.
#include "journey/lint/output.h"

#include "journey/lint/rule.h"

#include <nlohmann/json.hpp>

#include <map>

namespace journey {
namespace {

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

/// A relative URI reference: forward slashes, reserved characters percent-encoded.
std::string to_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else if (c == '\\') {
      out += '/';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (out.rfind("./", 0) == 0) {
    out.erase(0, 2);
  }
  return out;
}

} // namespace

std::string format_sarif(const LintReport &report, std::string_view tool_version) {
  using Json = nlohmann::ordered_json;
  Json rules = Json::array();
  std::map<std::string_view, std::size_t> rule_index;
  for (const Rule &r : all_rules()) {
    rule_index[r.id] = rules.size();
    rules.push_back({{"id", std::string(r.id)},
                     {"name", std::string(r.id)},
                     {"shortDescription", {{"text", std::string(r.summary)}}},
                     {"fullDescription", {{"text", std::string(r.summary)}}},
                     {"help", {{"text", std::string(r.summary) + ". What it finds, why it matters "
                                                                   "and how to fix it: docs/rules/" +
                                            std::string(r.id) + ".md"}}},
                     {"defaultConfiguration", {{"level", std::string(sarif_level(r.default_severity))}}}});
  }
  Json results = Json::array();
  for (const Diagnostic &d : report.diagnostics) {
    Json region = {{"startLine", std::max<std::uint32_t>(1, d.location.line)}};
    if (d.location.column > 0) {
      region["startColumn"] = d.location.column;
    }
    Json result = {{"ruleId", d.rule}};
    if (auto it = rule_index.find(d.rule); it != rule_index.end()) {
      result["ruleIndex"] = it->second;
    }
    result["level"] = std::string(sarif_level(d.severity));
    result["message"] = {{"text", d.message}};
    result["locations"] = Json::array(
        {{{"physicalLocation",
           {{"artifactLocation", {{"uri", to_uri(d.file)}, {"uriBaseId", "%SRCROOT%"}}},
            {"region", region}}}}});
    results.push_back(std::move(result));
  }
  Json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", Json::array({{{"tool",
                              {{"driver",
                                {{"name", "journey"},
                                 {"version", std::string(tool_version)},
                                 {"rules", rules}}}}},
                             {"columnKind", "unicodeCodePoints"},
                             {"results", results}}})}};
  return sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace journey
