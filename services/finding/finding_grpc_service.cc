#include "services/finding/finding_grpc_service.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/filter.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"
#include "services/web/feedback_page.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;
using domain::Recommendation;
using domain::ReviewFinding;

std::string EngagementName(absl::string_view engagement_id) {
  return absl::StrCat("engagements/", engagement_id);
}

// Ids from names of `collection` under the engagement; INVALID_ARGUMENT for
// a name of another engagement.
absl::StatusOr<std::vector<std::string>> ChildIds(
    absl::string_view field, absl::string_view collection,
    const google::protobuf::RepeatedPtrField<std::string>& names,
    absl::string_view engagement_id) {
  std::vector<std::string> ids;
  for (const std::string& name : names) {
    HC_ASSIGN_OR_RETURN(EngagementChildName parsed,
                        ParseEngagementChildName(field, collection, name));
    if (parsed.engagement_id != engagement_id) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, " must be of the same engagement, ", EngagementName(engagement_id)));
    }
    ids.push_back(std::move(parsed.id));
  }
  return ids;
}

// An enum value named in a filter, with or without the enum's prefix.
template <typename Parse>
auto FilterValue(const FilterTerm& term, absl::string_view prefix, Parse parse)
    -> decltype(parse(absl::string_view())) {
  absl::string_view name = term.value;
  absl::ConsumePrefix(&name, prefix);
  return parse(absl::AsciiStrToUpper(name));
}

absl::Status CheckEquals(const FilterTerm& term) {
  if (term.op == "=") return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("filter: only '=' is supported, not '", term.op, "'"));
}

absl::Status BadValue(const FilterTerm& term, absl::string_view allowed) {
  return absl::InvalidArgumentError(
      absl::StrCat("filter: ", term.field, " must be ", allowed, ", not ", term.value));
}

absl::StatusOr<ReviewFinding> FromProto(const v1::Finding& in, absl::string_view engagement_id) {
  ReviewFinding out;
  out.kind = static_cast<domain::FindingKind>(in.kind());
  out.title = in.title();
  out.narrative = in.narrative();
  out.principles.assign(in.principles().begin(), in.principles().end());
  HC_ASSIGN_OR_RETURN(out.note_ids, ChildIds("notes", "notes", in.notes(), engagement_id));
  out.questionnaire_results.assign(in.questionnaire_results().begin(),
                                   in.questionnaire_results().end());
  return out;
}

absl::StatusOr<Recommendation> FromProto(const v1::Recommendation& in,
                                         absl::string_view engagement_id) {
  Recommendation out;
  out.text = in.text();
  out.priority = static_cast<domain::Priority>(in.priority());
  HC_ASSIGN_OR_RETURN(out.finding_ids,
                      ChildIds("findings", "findings", in.findings(), engagement_id));
  return out;
}

// The fields every reviewed item shares.
template <typename Item, typename Message>
void ReviewToProto(const Item& in, Message* out) {
  out->set_state(static_cast<v1::ReviewState>(in.state));
  out->set_author(NameOf("peers", in.author_peer_id));
  if (!in.agreed_by_peer_id.empty()) out->set_agreed_by(NameOf("peers", in.agreed_by_peer_id));
  if (in.agree_time) ToProto(*in.agree_time, out->mutable_agree_time());
  ToProto(in.meta.create_time, out->mutable_create_time());
  ToProto(in.meta.update_time, out->mutable_update_time());
  out->set_etag(EtagOf(in.meta.version));
}

void ToProto(const ReviewFinding& in, v1::Finding* out) {
  const std::string engagement = EngagementName(in.engagement_id);
  out->set_name(absl::StrCat(engagement, "/findings/", in.meta.id));
  out->set_label(domain::FindingLabel(in.number));
  out->set_kind(static_cast<v1::FindingKind>(in.kind));
  out->set_title(in.title);
  out->set_narrative(in.narrative);
  for (const std::string& code : in.principles) out->add_principles(code);
  for (const std::string& id : in.note_ids) out->add_notes(absl::StrCat(engagement, "/notes/", id));
  for (const std::string& code : in.questionnaire_results) out->add_questionnaire_results(code);
  ReviewToProto(in, out);
}

void ToProto(const Recommendation& in, v1::Recommendation* out) {
  const std::string engagement = EngagementName(in.engagement_id);
  out->set_name(absl::StrCat(engagement, "/recommendations/", in.meta.id));
  out->set_label(domain::RecommendationLabel(in.number));
  out->set_text(in.text);
  out->set_priority(static_cast<v1::Priority>(in.priority));
  for (const std::string& id : in.finding_ids) {
    out->add_findings(absl::StrCat(engagement, "/findings/", id));
  }
  ReviewToProto(in, out);
}

void ToProto(const std::vector<domain::FeedbackPoint>& in,
             google::protobuf::RepeatedPtrField<v1::FeedbackPoint>* out) {
  for (const domain::FeedbackPoint& p : in) {
    v1::FeedbackPoint* point = out->Add();
    point->set_label(p.label);
    point->set_title(p.title);
    point->set_narrative(p.narrative);
    for (const std::string& code : p.also) point->add_also(code);
  }
}

absl::StatusOr<app::FindingQuery> ReadQuery(const v1::ListFindingsRequest& request) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(request.filter()));
  app::FindingQuery query;
  for (const FilterTerm& t : terms) {
    HC_RETURN_IF_ERROR(CheckEquals(t));
    if (t.field == "state") {
      query.state = FilterValue(t, "REVIEW_STATE_", domain::ParseReviewState);
      if (!query.state) return BadValue(t, "DRAFT, AGREED or WITHDRAWN");
    } else if (t.field == "kind") {
      query.kind = FilterValue(t, "FINDING_KIND_", domain::ParseFindingKind);
      if (!query.kind) return BadValue(t, "STRENGTH or AREA_FOR_DEVELOPMENT");
    } else if (t.field == "principle") {
      query.principle = t.value;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter: '", t.field, "' is not supported; use state, kind or principle"));
    }
  }
  return query;
}

absl::StatusOr<app::RecommendationQuery> ReadQuery(const v1::ListRecommendationsRequest& request,
                                                   absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(std::vector<FilterTerm> terms, ParseFilter(request.filter()));
  app::RecommendationQuery query;
  for (const FilterTerm& t : terms) {
    HC_RETURN_IF_ERROR(CheckEquals(t));
    if (t.field == "state") {
      query.state = FilterValue(t, "REVIEW_STATE_", domain::ParseReviewState);
      if (!query.state) return BadValue(t, "DRAFT, AGREED or WITHDRAWN");
    } else if (t.field == "priority") {
      query.priority = FilterValue(t, "PRIORITY_", domain::ParsePriority);
      if (!query.priority) return BadValue(t, "HIGH, MEDIUM or LOW");
    } else if (t.field == "finding") {
      google::protobuf::RepeatedPtrField<std::string> names;
      names.Add(std::string(t.value));
      HC_ASSIGN_OR_RETURN(std::vector<std::string> ids,
                          ChildIds("filter: finding", "findings", names, engagement_id));
      query.finding_id = ids.front();
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "filter: '", t.field, "' is not supported; use state, priority or finding"));
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

}  // namespace

grpc::ServerUnaryReactor* FindingGrpcService::CreateFinding(
    Context* context, const v1::CreateFindingRequest* request, FindingMessage* response) {
  return runner_.Run(context, "CreateFinding", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(ReviewFinding input, FromProto(request->finding(), engagement));
    HC_ASSIGN_OR_RETURN(ReviewFinding finding,
                        app_.CreateFinding(principal, engagement, input,
                                           KeyOf(*request, request->request_id())));
    ToProto(finding, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::GetFinding(Context* context,
                                                         const v1::GetFindingRequest* request,
                                                         FindingMessage* response) {
  return runner_.Run(context, "GetFinding", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "findings", request->name()));
    HC_ASSIGN_OR_RETURN(ReviewFinding finding,
                        app_.GetFinding(principal, name.engagement_id, name.id));
    ToProto(finding, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::ListFindings(
    Context* context, const v1::ListFindingsRequest* request,
    v1::ListFindingsResponse* response) {
  return runner_.Run(context, "ListFindings", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(app::FindingQuery query, ReadQuery(*request));
    const std::string list = absl::StrCat(request->parent(), "/findings?", request->filter());
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<ReviewFinding> found,
                        app_.ListFindings(principal, engagement, query, page));
    for (const ReviewFinding& f : found.items) ToProto(f, response->add_findings());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::UpdateFinding(
    Context* context, const v1::UpdateFindingRequest* request, FindingMessage* response) {
  return runner_.Run(context, "UpdateFinding", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name, ParseEngagementChildName(
                                                      "finding.name", "findings",
                                                      request->finding().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->finding().etag()));
    HC_ASSIGN_OR_RETURN(ReviewFinding input, FromProto(request->finding(), name.engagement_id));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(ReviewFinding finding, app_.UpdateFinding(principal, name.engagement_id,
                                                                  name.id, input, paths,
                                                                  version));
    ToProto(finding, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::ChangeFinding(Context* context,
                                                            const StateRequest* request,
                                                            FindingMessage* response,
                                                            domain::ReviewAction action,
                                                            absl::string_view method) {
  return runner_.Run(context, method, [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "findings", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(ReviewFinding finding,
                        app_.ChangeFindingState(principal, name.engagement_id, name.id, action,
                                                version));
    ToProto(finding, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::AgreeFinding(Context* context,
                                                           const StateRequest* request,
                                                           FindingMessage* response) {
  return ChangeFinding(context, request, response, domain::ReviewAction::kAgree, "AgreeFinding");
}

grpc::ServerUnaryReactor* FindingGrpcService::ReopenFinding(Context* context,
                                                            const StateRequest* request,
                                                            FindingMessage* response) {
  return ChangeFinding(context, request, response, domain::ReviewAction::kReopen,
                       "ReopenFinding");
}

grpc::ServerUnaryReactor* FindingGrpcService::WithdrawFinding(Context* context,
                                                              const StateRequest* request,
                                                              FindingMessage* response) {
  return ChangeFinding(context, request, response, domain::ReviewAction::kWithdraw,
                       "WithdrawFinding");
}

grpc::ServerUnaryReactor* FindingGrpcService::CreateRecommendation(
    Context* context, const v1::CreateRecommendationRequest* request, RecommendationMessage* response) {
  return runner_.Run(context, "CreateRecommendation",
                     [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(Recommendation input, FromProto(request->recommendation(), engagement));
    HC_ASSIGN_OR_RETURN(Recommendation recommendation,
                        app_.CreateRecommendation(principal, engagement, input,
                                                  KeyOf(*request, request->request_id())));
    ToProto(recommendation, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::GetRecommendation(
    Context* context, const v1::GetRecommendationRequest* request, RecommendationMessage* response) {
  return runner_.Run(context, "GetRecommendation", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "recommendations", request->name()));
    HC_ASSIGN_OR_RETURN(Recommendation recommendation,
                        app_.GetRecommendation(principal, name.engagement_id, name.id));
    ToProto(recommendation, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::ListRecommendations(
    Context* context, const v1::ListRecommendationsRequest* request,
    v1::ListRecommendationsResponse* response) {
  return runner_.Run(context, "ListRecommendations",
                     [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(app::RecommendationQuery query, ReadQuery(*request, engagement));
    const std::string list =
        absl::StrCat(request->parent(), "/recommendations?", request->filter());
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<Recommendation> found,
                        app_.ListRecommendations(principal, engagement, query, page));
    for (const Recommendation& r : found.items) ToProto(r, response->add_recommendations());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::UpdateRecommendation(
    Context* context, const v1::UpdateRecommendationRequest* request, RecommendationMessage* response) {
  return runner_.Run(context, "UpdateRecommendation",
                     [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("recommendation.name", "recommendations",
                                                 request->recommendation().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version,
                        ParseEtag(request->recommendation().etag()));
    HC_ASSIGN_OR_RETURN(Recommendation input,
                        FromProto(request->recommendation(), name.engagement_id));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(Recommendation recommendation,
                        app_.UpdateRecommendation(principal, name.engagement_id, name.id, input,
                                                  paths, version));
    ToProto(recommendation, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::ChangeRecommendation(
    Context* context, const StateRequest* request, RecommendationMessage* response,
    domain::ReviewAction action, absl::string_view method) {
  return runner_.Run(context, method, [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(EngagementChildName name,
                        ParseEngagementChildName("name", "recommendations", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(Recommendation recommendation,
                        app_.ChangeRecommendationState(principal, name.engagement_id, name.id,
                                                       action, version));
    ToProto(recommendation, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FindingGrpcService::AgreeRecommendation(Context* context,
                                                                  const StateRequest* request,
                                                                  RecommendationMessage* response) {
  return ChangeRecommendation(context, request, response, domain::ReviewAction::kAgree,
                              "AgreeRecommendation");
}

grpc::ServerUnaryReactor* FindingGrpcService::ReopenRecommendation(Context* context,
                                                                   const StateRequest* request,
                                                                   RecommendationMessage* response) {
  return ChangeRecommendation(context, request, response, domain::ReviewAction::kReopen,
                              "ReopenRecommendation");
}

grpc::ServerUnaryReactor* FindingGrpcService::WithdrawRecommendation(
    Context* context, const StateRequest* request, RecommendationMessage* response) {
  return ChangeRecommendation(context, request, response, domain::ReviewAction::kWithdraw,
                              "WithdrawRecommendation");
}

grpc::ServerUnaryReactor* FindingGrpcService::GetInitialFeedback(
    Context* context, const v1::GetInitialFeedbackRequest* request,
    v1::InitialFeedback* response) {
  return runner_.Run(context, "GetInitialFeedback", [=, this](const domain::Principal& principal) {
    absl::string_view engagement_name = request->name();
    if (!absl::ConsumeSuffix(&engagement_name, "/initialFeedback")) {
      return absl::InvalidArgumentError("name must be like engagements/abc123/initialFeedback");
    }
    HC_ASSIGN_OR_RETURN(std::string engagement,
                        ParseName("name", "engagements", engagement_name));
    HC_ASSIGN_OR_RETURN(app::FeedbackView view, app_.GetInitialFeedback(principal, engagement));
    const domain::InitialFeedback& f = view.feedback;
    response->set_name(request->name());
    response->set_given(view.given);
    if (f.given_on) ToProto(f.given_on, response->mutable_given_on());
    response->set_given_by(f.given_by);
    response->set_partnership(f.partnership_name);
    response->set_benchmark(f.benchmark_name);
    for (const std::string& line : f.headline) response->add_headline(line);
    for (const domain::PrincipleFeedback& p : f.principles) {
      v1::PrincipleFeedback* out = response->add_principles();
      out->set_section_code(p.section_code);
      out->set_title(p.title);
      ToProto(p.strengths, out->mutable_strengths());
      ToProto(p.areas_for_development, out->mutable_areas_for_development());
    }
    response->set_remarks(f.remarks);
    response->set_text(domain::FeedbackText(f));
    response->set_html(FeedbackPage(f));
    return absl::OkStatus();
  });
}

}  // namespace hc::services
