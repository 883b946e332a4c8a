#include "core/app/framework_app_service.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"

namespace hc::app {
namespace {

constexpr absl::string_view kCreate = "CreateFramework";

}  // namespace

FrameworkAppService::FrameworkAppService(Store& store, Clock& clock, const FrameworkCodec& codec)
    : store_(store), clock_(clock), codec_(codec) {}

std::string FrameworkAppService::Fingerprint(const domain::Framework& f) const {
  // The content alone: version, time and origin are not part of it.
  domain::Framework content = f;
  content.version = 0;
  content.builtin = false;
  content.create_time = absl::UnixEpoch();
  return crypto::Sha256Hex(codec_.Encode(content));
}

absl::StatusOr<domain::Framework> DecodeFrameworkRecord(const FrameworkCodec& codec,
                                                        const FrameworkRecord& record) {
  HC_ASSIGN_OR_RETURN(domain::Framework f, codec.Decode(record.definition));
  f.framework_id = record.framework_id;
  f.version = record.version;
  f.builtin = record.builtin;
  f.create_time = record.create_time;
  return f;
}

absl::StatusOr<domain::Framework> LoadFramework(Repositories& repos, const FrameworkCodec& codec,
                                                absl::string_view framework_id, int version) {
  HC_ASSIGN_OR_RETURN(FrameworkRecord record, repos.frameworks().Get(framework_id, version));
  return DecodeFrameworkRecord(codec, record);
}

absl::Status FrameworkAppService::InsertNextVersion(Repositories& repos, domain::Framework& f) {
  HC_ASSIGN_OR_RETURN(std::optional<FrameworkRecord> latest,
                      repos.frameworks().Latest(f.framework_id));
  f.version = latest ? latest->version + 1 : 1;
  f.create_time = clock_.Now();
  return repos.frameworks().Insert({f.framework_id, f.version, f.display_name, f.builtin,
                                    Fingerprint(f), codec_.Encode(f), f.create_time});
}

absl::StatusOr<int> FrameworkAppService::SyncBuiltins(
    const std::vector<domain::Framework>& builtins) {
  int added = 0;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    for (domain::Framework f : builtins) {
      HC_ASSIGN_OR_RETURN(std::optional<FrameworkRecord> latest,
                          repos.frameworks().Latest(f.framework_id));
      if (latest && latest->fingerprint == Fingerprint(f)) continue;
      f.builtin = true;
      HC_RETURN_IF_ERROR(InsertNextVersion(repos, f));
      ++added;
    }
    return absl::OkStatus();
  }));
  return added;
}

absl::StatusOr<Page<domain::Framework>> FrameworkAppService::List(
    const domain::Principal& principal, const PageRequest& page) {
  if (principal.role == domain::Role::kUnspecified) {
    return absl::PermissionDeniedError("ListFrameworks is not allowed for this token");
  }
  Page<FrameworkRecord> records;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(records, repos.frameworks().List(page));
    return absl::OkStatus();
  }));
  Page<domain::Framework> result;
  result.next = records.next;
  for (const FrameworkRecord& r : records.items) {
    HC_ASSIGN_OR_RETURN(domain::Framework f, DecodeFrameworkRecord(codec_, r));
    result.items.push_back(std::move(f));
  }
  return result;
}

absl::StatusOr<domain::Framework> FrameworkAppService::Get(const domain::Principal& principal,
                                                           absl::string_view framework_id,
                                                           int version) {
  if (principal.role == domain::Role::kUnspecified) {
    return absl::PermissionDeniedError("GetFramework is not allowed for this token");
  }
  domain::Framework result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result, LoadFramework(repos, codec_, framework_id, version));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<domain::Framework> FrameworkAppService::Create(const domain::Principal& principal,
                                                              const domain::Framework& input,
                                                              const RequestKey& key) {
  HC_RETURN_IF_ERROR(RequireProgrammeLead(principal, kCreate));
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  HC_RETURN_IF_ERROR(domain::ValidateFramework(input));
  domain::Framework result = input;
  result.builtin = false;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kCreate, principal, key));
    if (earlier) {
      // The recorded resource id is "framework_id/version".
      const size_t slash = earlier->rfind('/');
      int version = 0;
      if (slash == std::string::npos ||
          !absl::SimpleAtoi(absl::string_view(*earlier).substr(slash + 1), &version)) {
        return absl::DataLossError(absl::StrCat("unreadable recorded request ", *earlier));
      }
      HC_ASSIGN_OR_RETURN(result,
                          LoadFramework(repos, codec_, earlier->substr(0, slash), version));
      return absl::OkStatus();
    }
    HC_RETURN_IF_ERROR(InsertNextVersion(repos, result));
    const std::string id = absl::StrCat(result.framework_id, "/", result.version);
    HC_RETURN_IF_ERROR(RecordRequest(repos, kCreate, principal, key, id, result.create_time));
    return Audit(repos, principal, kCreate,
                 domain::FrameworkName(result.framework_id, result.version), result.create_time);
  }));
  return result;
}

}  // namespace hc::app
