// Fuzz harness checks: a broken invariant aborts with a message, which libFuzzer records as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

/// Aborts the run when `condition` is false, naming the harness's invariant.
#define FUZZ_CHECK(condition, what)                                                           \
  do {                                                                                         \
    if (!(condition)) {                                                                        \
      std::fprintf(stderr, "fuzz invariant broken: %s (%s)\n", what, #condition);             \
      std::abort();                                                                            \
    }                                                                                          \
  } while (false)
