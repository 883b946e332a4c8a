#ifndef HC_CORE_APP_PORTS_REPOSITORIES_H_
#define HC_CORE_APP_PORTS_REPOSITORIES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "core/app/ports/page.h"
#include "core/domain/activity.h"
#include "core/domain/audit.h"
#include "core/domain/document.h"
#include "core/domain/engagement.h"
#include "core/domain/evidence.h"
#include "core/domain/findings.h"
#include "core/domain/initial_feedback.h"
#include "core/domain/framework.h"
#include "core/domain/improvement_plan.h"
#include "core/domain/partnership.h"
#include "core/domain/peer.h"
#include "core/domain/principal.h"
#include "core/domain/questionnaire.h"
#include "core/domain/report_version.h"
#include "core/domain/session.h"
#include "core/domain/user.h"

// The repository ports: what the use cases need of a store, one class per
// aggregate. Every method returns NOT_FOUND for a missing resource,
// ALREADY_EXISTS for a uniqueness clash, UNAVAILABLE when the store is busy,
// DATA_LOSS for a corrupt store and INTERNAL otherwise. Lists are ordered by
// (creation time, id) unless said otherwise. Instances belong to one
// transaction (see Store) and are not thread-safe.
namespace hc::app {

struct PartnershipQuery {
  std::optional<std::string> id;             // only this partnership
  std::optional<std::string> with_team_peer; // only those with an engagement this peer is on
};

class PartnershipRepository {
 public:
  virtual ~PartnershipRepository() = default;
  virtual absl::StatusOr<domain::Partnership> Get(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<domain::Partnership>> List(const PartnershipQuery& query,
                                                         const PageRequest& page) = 0;
  virtual absl::Status Insert(const domain::Partnership& partnership) = 0;
  // Replaces the stored partnership with the same id.
  virtual absl::Status Update(const domain::Partnership& partnership) = 0;
  virtual absl::Status Delete(absl::string_view id) = 0;
};

struct PeerQuery {
  std::optional<domain::Sector> home_sector;
  // Only accredited peers whose accreditation expires before this day.
  std::optional<absl::CivilDay> expiring_before;
};

class PeerRepository {
 public:
  virtual ~PeerRepository() = default;
  virtual absl::StatusOr<domain::Peer> Get(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<domain::Peer>> List(const PeerQuery& query,
                                                  const PageRequest& page) = 0;
  // Accredited peers whose expiry falls from `from` to `to` inclusive,
  // soonest first.
  virtual absl::StatusOr<std::vector<domain::Peer>> ListExpiring(absl::CivilDay from,
                                                                 absl::CivilDay to) = 0;
  // ALREADY_EXISTS if another peer has the same email.
  virtual absl::Status Insert(const domain::Peer& peer) = 0;
  virtual absl::Status Update(const domain::Peer& peer) = 0;
  virtual absl::Status Delete(absl::string_view id) = 0;
};

struct EngagementQuery {
  std::optional<domain::Stage> stage;
  std::optional<std::string> partnership_id;
  std::optional<std::string> lead_peer_id;
  std::optional<std::string> team_peer_id;  // any role
  // Only engagements with a key date before this day whose stage they have
  // not reached (domain::NextDeadline before it).
  std::optional<absl::CivilDay> overdue_on;
};

class EngagementRepository {
 public:
  virtual ~EngagementRepository() = default;
  virtual absl::StatusOr<domain::Engagement> Get(absl::string_view id) = 0;
  virtual absl::StatusOr<Page<domain::Engagement>> List(const EngagementQuery& query,
                                                        const PageRequest& page) = 0;
  // Every engagement matching `query` (for the programme overview).
  virtual absl::StatusOr<std::vector<domain::Engagement>> ListAll(
      const EngagementQuery& query) = 0;
  virtual absl::StatusOr<std::map<domain::Stage, int>> CountByStage() = 0;
  virtual absl::StatusOr<bool> AnyForPartnership(absl::string_view partnership_id) = 0;
  virtual absl::StatusOr<bool> AnyWithTeamPeer(absl::string_view peer_id) = 0;
  virtual absl::Status Insert(const domain::Engagement& engagement) = 0;
  // Replaces the engagement, its scoping record and its team.
  virtual absl::Status Update(const domain::Engagement& engagement) = 0;
  // Appends a stage change; the store numbers it.
  virtual absl::Status AppendStageChange(const domain::StageChange& change) = 0;
  // Cursor key: the sequence number.
  virtual absl::StatusOr<Page<domain::StageChange>> ListStageChanges(
      absl::string_view engagement_id, const PageRequest& page) = 0;
};

class AccessTokenRepository {
 public:
  virtual ~AccessTokenRepository() = default;
  virtual absl::StatusOr<domain::AccessToken> Get(absl::string_view id) = 0;
  // NOT_FOUND unless a token has this secret hash (revoked or not).
  virtual absl::StatusOr<domain::AccessToken> FindBySecretHash(absl::string_view hash) = 0;
  // Every person's tokens, or only `user_id`'s when it is set.
  virtual absl::StatusOr<Page<domain::AccessToken>> List(absl::string_view user_id,
                                                         const PageRequest& page) = 0;
  virtual absl::Status Insert(const domain::AccessToken& token) = 0;
  virtual absl::Status SetRevoked(absl::string_view id, absl::Time when) = 0;
  // Revokes, as of `when`, every token of the person still in force;
  // returns how many.
  virtual absl::StatusOr<int> RevokeAllOf(absl::string_view user_id, absl::Time when) = 0;
};

// People, their set-password links and their sessions.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual absl::StatusOr<domain::User> Get(absl::string_view id) = 0;
  // NOT_FOUND unless someone has this email (compared case-insensitively).
  virtual absl::StatusOr<domain::User> FindByEmail(absl::string_view email) = 0;
  virtual absl::StatusOr<Page<domain::User>> List(const PageRequest& page) = 0;
  // The oldest active programme lead, or NOT_FOUND.
  virtual absl::StatusOr<domain::User> FirstProgrammeLead() = 0;
  // Whether an active programme lead with an email and a password exists.
  virtual absl::StatusOr<bool> AnyLeadCanSignIn() = 0;
  // ALREADY_EXISTS if the email is taken.
  virtual absl::Status Insert(const domain::User& user) = 0;
  // Replaces everything but the id and creation time. ALREADY_EXISTS if the
  // email is taken.
  virtual absl::Status Update(const domain::User& user) = 0;
  // Suspends, as of `when`, every active person bound to the peer `peer_id`
  // or (if `peer_id` is empty) the partnership `partnership_id`, and ends
  // their sessions; returns how many people.
  virtual absl::StatusOr<int> SuspendAllBoundTo(absl::string_view peer_id,
                                                absl::string_view partnership_id,
                                                absl::Time when) = 0;

  virtual absl::Status InsertLink(const domain::PasswordLink& link) = 0;
  // NOT_FOUND unless a link has this secret hash (used or not).
  virtual absl::StatusOr<domain::PasswordLink> FindLinkBySecretHash(absl::string_view hash) = 0;
  // Marks every unused link of the person used as of `when` (a new link, or
  // a password set, makes older links useless).
  virtual absl::Status UseLinksOf(absl::string_view user_id, absl::Time when) = 0;

  virtual absl::Status InsertSession(const domain::Session& session) = 0;
  virtual absl::StatusOr<domain::Session> GetSession(absl::string_view id) = 0;
  // NOT_FOUND unless a session has this secret hash (ended or not).
  virtual absl::StatusOr<domain::Session> FindSessionBySecretHash(absl::string_view hash) = 0;
  // The person's sessions still live at `now` (domain::IsLive), oldest
  // first.
  virtual absl::StatusOr<Page<domain::Session>> ListLiveSessions(absl::string_view user_id,
                                                                 absl::Time now,
                                                                 const PageRequest& page) = 0;
  virtual absl::Status SetSessionActive(absl::string_view id, absl::Time when) = 0;
  virtual absl::Status EndSession(absl::string_view id, absl::Time when) = 0;
  // Ends every session of the person still open but `except`; returns how
  // many.
  virtual absl::StatusOr<int> EndSessionsOf(absl::string_view user_id, absl::Time when,
                                            absl::string_view except = "") = 0;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends the record as the chain's next link (domain::AuditChainInput).
  virtual absl::Status Append(const domain::AuditRecord& record) = 0;
  // Reads the whole log and checks every link of its chain.
  virtual absl::StatusOr<domain::AuditChainCheck> CheckChain() = 0;
  // Oldest first; cursor key is the record's sequence number.
  virtual absl::StatusOr<Page<domain::AuditRecord>> List(const PageRequest& page) = 0;
};

// One stored version of a benchmark: its definition is an encoded
// domain::Framework (see FrameworkCodec), written once and never changed.
struct FrameworkRecord {
  std::string framework_id;
  int version = 0;
  std::string display_name;
  bool builtin = false;
  std::string fingerprint;  // of the definition as loaded, to spot a changed file
  std::string definition;
  absl::Time create_time = absl::UnixEpoch();
};

// Versions are append-only: there is no update and no delete.
class FrameworkRepository {
 public:
  virtual ~FrameworkRepository() = default;
  virtual absl::StatusOr<FrameworkRecord> Get(absl::string_view framework_id, int version) = 0;
  // The highest version of `framework_id`, or nullopt if there is none.
  virtual absl::StatusOr<std::optional<FrameworkRecord>> Latest(
      absl::string_view framework_id) = 0;
  // Ordered by (framework_id, version); cursor id = framework_id, key = version.
  virtual absl::StatusOr<Page<FrameworkRecord>> List(const PageRequest& page) = 0;
  // ALREADY_EXISTS if that version exists.
  virtual absl::Status Insert(const FrameworkRecord& record) = 0;
};

class QuestionnaireRepository {
 public:
  virtual ~QuestionnaireRepository() = default;
  // NOT_FOUND if the engagement has no questionnaire.
  virtual absl::StatusOr<domain::Questionnaire> Get(absl::string_view engagement_id) = 0;
  // ALREADY_EXISTS if the engagement has one.
  virtual absl::Status Insert(const domain::Questionnaire& questionnaire) = 0;
  virtual absl::Status Update(const domain::Questionnaire& questionnaire) = 0;
};

// How many were invited and how many used their invitation, per group.
struct GroupTally {
  domain::RespondentGroup group;
  int invited = 0;
  int used = 0;
};

class InvitationRepository {
 public:
  virtual ~InvitationRepository() = default;
  // Appends invitations; each one's position must be new for its engagement.
  virtual absl::Status Insert(const domain::Invitation& invitation) = 0;
  // The next free position of the engagement's invitations (0 for none).
  virtual absl::StatusOr<int64_t> NextPosition(absl::string_view engagement_id) = 0;
  // By position; cursor key = position.
  virtual absl::StatusOr<Page<domain::Invitation>> List(absl::string_view engagement_id,
                                                        const PageRequest& page) = 0;
  virtual absl::StatusOr<int64_t> Count(absl::string_view engagement_id) = 0;
  // One row per distinct group, ordered by organisation, level, sector.
  virtual absl::StatusOr<std::vector<GroupTally>> Tally(absl::string_view engagement_id) = 0;
  // NOT_FOUND unless an invitation has this token hash.
  virtual absl::StatusOr<domain::Invitation> FindByTokenHash(absl::string_view hash) = 0;
  // Records that it was used (and nothing about when).
  virtual absl::Status MarkUsed(absl::string_view invitation_id) = 0;
  // Gives it a new token (its old link stops working).
  virtual absl::Status ReplaceTokenHash(absl::string_view invitation_id,
                                        absl::string_view token_hash) = 0;
};

// Respondents' unsubmitted answers, by invitation.
class DraftRepository {
 public:
  virtual ~DraftRepository() = default;
  virtual absl::StatusOr<std::optional<domain::Draft>> Get(absl::string_view invitation_id) = 0;
  virtual absl::Status Put(absl::string_view invitation_id, const domain::Draft& draft) = 0;
  // Erases it, leaving no trace of its content in the file.
  virtual absl::Status Delete(absl::string_view invitation_id) = 0;
};

// Submitted responses, action entries and comments. None carries an
// invitation, a time or anything ordered by submission: each row's key is
// random, rows are listed in key order, and no row is linked to another.
class ResponseRepository {
 public:
  virtual ~ResponseRepository() = default;
  virtual absl::Status InsertResponse(absl::string_view engagement_id, absl::string_view key,
                                      const domain::Response& response) = 0;
  virtual absl::Status InsertComment(absl::string_view engagement_id, absl::string_view key,
                                     absl::string_view text) = 0;
  virtual absl::Status InsertAction(absl::string_view engagement_id,
                                    const domain::GatheredAction& action) = 0;
  virtual absl::StatusOr<std::vector<domain::Response>> ListResponses(
      absl::string_view engagement_id) = 0;
  // By statement position, then key (random); cursor = (position, key).
  virtual absl::StatusOr<Page<domain::GatheredAction>> ListActions(
      absl::string_view engagement_id, const PageRequest& page) = 0;
  // In key order (random); cursor id = the last key.
  virtual absl::StatusOr<Page<domain::Comment>> ListComments(absl::string_view engagement_id,
                                                             const PageRequest& page) = 0;
  // NOT_FOUND unless the engagement has a comment with this key.
  virtual absl::StatusOr<domain::Comment> SetQuotable(absl::string_view engagement_id,
                                                      absl::string_view key, bool quotable) = 0;
};

// Narrows a list of activities; unset fields do not narrow.
struct ActivityQuery {
  std::optional<int> day;
  std::string peer_id;
  std::optional<domain::ActivityState> state;
};

// An engagement's fieldwork activities (at most kMaxActivities each).
class ActivityRepository {
 public:
  virtual ~ActivityRepository() = default;
  // NOT_FOUND unless the engagement has an activity with this id.
  virtual absl::StatusOr<domain::Activity> Get(absl::string_view engagement_id,
                                               absl::string_view id) = 0;
  virtual absl::Status Insert(const domain::Activity& activity) = 0;
  virtual absl::Status Update(const domain::Activity& activity) = 0;
  // Every activity of the engagement in timetable order (day, start, id).
  virtual absl::StatusOr<std::vector<domain::Activity>> ListAll(
      absl::string_view engagement_id) = 0;
  virtual absl::StatusOr<int64_t> Count(absl::string_view engagement_id) = 0;
  // In timetable order; cursor = (day * kMinutesPerDay + start minute, id).
  virtual absl::StatusOr<Page<domain::Activity>> List(absl::string_view engagement_id,
                                                      const ActivityQuery& query,
                                                      const PageRequest& page) = 0;
};

// The documents read in an engagement's desk research (at most
// kMaxDocuments each).
class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  // NOT_FOUND unless the engagement has a document with this id.
  virtual absl::StatusOr<domain::Document> Get(absl::string_view engagement_id,
                                               absl::string_view id) = 0;
  virtual absl::Status Insert(const domain::Document& document) = 0;
  virtual absl::Status Update(const domain::Document& document) = 0;
  // Newest first; cursor = (creation time, id), both descending.
  virtual absl::StatusOr<Page<domain::Document>> List(absl::string_view engagement_id,
                                                      const PageRequest& page) = 0;
  virtual absl::StatusOr<int64_t> Count(absl::string_view engagement_id) = 0;
};

// Narrows a list of notes; empty or unset fields do not narrow.
struct NoteQuery {
  std::string match;               // an FTS5 query over the text
  std::vector<std::string> tags;   // notes with any of these tags
  std::optional<domain::Polarity> polarity;
  std::string source;              // an ActivityKindName or domain::kDocumentSource
  std::string author_peer_id;
  std::optional<int> day;          // of the note's activity
};

// An engagement's evidence notes.
class NoteRepository {
 public:
  virtual ~NoteRepository() = default;
  // NOT_FOUND unless the engagement has a note with this id.
  virtual absl::StatusOr<domain::EvidenceNote> Get(absl::string_view engagement_id,
                                                   absl::string_view id) = 0;
  virtual absl::Status Insert(const domain::EvidenceNote& note) = 0;
  virtual absl::Status Update(const domain::EvidenceNote& note) = 0;
  // In creation order; cursor = (creation time, id).
  virtual absl::StatusOr<Page<domain::EvidenceNote>> List(absl::string_view engagement_id,
                                                          const NoteQuery& query,
                                                          const PageRequest& page) = 0;
  // Every note of the engagement, in creation order.
  virtual absl::StatusOr<std::vector<domain::EvidenceNote>> ListAll(
      absl::string_view engagement_id) = 0;
};

// Narrows a list of findings; unset fields do not narrow.
struct FindingQuery {
  std::optional<domain::ReviewState> state;
  std::optional<domain::FindingKind> kind;
  std::string principle;  // a section code among the finding's principles
};

// An engagement's findings (at most domain::kMaxFindings). Never deleted.
class FindingRepository {
 public:
  virtual ~FindingRepository() = default;
  virtual absl::StatusOr<domain::ReviewFinding> Get(absl::string_view engagement_id,
                                                    absl::string_view id) = 0;
  virtual absl::Status Insert(const domain::ReviewFinding& finding) = 0;
  virtual absl::Status Update(const domain::ReviewFinding& finding) = 0;
  // In number order; cursor = (number, id).
  virtual absl::StatusOr<Page<domain::ReviewFinding>> List(absl::string_view engagement_id,
                                                           const FindingQuery& query,
                                                           const PageRequest& page) = 0;
  virtual absl::StatusOr<std::vector<domain::ReviewFinding>> ListAll(
      absl::string_view engagement_id) = 0;
  // The highest number given so far, 0 for none.
  virtual absl::StatusOr<int64_t> LastNumber(absl::string_view engagement_id) = 0;
  virtual absl::StatusOr<int64_t> CountInState(absl::string_view engagement_id,
                                               domain::ReviewState state) = 0;
};

struct RecommendationQuery {
  std::optional<domain::ReviewState> state;
  std::optional<domain::Priority> priority;
  std::string finding_id;  // recommendations answering this finding
};

// An engagement's recommendations (at most domain::kMaxRecommendations).
// Never deleted.
class RecommendationRepository {
 public:
  virtual ~RecommendationRepository() = default;
  virtual absl::StatusOr<domain::Recommendation> Get(absl::string_view engagement_id,
                                                     absl::string_view id) = 0;
  virtual absl::Status Insert(const domain::Recommendation& recommendation) = 0;
  virtual absl::Status Update(const domain::Recommendation& recommendation) = 0;
  // In number order; cursor = (number, id).
  virtual absl::StatusOr<Page<domain::Recommendation>> List(absl::string_view engagement_id,
                                                            const RecommendationQuery& query,
                                                            const PageRequest& page) = 0;
  virtual absl::StatusOr<int64_t> LastNumber(absl::string_view engagement_id) = 0;
};

// The initial feedback as it was given: written once, never changed.
class FeedbackRepository {
 public:
  virtual ~FeedbackRepository() = default;
  // nullopt until it has been given.
  virtual absl::StatusOr<std::optional<domain::InitialFeedback>> Get(
      absl::string_view engagement_id) = 0;
  // ALREADY_EXISTS if the engagement's feedback is already kept.
  virtual absl::Status Insert(absl::string_view engagement_id,
                              const domain::InitialFeedback& feedback) = 0;
};

// Narrows a list of plan actions; unset fields do not narrow.
struct PlanActionQuery {
  std::optional<domain::ActionStatus> status;
  // Only actions overdue on this day (domain::IsOverdue).
  std::optional<absl::CivilDay> overdue_on;
  std::string recommendation_id;  // only actions answering it
};

// An engagement's improvement plan: the plan, its actions (at most
// domain::kMaxPlanActions, never deleted), their progress updates (never
// changed) and the check-ins scheduled at approval.
class ImprovementPlanRepository {
 public:
  virtual ~ImprovementPlanRepository() = default;
  // nullopt until the plan is first stored (it is then a draft).
  virtual absl::StatusOr<std::optional<domain::ImprovementPlan>> GetPlan(
      absl::string_view engagement_id) = 0;
  // Inserts or replaces the plan of engagement plan.meta.id.
  virtual absl::Status PutPlan(const domain::ImprovementPlan& plan) = 0;

  virtual absl::StatusOr<domain::PlanAction> GetAction(absl::string_view engagement_id,
                                                       absl::string_view id) = 0;
  virtual absl::Status InsertAction(const domain::PlanAction& action) = 0;
  virtual absl::Status UpdateAction(const domain::PlanAction& action) = 0;
  // In number order; cursor = (number, id).
  virtual absl::StatusOr<Page<domain::PlanAction>> ListActions(
      absl::string_view engagement_id, const PlanActionQuery& query,
      const PageRequest& page) = 0;
  virtual absl::StatusOr<std::vector<domain::PlanAction>> ListAllActions(
      absl::string_view engagement_id) = 0;
  // The highest number given so far, 0 for none.
  virtual absl::StatusOr<int64_t> LastActionNumber(absl::string_view engagement_id) = 0;

  virtual absl::StatusOr<domain::ProgressUpdate> GetProgressUpdate(
      absl::string_view engagement_id, absl::string_view id) = 0;
  virtual absl::Status InsertProgressUpdate(const domain::ProgressUpdate& update) = 0;
  // Oldest first; cursor = (creation time, id).
  virtual absl::StatusOr<Page<domain::ProgressUpdate>> ListProgressUpdates(
      absl::string_view engagement_id, absl::string_view action_id,
      const PageRequest& page) = 0;

  // NOT_FOUND unless the engagement has a check-in with this number.
  virtual absl::StatusOr<domain::CheckIn> GetCheckIn(absl::string_view engagement_id,
                                                     int number) = 0;
  virtual absl::Status InsertCheckIn(const domain::CheckIn& check_in) = 0;
  virtual absl::Status UpdateCheckIn(const domain::CheckIn& check_in) = 0;
  // In number order; cursor key = number.
  virtual absl::StatusOr<Page<domain::CheckIn>> ListCheckIns(absl::string_view engagement_id,
                                                             const PageRequest& page) = 0;
};

// An engagement's report versions (at most domain::kMaxReportVersions) and
// their comments. Nothing is deleted; the store itself refuses any change to
// a published version's renderings, fingerprint or state other than
// PUBLISHED -> SUPERSEDED.
class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // With both renderings' bytes. NOT_FOUND unless the engagement has it.
  virtual absl::StatusOr<domain::ReportVersion> Get(absl::string_view engagement_id,
                                                    int number) = 0;
  // As Get, without the renderings' bytes.
  virtual absl::StatusOr<domain::ReportVersion> GetHeader(absl::string_view engagement_id,
                                                          int number) = 0;
  // Up to `max_bytes` of one rendering (the PDF if `pdf`, else the HTML)
  // from `offset`, fewer at its end, read without loading the rest.
  // NOT_FOUND unless the engagement has the version; OUT_OF_RANGE for an
  // offset past the end.
  virtual absl::StatusOr<std::string> ReadRendering(absl::string_view engagement_id, int number,
                                                    bool pdf, int64_t offset,
                                                    int64_t max_bytes) = 0;
  // ALREADY_EXISTS if the number is taken.
  virtual absl::Status Insert(const domain::ReportVersion& version) = 0;
  // Replaces everything but the engagement, number, creator and creation.
  virtual absl::Status Update(const domain::ReportVersion& version) = 0;
  // Without the renderings' bytes; in number order; cursor = (number, id).
  virtual absl::StatusOr<Page<domain::ReportVersion>> List(absl::string_view engagement_id,
                                                           const PageRequest& page) = 0;
  // Every version of the engagement without bytes, in number order.
  virtual absl::StatusOr<std::vector<domain::ReportVersion>> ListAll(
      absl::string_view engagement_id) = 0;
  // The highest number given so far, 0 for none.
  virtual absl::StatusOr<int64_t> LastNumber(absl::string_view engagement_id) = 0;

  // NOT_FOUND unless the version has a comment with this id.
  virtual absl::StatusOr<domain::ReportComment> GetComment(absl::string_view engagement_id,
                                                           int number,
                                                           absl::string_view id) = 0;
  virtual absl::Status InsertComment(const domain::ReportComment& comment) = 0;
  // In time order; cursor = (creation time, id). `partnership_only`
  // narrows to those from the partnership.
  virtual absl::StatusOr<Page<domain::ReportComment>> ListComments(
      absl::string_view engagement_id, int number, bool partnership_only,
      const PageRequest& page) = 0;
};

// What a create with a request_id produced (AIP-155).
struct RecordedRequest {
  std::string fingerprint;  // of the request, to detect a reused id
  std::string resource_id;
};

class RequestLog {
 public:
  virtual ~RequestLog() = default;
  virtual absl::StatusOr<std::optional<RecordedRequest>> Find(absl::string_view scope,
                                                              absl::string_view request_id) = 0;
  virtual absl::Status Record(absl::string_view scope, absl::string_view request_id,
                              const RecordedRequest& request, absl::Time when) = 0;
};

// One transaction's view of every repository.
class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual PartnershipRepository& partnerships() = 0;
  virtual PeerRepository& peers() = 0;
  virtual EngagementRepository& engagements() = 0;
  virtual AccessTokenRepository& access_tokens() = 0;
  virtual UserRepository& users() = 0;
  virtual FrameworkRepository& frameworks() = 0;
  virtual QuestionnaireRepository& questionnaires() = 0;
  virtual InvitationRepository& invitations() = 0;
  virtual DraftRepository& drafts() = 0;
  virtual ResponseRepository& responses() = 0;
  virtual ActivityRepository& activities() = 0;
  virtual DocumentRepository& documents() = 0;
  virtual NoteRepository& notes() = 0;
  virtual FindingRepository& findings() = 0;
  virtual RecommendationRepository& recommendations() = 0;
  virtual FeedbackRepository& feedback() = 0;
  virtual ImprovementPlanRepository& plans() = 0;
  virtual ReportRepository& reports() = 0;
  virtual AuditLog& audit_log() = 0;
  virtual RequestLog& requests() = 0;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_REPOSITORIES_H_
