// Parallel work over an index with std::thread workers taking the next index from a counter.
#include "journey/check/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace journey {

namespace {

constexpr auto kTick = std::chrono::milliseconds(100);

} // namespace

unsigned resolve_jobs(unsigned jobs) {
  return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)> &work,
                  const std::function<void(std::size_t)> &tick) {
  const std::size_t threads = std::min<std::size_t>(resolve_jobs(jobs), count);
  if (threads <= 1) {
    auto last = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < count; ++i) {
      work(i);
      if (tick && std::chrono::steady_clock::now() - last >= kTick) {
        last = std::chrono::steady_clock::now();
        tick(i + 1);
      }
    }
    if (tick) {
      tick(count);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable finished;
  std::size_t running = threads;
  const auto worker = [&] {
    for (std::size_t i = next++; i < count && !stop; i = next++) {
      try {
        work(i);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) {
          failure = std::current_exception();
        }
        stop = true;
      }
      ++done;
    }
    const std::lock_guard lock(mutex);
    if (--running == 0) {
      finished.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back(worker);
  }
  {
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, kTick, [&] { return running == 0; })) {
      if (tick) {
        lock.unlock();
        tick(done.load());
        lock.lock();
      }
    }
  }
  for (std::thread &t : pool) {
    t.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
  if (tick) {
    tick(count);
  }
}

} // namespace journey
