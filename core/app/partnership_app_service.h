#ifndef HC_CORE_APP_PARTNERSHIP_APP_SERVICE_H_
#define HC_CORE_APP_PARTNERSHIP_APP_SERVICE_H_

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
#include "core/domain/partnership.h"
#include "core/domain/principal.h"

namespace hc::app {

// Use cases of partnerships. Thread-safe. Errors: INVALID_ARGUMENT (bad
// input), NOT_FOUND, PERMISSION_DENIED, ABORTED (stale version),
// FAILED_PRECONDITION (delete with engagements), and the store's codes.
class PartnershipAppService {
 public:
  PartnershipAppService(Store& store, Clock& clock, IdSource& ids);

  // Programme leads only. Reads display_name, kind, area, lifecycle_stage,
  // members of `input`.
  absl::StatusOr<domain::Partnership> Create(const domain::Principal& principal,
                                             const domain::Partnership& input,
                                             const RequestKey& key);
  absl::StatusOr<domain::Partnership> Get(const domain::Principal& principal,
                                          absl::string_view id);
  // Programme leads see all; contacts their own; peers those they review.
  absl::StatusOr<Page<domain::Partnership>> List(const domain::Principal& principal,
                                                 const PageRequest& page);
  // Copies the fields named in `paths` from `input`. Programme leads only.
  absl::StatusOr<domain::Partnership> Update(const domain::Principal& principal,
                                             absl::string_view id,
                                             const domain::Partnership& input,
                                             const std::vector<std::string>& paths,
                                             std::optional<int64_t> expected_version);
  // Programme leads only; FAILED_PRECONDITION while engagements refer to it.
  absl::Status Delete(const domain::Principal& principal, absl::string_view id,
                      std::optional<int64_t> expected_version);

 private:
  Store& store_;
  Clock& clock_;
  IdSource& ids_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PARTNERSHIP_APP_SERVICE_H_
