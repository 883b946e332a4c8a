#include "services/common/call_runner.h"

#include <chrono>
#include <exception>
#include <optional>
#include <string>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "services/common/grpc_status.h"
#include "services/common/log.h"

namespace hc::services {
namespace {

constexpr absl::string_view kBearer = "Bearer ";

// The key of the credentials a call sends, for CallQuota: a hash of its
// authorization header, never 0; 0 for none.
uint64_t CredentialKey(grpc::CallbackServerContext* context) {
  const auto& metadata = context->client_metadata();
  const auto found = metadata.find("authorization");
  if (found == metadata.end()) return 0;
  const uint64_t hash =
      absl::HashOf(absl::string_view(found->second.data(), found->second.size()));
  return hash == 0 ? 1 : hash;
}

}  // namespace

CallRunner::CallRunner(app::AccessAppService& access, Executor& executor,
                       int max_calls_per_credential)
    : access_(access), executor_(executor), quota_(max_calls_per_credential) {}

absl::StatusOr<domain::Principal> CallRunner::Authenticate(grpc::CallbackServerContext* context) {
  const auto& metadata = context->client_metadata();
  const auto found = metadata.find("authorization");
  if (found == metadata.end()) {
    return absl::UnauthenticatedError(
        "missing credentials: send the header 'authorization: Bearer <token>'");
  }
  absl::string_view value(found->second.data(), found->second.size());
  if (!absl::ConsumePrefix(&value, kBearer) || value.empty()) {
    return absl::UnauthenticatedError("the authorization header must be 'Bearer <token>'");
  }
  return access_.Authenticate(value);
}

grpc::ServerUnaryReactor* CallRunner::Run(grpc::CallbackServerContext* context,
                                          absl::string_view method, Handler handler) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Start(context, method, std::move(handler),
        [reactor](const grpc::Status& reply) { reactor->Finish(reply); }, false);
  return reactor;
}

grpc::ServerUnaryReactor* CallRunner::RunAnonymous(grpc::CallbackServerContext* context,
                                                   absl::string_view method, Handler handler) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  Start(context, method, std::move(handler),
        [reactor](const grpc::Status& reply) { reactor->Finish(reply); }, true);
  return reactor;
}

void CallRunner::RunWith(grpc::CallbackServerContext* context, absl::string_view method,
                         Handler handler, Finish finish) {
  Start(context, method, std::move(handler), std::move(finish), false);
}

void CallRunner::Start(grpc::CallbackServerContext* context, absl::string_view method,
                       Handler handler, Finish finish, bool anonymous) {
  const absl::Time start = absl::Now();
  const uint64_t credential = anonymous ? 0 : CredentialKey(context);
  const std::optional<uint64_t> slot = quota_.TryAcquire(credential);
  if (!slot.has_value()) {
    Complete(context, method, start,
             absl::ResourceExhaustedError(absl::StrCat(
                 "these credentials already have ", quota_.per_credential(),
                 " calls in flight; retry once some have finished")),
             "-", finish);
    return;
  }
  std::function<void()> task = [this, context, method, start, credential, quota = *slot,
                                handler = std::move(handler), finish, anonymous] {
    absl::Status status;
    std::string actor = "-";
    if (context->IsCancelled()) {
      status = absl::CancelledError("the call was cancelled");
    } else if (context->deadline() < std::chrono::system_clock::now()) {
      status = absl::DeadlineExceededError("the call's deadline passed before it ran");
    } else if (anonymous) {
      status = RunGuarded(handler, domain::Principal{});
    } else {
      absl::StatusOr<domain::Principal> principal = Authenticate(context);
      status = principal.status();
      if (principal.ok()) {
        quota_.Vouch(credential);
        actor = absl::StrCat("users/", principal->user_id);
        status = RunGuarded(handler, *principal);
      }
    }
    quota_.Release(quota);
    Complete(context, method, start, status, actor, finish);
  };
  if (!executor_.TrySchedule(task)) {
    // Every worker is busy and the queue is full: refuse at once, on this
    // thread, without touching the store.
    quota_.Release(*slot);
    Complete(context, method, start,
             absl::ResourceExhaustedError("the server is busy; retry in a moment"), "-", finish);
  }
}

absl::Status CallRunner::RunGuarded(const Handler& handler, const domain::Principal& principal) {
  // No exception may end the process: one escaping a handler is a bug,
  // answered as such.
  try {
    return handler(principal);
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat("a handler threw: ", e.what()));
  } catch (...) {
    return absl::InternalError("a handler threw a non-standard exception");
  }
}

void CallRunner::Complete(grpc::CallbackServerContext* context, absl::string_view method,
                          absl::Time start, const absl::Status& status, absl::string_view actor,
                          const Finish& finish) {
  const grpc::Status reply = ToGrpcStatus(status);
  // Refusals that anyone can cause in bulk are logged at a bounded rate.
  const bool floodable = status.code() == absl::StatusCode::kUnauthenticated ||
                         status.code() == absl::StatusCode::kResourceExhausted;
  std::optional<int64_t> held_back =
      floodable ? flood_log_.Admit(absl::Now()) : std::optional<int64_t>(0);
  if (held_back.has_value()) {
    const std::string ms =
        absl::StrFormat("%.3f", absl::ToDoubleMilliseconds(absl::Now() - start));
    const std::string code = absl::StatusCodeToString(status.code());
    const absl::string_view level = status.ok() ? "info" : "warn";
    if (*held_back == 0) {
      LogLine(level, "rpc",
              {{"method", method}, {"code", code}, {"ms", ms}, {"actor", actor},
               {"peer", context->peer()}});
    } else {
      LogLine(level, "rpc",
              {{"method", method}, {"code", code}, {"ms", ms}, {"actor", actor},
               {"peer", context->peer()},
               {"similar_lines_held_back", absl::StrCat(*held_back)}});
    }
  }
  finish(reply);
}

}  // namespace hc::services
