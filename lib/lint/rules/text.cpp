// Wording shared by the rules' messages.
#include "journey/lint/rules/text.h"

#include <fmt/format.h>

namespace journey::rules {

std::string step_name(const Step &step) {
  if (!step.id.empty()) {
    return fmt::format("step `{}`", step.id);
  }
  return fmt::format("the step at line {}", either(step.id_location, step.location).line);
}

std::string step_list(const Journey &journey, std::span<const std::size_t> steps,
                      std::string_view separator) {
  constexpr std::size_t kHead = 3;
  constexpr std::size_t kTail = 2;
  auto id = [&](std::size_t s) {
    const Step &step = journey.steps[s];
    return step.id.empty() ? fmt::format("(line {})", step.id_location.line)
                           : fmt::format("`{}`", step.id);
  };
  std::string out;
  const bool shorten = steps.size() > kHead + kTail + 1;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (shorten && i == kHead) {
      out += separator;
      out += "…";
      i = steps.size() - kTail;
    }
    if (i > 0) {
      out += separator;
    }
    out += id(steps[i]);
  }
  if (shorten) {
    out += fmt::format(" ({} steps)", steps.size());
  }
  return out;
}

} // namespace journey::rules
