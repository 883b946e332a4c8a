#include "services/questionnaire/questionnaire_grpc_service.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/etag.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"
#include "services/questionnaire/results_mapping.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

static_assert(static_cast<int>(domain::QuestionnaireState::kClosed) ==
              v1::QUESTIONNAIRE_STATE_CLOSED);
static_assert(static_cast<int>(domain::RespondentLevel::kFrontLine) ==
              v1::RESPONDENT_LEVEL_FRONT_LINE);

// Parses "engagements/{engagement}/questionnaire" and returns the engagement id.
absl::StatusOr<std::string> ParseQuestionnaireName(absl::string_view field,
                                                   absl::string_view name) {
  absl::string_view engagement = name;
  if (!absl::ConsumeSuffix(&engagement, "/questionnaire")) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, " must be like engagements/abc123/questionnaire, not \"", name.substr(0, 100),
        "\""));
  }
  return ParseName(field, "engagements", engagement);
}

// Reads framework, times, k and comments.
absl::StatusOr<domain::Questionnaire> FromProto(const v1::Questionnaire& in) {
  domain::Questionnaire out;
  if (!in.framework().empty()) {
    HC_ASSIGN_OR_RETURN(FrameworkVersionName framework,
                        ParseFrameworkVersionName("questionnaire.framework", in.framework()));
    out.framework_id = std::move(framework.framework_id);
    out.framework_version = framework.version;
  }
  out.open_time = services::FromProto(in.open_time());
  out.close_time = services::FromProto(in.close_time());
  out.min_group_size = in.min_group_size();
  out.collect_comments = in.collect_comments();
  return out;
}

void ToProto(const app::QuestionnaireView& view, v1::Questionnaire* out) {
  const domain::Questionnaire& q = view.questionnaire;
  out->set_name(absl::StrCat("engagements/", q.meta.id, "/questionnaire"));
  out->set_framework(domain::FrameworkName(q.framework_id, q.framework_version));
  services::ToProto(q.open_time, out->mutable_open_time());
  services::ToProto(q.close_time, out->mutable_close_time());
  out->set_min_group_size(q.min_group_size);
  out->set_collect_comments(q.collect_comments);
  out->set_state(static_cast<v1::QuestionnaireState>(view.state));
  if (q.closed_time) services::ToProto(*q.closed_time, out->mutable_closed_time());
  out->set_invitation_count(static_cast<int32_t>(view.invitation_count));
  out->set_etag(EtagOf(q.meta.version));
  services::ToProto(q.meta.create_time, out->mutable_create_time());
  services::ToProto(q.meta.update_time, out->mutable_update_time());
}

void ToProto(const domain::Invitation& i, v1::Invitation* out) {
  out->set_name(absl::StrCat("engagements/", i.engagement_id, "/questionnaire/invitations/", i.id));
  out->set_organisation(i.group.organisation);
  out->set_level(static_cast<v1::RespondentLevel>(i.group.level));
  out->set_sector(static_cast<v1::Sector>(i.group.sector));
}

void ToProto(const app::GroupRate& rate, v1::GroupRate* out) {
  out->set_group(rate.group);
  out->set_invitations(rate.invitations);
  out->set_released(rate.released);
  out->set_responses(rate.responses);
  out->set_withheld_reason(rate.withheld_reason);
}

void ToProto(absl::string_view engagement_id, const domain::Comment& c, v1::Comment* out) {
  out->set_name(absl::StrCat("engagements/", engagement_id, "/questionnaire/comments/", c.id));
  out->set_text(c.text);
  out->set_quotable(c.quotable);
}

void ToProto(absl::string_view engagement_id, const domain::GatheredAction& a,
             v1::ActionEntry* out) {
  out->set_name(
      absl::StrCat("engagements/", engagement_id, "/questionnaire/actionEntries/", a.id));
  out->set_statement_code(a.statement_code);
  out->set_action_needed(a.entry.action);
  out->set_by_whom(a.entry.by_whom);
}

struct CommentName {
  std::string engagement_id;
  std::string comment_id;
};

// Parses "engagements/{e}/questionnaire/comments/{comment}".
absl::StatusOr<CommentName> ParseCommentName(absl::string_view name) {
  const size_t at = name.rfind("/comments/");
  CommentName out;
  if (at != absl::string_view::npos) {
    out.comment_id = std::string(name.substr(at + 10));
    absl::StatusOr<std::string> engagement =
        ParseQuestionnaireName("name", name.substr(0, at));
    if (engagement.ok()) out.engagement_id = *engagement;
  }
  bool hex = !out.comment_id.empty() && out.comment_id.size() <= 64;
  for (char c : out.comment_id) hex = hex && absl::ascii_isxdigit(static_cast<unsigned char>(c));
  if (out.engagement_id.empty() || !hex) {
    return absl::InvalidArgumentError(absl::StrCat(
        "name must be like engagements/abc/questionnaire/comments/0f3a..., not \"",
        name.substr(0, 120), "\""));
  }
  return out;
}

}  // namespace

grpc::ServerUnaryReactor* QuestionnaireGrpcService::CreateQuestionnaire(
    Context* context, const v1::CreateQuestionnaireRequest* request, Questionnaire* response) {
  return runner_.Run(context, "CreateQuestionnaire", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseName("parent", "engagements", request->parent()));
    HC_ASSIGN_OR_RETURN(domain::Questionnaire input, FromProto(request->questionnaire()));
    HC_ASSIGN_OR_RETURN(app::QuestionnaireView view, app_.Create(principal, engagement, input));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::GetQuestionnaire(
    Context* context, const v1::GetQuestionnaireRequest* request, Questionnaire* response) {
  return runner_.Run(context, "GetQuestionnaire", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("name", request->name()));
    HC_ASSIGN_OR_RETURN(app::QuestionnaireView view, app_.Get(principal, engagement));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::UpdateQuestionnaire(
    Context* context, const v1::UpdateQuestionnaireRequest* request, Questionnaire* response) {
  return runner_.Run(context, "UpdateQuestionnaire", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName(
                                                    "questionnaire.name",
                                                    request->questionnaire().name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->questionnaire().etag()));
    HC_ASSIGN_OR_RETURN(domain::Questionnaire input, FromProto(request->questionnaire()));
    const std::vector<std::string> paths(request->update_mask().paths().begin(),
                                         request->update_mask().paths().end());
    HC_ASSIGN_OR_RETURN(app::QuestionnaireView view,
                        app_.Update(principal, engagement, input, paths, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::CloseQuestionnaire(
    Context* context, const v1::CloseQuestionnaireRequest* request, Questionnaire* response) {
  return runner_.Run(context, "CloseQuestionnaire", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("name", request->name()));
    HC_ASSIGN_OR_RETURN(std::optional<int64_t> version, ParseEtag(request->etag()));
    HC_ASSIGN_OR_RETURN(app::QuestionnaireView view, app_.Close(principal, engagement, version));
    ToProto(view, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::CreateInvitations(
    Context* context, const v1::CreateInvitationsRequest* request,
    v1::CreateInvitationsResponse* response) {
  return runner_.Run(context, "CreateInvitations", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("parent", request->parent()));
    v1::CreateInvitationsRequest fingerprinted = *request;
    fingerprinted.clear_request_id();
    const app::RequestKey key{request->request_id(), Fingerprint(fingerprinted)};
    HC_ASSIGN_OR_RETURN(app::CreatedInvitations created,
                        app_.CreateInvitations(principal, engagement, request->csv(), key));
    for (const app::IssuedInvitation& i : created.invitations) {
      v1::Invitation* out = response->add_invitations();
      ToProto(i.invitation, out);
      out->set_link(i.link);
    }
    for (const app::SmallGroup& g : created.small_groups) {
      v1::SmallGroup* out = response->add_small_groups();
      out->set_organisation(g.organisation);
      out->set_level(static_cast<v1::RespondentLevel>(g.level));
      out->set_invitations(g.invitations);
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::ListInvitations(
    Context* context, const v1::ListInvitationsRequest* request,
    v1::ListInvitationsResponse* response) {
  return runner_.Run(context, "ListInvitations", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("parent", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/invitations");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::Invitation> found,
                        app_.ListInvitations(principal, engagement, page));
    for (const domain::Invitation& i : found.items) ToProto(i, response->add_invitations());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::GetResponseRates(
    Context* context, const v1::GetResponseRatesRequest* request, v1::ResponseRates* response) {
  return runner_.Run(context, "GetResponseRates", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("name", request->name()));
    HC_ASSIGN_OR_RETURN(app::ResponseRates rates, app_.GetResponseRates(principal, engagement));
    ToProto(rates.overall, response->mutable_overall());
    for (const auto& r : rates.by_organisation) ToProto(r, response->add_by_organisation());
    for (const auto& r : rates.by_level) ToProto(r, response->add_by_level());
    for (const auto& r : rates.by_sector) ToProto(r, response->add_by_sector());
    response->set_min_group_size(rates.min_group_size);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::ListComments(
    Context* context, const v1::ListCommentsRequest* request, v1::ListCommentsResponse* response) {
  return runner_.Run(context, "ListComments", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("parent", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/comments");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::Comment> found,
                        results_.ListComments(principal, engagement, page));
    for (const domain::Comment& c : found.items) ToProto(engagement, c, response->add_comments());
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::ListActionEntries(
    Context* context, const v1::ListActionEntriesRequest* request,
    v1::ListActionEntriesResponse* response) {
  return runner_.Run(context, "ListActionEntries", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(std::string engagement, ParseQuestionnaireName("parent", request->parent()));
    const std::string list = absl::StrCat(request->parent(), "/actionEntries");
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), list));
    HC_ASSIGN_OR_RETURN(app::Page<domain::GatheredAction> found,
                        results_.ListActions(principal, engagement, page));
    for (const domain::GatheredAction& a : found.items) {
      ToProto(engagement, a, response->add_action_entries());
    }
    response->set_next_page_token(NextPageToken(found.next, list));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::SetCommentQuotable(
    Context* context, const v1::SetCommentQuotableRequest* request, v1::Comment* response) {
  return runner_.Run(context, "SetCommentQuotable", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(CommentName name, ParseCommentName(request->name()));
    HC_ASSIGN_OR_RETURN(domain::Comment c,
                        results_.SetCommentQuotable(principal, name.engagement_id,
                                                    name.comment_id, request->quotable()));
    ToProto(name.engagement_id, c, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* QuestionnaireGrpcService::GetQuestionnaireResults(
    Context* context, const v1::GetQuestionnaireResultsRequest* request,
    v1::QuestionnaireResults* response) {
  return runner_.Run(context, "GetQuestionnaireResults",
                     [=, this](const domain::Principal& principal) {
                       HC_ASSIGN_OR_RETURN(std::string engagement,
                                           ParseQuestionnaireName("name", request->name()));
                       HC_ASSIGN_OR_RETURN(app::QuestionnaireResultsView view,
                                           results_.GetResults(principal, engagement));
                       ToProto(view, response);
                       return absl::OkStatus();
                     });
}

}  // namespace hc::services
