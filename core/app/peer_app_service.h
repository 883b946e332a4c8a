#ifndef HC_CORE_APP_PEER_APP_SERVICE_H_
#define HC_CORE_APP_PEER_APP_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/store.h"
#include "core/domain/peer.h"
#include "core/domain/principal.h"

namespace hc::app {

// Use cases of the peer register. Thread-safe. Programme leads manage peers;
// a peer may read their own record. Errors as PartnershipAppService, plus
// ALREADY_EXISTS for a second peer with the same email.
class PeerAppService {
 public:
  PeerAppService(Store& store, Clock& clock, IdSource& ids);

  absl::StatusOr<domain::Peer> Create(const domain::Principal& principal,
                                      const domain::Peer& input, const RequestKey& key);
  absl::StatusOr<domain::Peer> Get(const domain::Principal& principal, absl::string_view id);
  absl::StatusOr<Page<domain::Peer>> List(const domain::Principal& principal,
                                          const PeerQuery& query, const PageRequest& page);
  absl::StatusOr<domain::Peer> Update(const domain::Principal& principal, absl::string_view id,
                                      const domain::Peer& input,
                                      const std::vector<std::string>& paths,
                                      std::optional<int64_t> expected_version);
  // FAILED_PRECONDITION while the peer is on any engagement's team.
  absl::Status Delete(const domain::Principal& principal, absl::string_view id,
                      std::optional<int64_t> expected_version);

 private:
  Store& store_;
  Clock& clock_;
  IdSource& ids_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PEER_APP_SERVICE_H_
