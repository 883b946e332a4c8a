#ifndef HC_CORE_STORAGE_SQLITE_SQLITE_REPOSITORIES_H_
#define HC_CORE_STORAGE_SQLITE_SQLITE_REPOSITORIES_H_

#include "core/app/ports/repositories.h"
#include "core/storage/sqlite/database.h"
#include "core/storage/sqlite/sqlite_access_token_repository.h"
#include "core/storage/sqlite/sqlite_user_repository.h"
#include "core/storage/sqlite/sqlite_activity_repository.h"
#include "core/storage/sqlite/sqlite_document_repository.h"
#include "core/storage/sqlite/sqlite_engagement_repository.h"
#include "core/storage/sqlite/sqlite_feedback_repository.h"
#include "core/storage/sqlite/sqlite_finding_repository.h"
#include "core/storage/sqlite/sqlite_framework_repository.h"
#include "core/storage/sqlite/sqlite_improvement_plan_repository.h"
#include "core/storage/sqlite/sqlite_invitation_repository.h"
#include "core/storage/sqlite/sqlite_logs.h"
#include "core/storage/sqlite/sqlite_note_repository.h"
#include "core/storage/sqlite/sqlite_partnership_repository.h"
#include "core/storage/sqlite/sqlite_peer_repository.h"
#include "core/storage/sqlite/sqlite_questionnaire_repository.h"
#include "core/storage/sqlite/sqlite_recommendation_repository.h"
#include "core/storage/sqlite/sqlite_report_repository.h"
#include "core/storage/sqlite/sqlite_response_repository.h"

namespace hc::storage {

// Every repository over one connection. Not thread-safe.
class SqliteRepositories final : public app::Repositories {
 public:
  explicit SqliteRepositories(Database& db)
      : partnerships_(db), peers_(db), engagements_(db), access_tokens_(db), users_(db), frameworks_(db),
        questionnaires_(db), invitations_(db), drafts_(db), responses_(db), activities_(db),
        documents_(db), notes_(db), findings_(db), recommendations_(db), feedback_(db),
        plans_(db), reports_(db), audit_log_(db), requests_(db) {}

  app::PartnershipRepository& partnerships() override { return partnerships_; }
  app::PeerRepository& peers() override { return peers_; }
  app::EngagementRepository& engagements() override { return engagements_; }
  app::AccessTokenRepository& access_tokens() override { return access_tokens_; }
  app::UserRepository& users() override { return users_; }
  app::FrameworkRepository& frameworks() override { return frameworks_; }
  app::QuestionnaireRepository& questionnaires() override { return questionnaires_; }
  app::InvitationRepository& invitations() override { return invitations_; }
  app::DraftRepository& drafts() override { return drafts_; }
  app::ResponseRepository& responses() override { return responses_; }
  app::ActivityRepository& activities() override { return activities_; }
  app::DocumentRepository& documents() override { return documents_; }
  app::NoteRepository& notes() override { return notes_; }
  app::FindingRepository& findings() override { return findings_; }
  app::RecommendationRepository& recommendations() override { return recommendations_; }
  app::FeedbackRepository& feedback() override { return feedback_; }
  app::ImprovementPlanRepository& plans() override { return plans_; }
  app::ReportRepository& reports() override { return reports_; }
  app::AuditLog& audit_log() override { return audit_log_; }
  app::RequestLog& requests() override { return requests_; }

 private:
  SqlitePartnershipRepository partnerships_;
  SqlitePeerRepository peers_;
  SqliteEngagementRepository engagements_;
  SqliteAccessTokenRepository access_tokens_;
  SqliteUserRepository users_;
  SqliteFrameworkRepository frameworks_;
  SqliteQuestionnaireRepository questionnaires_;
  SqliteInvitationRepository invitations_;
  SqliteDraftRepository drafts_;
  SqliteResponseRepository responses_;
  SqliteActivityRepository activities_;
  SqliteDocumentRepository documents_;
  SqliteNoteRepository notes_;
  SqliteFindingRepository findings_;
  SqliteRecommendationRepository recommendations_;
  SqliteFeedbackRepository feedback_;
  SqliteImprovementPlanRepository plans_;
  SqliteReportRepository reports_;
  SqliteAuditLog audit_log_;
  SqliteRequestLog requests_;
};

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_SQLITE_REPOSITORIES_H_
