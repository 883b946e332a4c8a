#include "core/app/report_app_service.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/app/access_policy.h"
#include "core/app/engagement_transition.h"
#include "core/app/report_composer.h"
#include "core/common/status_macros.h"
#include "core/crypto/secrets.h"
#include "core/domain/lifecycle.h"
#include "core/domain/report_wording.h"

namespace hc::app {
namespace {

using domain::ReportAction;
using domain::ReportState;
using domain::ReportVersion;

constexpr absl::string_view kCreateReport = "CreateReport";
constexpr absl::string_view kPublishReport = "PublishReport";

std::string ReportName(absl::string_view engagement_id, int number) {
  return absl::StrCat("engagements/", engagement_id, "/reports/", number);
}

absl::Status NotFound(absl::string_view engagement_id, int number) {
  return absl::NotFoundError(
      absl::StrCat(ReportName(engagement_id, number), " does not exist"));
}

// Checks that the principal may read the engagement's reports; true for
// the partnership's contact, who sees only some versions.
absl::StatusOr<bool> CheckRead(Repositories& repos, const domain::Principal& principal,
                               absl::string_view engagement_id, absl::string_view action) {
  if (principal.role == domain::Role::kPartnershipContact) {
    HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, EngagementAccess::kRead,
                                      action).status());
    return true;
  }
  const EngagementAccess access = principal.role == domain::Role::kProgrammeLead
                                      ? EngagementAccess::kManage
                                      : EngagementAccess::kTeam;
  HC_RETURN_IF_ERROR(LoadEngagement(repos, principal, engagement_id, access, action).status());
  return false;
}

// The version with its bytes, as the principal may see it.
absl::StatusOr<ReportVersion> LoadReadable(Repositories& repos, const domain::Principal& principal,
                                           absl::string_view engagement_id, int number,
                                           absl::string_view action) {
  HC_ASSIGN_OR_RETURN(const bool contact, CheckRead(repos, principal, engagement_id, action));
  absl::StatusOr<ReportVersion> version = repos.reports().GetHeader(engagement_id, number);
  if (absl::IsNotFound(version.status())) return NotFound(engagement_id, number);
  HC_RETURN_IF_ERROR(version.status());
  // The partnership does not learn of versions it is not shown.
  if (contact && !domain::VisibleToPartnership(version->state)) {
    return NotFound(engagement_id, number);
  }
  return version;
}

ReportVersion WithoutBytes(ReportVersion version) {
  version.html.bytes.clear();
  version.pdf.bytes.clear();
  return version;
}

absl::StatusOr<ReportVersion> LoadForChange(Repositories& repos, absl::string_view engagement_id,
                                            int number, std::optional<int64_t> expected) {
  absl::StatusOr<ReportVersion> version = repos.reports().Get(engagement_id, number);
  if (absl::IsNotFound(version.status())) return NotFound(engagement_id, number);
  HC_RETURN_IF_ERROR(version.status());
  HC_RETURN_IF_ERROR(CheckVersion(ReportName(engagement_id, number), version->meta, expected));
  return version;
}

// The caller's name as the report's record shows it: a peer's own name.
absl::StatusOr<std::string> DisplayName(Repositories& repos, const domain::Principal& principal) {
  if (principal.role != domain::Role::kPeer) return principal.display_name;
  HC_ASSIGN_OR_RETURN(domain::Peer peer, repos.peers().Get(principal.peer_id));
  return peer.display_name;
}

std::string RoleOf(const domain::Principal& principal, const domain::Engagement& engagement) {
  if (principal.role == domain::Role::kPartnershipContact) return "Partnership contact";
  for (const domain::TeamMember& m : engagement.team) {
    if (m.peer_id == principal.peer_id) return domain::TeamRoleLabel(m.role);
  }
  return "Programme lead";
}

absl::Status CheckCanGenerate(Repositories& repos, const domain::Engagement& e) {
  const std::string name = absl::StrCat("engagements/", e.meta.id);
  if (e.stage != domain::Stage::kReport && e.stage != domain::Stage::kImprovementPlan &&
      e.stage != domain::Stage::kFollowUp) {
    return absl::FailedPreconditionError(absl::StrCat(
        name, " is ", domain::StageName(e.stage),
        "; a report version is generated in REPORT, IMPROVEMENT_PLAN or FOLLOW_UP"));
  }
  HC_ASSIGN_OR_RETURN(const int64_t agreed,
                      repos.findings().CountInState(e.meta.id, domain::ReviewState::kAgreed));
  if (agreed == 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(name, " has no agreed findings to report"));
  }
  HC_ASSIGN_OR_RETURN(std::vector<ReportVersion> versions, repos.reports().ListAll(e.meta.id));
  for (const ReportVersion& v : versions) {
    if (!domain::IsUnpublished(v.state)) continue;
    return absl::FailedPreconditionError(absl::StrCat(
        ReportName(e.meta.id, v.number), " is ", domain::ReportStateName(v.state),
        "; publish or withdraw it before generating another version"));
  }
  if (versions.size() >= static_cast<size_t>(domain::kMaxReportVersions)) {
    return absl::FailedPreconditionError(
        absl::StrCat(name, " already has ", domain::kMaxReportVersions, " report versions"));
  }
  return absl::OkStatus();
}

// Marks the engagement's published version, if any, as superseded.
absl::Status Supersede(Repositories& repos, absl::string_view engagement_id, absl::Time now) {
  HC_ASSIGN_OR_RETURN(std::vector<ReportVersion> versions, repos.reports().ListAll(engagement_id));
  for (const ReportVersion& listed : versions) {
    if (listed.state != ReportState::kPublished) continue;
    HC_ASSIGN_OR_RETURN(ReportVersion v, repos.reports().Get(engagement_id, listed.number));
    v.state = ReportState::kSuperseded;
    Touch(v.meta, now);
    HC_RETURN_IF_ERROR(repos.reports().Update(v));
  }
  return absl::OkStatus();
}

absl::string_view ActionName(ReportAction action) {
  switch (action) {
    case ReportAction::kSubmitForReview: return "SubmitReportForReview";
    case ReportAction::kSendForFactualCheck: return "SendReportForFactualCheck";
    case ReportAction::kPublish: return "PublishReport";
    case ReportAction::kWithdraw: return "WithdrawReport";
  }
  return "";
}

}  // namespace

ReportAppService::ReportAppService(Store& store, Clock& clock, IdSource& ids,
                                   const FrameworkCodec& codec, const ReportRenderer& renderer,
                                   domain::DueDateRules rules)
    : store_(store), clock_(clock), ids_(ids), codec_(codec), renderer_(renderer), rules_(rules) {}

absl::Status ReportAppService::Render(const report::ReportDocument& document,
                                      ReportVersion& version) {
  HC_ASSIGN_OR_RETURN(RenderedReport rendered, renderer_.Render(document));
  version.html = {std::move(rendered.html), "", 0};
  version.pdf = {std::move(rendered.pdf), "", 0};
  for (domain::ReportRendering* r : {&version.html, &version.pdf}) {
    r->sha256 = crypto::Sha256Hex(r->bytes);
    r->size = static_cast<int64_t>(r->bytes.size());
  }
  return absl::OkStatus();
}

absl::StatusOr<ReportAppService::Generation> ReportAppService::ReadGeneration(
    Repositories& repos, const domain::Principal& principal, absl::string_view engagement_id,
    const RequestKey& key, absl::Time now, absl::CivilDay today) {
  Generation generation;
  HC_ASSIGN_OR_RETURN(domain::Engagement e,
                      LoadEngagementForChange(repos, principal, engagement_id,
                                              EngagementAccess::kDraft, kCreateReport));
  HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                      FindReplay(repos, kCreateReport, principal, key));
  if (earlier) {
    int number = 0;
    if (!absl::SimpleAtoi(*earlier, &number)) return absl::InternalError("bad replay record");
    HC_ASSIGN_OR_RETURN(generation.replay, repos.reports().Get(engagement_id, number));
    return generation;
  }
  HC_RETURN_IF_ERROR(CheckCanGenerate(repos, e));
  HC_ASSIGN_OR_RETURN(const int64_t last, repos.reports().LastNumber(engagement_id));
  HC_ASSIGN_OR_RETURN(generation.document, ComposeReport(repos, codec_, e, static_cast<int>(last) + 1,
                                                         now, today));
  return generation;
}

absl::StatusOr<ReportVersion> ReportAppService::CreateReport(const domain::Principal& principal,
                                                             absl::string_view engagement_id,
                                                             const RequestKey& key) {
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  const absl::Time now = clock_.Now();
  const absl::CivilDay today = clock_.Today();
  Generation read;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(read, ReadGeneration(repos, principal, engagement_id, key, now, today));
    return absl::OkStatus();
  }));
  if (read.replay) return WithoutBytes(*std::move(read.replay));
  // Drawing the PDF takes a while: it happens outside any transaction, and
  // the write below checks that the store still composes the same report.
  ReportVersion result;
  const int number = read.document.version;
  result.content_fingerprint = ReportFingerprint(read.document);
  HC_RETURN_IF_ERROR(Render(read.document, result));
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Generation now_read,
                        ReadGeneration(repos, principal, engagement_id, key, now, today));
    if (now_read.replay) {
      result = *std::move(now_read.replay);
      return absl::OkStatus();
    }
    if (now_read.document.version != number ||
        ReportFingerprint(now_read.document) != result.content_fingerprint) {
      return absl::AbortedError(absl::StrCat(
          "the engagement changed while ", domain::ReportVersionLabel(number),
          " was being generated; generate it again"));
    }
    result.meta = {absl::StrCat(number), now, now, 1};
    result.engagement_id = std::string(engagement_id);
    result.number = number;
    result.state = ReportState::kDraft;
    HC_ASSIGN_OR_RETURN(result.created_by, DisplayName(repos, principal));
    result.created_by_peer_id = principal.peer_id;
    HC_RETURN_IF_ERROR(repos.reports().Insert(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kCreateReport, principal, key, result.meta.id, now));
    return Audit(repos, principal, kCreateReport, ReportName(engagement_id, number), now);
  }));
  return WithoutBytes(std::move(result));
}

absl::StatusOr<ReportVersion> ReportAppService::GetReport(const domain::Principal& principal,
                                                          absl::string_view engagement_id,
                                                          int number) {
  ReportVersion result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(result,
                        LoadReadable(repos, principal, engagement_id, number, "GetReport"));
    if (principal.role == domain::Role::kPartnershipContact) {
      result.comment_count = result.partnership_comment_count;
    }
    return absl::OkStatus();
  }));
  return WithoutBytes(std::move(result));
}

absl::StatusOr<Page<ReportVersion>> ReportAppService::ListReports(
    const domain::Principal& principal, absl::string_view engagement_id,
    const PageRequest& page) {
  Page<ReportVersion> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(const bool contact,
                        CheckRead(repos, principal, engagement_id, "ListReports"));
    HC_ASSIGN_OR_RETURN(result, repos.reports().List(engagement_id, page));
    if (contact) {
      // Filtering a page may shorten it; the cursor still moves on.
      std::erase_if(result.items, [](const ReportVersion& v) {
        return !domain::VisibleToPartnership(v.state);
      });
      for (ReportVersion& v : result.items) v.comment_count = v.partnership_comment_count;
    }
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<ReportVersion> ReportAppService::ChangeReportState(
    const domain::Principal& principal, absl::string_view engagement_id, int number,
    ReportAction action, std::optional<int64_t> expected_version) {
  if (action == ReportAction::kPublish) {
    return PublishReport(principal, engagement_id, number, expected_version);
  }
  const absl::string_view kAction = ActionName(action);
  const EngagementAccess access = action == ReportAction::kSubmitForReview
                                      ? EngagementAccess::kDraft
                                      : EngagementAccess::kLeadPeer;
  ReportVersion result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadEngagementForChange(repos, principal, engagement_id, access, kAction).status());
    HC_ASSIGN_OR_RETURN(result, LoadForChange(repos, engagement_id, number, expected_version));
    HC_ASSIGN_OR_RETURN(result.state,
                        domain::NextReportState(result.state, action,
                                                domain::ReportVersionLabel(number)));
    const absl::Time now = clock_.Now();
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.reports().Update(result));
    return Audit(repos, principal, kAction, ReportName(engagement_id, number), now);
  }));
  return WithoutBytes(std::move(result));
}

absl::StatusOr<ReportAppService::Publication> ReportAppService::ReadPublication(
    Repositories& repos, const domain::Principal& principal, absl::string_view engagement_id,
    int number, std::optional<int64_t> expected_version, absl::Time now, absl::CivilDay today) {
  Publication publication;
  HC_ASSIGN_OR_RETURN(publication.engagement,
                      LoadEngagementForChange(repos, principal, engagement_id,
                                              EngagementAccess::kLeadPeer, kPublishReport));
  HC_ASSIGN_OR_RETURN(publication.version,
                      LoadForChange(repos, engagement_id, number, expected_version));
  const std::string label = domain::ReportVersionLabel(number);
  HC_ASSIGN_OR_RETURN(publication.to, domain::NextReportState(publication.version.state,
                                                              ReportAction::kPublish, label));
  HC_ASSIGN_OR_RETURN(publication.document,
                      ComposeReport(repos, codec_, publication.engagement, number, now, today));
  if (ReportFingerprint(publication.document) != publication.version.content_fingerprint) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the engagement changed since ", label, " was generated; generate a new version"));
  }
  MarkPublished(publication.document, today);
  return publication;
}

absl::StatusOr<ReportVersion> ReportAppService::PublishReport(
    const domain::Principal& principal, absl::string_view engagement_id, int number,
    std::optional<int64_t> expected_version) {
  const absl::Time now = clock_.Now();
  const absl::CivilDay today = clock_.Today();
  Publication read;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(read, ReadPublication(repos, principal, engagement_id, number,
                                              expected_version, now, today));
    return absl::OkStatus();
  }));
  // Rendered outside any transaction; the write checks everything again.
  ReportVersion rendered;
  HC_RETURN_IF_ERROR(Render(read.document, rendered));
  ReportVersion result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(Publication p, ReadPublication(repos, principal, engagement_id, number,
                                                       expected_version, now, today));
    result = std::move(p.version);
    result.html = std::move(rendered.html);
    result.pdf = std::move(rendered.pdf);
    HC_RETURN_IF_ERROR(Supersede(repos, engagement_id, now));
    result.state = p.to;
    result.publish_time = now;
    HC_ASSIGN_OR_RETURN(result.published_by, DisplayName(repos, principal));
    Touch(result.meta, now);
    HC_RETURN_IF_ERROR(repos.reports().Update(result));
    HC_RETURN_IF_ERROR(
        Audit(repos, principal, kPublishReport, ReportName(engagement_id, number), now));
    if (p.engagement.stage != domain::Stage::kReport) return absl::OkStatus();
    // Publishing the first version is the engagement's own PublishReport.
    HC_RETURN_IF_ERROR(ApplyTransition(repos, principal, now, today, p.engagement,
                                       domain::Transition::kPublishReport, "", rules_)
                           .status());
    Touch(p.engagement.meta, now);
    HC_RETURN_IF_ERROR(repos.engagements().Update(p.engagement));
    return Audit(repos, principal, kPublishReport, absl::StrCat("engagements/", engagement_id),
                 now);
  }));
  return WithoutBytes(std::move(result));
}

absl::StatusOr<domain::ReportComment> ReportAppService::CreateComment(
    const domain::Principal& principal, absl::string_view engagement_id, int number,
    const domain::ReportComment& input, const RequestKey& key) {
  constexpr absl::string_view kAction = "CreateReportComment";
  HC_RETURN_IF_ERROR(ValidateRequestId(key.request_id));
  domain::ReportComment result;
  HC_RETURN_IF_ERROR(store_.Write([&](Repositories& repos) -> absl::Status {
    const EngagementAccess access = principal.role == domain::Role::kPartnershipContact
                                        ? EngagementAccess::kRead
                                        : EngagementAccess::kDraft;
    HC_ASSIGN_OR_RETURN(domain::Engagement e, LoadEngagementForChange(repos, principal,
                                                                      engagement_id, access,
                                                                      kAction));
    HC_ASSIGN_OR_RETURN(ReportVersion version,
                        LoadReadable(repos, principal, engagement_id, number, kAction));
    HC_RETURN_IF_ERROR(domain::ValidateReportComment(input));
    HC_ASSIGN_OR_RETURN(std::optional<std::string> earlier,
                        FindReplay(repos, kAction, principal, key));
    if (earlier) {
      HC_ASSIGN_OR_RETURN(result, repos.reports().GetComment(engagement_id, number, *earlier));
      return absl::OkStatus();
    }
    HC_RETURN_IF_ERROR(domain::CheckCommentable(version.state, principal.role,
                                                domain::ReportVersionLabel(number)));
    if (version.comment_count >= domain::kMaxReportComments) {
      return absl::FailedPreconditionError(absl::StrCat(
          ReportName(engagement_id, number), " already has ", domain::kMaxReportComments,
          " comments"));
    }
    const absl::Time now = clock_.Now();
    result = input;
    result.id = ids_.NewId();
    result.engagement_id = std::string(engagement_id);
    result.report_number = number;
    HC_ASSIGN_OR_RETURN(result.author_name, DisplayName(repos, principal));
    result.author_role = RoleOf(principal, e);
    result.from_partnership = principal.role == domain::Role::kPartnershipContact;
    result.create_time = now;
    HC_RETURN_IF_ERROR(repos.reports().InsertComment(result));
    HC_RETURN_IF_ERROR(RecordRequest(repos, kAction, principal, key, result.id, now));
    return Audit(repos, principal, kAction,
                 absl::StrCat(ReportName(engagement_id, number), "/comments/", result.id), now);
  }));
  return result;
}

absl::StatusOr<Page<domain::ReportComment>> ReportAppService::ListComments(
    const domain::Principal& principal, absl::string_view engagement_id, int number,
    const PageRequest& page) {
  Page<domain::ReportComment> result;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_RETURN_IF_ERROR(
        LoadReadable(repos, principal, engagement_id, number, "ListReportComments").status());
    const bool partnership_only = principal.role == domain::Role::kPartnershipContact;
    HC_ASSIGN_OR_RETURN(result, repos.reports().ListComments(engagement_id, number,
                                                             partnership_only, page));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<ReportFile> ReportAppService::OpenDownload(const domain::Principal& principal,
                                                          absl::string_view engagement_id,
                                                          int number, ReportFormat format) {
  ReportVersion version;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(version,
                        LoadReadable(repos, principal, engagement_id, number, "DownloadReport"));
    return absl::OkStatus();
  }));
  const bool pdf = format == ReportFormat::kPdf;
  const domain::ReportRendering& rendering = pdf ? version.pdf : version.html;
  ReportFile file;
  file.engagement_id = std::string(engagement_id);
  file.number = number;
  file.format = format;
  file.content_type = pdf ? "application/pdf" : "text/html; charset=utf-8";
  file.file_name = absl::StrCat("health-check-report-", engagement_id, "-v", number,
                                pdf ? ".pdf" : ".html");
  file.sha256 = rendering.sha256;
  file.size_bytes = rendering.size;
  return file;
}

absl::StatusOr<std::string> ReportAppService::ReadDownload(const domain::Principal& principal,
                                                           const ReportFile& file,
                                                           int64_t offset, int64_t max_bytes) {
  const bool pdf = file.format == ReportFormat::kPdf;
  std::string bytes;
  HC_RETURN_IF_ERROR(store_.Read([&](Repositories& repos) -> absl::Status {
    HC_ASSIGN_OR_RETURN(ReportVersion version, LoadReadable(repos, principal, file.engagement_id,
                                                            file.number, "DownloadReport"));
    if ((pdf ? version.pdf : version.html).sha256 != file.sha256) {
      return absl::AbortedError(absl::StrCat(ReportName(file.engagement_id, file.number),
                                             " changed during the download; download it again"));
    }
    HC_ASSIGN_OR_RETURN(bytes, repos.reports().ReadRendering(file.engagement_id, file.number, pdf,
                                                             offset, max_bytes));
    return absl::OkStatus();
  }));
  return bytes;
}

}  // namespace hc::app
