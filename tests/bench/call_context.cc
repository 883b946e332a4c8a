#include "tests/bench/call_context.h"

#include "absl/strings/str_cat.h"

namespace hc::bench {

void PrepareContext(grpc::ClientContext* context, const std::string& token,
                    std::chrono::system_clock::time_point deadline) {
  context->set_deadline(deadline);
  context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
}

}  // namespace hc::bench
