#ifndef HC_CLIENTS_CLI_REQUEST_ID_H_
#define HC_CLIENTS_CLI_REQUEST_ID_H_

#include <string>

namespace hc::cli {

// Returns a new request_id for a create (AIP-155): 16 bytes from
// std::random_device as 32 lower-case hex digits. Throws std::exception if
// the system has no random device.
std::string NewRequestId();

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_REQUEST_ID_H_
