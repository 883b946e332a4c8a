#include "services/framework/proto_framework_codec.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "services/framework/framework_mapping.h"

namespace hc::services {

std::string ProtoFrameworkCodec::Encode(const domain::Framework& framework) const {
  healthcheck::v1::Framework message;
  ToProto(framework, &message);
  // Identity and time live in the store's columns, not in the definition.
  message.clear_name();
  message.clear_version();
  message.clear_builtin();
  message.clear_create_time();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return bytes;
}

absl::StatusOr<domain::Framework> ProtoFrameworkCodec::Decode(absl::string_view bytes) const {
  healthcheck::v1::Framework message;
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError("a stored benchmark definition cannot be read");
  }
  return FromProto(message);
}

}  // namespace hc::services
