// Fuzz harness: journey YAML through the parser and every view, by process and by step, to DOT
// that Graphviz must read.
#include "check.h"

#include "journey/parse/parse.h"
#include "journey/render/views.h"

#include <graphviz/cgraph.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

/// Graphviz's parser reads the text as one graph (no layout: that is Graphviz's cost, not ours).
bool graphviz_reads(const std::string &dot) {
  agseterr(AGMAX); // parse errors are the finding; keep the run quiet
  Agraph_t *graph = agmemread(dot.c_str());
  agreseterrors();
  if (graph == nullptr) {
    return false;
  }
  agclose(graph);
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const auto parsed = journey::parse(text, "fuzz.yaml");
  if (!parsed.readable || parsed.journey.steps.empty()) {
    return 0;
  }
  for (const auto &[name, view] : journey::kViewNames) {
    for (const journey::Detail detail : {journey::Detail::Processes, journey::Detail::Steps}) {
      if (detail == journey::Detail::Steps && view == journey::View::OutsideIn) {
        continue;
      }
      journey::ViewOptions options;
      options.detail = detail;
      const std::string dot = journey::build_view(parsed.journey, view, options).to_dot();
      FUZZ_CHECK(dot.starts_with("digraph"), "a view is a directed graph");
      FUZZ_CHECK(graphviz_reads(dot), "Graphviz reads the DOT of every view");
    }
  }
  return 0;
}
