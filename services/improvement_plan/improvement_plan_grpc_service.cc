#include "services/improvement_plan/improvement_plan_grpc_service.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/filter.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::PlanAction;
// The shared conversions, which this file's overloads would otherwise hide.
using ::hc::services::FromProto;
using ::hc::services::ToProto;

static_assert(static_cast<int>(domain::ActionStatus::kWorkingWell) == v1::WORKING_WELL);
static_assert(static_cast<int>(domain::PlanState::kApproved) == v1::PLAN_STATE_APPROVED);
static_assert(static_cast<int>(domain::CheckInState::kHeld) == v1::CHECK_IN_STATE_HELD);
static_assert(static_cast<int>(app::SuggestionSource::kRespondentEntry) ==
              v1::SUGGESTION_SOURCE_RESPONDENT_ENTRY);

constexpr absl::string_view kActions = "improvementPlan/actions";
constexpr absl::string_view kCheckIns = "improvementPlan/checkIns";

std::string PlanName(absl::string_view engagement_id) {
  return absl::StrCat("engagements/", engagement_id, "/improvementPlan");
}

// The engagement id of `engagements/{engagement}/improvementPlan`.
absl::StatusOr<std::string> ParsePlanName(absl::string_view field, absl::string_view name) {
  absl::string_view engagement = name;
  if (!absl::ConsumeSuffix(&engagement, "/improvementPlan")) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " must be like engagements/abc123/improvementPlan"));
  }
  return ParseName(field, "engagements", engagement);
}

absl::StatusOr<std::string> RecommendationId(absl::string_view name,
                                             absl::string_view engagement_id) {
  if (name.empty()) return std::string();
  HC_ASSIGN_OR_RETURN(EngagementChildName parsed,
                      ParseEngagementChildName("recommendation", "recommendations", name));
  if (parsed.engagement_id != engagement_id) {
    return absl::InvalidArgumentError(
        "recommendation must be a recommendation of the action's engagement");
  }
  return parsed.id;
}

absl::StatusOr<PlanAction> FromProto(const v1::PlanAction& in, absl::string_view engagement_id) {
  PlanAction out;
  out.title = in.title();
  out.description = in.description();
  HC_ASSIGN_OR_RETURN(out.recommendation_id, RecommendationId(in.recommendation(), engagement_id));
  out.statement_code = in.statement_code();
  out.owner_organisation = in.owner_organisation();
  HC_ASSIGN_OR_RETURN(out.due_date, FromProto("due_date", in.due_date()));
  out.status = static_cast<domain::ActionStatus>(in.status());
  return out;
}

void ToProto(const app::ActionView& view, v1::PlanAction* out) {
  const PlanAction& in = view.action;
  out->set_name(absl::StrCat(PlanName(in.engagement_id), "/actions/", in.meta.id));
  out->set_label(domain::ActionLabel(in.number));
  out->set_title(in.title);
  out->set_description(in.description);
  if (!in.recommendation_id.empty()) {
    out->set_recommendation(absl::StrCat("engagements/", in.engagement_id, "/recommendations/",
                                         in.recommendation_id));
  }
  out->set_statement_code(in.statement_code);
  out->set_owner_organisation(in.owner_organisation);
  if (in.due_date) ToProto(in.due_date, out->mutable_due_date());
  out->set_status(static_cast<v1::ActionStatus>(in.status));
  out->set_overdue(view.overdue);
  if (in.verify_time) ToProto(*in.verify_time, out->mutable_verify_time());
  out->set_verified_by(in.verified_by);
  ToProto(in.meta.create_time, out->mutable_create_time());
  ToProto(in.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(in.meta.version));
}

void ToProto(const app::PlanView& view, v1::ImprovementPlan* out) {
  out->set_name(PlanName(view.plan.meta.id));
  out->set_state(static_cast<v1::PlanState>(view.plan.state));
  if (view.plan.approve_time) ToProto(*view.plan.approve_time, out->mutable_approve_time());
  out->set_approved_by(view.plan.approved_by);
  using S = domain::ActionStatus;
  const auto& counts = view.summary.by_status;
  out->set_action_needed_count(counts[static_cast<int>(S::kActionNeeded)]);
  out->set_action_in_hand_count(counts[static_cast<int>(S::kActionInHand)]);
  out->set_needs_improving_count(counts[static_cast<int>(S::kNeedsImproving)]);
  out->set_working_well_count(counts[static_cast<int>(S::kWorkingWell)]);
  out->set_overdue_actions(view.summary.overdue);
  if (view.plan_due) ToProto(view.plan_due, out->mutable_plan_due());
  out->set_etag(EtagOf(view.plan.meta.version));
}

void ToProto(const domain::ProgressUpdate& in, v1::ProgressUpdate* out) {
  out->set_name(absl::StrCat(PlanName(in.engagement_id), "/actions/", in.action_id,
                             "/progressUpdates/", in.id));
  out->set_text(in.text);
  out->set_evidence(in.evidence);
  out->set_status(static_cast<v1::ActionStatus>(in.status));
  out->set_author(in.author);
  ToProto(in.create_time, out->mutable_create_time());
}

void ToProto(const app::CheckInView& view, v1::CheckIn* out) {
  const domain::CheckIn& in = view.check_in;
  out->set_name(absl::StrCat(PlanName(in.engagement_id), "/checkIns/", in.number));
  ToProto(std::optional<absl::CivilDay>(in.scheduled_date), out->mutable_scheduled_date());
  out->set_state(static_cast<v1::CheckInState>(in.state));
  if (in.held_date) ToProto(in.held_date, out->mutable_held_date());
  out->set_notes(in.notes);
  out->set_held_by(in.held_by);
  out->set_overdue(view.overdue);
  out->set_etag(EtagOf(in.meta.version));
}

void ToProto(absl::string_view engagement_id, const app::ActionSuggestion& in,
             v1::ActionSuggestion* out) {
  out->set_source(static_cast<v1::SuggestionSource>(in.source));
  out->set_text(in.text);
  if (!in.recommendation_id.empty()) {
    out->set_recommendation(absl::StrCat("engagements/", engagement_id, "/recommendations/",
                                         in.recommendation_id));
    out->set_recommendation_label(domain::RecommendationLabel(in.recommendation_number));
  }
  out->set_statement_code(in.statement_code);
  out->set_by_whom(in.by_whom);
  if (!in.action_entry_id.empty()) {
    out->set_action_entry(absl::StrCat("engagements/", engagement_id,
                                       "/questionnaire/actionEntries/", in.action_entry_id));
  }
}

absl::StatusOr<domain::ActionStatus> StatusValue(const FilterTerm& term) {
  absl::string_view name = term.value;
  std::optional<domain::ActionStatus> status =
      domain::ParseActionStatus(absl::AsciiStrToUpper(name));
  if (!status) {
    return absl::InvalidArgumentError(absl::StrCat(
        "filter: status must be ACTION_NEEDED, ACTION_IN_HAND, NEEDS_IMPROVING or WORKING_WELL, "
        "not ", term.value));
  }
  return *status;
}

// The query of a ListActions filter; `overdue` is set by `overdue = true`.
absl::StatusOr<app::PlanActionQuery> ReadQuery(const v1::ListActionsRequest& request,
                                               absl::string_view engagement_id, bool& overdue) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(request.filter()));
  app::PlanActionQuery query;
  for (const FilterTerm& t : terms) {
    if (t.op != "=") {
      return absl::InvalidArgumentError(
          absl::StrCat("filter: only '=' is supported, not '", t.op, "'"));
    }
    if (t.field == "status") {
      HC_ASSIGN_OR_RETURN(query.status, StatusValue(t));
    } else if (t.field == "overdue") {
      if (t.value != "true") {
        return absl::InvalidArgumentError("filter: overdue can only be true (overdue = true)");
      }
      overdue = true;
    } else if (t.field == "recommendation") {
      HC_ASSIGN_OR_RETURN(query.recommendation_id, RecommendationId(t.value, engagement_id));
      if (query.recommendation_id.empty()) {
        return absl::InvalidArgumentError("filter: recommendation must name a recommendation");
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter: '", t.field, "' is not supported; use status, overdue or recommendation"));
    }
  }
  return query;
}

app::RequestKey KeyOf(const google::protobuf::Message& request, absl::string_view request_id) {
  std::unique_ptr<google::protobuf::Message> fingerprinted(request.New());
  fingerprinted->CopyFrom(request);
  const google::protobuf::FieldDescriptor* field =
      fingerprinted->GetDescriptor()->FindFieldByName("request_id");
  fingerprinted->GetReflection()->ClearField(fingerprinted.get(), field);
  return {std::string(request_id), Fingerprint(*fingerprinted)};
}

// The id of an action entry named as a source, of the same engagement.
absl::StatusOr<std::string> EntryId(absl::string_view name, absl::string_view engagement_id) {
  if (name.empty()) return std::string();
  HC_ASSIGN_OR_RETURN(EngagementChildName parsed,
                      ParseEngagementChildName("source_action_entry",
                                               "questionnaire/actionEntries", name));
  if (parsed.engagement_id != engagement_id) {
    return absl::InvalidArgumentError(
        "source_action_entry must be an entry of the plan's engagement");
  }
  return parsed.id;
}

}  // namespace

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::GetImprovementPlan(
    Context* context, const v1::GetImprovementPlanRequest* request,
    v1::ImprovementPlan* response) {
  return runner_.Run(context, "GetImprovementPlan", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParsePlanName("name", request->name()));
    HC_ASSIGN_OR_RETURN(app::PlanView view, app_.GetPlan(p, engagement));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::ApproveImprovementPlan(
    Context* context, const v1::ApproveImprovementPlanRequest* request,
    v1::ImprovementPlan* response) {
  return runner_.Run(context, "ApproveImprovementPlan", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParsePlanName("name", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::PlanView view, app_.ApprovePlan(p, engagement, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::CreateAction(
    Context* context, const v1::CreateActionRequest* request, v1::PlanAction* response) {
  return runner_.Run(context, "CreateAction", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParsePlanName("parent", request->parent()));
    HC_ASSIGN_OR_RETURN(PlanAction input, FromProto(request->action(), engagement));
    HC_ASSIGN_OR_RETURN(std::string entry, EntryId(request->source_action_entry(), engagement));
    HC_ASSIGN_OR_RETURN(app::ActionView view,
                        app_.CreateAction(p, engagement, input, entry,
                                          KeyOf(*request, request->request_id())));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::GetAction(
    Context* context, const v1::GetActionRequest* request, v1::PlanAction* response) {
  return runner_.Run(context, "GetAction", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", kActions, request->name()));
    HC_ASSIGN_OR_RETURN(app::ActionView view, app_.GetAction(p, name.engagement_id, name.id));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::ListActions(
    Context* context, const v1::ListActionsRequest* request, v1::ListActionsResponse* response) {
  return runner_.Run(context, "ListActions", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParsePlanName("parent", request->parent()));
    bool overdue = false;
    HC_ASSIGN_OR_RETURN(app::PlanActionQuery query, ReadQuery(*request, engagement, overdue));
    const std::string list = absl::StrCat(request->parent(), "/actions?", request->filter());
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<app::ActionView> found,
                        app_.ListActions(p, engagement, query, overdue, page));
    for (const app::ActionView& a : found.items) ToProto(a, response->add_actions());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::UpdateAction(
    Context* context, const v1::UpdateActionRequest* request, v1::PlanAction* response) {
  return runner_.Run(context, "UpdateAction", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("action.name", kActions,
                                                 request->action().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->action().etag()));
    HC_ASSIGN_OR_RETURN(PlanAction input, FromProto(request->action(), name.engagement_id));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(app::ActionView view, app_.UpdateAction(p, name.engagement_id, name.id,
                                                                input, paths, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::VerifyAction(
    Context* context, const v1::VerifyActionRequest* request, v1::PlanAction* response) {
  return runner_.Run(context, "VerifyAction", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", kActions, request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::ActionView view,
                        app_.VerifyAction(p, name.engagement_id, name.id, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::CreateProgressUpdate(
    Context* context, const v1::CreateProgressUpdateRequest* request,
    v1::ProgressUpdate* response) {
  return runner_.Run(context, "CreateProgressUpdate", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(EngagementChildName action,
                        ParseEngagementChildName("parent", kActions, request->parent()));
    domain::ProgressUpdate input;
    input.text = request->progress_update().text();
    input.evidence = request->progress_update().evidence();
    input.status = static_cast<domain::ActionStatus>(request->progress_update().status());
    HC_ASSIGN_OR_RETURN(domain::ProgressUpdate update,
                        app_.CreateProgressUpdate(p, action.engagement_id, action.id, input,
                                                  KeyOf(*request, request->request_id())));
    ToProto(update, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::ListProgressUpdates(
    Context* context, const v1::ListProgressUpdatesRequest* request,
    v1::ListProgressUpdatesResponse* response) {
  return runner_.Run(context, "ListProgressUpdates", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(EngagementChildName action,
                        ParseEngagementChildName("parent", kActions, request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/progressUpdates");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::ProgressUpdate> found,
                        app_.ListProgressUpdates(p, action.engagement_id, action.id, page));
    for (const domain::ProgressUpdate& u : found.items) {
      ToProto(u, response->add_progress_updates());
    }
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::ListCheckIns(
    Context* context, const v1::ListCheckInsRequest* request,
    v1::ListCheckInsResponse* response) {
  return runner_.Run(context, "ListCheckIns", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParsePlanName("parent", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/checkIns");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<app::CheckInView> found,
                        app_.ListCheckIns(p, engagement, page));
    for (const app::CheckInView& c : found.items) ToProto(c, response->add_check_ins());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::RecordCheckIn(
    Context* context, const v1::RecordCheckInRequest* request, v1::CheckIn* response) {
  return runner_.Run(context, "RecordCheckIn", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", kCheckIns, request->name()));
    int number = 0;
    if (!absl::SimpleAtoi(name.id, &number) || number < 1) {
      return absl::InvalidArgumentError(
          "name must be like engagements/abc123/improvementPlan/checkIns/1");
    }
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::CheckInView view, app_.RecordCheckIn(p, name.engagement_id, number,
                                                                  request->notes(), version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ImprovementPlanGrpcService::ListActionSuggestions(
    Context* context, const v1::ListActionSuggestionsRequest* request,
    v1::ListActionSuggestionsResponse* response) {
  return runner_.Run(context, "ListActionSuggestions", [=, this](const domain::Principal& p) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParsePlanName("parent", request->parent()));
    HC_ASSIGN_OR_RETURN(std::vector<app::ActionSuggestion> found,
                        app_.ListSuggestions(p, engagement));
    for (const app::ActionSuggestion& s : found) {
      ToProto(engagement, s, response->add_suggestions());
    }
    return absl::OkStatus();
  });
}

}  // namespace hc::services
