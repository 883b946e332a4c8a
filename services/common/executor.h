#ifndef HC_SERVICES_COMMON_EXECUTOR_H_
#define HC_SERVICES_COMMON_EXECUTOR_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hc::services {

// A fixed pool of worker threads for the blocking part of RPCs (store reads
// and waits for commits), so that gRPC's reactor threads never block on
// disk, with a bounded queue: a burst beyond it is refused, never buffered
// without end. Thread-safe.
class Executor {
 public:
  // `max_queued`: tasks that may wait for a worker at once.
  Executor(int threads, int max_queued);
  // Runs every task already scheduled, then joins the workers.
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  // Queues `task` (taking it) and returns true, or returns false and leaves
  // `task` alone when `max_queued` tasks already wait.
  bool TrySchedule(std::function<void()>& task);

 private:
  void Work();

  const size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_EXECUTOR_H_
