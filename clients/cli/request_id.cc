#include "clients/cli/request_id.h"

#include <random>
#include <string>

#include "absl/strings/escaping.h"

namespace hc::cli {

std::string NewRequestId() {
  std::random_device device;
  std::string bytes;
  while (bytes.size() < 16) {
    bytes.push_back(static_cast<char>(device() & 0xff));
  }
  return absl::BytesToHexString(bytes);
}

}  // namespace hc::cli
