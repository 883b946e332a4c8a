#include "core/storage/sqlite/sqlite_activity_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_ACTIVITY_COLUMNS                                                             \
  "id, engagement_id, kind, title, day, start_minute, end_minute, place, state, create_us, " \
  "update_us, version"

constexpr char kSelectOne[] =
    "SELECT " HC_ACTIVITY_COLUMNS " FROM activities WHERE engagement_id = ? AND id = ?";
constexpr char kSelectAll[] =
    "SELECT " HC_ACTIVITY_COLUMNS " FROM activities WHERE engagement_id = ? "
    "ORDER BY day, start_minute, id";
// ?2 day, ?3 peer, ?4 state; NULL leaves a condition out.
constexpr char kSelectPage[] =
    "SELECT " HC_ACTIVITY_COLUMNS " FROM activities WHERE engagement_id = ?1 "
    "AND (?2 IS NULL OR day = ?2) "
    "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM activity_peers p WHERE p.activity_id = id "
    "     AND p.peer_id = ?3)) "
    "AND (?4 IS NULL OR state = ?4) "
    "AND (day * 1440 + start_minute, id) > (?5, ?6) "
    "ORDER BY day, start_minute, id LIMIT ?7";
constexpr char kCount[] = "SELECT COUNT(*) FROM activities WHERE engagement_id = ?";
constexpr char kInsert[] =
    "INSERT INTO activities (" HC_ACTIVITY_COLUMNS ") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr char kUpdate[] =
    "UPDATE activities SET kind = ?3, title = ?4, day = ?5, start_minute = ?6, end_minute = ?7, "
    "place = ?8, state = ?9, update_us = ?11, version = ?12 WHERE id = ?1 AND engagement_id = ?2";
constexpr char kSelectParticipants[] =
    "SELECT role, organisation, sector, count, names FROM activity_participants "
    "WHERE activity_id = ? ORDER BY position";
constexpr char kSelectPeers[] =
    "SELECT peer_id FROM activity_peers WHERE activity_id = ? ORDER BY position";
constexpr char kDeleteParticipants[] = "DELETE FROM activity_participants WHERE activity_id = ?";
constexpr char kDeletePeers[] = "DELETE FROM activity_peers WHERE activity_id = ?";
constexpr char kInsertParticipant[] =
    "INSERT INTO activity_participants (activity_id, position, role, organisation, sector, "
    "count, names) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertPeer[] =
    "INSERT INTO activity_peers (activity_id, position, peer_id) VALUES (?, ?, ?)";

#undef HC_ACTIVITY_COLUMNS

// Binds the twelve columns in HC_ACTIVITY_COLUMNS order.
void BindActivity(Statement& st, const domain::Activity& a) {
  st.Bind(1, a.meta.id).Bind(2, a.engagement_id).Bind(3, domain::ActivityKindName(a.kind));
  st.Bind(4, a.title).Bind(5, static_cast<int64_t>(a.day));
  st.Bind(6, static_cast<int64_t>(a.start_minute)).Bind(7, static_cast<int64_t>(a.end_minute));
  st.Bind(8, a.place).Bind(9, domain::ActivityStateName(a.state));
  st.Bind(10, ToMicros(a.meta.create_time)).Bind(11, ToMicros(a.meta.update_time));
  st.Bind(12, a.meta.version);
}

absl::StatusOr<domain::Participant> ReadParticipant(const Statement& row) {
  domain::Participant p;
  p.role = row.Text(0);
  p.organisation = row.Text(1);
  HC_ASSIGN_OR_RETURN(p.sector, ReadEnum(row, 2, domain::ParseSector));
  p.count = static_cast<int>(row.Int(3));
  const std::string names = row.Text(4);
  if (!names.empty()) p.names = absl::StrSplit(names, '\n');
  return p;
}

}  // namespace

absl::StatusOr<domain::Activity> SqliteActivityRepository::Read(const Statement& row) {
  domain::Activity a;
  a.meta = {row.Text(0), FromMicros(row.Int(9)), FromMicros(row.Int(10)), row.Int(11)};
  a.engagement_id = row.Text(1);
  HC_ASSIGN_OR_RETURN(a.kind, ReadEnum(row, 2, domain::ParseActivityKind));
  a.title = row.Text(3);
  a.day = static_cast<int>(row.Int(4));
  a.start_minute = static_cast<int>(row.Int(5));
  a.end_minute = static_cast<int>(row.Int(6));
  a.place = row.Text(7);
  HC_ASSIGN_OR_RETURN(a.state, ReadEnum(row, 8, domain::ParseActivityState));
  HC_ASSIGN_OR_RETURN(Statement participants, db_.Prepare(kSelectParticipants));
  participants.Bind(1, a.meta.id);
  HC_ASSIGN_OR_RETURN(a.participants, ReadAll<domain::Participant>(participants, ReadParticipant));
  HC_ASSIGN_OR_RETURN(Statement peers, db_.Prepare(kSelectPeers));
  peers.Bind(1, a.meta.id);
  HC_ASSIGN_OR_RETURN(a.peer_ids, ReadAll<std::string>(peers, FirstText));
  return a;
}

absl::StatusOr<domain::Activity> SqliteActivityRepository::Get(absl::string_view engagement_id,
                                                               absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, "/activities/", id, " does not exist"));
  }
  return Read(st);
}

absl::StatusOr<std::vector<domain::Activity>> SqliteActivityRepository::ListAll(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAll));
  st.Bind(1, engagement_id);
  return ReadAll<domain::Activity>(st, [this](const Statement& row) { return Read(row); });
}

absl::StatusOr<int64_t> SqliteActivityRepository::Count(absl::string_view engagement_id) {
  return QueryInt(db_, kCount, engagement_id);
}

absl::StatusOr<app::Page<domain::Activity>> SqliteActivityRepository::List(
    absl::string_view engagement_id, const app::ActivityQuery& q, const app::PageRequest& page) {
  static_assert(domain::kMinutesPerDay == 1440, "kSelectPage orders by day * 1440 + start");
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id);
  st.Bind(2, q.day ? std::optional<int64_t>(*q.day) : std::nullopt);
  st.Bind(3, q.peer_id.empty() ? std::nullopt : std::optional<std::string>(q.peer_id));
  st.Bind(4, q.state ? std::optional<std::string>(domain::ActivityStateName(*q.state))
                     : std::nullopt);
  st.Bind(5, after.key).Bind(6, after.id).Bind(7, FetchLimit(page));
  return ReadPage<domain::Activity>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const domain::Activity& a) {
        return app::Cursor{static_cast<int64_t>(a.day) * domain::kMinutesPerDay + a.start_minute,
                           a.meta.id};
      });
}

absl::Status SqliteActivityRepository::WriteChildren(const domain::Activity& a) {
  HC_ASSIGN_OR_RETURN(Statement clear_participants, db_.Prepare(kDeleteParticipants));
  HC_RETURN_IF_ERROR(clear_participants.Bind(1, a.meta.id).Run());
  for (size_t i = 0; i < a.participants.size(); ++i) {
    const domain::Participant& p = a.participants[i];
    HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertParticipant));
    st.Bind(1, a.meta.id).Bind(2, static_cast<int64_t>(i)).Bind(3, p.role).Bind(4, p.organisation);
    st.Bind(5, domain::SectorName(p.sector)).Bind(6, static_cast<int64_t>(p.count));
    HC_RETURN_IF_ERROR(st.Bind(7, absl::StrJoin(p.names, "\n")).Run());
  }
  return ReplaceList(db_, kDeletePeers, kInsertPeer, a.meta.id, a.peer_ids);
}

absl::Status SqliteActivityRepository::Insert(const domain::Activity& a) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindActivity(st, a);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteChildren(a);
}

absl::Status SqliteActivityRepository::Update(const domain::Activity& a) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindActivity(st, a);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteChildren(a);
}

}  // namespace hc::storage
