#ifndef HC_CORE_APP_PORTS_FRAMEWORK_CODEC_H_
#define HC_CORE_APP_PORTS_FRAMEWORK_CODEC_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/domain/framework.h"

namespace hc::app {

// Turns a benchmark into the bytes a store keeps and back. Encode is
// deterministic: the same benchmark always gives the same bytes. Thread-safe.
class FrameworkCodec {
 public:
  virtual ~FrameworkCodec() = default;
  virtual std::string Encode(const domain::Framework& framework) const = 0;
  // DATA_LOSS if the bytes are not a benchmark.
  virtual absl::StatusOr<domain::Framework> Decode(absl::string_view bytes) const = 0;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_FRAMEWORK_CODEC_H_
