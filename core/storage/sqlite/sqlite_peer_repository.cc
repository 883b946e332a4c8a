#include "core/storage/sqlite/sqlite_peer_repository.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_PEER_COLUMNS                                                              \
  "id, display_name, email, home_organisation, home_sector, trained_date, "          \
  "accredited_date, accreditation_expiry_date, create_us, update_us, version"

constexpr char kSelectOne[] = "SELECT " HC_PEER_COLUMNS " FROM peers WHERE id = ?";
// ?3: sector; ?4: accredited and expiring before this date.
constexpr char kSelectPage[] =
    "SELECT " HC_PEER_COLUMNS " FROM peers WHERE (create_us, id) > (?1, ?2) "
    "AND (?3 IS NULL OR home_sector = ?3) "
    "AND (?4 IS NULL OR (accredited_date IS NOT NULL AND accreditation_expiry_date < ?4)) "
    "ORDER BY create_us, id LIMIT ?5";
constexpr char kSelectExpiring[] =
    "SELECT " HC_PEER_COLUMNS " FROM peers WHERE accredited_date IS NOT NULL "
    "AND accreditation_expiry_date BETWEEN ?1 AND ?2 "
    "ORDER BY accreditation_expiry_date, id";
constexpr char kSelectSkills[] =
    "SELECT skill FROM peer_skills WHERE peer_id = ? ORDER BY position";
constexpr char kInsert[] =
    "INSERT INTO peers (" HC_PEER_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr char kUpdate[] =
    "UPDATE peers SET display_name = ?2, email = ?3, home_organisation = ?4, home_sector = ?5, "
    "trained_date = ?6, accredited_date = ?7, accreditation_expiry_date = ?8, update_us = ?10, "
    "version = ?11 WHERE id = ?1";
constexpr char kDeleteSkills[] = "DELETE FROM peer_skills WHERE peer_id = ?";
constexpr char kInsertSkill[] =
    "INSERT INTO peer_skills (peer_id, position, skill) VALUES (?, ?, ?)";
constexpr char kDelete[] = "DELETE FROM peers WHERE id = ?";

#undef HC_PEER_COLUMNS

absl::Status NotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("peers/", id, " does not exist"));
}

// Binds the eleven columns in HC_PEER_COLUMNS order.
void BindPeer(Statement& st, const domain::Peer& p) {
  st.Bind(1, p.meta.id).Bind(2, p.display_name).Bind(3, p.email).Bind(4, p.home_organisation);
  st.Bind(5, domain::SectorName(p.home_sector)).Bind(6, DateText(p.trained_date));
  st.Bind(7, DateText(p.accredited_date)).Bind(8, DateText(p.accreditation_expiry_date));
  st.Bind(9, ToMicros(p.meta.create_time)).Bind(10, ToMicros(p.meta.update_time));
  st.Bind(11, p.meta.version);
}

absl::Status EmailTaken(absl::Status s, const domain::Peer& p) {
  if (!absl::IsAlreadyExists(s) || !absl::StrContains(s.message(), "peers.email")) return s;
  return absl::AlreadyExistsError(
      absl::StrCat("a peer with email ", p.email, " is already registered"));
}

}  // namespace

absl::StatusOr<domain::Peer> SqlitePeerRepository::Read(const Statement& row) {
  domain::Peer p;
  p.meta = {row.Text(0), FromMicros(row.Int(8)), FromMicros(row.Int(9)), row.Int(10)};
  p.display_name = row.Text(1);
  p.email = row.Text(2);
  p.home_organisation = row.Text(3);
  HC_ASSIGN_OR_RETURN(p.home_sector, ReadEnum(row, 4, domain::ParseSector));
  HC_ASSIGN_OR_RETURN(p.trained_date, ReadDate(row, 5));
  HC_ASSIGN_OR_RETURN(p.accredited_date, ReadDate(row, 6));
  HC_ASSIGN_OR_RETURN(p.accreditation_expiry_date, ReadDate(row, 7));
  HC_ASSIGN_OR_RETURN(Statement skills, db_.Prepare(kSelectSkills));
  skills.Bind(1, p.meta.id);
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, skills.Step());
    if (!more) break;
    p.skills.push_back(skills.Text(0));
  }
  return p;
}

absl::StatusOr<domain::Peer> SqlitePeerRepository::Get(absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return NotFound(id);
  return Read(st);
}

absl::StatusOr<app::Page<domain::Peer>> SqlitePeerRepository::List(
    const app::PeerQuery& query, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, after.key).Bind(2, after.id);
  if (query.home_sector) {
    st.Bind(3, domain::SectorName(*query.home_sector));
  } else {
    st.BindNull(3);
  }
  st.Bind(4, DateText(query.expiring_before)).Bind(5, FetchLimit(page));
  return ReadPage<domain::Peer>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const domain::Peer& p) { return CreationCursor(p.meta); });
}

absl::StatusOr<std::vector<domain::Peer>> SqlitePeerRepository::ListExpiring(absl::CivilDay from,
                                                                             absl::CivilDay to) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectExpiring));
  st.Bind(1, DateText(from)).Bind(2, DateText(to));
  std::vector<domain::Peer> result;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) break;
    HC_ASSIGN_OR_RETURN(domain::Peer p, Read(st));
    result.push_back(std::move(p));
  }
  return result;
}

absl::Status SqlitePeerRepository::WriteSkills(const domain::Peer& p) {
  return ReplaceList(db_, kDeleteSkills, kInsertSkill, p.meta.id, p.skills);
}

absl::Status SqlitePeerRepository::Insert(const domain::Peer& p) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindPeer(st, p);
  HC_RETURN_IF_ERROR(EmailTaken(st.Run(), p));
  return WriteSkills(p);
}

absl::Status SqlitePeerRepository::Update(const domain::Peer& p) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindPeer(st, p);
  HC_RETURN_IF_ERROR(EmailTaken(st.Run(), p));
  if (db_.Changes() == 0) return NotFound(p.meta.id);
  return WriteSkills(p);
}

absl::Status SqlitePeerRepository::Delete(absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kDelete));
  HC_RETURN_IF_ERROR(st.Bind(1, id).Run());
  if (db_.Changes() == 0) return NotFound(id);
  return absl::OkStatus();
}

}  // namespace hc::storage
