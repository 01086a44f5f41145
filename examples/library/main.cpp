// Example: parse a journey file with the journey library, list its steps and measure it.
#include <journey/analysis/metrics.h>
#include <cmath>
#include <fstream>
#include <iostream>
#include <journey/model/duration.h>
#include <journey/parse/parse.h>
#include <sstream>

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: journey_example JOURNEY.yaml\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();

  // parse() reads one file; journey::Workspace (journey::journey_load) also merges the shared
  // catalog a journey names with `catalog:`.
  journey::ParseResult parsed = journey::parse(text.str(), argv[1]);
  for (const journey::Diagnostic &d : parsed.diagnostics) {
    std::cerr << d.file << ":" << d.location.line << ":" << d.location.column << ": "
              << journey::to_string(d.severity) << ": " << d.message << " [" << d.rule << "]\n";
  }
  if (!parsed.readable) {
    return 1;
  }
  const journey::Journey &j = parsed.journey;
  std::cout << j.id << ": " << j.title << "\n";
  for (const journey::Step &step : j.steps) {
    std::cout << "  " << step.id << " (" << journey::to_string(step.actor) << "): " << step.name;
    if (step.wait > 0) {
      std::cout << ", waits " << journey::format_duration(step.wait);
    }
    if (step.time > 0) {
      std::cout << ", takes " << journey::format_duration(step.time);
    }
    std::cout << "\n";
  }
  const journey::JourneyMetrics metrics = journey::compute_metrics(j);
  if (std::isfinite(metrics.lead_time.expected)) {
    std::cout << "expected lead time: " << journey::format_duration(metrics.lead_time.expected)
              << "\n";
  } else {
    std::cout << "expected lead time: undefined (" << metrics.problem << ")\n";
  }
  return 0;
}
