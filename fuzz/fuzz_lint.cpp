// Fuzz harness: journey YAML through the parser, every lint rule and every lint output format.
#include "check.h"

#include "journey/lint/lint.h"
#include "journey/lint/output.h"
#include "journey/lint/rule.h"
#include "journey/parse/parse.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  auto parsed = journey::parse(text, "fuzz.yaml");

  journey::LintConfig config;
  config.budgets.lead_time = 3600.0;
  config.budgets.wait_time = 600.0;
  config.budgets.handoffs = 1.0;
  config.budgets.channel_switches = 1.0;
  config.budgets.cost = 10.0;
  config.budgets.right_first_time = 0.9;
  const auto diagnostics = journey::lint(parsed.journey, std::move(parsed.diagnostics),
                                         parsed.readable, text, config);

  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto &d : diagnostics) {
    FUZZ_CHECK(journey::find_rule(d.rule) != nullptr, "every finding names a registered rule");
    FUZZ_CHECK(!d.message.empty(), "every finding says what is wrong");
    FUZZ_CHECK(d.severity != journey::Severity::Off, "findings set to off are dropped");
    FUZZ_CHECK(d.location.line <= lines, "a finding points into the text");
  }
  // Text that cannot be read as a journey is an error, unless a comment names the rule of each
  // error saying why (as docs/rules/yaml-syntax.md allows); `disable=all` does not hide them.
  if (!parsed.readable && !journey::has_errors(diagnostics)) {
    auto again = journey::parse(text, "fuzz.yaml");
    const auto unsuppressed = journey::lint(again.journey, std::move(again.diagnostics),
                                            again.readable, std::string_view(), config);
    FUZZ_CHECK(journey::has_errors(unsuppressed), "text that is not a journey is an error");
    for (const auto &d : unsuppressed) {
      FUZZ_CHECK(d.severity != journey::Severity::Error ||
                     text.find("disable=" + d.rule) != std::string_view::npos ||
                     text.find("," + d.rule) != std::string_view::npos,
                 "only a comment naming its rule hides why a text is not a journey");
    }
  }

  journey::LintReport report;
  report.diagnostics = diagnostics;
  report.files = {"fuzz.yaml"};
  report.texts["fuzz.yaml"] = std::string(text);
  // Text, GitHub and JSON print what the input says; SARIF and JUnit mostly print the rule table,
  // which costs far more than the lint itself, so they run on a share of the inputs.
  for (const auto &[name, format] : journey::kOutputFormatNames) {
    if ((format == journey::OutputFormat::Sarif && size % 8 != 0) ||
        (format == journey::OutputFormat::Junit && size % 4 != 1)) {
      continue;
    }
    const std::string out =
        journey::format_report(report, format, format == journey::OutputFormat::Text, "0");
    FUZZ_CHECK(!out.empty() || diagnostics.empty(), "findings are printed");
  }
  journey::summary_line(report);
  return 0;
}
