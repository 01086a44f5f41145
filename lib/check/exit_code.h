// Exit codes: the one convention every `journey` command follows.
#pragma once

#include "journey/check/check.h"

#include <string_view>

namespace journey {

/// Done: no finding at error severity, every output produced.
inline constexpr int kExitOk = 0;
/// A finding at error severity (for `lint` also warnings with --strict or over --max-warnings;
/// for `diff` a regression with --fail-on-regression), or an output that could not be produced
/// for some journey (a diagram Graphviz could not draw).
inline constexpr int kExitFindings = 1;
/// Bad usage, unreadable inputs, bad configuration, or an output that cannot be written.
inline constexpr int kExitUsage = 2;
/// An internal error (an exception escaped a command).
inline constexpr int kExitInternal = 3;

/// The exit codes as `journey --help` lists them.
inline constexpr std::string_view kExitCodesHelp =
    "Exit codes: 0 ok; 1 findings at error severity, or an output Graphviz could not draw;\n"
    "2 usage errors, unreadable inputs, bad configuration or an unwritable output;\n"
    "3 internal error.";

/// The exit code of a command over `run` whose outputs were written: kExitUsage for input
/// errors, kExitFindings for findings at error severity, a journey left out, or `output_failed`
/// (some journey's output could not be produced), else kExitOk.
int exit_code(const CheckRun &run, bool output_failed = false);

} // namespace journey
