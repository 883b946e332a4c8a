#include "core/app/respondent_app_service.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/app/framework_app_service.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"
#include "core/domain/questionnaire.h"
#include "core/domain/submission.h"

namespace hc::app {

struct RespondentAppService::Context {
  domain::Invitation invitation;
  domain::Questionnaire questionnaire;
  domain::Framework framework;
  domain::Draft draft;
};

namespace {

std::string Day(absl::Time t) { return absl::FormatTime("%e %B %Y", t, absl::UTCTimeZone()); }

// Replaces the entries of `codes` in `into` by those of `from`.
template <typename Value>
void Replace(const std::set<std::string>& codes, const std::map<std::string, Value>& from,
             std::map<std::string, Value>& into) {
  for (const std::string& code : codes) {
    auto it = from.find(code);
    if (it == from.end()) {
      into.erase(code);
    } else {
      into[code] = it->second;
    }
  }
}

// The page's action entries trimmed, without blank ones.
std::map<std::string, domain::ActionEntry> Trimmed(
    const std::map<std::string, domain::ActionEntry>& actions) {
  std::map<std::string, domain::ActionEntry> out;
  for (const auto& [code, entry] : actions) {
    domain::ActionEntry trimmed{std::string(absl::StripAsciiWhitespace(entry.action)),
                                std::string(absl::StripAsciiWhitespace(entry.by_whom))};
    if (!trimmed.action.empty() || !trimmed.by_whom.empty()) out[code] = std::move(trimmed);
  }
  return out;
}

// The statement's place among the benchmark's section statements, from 0.
int StatementPosition(const domain::Framework& framework, const std::string& code) {
  int position = 0;
  for (const domain::Section& section : framework.sections) {
    for (const domain::Statement& s : section.statements) {
      if (s.code == code) return position;
      ++position;
    }
  }
  return position;
}

// 128 random bits as hex: the id of an unattributed row in resource names.
absl::StatusOr<std::string> NewRowKey() {
  HC_ASSIGN_OR_RETURN(std::string secret, crypto::NewSecret());
  return crypto::Sha256Hex(secret).substr(0, 32);
}

}  // namespace

RespondentAppService::RespondentAppService(Store& store, Clock& clock, const FrameworkCodec& codec)
    : store_(store), clock_(clock), codec_(codec) {}

absl::StatusOr<RespondentAppService::Context> RespondentAppService::Load(Repositories& repos,
                                                                         absl::string_view token) {
  absl::StatusOr<domain::Invitation> invitation =
      token.empty() ? absl::NotFoundError("") : repos.invitations().FindByTokenHash(
                                                    crypto::Sha256Hex(token));
  if (absl::IsNotFound(invitation.status())) {
    return absl::NotFoundError(
        "This link is not recognised. Please check that you copied the whole link from your "
        "invitation.");
  }
  HC_RETURN_IF_ERROR(invitation.status());
  if (invitation->used) {
    return absl::FailedPreconditionError(
        "A response has already been submitted with this invitation. Thank you for taking part.");
  }
  Context context;
  context.invitation = *std::move(invitation);
  HC_ASSIGN_OR_RETURN(context.questionnaire,
                      repos.questionnaires().Get(context.invitation.engagement_id));
  const absl::Time now = clock_.Now();
  switch (domain::StateAt(context.questionnaire, now)) {
    case domain::QuestionnaireState::kScheduled:
      return absl::FailedPreconditionError(absl::StrCat(
          "This questionnaire opens on ", Day(context.questionnaire.open_time),
          ". Please come back then."));
    case domain::QuestionnaireState::kClosed:
      return absl::FailedPreconditionError(
          "This questionnaire has closed, so it can no longer take answers.");
    default:
      break;
  }
  HC_ASSIGN_OR_RETURN(context.framework,
                      LoadFramework(repos, codec_, context.questionnaire.framework_id,
                                    context.questionnaire.framework_version));
  HC_ASSIGN_OR_RETURN(std::optional<domain::Draft> draft,
                      repos.drafts().Get(context.invitation.id));
  if (draft) context.draft = *std::move(draft);
  return context;
}

absl::StatusOr<RespondentSession> RespondentAppService::Open(absl::string_view token) {
  RespondentSession session;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Context context, Load(repos, token));
    session = {std::move(context.framework), std::move(context.draft),
               context.questionnaire.collect_comments, context.questionnaire.close_time};
    return absl::OkStatus();
  }));
  return session;
}

absl::Status RespondentAppService::Save(absl::string_view token, const domain::Draft& page,
                                        const DraftFields& fields) {
  return store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Context context, Load(repos, token));
    domain::Draft& draft = context.draft;
    Replace(fields.statements, page.answers, draft.answers);
    Replace(fields.sections, page.significance, draft.significance);
    Replace(fields.actions, Trimmed(page.actions), draft.actions);
    if (fields.comment) draft.comment = page.comment;
    HC_RETURN_IF_ERROR(domain::ValidateDraft(context.framework, draft,
                                             context.questionnaire.collect_comments));
    return repos.drafts().Put(context.invitation.id, draft);
  });
}

absl::Status RespondentAppService::Submit(absl::string_view token) {
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Context context, Load(repos, token));
    HC_RETURN_IF_ERROR(domain::CheckComplete(context.framework, context.draft.answers,
                                               context.draft.significance));
    const std::string& engagement = context.invitation.engagement_id;
    domain::Response response;
    response.organisation = context.invitation.group.organisation;
    response.level = context.invitation.group.level;
    response.sector = context.invitation.group.sector;
    response.answers = context.draft.answers;
    response.significance = context.draft.significance;
    HC_ASSIGN_OR_RETURN(std::string key, crypto::NewSecret());
    HC_RETURN_IF_ERROR(repos.responses().InsertResponse(engagement, key, response));
    for (const auto& [code, entry] : context.draft.actions) {
      HC_ASSIGN_OR_RETURN(std::string action_key, NewRowKey());
      HC_RETURN_IF_ERROR(repos.responses().InsertAction(
          engagement, {action_key, code, StatementPosition(context.framework, code), entry}));
    }
    if (!context.draft.comment.empty()) {
      HC_ASSIGN_OR_RETURN(std::string comment_key, NewRowKey());
      HC_RETURN_IF_ERROR(
          repos.responses().InsertComment(engagement, comment_key, context.draft.comment));
    }
    HC_RETURN_IF_ERROR(repos.drafts().Delete(context.invitation.id));
    HC_RETURN_IF_ERROR(repos.invitations().MarkUsed(context.invitation.id));
    return repos.audit_log().Append({"a respondent", "SubmitResponse",
                                     absl::StrCat("engagements/", engagement, "/questionnaire"),
                                     clock_.Now()});
  }));
  // The response is stored; now leave no record of which invitation was
  // marked used in the same transaction. If reads hold the log open, the
  // next submission's compaction catches up, so a failure here is no
  // reason to tell the respondent their answers were not kept.
  store_.CompactLog().IgnoreError();
  return absl::OkStatus();
}

}  // namespace hc::app
