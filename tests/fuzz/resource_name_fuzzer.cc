// Resource names in every request: any text is a name of the expected kind
// or is refused with INVALID_ARGUMENT, and a name that is accepted is
// exactly the name rebuilt from its parts (no second spelling of a resource).

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "services/common/resource_names.h"

namespace {

void Require(bool condition) {
  if (!condition) std::abort();
}

template <typename T>
bool Refused(const absl::StatusOr<T>& parsed) {
  Require(parsed.ok() || parsed.status().code() == absl::StatusCode::kInvalidArgument);
  return !parsed.ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view name(reinterpret_cast<const char*>(data), size);
  using namespace hc::services;

  if (const auto id = ParseName("name", "peers", name); !Refused(id)) {
    Require(NameOf("peers", *id) == name);
  }
  if (const auto id = ParseOptionalName("name", "partnerships", name); !Refused(id)) {
    Require(NameOf("partnerships", *id) == name);
  }
  if (const auto child = ParseEngagementChildName("name", "notes", name); !Refused(child)) {
    Require(absl::StrCat("engagements/", child->engagement_id, "/notes/", child->id) == name);
  }
  if (const auto version = ParseFrameworkVersionName("name", name); !Refused(version)) {
    Require(version->version >= 1);
    Require(absl::StrCat("frameworks/", version->framework_id, "/versions/", version->version) ==
            name);
  }
  return 0;
}
