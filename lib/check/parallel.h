// Parallel work over an index: the files of a run checked on several threads, results by index.
#pragma once

#include <cstddef>
#include <functional>

namespace journey {

/// The number of threads `jobs` asks for: itself, or every core when 0.
unsigned resolve_jobs(unsigned jobs);

/// Calls `work(i)` for every i in [0, count) on up to `jobs` threads (0: every core), each index
/// once; results are meant to be stored by index, so the order of the output never depends on
/// the threads. While the work runs, `tick(done)` is called on the calling thread about every
/// 100 ms, and once at the end with `count`. The first exception `work` throws is rethrown here
/// once every thread has stopped.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)> &work,
                  const std::function<void(std::size_t)> &tick = {});

} // namespace journey
