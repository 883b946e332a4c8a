#include "clients/cli/peer_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/errors.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "google/protobuf/empty.pb.h"
#include "healthcheck/v1/peer.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::vector<FieldFlag> PeerFields() {
  return {
      {"display-name", "display_name", "display_name",
       "The peer's name, 1-200 characters."},
      {"email", "email", "email", "The peer's address, unique among peers."},
      {"organisation", "home_organisation", "home_organisation",
       "The organisation that employs the peer."},
      {"sector", "home_sector", "home_sector", "The peer's home sector."},
      {"trained-date", "trained_date", "trained_date",
       "When the peer completed training."},
      {"accredited-date", "accredited_date", "accredited_date",
       "When the peer was accredited."},
      {"expiry-date", "accreditation_expiry_date", "accreditation_expiry_date",
       "The last day the accreditation is valid."},
      {"skill", "skills", "skills", "A skill, 1-100 characters."},
  };
}

// The AIP-160 filter of `peers list`: its terms joined by AND.
absl::StatusOr<std::string> PeerFilter(const FlagValues& flags) {
  std::vector<std::string> terms;
  if (flags.Has("sector")) {
    absl::StatusOr<v1::Sector> sector =
        ParseEnum<v1::Sector>("sector", flags.Get("sector"));
    if (!sector.ok()) return sector.status();
    terms.push_back(absl::StrCat("home_sector = ", v1::Sector_Name(*sector)));
  }
  if (flags.Has("expiring-before")) {
    const std::string text = flags.Get("expiring-before");
    absl::StatusOr<v1::Date> date = ParseDate("expiring-before", text);
    if (!date.ok()) return date.status();
    if (text.empty()) return UsageError("--expiring-before needs a date");
    terms.push_back(
        absl::StrCat("accreditation_expiry_date < ", FormatDate(*date)));
  }
  return absl::StrJoin(terms, " AND ");
}

std::unique_ptr<v1::PeerService::Stub> NewStub(const Invocation& invocation) {
  return v1::PeerService::NewStub(invocation.connection.channel());
}

absl::Status Create(const Invocation& invocation) {
  v1::CreatePeerRequest request;
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(PeerFields(), invocation.flags, *request.mutable_peer());
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Peer response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreatePeer(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, PeerText(response));
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kPeers, "PEER", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetPeerRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Peer response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetPeer(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, PeerText(response));
}

absl::Status List(const Invocation& invocation) {
  absl::StatusOr<std::string> filter = PeerFilter(invocation.flags);
  if (!filter.ok()) return filter.status();
  auto stub = NewStub(invocation);
  return ListPages<v1::ListPeersResponse>(
      invocation,
      [&](const Paging& paging, v1::ListPeersResponse& page) {
        v1::ListPeersRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        request.set_filter(*filter);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListPeers(&context, request, &page);
            });
      },
      PeersTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kPeers, "PEER", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdatePeerRequest request;
  v1::Peer& peer = *request.mutable_peer();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(PeerFields(), invocation.flags, peer);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  peer.set_name(*name);
  peer.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Peer response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdatePeer(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, PeerText(response));
}

absl::Status Delete(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kPeers, "PEER", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::DeletePeerRequest request;
  request.set_name(*name);
  request.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  google::protobuf::Empty response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->DeletePeer(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, absl::StrCat("deleted ", *name, "\n"));
}

std::vector<FlagSpec> ListFlags() {
  std::vector<FlagSpec> flags = {
      {"sector", "SECTOR",
       absl::StrCat("Only peers from this home sector. One of: ",
                    EnumChoices(*v1::Sector_descriptor()), ".")},
      {"expiring-before", "YYYY-MM-DD",
       "Only accredited peers whose accreditation ends before this day."},
  };
  for (FlagSpec& spec : PagingFlags()) flags.push_back(std::move(spec));
  return flags;
}

}  // namespace

CommandGroup PeerCommands() {
  const google::protobuf::Descriptor& type = *v1::Peer::descriptor();
  std::vector<FlagSpec> update_flags = FieldFlagSpecs(type, PeerFields());
  update_flags.push_back(EtagFlag("peer"));
  return {
      "peers",
      "The register of peer reviewers.",
      {
          {"create",
           {},
           "Register a peer.",
           kCreateDetails,
           FieldFlagSpecs(type, PeerFields(),
                          {"display-name", "email", "organisation", "sector"}),
           Create},
          {"get", {"PEER"}, "Show a peer.", "", {}, Get},
          {"list",
           {},
           "List peers, oldest first, optionally filtered.",
           "",
           ListFlags(),
           List},
          {"update",
           {"PEER"},
           "Change the fields given.",
           kUpdateDetails,
           update_flags,
           Update},
          {"delete",
           {"PEER"},
           "Delete a peer who is on no engagement team.",
           "",
           {EtagFlag("peer")},
           Delete},
      }};
}

}  // namespace hc::cli
