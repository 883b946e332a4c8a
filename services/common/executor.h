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
// disk. Thread-safe.
class Executor {
 public:
  explicit Executor(int threads);
  // Runs every task already scheduled, then joins the workers.
  ~Executor();
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;

  void Schedule(std::function<void()> task);

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_EXECUTOR_H_
