#include "services/partnership/partnership_grpc_service.h"

#include <vector>

#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::Partnership;

constexpr absl::string_view kCollection = "partnerships";

static_assert(static_cast<int>(domain::PartnershipKind::kOther) == v1::PARTNERSHIP_KIND_OTHER);
static_assert(static_cast<int>(domain::PartnershipLifecycleStage::kFailing) ==
              v1::PARTNERSHIP_LIFECYCLE_STAGE_FAILING);
static_assert(static_cast<int>(domain::Sector::kOther) == v1::SECTOR_OTHER);

Partnership FromProto(const v1::Partnership& p) {
  Partnership out;
  out.display_name = p.display_name();
  out.kind = static_cast<domain::PartnershipKind>(p.kind());
  out.area = p.area();
  out.lifecycle_stage = static_cast<domain::PartnershipLifecycleStage>(p.lifecycle_stage());
  for (const v1::MemberOrganisation& m : p.members()) {
    out.members.push_back({m.display_name(), static_cast<domain::Sector>(m.sector())});
  }
  return out;
}

void ToProto(const Partnership& p, v1::Partnership* out) {
  out->set_name(NameOf(kCollection, p.meta.id));
  out->set_display_name(p.display_name);
  out->set_kind(static_cast<v1::PartnershipKind>(p.kind));
  out->set_area(p.area);
  out->set_lifecycle_stage(static_cast<v1::PartnershipLifecycleStage>(p.lifecycle_stage));
  for (const domain::MemberOrganisation& m : p.members) {
    v1::MemberOrganisation* member = out->add_members();
    member->set_display_name(m.display_name);
    member->set_sector(static_cast<v1::Sector>(m.sector));
  }
  services::ToProto(p.meta.create_time, out->mutable_create_time());
  services::ToProto(p.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(p.meta.version));
}

}  // namespace

grpc::ServerUnaryReactor* PartnershipGrpcService::CreatePartnership(
    grpc::CallbackServerContext* context, const v1::CreatePartnershipRequest* request,
    v1::Partnership* response) {
  return runner_.Run(context, "CreatePartnership", [=, this](const domain::Principal& principal) {
    const app::RequestKey key{request->request_id(), Fingerprint(request->partnership())};
    HC_ASSIGN_OR_RETURN(Partnership p, app_.Create(principal, FromProto(request->partnership()), key));
    ToProto(p, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PartnershipGrpcService::GetPartnership(
    grpc::CallbackServerContext* context, const v1::GetPartnershipRequest* request,
    v1::Partnership* response) {
  return runner_.Run(context, "GetPartnership", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(Partnership p, app_.Get(principal, id));
    ToProto(p, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PartnershipGrpcService::ListPartnerships(
    grpc::CallbackServerContext* context, const v1::ListPartnershipsRequest* request,
    v1::ListPartnershipsResponse* response) {
  return runner_.Run(context, "ListPartnerships", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), kCollection));
    HC_ASSIGN_OR_RETURN(app::Page<Partnership> found, app_.List(principal, page));
    for (const Partnership& p : found.items) ToProto(p, response->add_partnerships());
    response->set_next_page_token(NextPageToken(found.next, kCollection));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PartnershipGrpcService::UpdatePartnership(
    grpc::CallbackServerContext* context, const v1::UpdatePartnershipRequest* request,
    v1::Partnership* response) {
  return runner_.Run(context, "UpdatePartnership", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id,
                        ParseName("partnership.name", kCollection, request->partnership().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->partnership().etag()));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(Partnership p, app_.Update(principal, id, FromProto(request->partnership()),
                                                   paths, version));
    ToProto(p, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PartnershipGrpcService::DeletePartnership(
    grpc::CallbackServerContext* context, const v1::DeletePartnershipRequest* request,
    google::protobuf::Empty*) {
  return runner_.Run(context, "DeletePartnership", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    return app_.Delete(principal, id, version);
  });
}

}  // namespace hc::services
