// A benchmark file in protobuf text format, as a programme lead uploads one:
// any bytes parse and validate or are refused with INVALID_ARGUMENT; a
// benchmark that is accepted survives the store's encoding unchanged.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "services/framework/framework_files.h"
#include "services/framework/proto_framework_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const hc::services::FrameworkFile file{"fuzz.textproto",
                                         std::string(reinterpret_cast<const char*>(data), size)};
  const auto framework = hc::services::ParseFrameworkFile(file);
  if (!framework.ok()) {
    if (framework.status().code() != absl::StatusCode::kInvalidArgument) std::abort();
    return 0;
  }
  const hc::services::ProtoFrameworkCodec codec;
  const std::string encoded = codec.Encode(*framework);
  const auto decoded = codec.Decode(encoded);
  if (!decoded.ok() || codec.Encode(*decoded) != encoded) std::abort();
  return 0;
}
