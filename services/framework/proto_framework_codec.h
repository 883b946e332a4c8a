#ifndef HC_SERVICES_FRAMEWORK_PROTO_FRAMEWORK_CODEC_H_
#define HC_SERVICES_FRAMEWORK_PROTO_FRAMEWORK_CODEC_H_

#include "core/app/ports/framework_codec.h"

namespace hc::services {

// Keeps a benchmark as the deterministic binary encoding of
// healthcheck.v1.Framework. Thread-safe.
class ProtoFrameworkCodec final : public app::FrameworkCodec {
 public:
  std::string Encode(const domain::Framework& framework) const override;
  absl::StatusOr<domain::Framework> Decode(absl::string_view bytes) const override;
};

}  // namespace hc::services

#endif  // HC_SERVICES_FRAMEWORK_PROTO_FRAMEWORK_CODEC_H_
