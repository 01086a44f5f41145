// Lint output formats: SARIF URIs, rule pages and tool execution notifications; JUnit errors.
#include "journey/lint/output.h"
#include "journey/lint/rule.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using namespace journey;

namespace {

Diagnostic finding(std::string file, std::uint32_t line, std::string rule = "dead-end") {
  return Diagnostic{Severity::Error, std::move(rule), "message", std::move(file), {line, 3}};
}

nlohmann::json sarif_of(const LintReport &report) {
  return nlohmann::json::parse(format_sarif(report, "1.2.3"));
}

} // namespace

TEST_CASE("sarif: relative paths under %SRCROOT%, absolute ones as file URIs, all encoded") {
  LintReport report;
  report.diagnostics = {finding("a b/ré#1%.yaml", 4), finding("./j.yaml", 2),
                        finding("/abs/x y.yaml", 1), finding("a:b.yaml", 1)};
  report.source_root = "/work/my repo";
  const nlohmann::json run = sarif_of(report)["runs"][0];
  const auto location = [&](std::size_t i) {
    return run["results"][i]["locations"][0]["physicalLocation"]["artifactLocation"];
  };
  CHECK(location(0) == nlohmann::json{{"uri", "a%20b/r%C3%A9%231%25.yaml"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(location(1) == nlohmann::json{{"uri", "j.yaml"}, {"uriBaseId", "%SRCROOT%"}});
  CHECK(location(2) == nlohmann::json{{"uri", "file:///abs/x%20y.yaml"}});
  CHECK(location(3)["uri"] == "a%3Ab.yaml");
  CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/my%20repo/");
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 4}, {"startColumn", 3}});
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK_FALSE(run["invocations"][0].contains("toolExecutionNotifications"));
}

TEST_CASE("sarif: every rule links its page; the tool its home") {
  const nlohmann::json driver = sarif_of(LintReport{})["runs"][0]["tool"]["driver"];
  CHECK(driver["informationUri"] == std::string(project_url()));
  REQUIRE(driver["rules"].size() == all_rules().size());
  for (const nlohmann::json &rule : driver["rules"]) {
    const std::string id = rule["id"];
    CHECK(rule["helpUri"] == std::string(project_url()) + "/blob/main/docs/rules/" + id + ".md");
  }
}

TEST_CASE("sarif: unread inputs and configuration errors are tool execution notifications") {
  LintReport report;
  report.input_errors = {Diagnostic{Severity::Error, "io", "no such file or directory",
                                    "missing.yaml", {}},
                         Diagnostic{Severity::Error, "config", "unknown rule", ".journeylint.yaml",
                                    {2, 3}}};
  const nlohmann::json run = sarif_of(report)["runs"][0];
  CHECK(run["results"].empty());
  const nlohmann::json invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 2);
  const nlohmann::json io = invocation["toolExecutionNotifications"][0];
  CHECK(io["descriptor"] == nlohmann::json{{"id", "io"}, {"index", 0}});
  CHECK(io["level"] == "error");
  CHECK(io["message"]["text"] == "no such file or directory");
  CHECK(io["locations"][0]["physicalLocation"] ==
        nlohmann::json{{"artifactLocation", {{"uri", "missing.yaml"}, {"uriBaseId", "%SRCROOT%"}}}});
  const nlohmann::json config = invocation["toolExecutionNotifications"][1];
  CHECK(config["descriptor"]["id"] == "config");
  CHECK(config["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  CHECK(run["tool"]["driver"]["notifications"][1]["id"] == "config");
}

TEST_CASE("junit: an unread input is a test case with an error") {
  LintReport report;
  report.files = {"a.yaml"};
  report.diagnostics = {finding("a.yaml", 3)};
  report.input_errors = {
      Diagnostic{Severity::Error, "io", "no such file or directory", "gone & lost.yaml", {}}};
  const std::string xml = format_junit(report);
  CHECK(xml.find("<testsuites name=\"journey lint\" tests=\"2\" failures=\"1\" errors=\"1\">") !=
        std::string::npos);
  CHECK(xml.find("<testcase classname=\"journey.lint\" name=\"gone &amp; lost.yaml\" "
                 "file=\"gone &amp; lost.yaml\">\n      <error type=\"io\" message=\"no such file "
                 "or directory\">gone &amp; lost.yaml:0:0: error: no such file or directory "
                 "[io]\n</error>") != std::string::npos);
}
