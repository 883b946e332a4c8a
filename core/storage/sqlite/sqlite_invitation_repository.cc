#include "core/storage/sqlite/sqlite_invitation_repository.h"

#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

constexpr char kInsert[] =
    "INSERT INTO invitations (id, engagement_id, position, organisation, level, sector, "
    "token_hash, used) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kNextPosition[] =
    "SELECT COALESCE(MAX(position) + 1, 0) FROM invitations WHERE engagement_id = ?";
constexpr char kCount[] = "SELECT COUNT(*) FROM invitations WHERE engagement_id = ?";
constexpr char kSelectPage[] =
    "SELECT id, engagement_id, position, organisation, level, sector, token_hash, used "
    "FROM invitations WHERE engagement_id = ?1 AND position > ?2 ORDER BY position LIMIT ?3";
constexpr char kSelectByHash[] =
    "SELECT id, engagement_id, position, organisation, level, sector, token_hash, used "
    "FROM invitations WHERE token_hash = ?";
constexpr char kMarkUsed[] = "UPDATE invitations SET used = 1 WHERE id = ?";
constexpr char kReplaceTokenHash[] = "UPDATE invitations SET token_hash = ? WHERE id = ?";
constexpr char kTally[] =
    "SELECT organisation, level, sector, COUNT(*), SUM(used) FROM invitations "
    "WHERE engagement_id = ? GROUP BY organisation, level, sector "
    "ORDER BY organisation, level, sector";

absl::StatusOr<domain::Invitation> ReadInvitation(const Statement& row) {
  domain::Invitation i;
  i.id = row.Text(0);
  i.engagement_id = row.Text(1);
  i.position = row.Int(2);
  i.group.organisation = row.Text(3);
  HC_ASSIGN_OR_RETURN(i.group.level, ReadEnum(row, 4, domain::ParseRespondentLevel));
  HC_ASSIGN_OR_RETURN(i.group.sector, ReadEnum(row, 5, domain::ParseSector));
  i.token_hash = row.Text(6);
  i.used = row.Int(7) != 0;
  return i;
}

}  // namespace

absl::Status SqliteInvitationRepository::Insert(const domain::Invitation& i) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  st.Bind(1, i.id).Bind(2, i.engagement_id).Bind(3, i.position).Bind(4, i.group.organisation);
  st.Bind(5, domain::RespondentLevelName(i.group.level));
  st.Bind(6, domain::SectorName(i.group.sector)).Bind(7, i.token_hash);
  st.Bind(8, static_cast<int64_t>(i.used ? 1 : 0));
  return st.Run();
}

absl::StatusOr<int64_t> SqliteInvitationRepository::NextPosition(absl::string_view engagement_id) {
  return QueryInt(db_, kNextPosition, engagement_id);
}

absl::StatusOr<int64_t> SqliteInvitationRepository::Count(absl::string_view engagement_id) {
  return QueryInt(db_, kCount, engagement_id);
}

absl::StatusOr<app::Page<domain::Invitation>> SqliteInvitationRepository::List(
    absl::string_view engagement_id, const app::PageRequest& page) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id).Bind(2, page.after ? page.after->key : int64_t{-1});
  st.Bind(3, FetchLimit(page));
  return ReadPage<domain::Invitation>(st, page, ReadInvitation, [](const domain::Invitation& i) {
    return app::Cursor{i.position, ""};
  });
}

absl::StatusOr<domain::Invitation> SqliteInvitationRepository::FindByTokenHash(
    absl::string_view hash) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectByHash));
  st.Bind(1, hash);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("no invitation has this token");
  return ReadInvitation(st);
}

absl::Status SqliteInvitationRepository::MarkUsed(absl::string_view invitation_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kMarkUsed));
  HC_RETURN_IF_ERROR(st.Bind(1, invitation_id).Run());
  if (db_.Changes() == 0) return absl::NotFoundError("no such invitation");
  return absl::OkStatus();
}

absl::StatusOr<std::vector<app::GroupTally>> SqliteInvitationRepository::Tally(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kTally));
  st.Bind(1, engagement_id);
  std::vector<app::GroupTally> tallies;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return tallies;
    app::GroupTally t;
    t.group.organisation = st.Text(0);
    HC_ASSIGN_OR_RETURN(t.group.level, ReadEnum(st, 1, domain::ParseRespondentLevel));
    HC_ASSIGN_OR_RETURN(t.group.sector, ReadEnum(st, 2, domain::ParseSector));
    t.invited = static_cast<int>(st.Int(3));
    t.used = static_cast<int>(st.Int(4));
    tallies.push_back(std::move(t));
  }
}

absl::Status SqliteInvitationRepository::ReplaceTokenHash(absl::string_view invitation_id,
                                                         absl::string_view token_hash) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kReplaceTokenHash));
  return st.Bind(1, token_hash).Bind(2, invitation_id).Run();
}

}  // namespace hc::storage
