#ifndef HC_CORE_APP_REPORT_APP_SERVICE_H_
#define HC_CORE_APP_REPORT_APP_SERVICE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/app/mutation.h"
#include "core/app/ports/clock.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/id_source.h"
#include "core/app/ports/report_renderer.h"
#include "core/app/ports/store.h"
#include "core/domain/engagement.h"
#include "core/domain/principal.h"
#include "core/domain/report_version.h"

namespace hc::app {

enum class ReportFormat { kPdf, kHtml };

// One rendering of a version as handed out; its bytes are read a chunk at a
// time (ReportAppService::ReadDownload), never held whole per download.
struct ReportFile {
  std::string engagement_id;
  int number = 0;
  ReportFormat format = ReportFormat::kPdf;
  std::string content_type;  // "application/pdf" or "text/html; charset=utf-8"
  std::string file_name;     // "health-check-report-<engagement>-v2.pdf"
  std::string sha256;        // lower-case hex, as stored
  int64_t size_bytes = 0;
};

// Use cases of the written report's versions and their comments.
// Thread-safe: versions are rendered outside any store transaction, which
// then checks that the engagement still composes the same report. Rules:
// - The lead peer and peers on the team generate versions and submit them
//   for team review (EngagementAccess::kDraft); the lead peer alone sends
//   one for the factual-accuracy check, publishes and withdraws
//   (kLeadPeer). Shadows and the programme lead read everything.
// - The partnership's contact (of that partnership) reads, downloads and
//   lists only versions in FACTUAL_CHECK, PUBLISHED or SUPERSEDED
//   (domain::VisibleToPartnership); any other version is NOT_FOUND to them,
//   as an unknown one. They comment only in FACTUAL_CHECK, the team
//   (lead peer and peers) in TEAM_REVIEW and FACTUAL_CHECK.
// - Anyone else: PERMISSION_DENIED (NOT_FOUND for an unknown engagement for
//   the programme lead, as everywhere).
// - INVALID_ARGUMENT for bad fields or request ids; ABORTED for a stale
//   etag; FAILED_PRECONDITION for the state rules below, with the reason.
class ReportAppService {
 public:
  // `rules` set the plan's due date when the first publication moves the
  // engagement on.
  ReportAppService(Store& store, Clock& clock, IdSource& ids, const FrameworkCodec& codec,
                   const ReportRenderer& renderer, domain::DueDateRules rules);

  // Generates the next version from the engagement as it is now: composed
  // (app::ComposeReport), rendered as a draft and stored with both
  // renderings' SHA-256. FAILED_PRECONDITION unless the engagement is in
  // REPORT, IMPROVEMENT_PLAN or FOLLOW_UP, has an agreed finding and has no
  // other unpublished version (named in the message). Idempotent by
  // request_id. ABORTED if the engagement changed while the version was
  // being rendered (generate it again). The result carries no bytes.
  absl::StatusOr<domain::ReportVersion> CreateReport(const domain::Principal& principal,
                                                     absl::string_view engagement_id,
                                                     const RequestKey& key);
  // Without bytes. NOT_FOUND for an unknown (or, to the contact, unseen)
  // version.
  absl::StatusOr<domain::ReportVersion> GetReport(const domain::Principal& principal,
                                                  absl::string_view engagement_id, int number);
  // Without bytes, in number order; the contact's list holds only the
  // versions they may read.
  absl::StatusOr<Page<domain::ReportVersion>> ListReports(const domain::Principal& principal,
                                                          absl::string_view engagement_id,
                                                          const PageRequest& page);
  // Submit for team review, send for the factual-accuracy check or
  // withdraw (domain::NextReportState). Not kPublish: see PublishReport.
  absl::StatusOr<domain::ReportVersion> ChangeReportState(
      const domain::Principal& principal, absl::string_view engagement_id, int number,
      domain::ReportAction action, std::optional<int64_t> expected_version);
  // Publishes a version in FACTUAL_CHECK: re-composes the report and
  // refuses with FAILED_PRECONDITION "the engagement changed since version
  // N was generated; generate a new version" unless it says exactly what
  // the version said (app::ReportFingerprint); else renders it final,
  // dated today, and keeps those bytes for good. The previous published
  // version becomes SUPERSEDED; an engagement in REPORT makes its
  // PublishReport transition in the same transaction.
  absl::StatusOr<domain::ReportVersion> PublishReport(const domain::Principal& principal,
                                                      absl::string_view engagement_id,
                                                      int number,
                                                      std::optional<int64_t> expected_version);

  // Adds a comment by the caller (domain::CheckCommentable,
  // domain::ValidateReportComment). Idempotent by request_id.
  // FAILED_PRECONDITION beyond domain::kMaxReportComments.
  absl::StatusOr<domain::ReportComment> CreateComment(const domain::Principal& principal,
                                                      absl::string_view engagement_id,
                                                      int number,
                                                      const domain::ReportComment& input,
                                                      const RequestKey& key);
  // In time order. The partnership's contact reads only the partnership's
  // comments, never the team's.
  absl::StatusOr<Page<domain::ReportComment>> ListComments(const domain::Principal& principal,
                                                           absl::string_view engagement_id,
                                                           int number, const PageRequest& page);

  // Starts a download of one rendering of a version: its name, type, size
  // and stored SHA-256, under the rules of GetReport.
  absl::StatusOr<ReportFile> OpenDownload(const domain::Principal& principal,
                                          absl::string_view engagement_id, int number,
                                          ReportFormat format);
  // Up to `max_bytes` of `file` from `offset`, the caller's access checked
  // again. ABORTED if the rendering changed since OpenDownload (a draft
  // published meanwhile): download it again.
  absl::StatusOr<std::string> ReadDownload(const domain::Principal& principal,
                                           const ReportFile& file, int64_t offset,
                                           int64_t max_bytes);

 private:
  // What generating the next version reads: the version an earlier call
  // with the same request created, or the document to render.
  struct Generation {
    std::optional<domain::ReportVersion> replay;
    report::ReportDocument document;
  };
  absl::StatusOr<Generation> ReadGeneration(Repositories& repos,
                                            const domain::Principal& principal,
                                            absl::string_view engagement_id,
                                            const RequestKey& key, absl::Time now,
                                            absl::CivilDay today);
  // What publishing reads and checks: the engagement, the version, the
  // state it moves to and the document marked as published.
  struct Publication {
    domain::Engagement engagement;
    domain::ReportVersion version;
    domain::ReportState to = domain::ReportState::kUnspecified;
    report::ReportDocument document;
  };
  absl::StatusOr<Publication> ReadPublication(Repositories& repos,
                                              const domain::Principal& principal,
                                              absl::string_view engagement_id, int number,
                                              std::optional<int64_t> expected_version,
                                              absl::Time now, absl::CivilDay today);
  // Renders `document` and fills the version's renderings and hashes.
  absl::Status Render(const report::ReportDocument& document, domain::ReportVersion& version);

  Store& store_;
  Clock& clock_;
  IdSource& ids_;
  const FrameworkCodec& codec_;
  const ReportRenderer& renderer_;
  const domain::DueDateRules rules_;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_REPORT_APP_SERVICE_H_
