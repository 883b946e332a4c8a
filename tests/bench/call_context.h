#ifndef HC_TESTS_BENCH_CALL_CONTEXT_H_
#define HC_TESTS_BENCH_CALL_CONTEXT_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <string>

namespace hc::bench {

// Readies a fresh ClientContext for one call: sets `deadline` and the
// metadata `authorization: Bearer <token>` that every healthcheck.v1 RPC
// needs. (A ClientContext can be neither copied nor reused, hence the
// pointer.)
void PrepareContext(grpc::ClientContext* context, const std::string& token,
                    std::chrono::system_clock::time_point deadline);

}  // namespace hc::bench

#endif  // HC_TESTS_BENCH_CALL_CONTEXT_H_
