#ifndef HC_CORE_APP_FRAMEWORK_APP_SERVICE_H_
#define HC_CORE_APP_FRAMEWORK_APP_SERVICE_H_

#include <vector>

#include "absl/status/statusor.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/store.h"
#include "core/domain/framework.h"
#include "core/domain/principal.h"

namespace hc::app {

// Decodes a stored version.
absl::StatusOr<domain::Framework> DecodeFrameworkRecord(const FrameworkCodec& codec,
                                                        const FrameworkRecord& record);

// Loads one version in the caller's transaction. NOT_FOUND if absent.
absl::StatusOr<domain::Framework> LoadFramework(Repositories& repos, const FrameworkCodec& codec,
                                                absl::string_view framework_id, int version);

// Use cases of benchmarks. Versions are append-only, so a version an
// engagement uses can never change. Thread-safe.
class FrameworkAppService {
 public:
  FrameworkAppService(Store& store, Clock& clock, const FrameworkCodec& codec);

  // Stores each built-in benchmark (already validated) as a new version when
  // its framework_id has none yet or its latest version differs from it.
  // Returns how many versions were added.
  absl::StatusOr<int> SyncBuiltins(const std::vector<domain::Framework>& builtins);

  // Any authenticated caller.
  absl::StatusOr<Page<domain::Framework>> List(const domain::Principal& principal,
                                               const PageRequest& page);
  // NOT_FOUND if that version does not exist.
  absl::StatusOr<domain::Framework> Get(const domain::Principal& principal,
                                        absl::string_view framework_id, int version);
  // Programme leads only. Stores `input` as version 1 of a new framework_id
  // or the next version of an existing one. INVALID_ARGUMENT (with the place
  // and reason) for an invalid benchmark.
  absl::StatusOr<domain::Framework> Create(const domain::Principal& principal,
                                           const domain::Framework& input,
                                           const RequestKey& key);

 private:
  // Stores `f` as the version after the latest; fills version and create_time.
  absl::Status InsertNextVersion(Repositories& repos, domain::Framework& f);
  std::string Fingerprint(const domain::Framework& f) const;

  Store& store_;
  Clock& clock_;
  const FrameworkCodec& codec_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_FRAMEWORK_APP_SERVICE_H_
