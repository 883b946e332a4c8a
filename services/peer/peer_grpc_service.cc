#include "services/peer/peer_grpc_service.h"

#include <vector>

#include "absl/strings/strip.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/filter.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::Peer;

constexpr absl::string_view kCollection = "peers";

absl::StatusOr<Peer> FromProto(const v1::Peer& p) {
  Peer out;
  out.display_name = p.display_name();
  out.email = p.email();
  out.home_organisation = p.home_organisation();
  out.home_sector = static_cast<domain::Sector>(p.home_sector());
  HC_ASSIGN_OR_RETURN(out.trained_date, services::FromProto("trained_date", p.trained_date()));
  HC_ASSIGN_OR_RETURN(out.accredited_date,
                      services::FromProto("accredited_date", p.accredited_date()));
  HC_ASSIGN_OR_RETURN(out.accreditation_expiry_date,
                      services::FromProto("accreditation_expiry_date",
                                          p.accreditation_expiry_date()));
  out.skills.assign(p.skills().begin(), p.skills().end());
  return out;
}

void ToProto(const Peer& p, v1::Peer* out) {
  out->set_name(NameOf(kCollection, p.meta.id));
  out->set_display_name(p.display_name);
  out->set_email(p.email);
  out->set_home_organisation(p.home_organisation);
  out->set_home_sector(static_cast<v1::Sector>(p.home_sector));
  services::ToProto(p.trained_date, out->mutable_trained_date());
  services::ToProto(p.accredited_date, out->mutable_accredited_date());
  services::ToProto(p.accreditation_expiry_date, out->mutable_accreditation_expiry_date());
  for (const std::string& s : p.skills) out->add_skills(s);
  services::ToProto(p.meta.create_time, out->mutable_create_time());
  services::ToProto(p.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(p.meta.version));
}

absl::StatusOr<app::PeerQuery> ReadFilter(absl::string_view filter) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(filter));
  app::PeerQuery query;
  for (const FilterTerm& t : terms) {
    if (t.field == "home_sector" && t.op == "=") {
      absl::string_view name = t.value;
      absl::ConsumePrefix(&name, "SECTOR_");
      query.home_sector = domain::ParseSector(name);
      if (!query.home_sector) {
        return absl::InvalidArgumentError(absl::StrCat("filter: unknown sector ", t.value));
      }
    } else if (t.field == "accreditation_expiry_date" && t.op == "<") {
      absl::CivilDay day;
      if (!absl::ParseCivilTime(t.value, &day)) {
        return absl::InvalidArgumentError(
            absl::StrCat("filter: ", t.value, " is not a date like 2027-01-31"));
      }
      query.expiring_before = day;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter: '", t.field, " ", t.op,
          "' is not supported; use home_sector = SECTOR_X or accreditation_expiry_date < DATE"));
    }
  }
  return query;
}

}  // namespace

grpc::ServerUnaryReactor* PeerGrpcService::CreatePeer(grpc::CallbackServerContext* context,
                                                      const v1::CreatePeerRequest* request,
                                                      v1::Peer* response) {
  return runner_.Run(context, "CreatePeer", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(Peer input, FromProto(request->peer()));
    const app::RequestKey key{request->request_id(), Fingerprint(request->peer())};
    HC_ASSIGN_OR_RETURN(Peer p, app_.Create(principal, input, key));
    ToProto(p, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PeerGrpcService::GetPeer(grpc::CallbackServerContext* context,
                                                   const v1::GetPeerRequest* request,
                                                   v1::Peer* response) {
  return runner_.Run(context, "GetPeer", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(Peer p, app_.Get(principal, id));
    ToProto(p, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PeerGrpcService::ListPeers(grpc::CallbackServerContext* context,
                                                     const v1::ListPeersRequest* request,
                                                     v1::ListPeersResponse* response) {
  return runner_.Run(context, "ListPeers", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(app::PeerQuery query, ReadFilter(request->filter()));
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(),
                                        absl::StrCat(kCollection, "?", request->filter())));
    HC_ASSIGN_OR_RETURN(app::Page<Peer> found, app_.List(principal, query, page));
    for (const Peer& p : found.items) ToProto(p, response->add_peers());
    response->set_next_page_token(
        NextPageToken(found.next, absl::StrCat(kCollection, "?", request->filter())));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PeerGrpcService::UpdatePeer(grpc::CallbackServerContext* context,
                                                      const v1::UpdatePeerRequest* request,
                                                      v1::Peer* response) {
  return runner_.Run(context, "UpdatePeer", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("peer.name", kCollection, request->peer().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->peer().etag()));
    HC_ASSIGN_OR_RETURN(Peer input, FromProto(request->peer()));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(Peer p, app_.Update(principal, id, input, paths, version));
    ToProto(p, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* PeerGrpcService::DeletePeer(grpc::CallbackServerContext* context,
                                                      const v1::DeletePeerRequest* request,
                                                      google::protobuf::Empty*) {
  return runner_.Run(context, "DeletePeer", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    return app_.Delete(principal, id, version);
  });
}

}  // namespace hc::services
