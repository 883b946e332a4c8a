#include "core/storage/sqlite/sqlite_partnership_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

constexpr char kSelectOne[] =
    "SELECT id, display_name, kind, area, lifecycle_stage, create_us, update_us, version "
    "FROM partnerships WHERE id = ?";
// ?3: only this id; ?4: only partnerships with an engagement this peer is on.
constexpr char kSelectPage[] =
    "SELECT id, display_name, kind, area, lifecycle_stage, create_us, update_us, version "
    "FROM partnerships p WHERE (create_us, id) > (?1, ?2) "
    "AND (?3 IS NULL OR id = ?3) "
    "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM engagements e JOIN team_members t "
    "ON t.engagement_id = e.id WHERE e.partnership_id = p.id AND t.peer_id = ?4)) "
    "ORDER BY create_us, id LIMIT ?5";
constexpr char kSelectMembers[] =
    "SELECT display_name, sector FROM partnership_members WHERE partnership_id = ? "
    "ORDER BY position";
constexpr char kInsert[] =
    "INSERT INTO partnerships (id, display_name, kind, area, lifecycle_stage, create_us, "
    "update_us, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kUpdate[] =
    "UPDATE partnerships SET display_name = ?2, kind = ?3, area = ?4, lifecycle_stage = ?5, "
    "update_us = ?6, version = ?7 WHERE id = ?1";
constexpr char kDeleteMembers[] = "DELETE FROM partnership_members WHERE partnership_id = ?";
constexpr char kInsertMember[] =
    "INSERT INTO partnership_members (partnership_id, position, display_name, sector) "
    "VALUES (?, ?, ?, ?)";
constexpr char kDelete[] = "DELETE FROM partnerships WHERE id = ?";

absl::Status NotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("partnerships/", id, " does not exist"));
}

}  // namespace

absl::StatusOr<domain::Partnership> SqlitePartnershipRepository::Read(const Statement& row) {
  domain::Partnership p;
  p.meta = {row.Text(0), FromMicros(row.Int(5)), FromMicros(row.Int(6)), row.Int(7)};
  p.display_name = row.Text(1);
  HC_ASSIGN_OR_RETURN(p.kind, ReadEnum(row, 2, domain::ParsePartnershipKind));
  p.area = row.Text(3);
  HC_ASSIGN_OR_RETURN(p.lifecycle_stage, ReadEnum(row, 4, domain::ParseLifecycleStage));
  HC_ASSIGN_OR_RETURN(Statement members, db_.Prepare(kSelectMembers));
  members.Bind(1, p.meta.id);
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, members.Step());
    if (!more) break;
    domain::MemberOrganisation m;
    m.display_name = members.Text(0);
    HC_ASSIGN_OR_RETURN(m.sector, ReadEnum(members, 1, domain::ParseSector));
    p.members.push_back(std::move(m));
  }
  return p;
}

absl::StatusOr<domain::Partnership> SqlitePartnershipRepository::Get(absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return NotFound(id);
  return Read(st);
}

absl::StatusOr<app::Page<domain::Partnership>> SqlitePartnershipRepository::List(
    const app::PartnershipQuery& query, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, after.key).Bind(2, after.id).Bind(3, query.id).Bind(4, query.with_team_peer);
  st.Bind(5, FetchLimit(page));
  return ReadPage<domain::Partnership>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const domain::Partnership& p) { return CreationCursor(p.meta); });
}

absl::Status SqlitePartnershipRepository::WriteMembers(const domain::Partnership& p) {
  HC_ASSIGN_OR_RETURN(Statement clear, db_.Prepare(kDeleteMembers));
  HC_RETURN_IF_ERROR(clear.Bind(1, p.meta.id).Run());
  for (size_t i = 0; i < p.members.size(); ++i) {
    HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertMember));
    st.Bind(1, p.meta.id).Bind(2, static_cast<int64_t>(i)).Bind(3, p.members[i].display_name);
    st.Bind(4, domain::SectorName(p.members[i].sector));
    HC_RETURN_IF_ERROR(st.Run());
  }
  return absl::OkStatus();
}

absl::Status SqlitePartnershipRepository::Insert(const domain::Partnership& p) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  st.Bind(1, p.meta.id).Bind(2, p.display_name).Bind(3, domain::PartnershipKindName(p.kind));
  st.Bind(4, p.area).Bind(5, domain::LifecycleStageName(p.lifecycle_stage));
  st.Bind(6, ToMicros(p.meta.create_time)).Bind(7, ToMicros(p.meta.update_time));
  st.Bind(8, p.meta.version);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteMembers(p);
}

absl::Status SqlitePartnershipRepository::Update(const domain::Partnership& p) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  st.Bind(1, p.meta.id).Bind(2, p.display_name).Bind(3, domain::PartnershipKindName(p.kind));
  st.Bind(4, p.area).Bind(5, domain::LifecycleStageName(p.lifecycle_stage));
  st.Bind(6, ToMicros(p.meta.update_time)).Bind(7, p.meta.version);
  HC_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return NotFound(p.meta.id);
  return WriteMembers(p);
}

absl::Status SqlitePartnershipRepository::Delete(absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kDelete));
  HC_RETURN_IF_ERROR(st.Bind(1, id).Run());
  if (db_.Changes() == 0) return NotFound(id);
  return absl::OkStatus();
}

}  // namespace hc::storage
