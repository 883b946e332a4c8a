#include "services/engagement/engagement_grpc_service.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/filter.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"
#include "services/engagement/engagement_mapping.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

constexpr absl::string_view kCollection = "engagements";

absl::Status BadFilter(const FilterTerm& t) {
  return absl::InvalidArgumentError(absl::StrCat(
      "filter: '", t.field, " ", t.op, " ", t.value,
      "' is not supported; use stage = X, partnership = \"partnerships/x\", "
      "lead = \"peers/x\" or overdue = true"));
}

struct EngagementFilter {
  app::EngagementQuery query;
  bool only_overdue = false;
};

absl::StatusOr<EngagementFilter> ReadFilter(absl::string_view filter) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(filter));
  EngagementFilter result;
  app::EngagementQuery& query = result.query;
  for (const FilterTerm& t : terms) {
    if (t.op != "=") return BadFilter(t);
    if (t.field == "stage") {
      query.stage = domain::ParseStage(t.value);
      if (!query.stage) {
        return absl::InvalidArgumentError(absl::StrCat("filter: unknown stage ", t.value));
      }
    } else if (t.field == "partnership") {
      HC_ASSIGN_OR_RETURN(query.partnership_id,
                          ParseName("filter partnership", "partnerships", t.value));
    } else if (t.field == "lead") {
      HC_ASSIGN_OR_RETURN(query.lead_peer_id, ParseName("filter lead", "peers", t.value));
    } else if (t.field == "overdue" && (t.value == "true" || t.value == "false")) {
      result.only_overdue = t.value == "true";
    } else {
      return BadFilter(t);
    }
  }
  return result;
}

}  // namespace

grpc::ServerUnaryReactor* EngagementGrpcService::CreateEngagement(
    Context* context, const v1::CreateEngagementRequest* request, Engagement* response) {
  return runner_.Run(context, "CreateEngagement", [=, this](const domain::Principal& principal) {
    if (request->engagement().partnership().empty()) {
      return absl::InvalidArgumentError("engagement.partnership is required");
    }
    HC_ASSIGN_OR_RETURN(domain::Engagement input, FromProto(request->engagement()));
    const app::RequestKey key{request->request_id(), Fingerprint(request->engagement())};
    HC_ASSIGN_OR_RETURN(app::EngagementView view, app_.Create(principal, input, key));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EngagementGrpcService::GetEngagement(
    Context* context, const v1::GetEngagementRequest* request, Engagement* response) {
  return runner_.Run(context, "GetEngagement", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(app::EngagementView view, app_.Get(principal, id));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EngagementGrpcService::ListEngagements(
    Context* context, const v1::ListEngagementsRequest* request,
    v1::ListEngagementsResponse* response) {
  return runner_.Run(context, "ListEngagements", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementFilter filter, ReadFilter(request->filter()));
    const std::string list = absl::StrCat(kCollection, "?", request->filter());
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<app::EngagementView> found, app_.List(principal, filter.query, filter.only_overdue, page));
    for (const app::EngagementView& v : found.items) ToProto(v, response->add_engagements());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EngagementGrpcService::UpdateEngagement(
    Context* context, const v1::UpdateEngagementRequest* request, Engagement* response) {
  return runner_.Run(context, "UpdateEngagement", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id,
                        ParseName("engagement.name", kCollection, request->engagement().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->engagement().etag()));
    HC_ASSIGN_OR_RETURN(domain::Engagement input, FromProto(request->engagement()));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(app::EngagementView view,
                        app_.Update(principal, id, input, paths, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EngagementGrpcService::AddTeamMember(
    Context* context, const v1::AddTeamMemberRequest* request, Engagement* response) {
  return runner_.Run(context, "AddTeamMember", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("engagement", kCollection, request->engagement()));
    HC_ASSIGN_OR_RETURN(std::string peer, ParseName("peer", "peers", request->peer()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::EngagementView view,
                        app_.AddTeamMember(principal, id, peer,
                                           static_cast<domain::TeamRole>(request->role()), version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EngagementGrpcService::RemoveTeamMember(
    Context* context, const v1::RemoveTeamMemberRequest* request, Engagement* response) {
  return runner_.Run(context, "RemoveTeamMember", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("engagement", kCollection, request->engagement()));
    HC_ASSIGN_OR_RETURN(std::string peer, ParseName("peer", "peers", request->peer()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::EngagementView view,
                        app_.RemoveTeamMember(principal, id, peer, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EngagementGrpcService::RunTransition(Context* context,
                                                               absl::string_view method,
                                                               domain::Transition transition,
                                                               const Transition* request,
                                                               Engagement* response) {
  return runner_.Run(context, method, [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string id, ParseName("name", kCollection, request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::EngagementView view,
                        app_.Transition(principal, id, transition, request->reason(), version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

#define HC_TRANSITION_METHOD(method, transition)                                             \
  grpc::ServerUnaryReactor* EngagementGrpcService::method(Context* context,                 \
                                                          const Transition* request,         \
                                                          Engagement* response) {            \
    return RunTransition(context, #method, domain::Transition::transition, request, response); \
  }

HC_TRANSITION_METHOD(BeginDeskResearch, kBeginDeskResearch)
HC_TRANSITION_METHOD(OpenQuestionnaire, kOpenQuestionnaire)
HC_TRANSITION_METHOD(StartFieldwork, kStartFieldwork)
HC_TRANSITION_METHOD(GiveInitialFeedback, kGiveInitialFeedback)
HC_TRANSITION_METHOD(BeginReport, kBeginReport)
HC_TRANSITION_METHOD(CloseEngagement, kClose)
HC_TRANSITION_METHOD(CancelEngagement, kCancel)

#undef HC_TRANSITION_METHOD

grpc::ServerUnaryReactor* EngagementGrpcService::ListEngagementTransitions(
    Context* context, const v1::ListEngagementTransitionsRequest* request,
    v1::ListEngagementTransitionsResponse* response) {
  return runner_.Run(
      context, "ListEngagementTransitions", [=, this](const domain::Principal& principal) {
        HC_ASSIGN_OR_RETURN(std::string id, ParseName("parent", kCollection, request->parent()));
        const std::string list = absl::StrCat(request->parent(), "/transitions");
        HC_ASSIGN_OR_RETURN(app::PageRequest page,
                            ReadPageRequest(request->page_size(), request->page_token(), list));
        HC_ASSIGN_OR_RETURN(app::Page<domain::StageChange> found,
                            app_.ListTransitions(principal, id, page));
        for (const domain::StageChange& c : found.items) ToProto(c, response->add_transitions());
        response->set_next_page_token(NextPageToken(found.next, list));
        return absl::OkStatus();
      });
}

}  // namespace hc::services
