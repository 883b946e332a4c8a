#include "clients/cli/partnership_commands.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/names.h"
#include "clients/cli/paging.h"
#include "clients/cli/request_id.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "google/protobuf/empty.pb.h"
#include "healthcheck/v1/partnership.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::vector<FieldFlag> PartnershipFields() {
  return {
      {"display-name", "display_name", "display_name",
       "The partnership's name, 1-200 characters."},
      {"kind", "kind", "kind", "What kind of partnership it is."},
      {"area", "area", "area", "The area the partnership serves."},
      {"lifecycle-stage", "lifecycle_stage", "lifecycle_stage",
       "Where the partnership sees itself in its lifecycle."},
  };
}

FlagSpec MemberFlag() {
  return {"member", "NAME:SECTOR",
          absl::StrCat("A member organisation, e.g. \"Anytown "
                       "Council:local_government\". Sectors: ",
                       EnumChoices(*v1::Sector_descriptor()), "."),
          /*repeated=*/true};
}

// "Anytown Council:local_government" -> that member. The sector follows the
// last ':', so a name may contain one.
absl::StatusOr<v1::MemberOrganisation> ParseMember(absl::string_view text) {
  const size_t colon = text.rfind(':');
  if (colon == absl::string_view::npos || colon == 0) {
    return UsageError(absl::StrCat(
        "invalid --member \"", text,
        "\": expected NAME:SECTOR, e.g. \"Anytown Council:local_government\""));
  }
  absl::StatusOr<v1::Sector> sector =
      ParseEnum<v1::Sector>("member", text.substr(colon + 1));
  if (!sector.ok()) {
    return UsageError(absl::StrCat("invalid sector in --member \"", text,
                                   "\": expected one of ",
                                   EnumChoices(*v1::Sector_descriptor())));
  }
  v1::MemberOrganisation member;
  member.set_display_name(std::string(text.substr(0, colon)));
  member.set_sector(*sector);
  return member;
}

// Sets the fields whose flags were given; returns their update-mask paths.
// --member replaces the whole list.
absl::StatusOr<std::vector<std::string>> ApplyPartnershipFlags(
    const FlagValues& flags, v1::Partnership& partnership) {
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyFieldFlags(PartnershipFields(), flags, partnership);
  if (!paths.ok() || !flags.Has("member")) return paths;
  partnership.clear_members();
  for (const std::string& text : flags.GetAll("member")) {
    if (text.empty()) continue;
    absl::StatusOr<v1::MemberOrganisation> member = ParseMember(text);
    if (!member.ok()) return member.status();
    *partnership.add_members() = *std::move(member);
  }
  paths->push_back("members");
  return paths;
}

std::unique_ptr<v1::PartnershipService::Stub> NewStub(
    const Invocation& invocation) {
  return v1::PartnershipService::NewStub(invocation.connection.channel());
}

absl::Status Create(const Invocation& invocation) {
  v1::CreatePartnershipRequest request;
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyPartnershipFlags(invocation.flags, *request.mutable_partnership());
  if (!paths.ok()) return paths.status();
  request.set_request_id(NewRequestId());
  auto stub = NewStub(invocation);
  v1::Partnership response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->CreatePartnership(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, PartnershipText(response));
}

absl::Status Get(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kPartnerships, "PARTNERSHIP", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::GetPartnershipRequest request;
  request.set_name(*name);
  auto stub = NewStub(invocation);
  v1::Partnership response;
  absl::Status status = invocation.connection.Call(
      Retry::kWhenTransient, [&](grpc::ClientContext& context) {
        return stub->GetPartnership(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, PartnershipText(response));
}

absl::Status List(const Invocation& invocation) {
  auto stub = NewStub(invocation);
  return ListPages<v1::ListPartnershipsResponse>(
      invocation,
      [&](const Paging& paging, v1::ListPartnershipsResponse& page) {
        v1::ListPartnershipsRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(
            Retry::kWhenTransient, [&](grpc::ClientContext& context) {
              return stub->ListPartnerships(&context, request, &page);
            });
      },
      PartnershipsTable);
}

absl::Status Update(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kPartnerships, "PARTNERSHIP", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::UpdatePartnershipRequest request;
  v1::Partnership& partnership = *request.mutable_partnership();
  absl::StatusOr<std::vector<std::string>> paths =
      ApplyPartnershipFlags(invocation.flags, partnership);
  if (!paths.ok()) return paths.status();
  if (paths->empty()) return NothingToUpdate(invocation);
  partnership.set_name(*name);
  partnership.set_etag(invocation.flags.Get("etag"));
  request.mutable_update_mask()->mutable_paths()->Add(paths->begin(),
                                                      paths->end());
  auto stub = NewStub(invocation);
  v1::Partnership response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->UpdatePartnership(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, PartnershipText(response));
}

absl::Status Delete(const Invocation& invocation) {
  absl::StatusOr<std::string> name =
      ResourceName(kPartnerships, "PARTNERSHIP", invocation.args[0]);
  if (!name.ok()) return name.status();
  v1::DeletePartnershipRequest request;
  request.set_name(*name);
  request.set_etag(invocation.flags.Get("etag"));
  auto stub = NewStub(invocation);
  google::protobuf::Empty response;
  absl::Status status = invocation.connection.Call(
      Retry::kNever, [&](grpc::ClientContext& context) {
        return stub->DeletePartnership(&context, request, &response);
      });
  if (!status.ok()) return status;
  return Show(invocation, response, absl::StrCat("deleted ", *name, "\n"));
}

}  // namespace

CommandGroup PartnershipCommands() {
  const google::protobuf::Descriptor& type = *v1::Partnership::descriptor();
  std::vector<FlagSpec> create_flags =
      FieldFlagSpecs(type, PartnershipFields(), {"display-name", "kind"});
  create_flags.push_back(MemberFlag());
  std::vector<FlagSpec> update_flags =
      FieldFlagSpecs(type, PartnershipFields());
  update_flags.push_back(MemberFlag());
  update_flags.push_back(EtagFlag("partnership"));
  return {"partnerships",
          "The partnerships under review and their member organisations.",
          {
              {"create",
               {},
               "Create a partnership.",
               kCreateDetails,
               create_flags,
               Create},
              {"get",
               {"PARTNERSHIP"},
               "Show a partnership and its members.",
               "",
               {},
               Get},
              {"list",
               {},
               "List the partnerships you may see, oldest first.",
               "",
               PagingFlags(),
               List},
              {"update",
               {"PARTNERSHIP"},
               "Change the fields given; --member replaces all the members.",
               kUpdateDetails,
               update_flags,
               Update},
              {"delete",
               {"PARTNERSHIP"},
               "Delete a partnership that has no engagements.",
               "",
               {EtagFlag("partnership")},
               Delete},
          }};
}

}  // namespace hc::cli
