// Exit codes: input errors first, then errors and missing outputs.
#include "journey/check/exit_code.h"

namespace journey {

int exit_code(const CheckRun &run, bool output_failed) {
  if (!run.input_errors.empty()) {
    return kExitUsage;
  }
  return run.has_errors() || output_failed ? kExitFindings : kExitOk;
}

} // namespace journey
