#ifndef HC_SERVICES_COMMON_CALL_RUNNER_H_
#define HC_SERVICES_COMMON_CALL_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <functional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/app/access_app_service.h"
#include "core/domain/principal.h"
#include "absl/time/time.h"
#include "services/common/call_quota.h"
#include "services/common/executor.h"
#include "services/common/rate_limiter.h"

namespace hc::services {

// The one way every RPC handler runs, so that none can skip authentication:
// a handler receives a Principal only from here.
//
// Run() returns at once with the call's reactor. On a worker thread it then
// refuses a cancelled or expired call (CANCELLED, DEADLINE_EXCEEDED), reads
// `authorization: Bearer <token>` (UNAUTHENTICATED if missing, malformed,
// unknown or revoked), runs `handler` with the caller's principal, converts
// its status with ToGrpcStatus, logs one line and finishes the call. The
// handler fills the response; the use cases it calls authorise per resource.
// When the caller's credentials already have `max_calls_per_credential`
// calls in flight (CallQuota: credentials not yet proven share one quota), or every worker is busy and the executor's
// queue is full, the call is refused at once with RESOURCE_EXHAUSTED. An exception escaping `handler`
// is answered INTERNAL. Refusals of credentials and of busy calls are logged
// at most kFloodLinesPerSecond a second, with a count of those held back.
// Thread-safe.
class CallRunner {
 public:
  using Handler = std::function<absl::Status(const domain::Principal&)>;

  CallRunner(app::AccessAppService& access, Executor& executor, int max_calls_per_credential);

  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context, absl::string_view method,
                                Handler handler);

  // As Run, for the calls that carry their own proof (a set-password link;
  // an email and password): no authorization header is read and `handler`
  // gets a principal with no person and no role. They share the quota of
  // calls without proven credentials.
  grpc::ServerUnaryReactor* RunAnonymous(grpc::CallbackServerContext* context,
                                         absl::string_view method, Handler handler);

  // As Run, for a call with a reactor of its own (a server-streaming one):
  // on a worker thread, the same refusals, authentication, `handler` and
  // log line, then `finish` with the converted status. `finish` runs last
  // and alone touches the reactor; on OK it starts the reactor's writes.
  using Finish = std::function<void(const grpc::Status&)>;
  void RunWith(grpc::CallbackServerContext* context, absl::string_view method, Handler handler,
               Finish finish);

  // Runs `handler`, answering an exception that escapes it as INTERNAL (a
  // bug) rather than letting it end the process.
  static absl::Status RunGuarded(const Handler& handler, const domain::Principal& principal);

  // Runs more of a call already authenticated by RunWith (a stream's next
  // chunk) on a worker: true, or false (leaving `task` alone) when the
  // workers' queue is full.
  bool RunLater(std::function<void()>& task) { return executor_.TrySchedule(task); }

 private:
  static constexpr int kFloodLinesPerSecond = 20;

  absl::StatusOr<domain::Principal> Authenticate(grpc::CallbackServerContext* context);
  void Start(grpc::CallbackServerContext* context, absl::string_view method, Handler handler,
             Finish finish, bool anonymous);
  // Logs the call's line and finishes it with `status`.
  void Complete(grpc::CallbackServerContext* context, absl::string_view method, absl::Time start,
                const absl::Status& status, absl::string_view actor, const Finish& finish);

  app::AccessAppService& access_;
  Executor& executor_;
  CallQuota quota_;
  RateLimiter flood_log_{kFloodLinesPerSecond};
};

}  // namespace hc::services

#endif  // HC_SERVICES_COMMON_CALL_RUNNER_H_
