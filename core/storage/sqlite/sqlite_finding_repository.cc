#include "core/storage/sqlite/sqlite_finding_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_FINDING_COLUMNS                                                                   \
  "f.id, f.engagement_id, f.number, f.kind, f.title, f.narrative, f.state, f.author_peer_id, " \
  "f.agreed_by_peer_id, f.agree_us, f.create_us, f.update_us, f.version"

constexpr char kSelectOne[] =
    "SELECT " HC_FINDING_COLUMNS " FROM findings f WHERE f.engagement_id = ? AND f.id = ?";
// ?2 state, ?3 kind, ?4 principle; NULL leaves a condition out.
constexpr char kSelectPage[] =
    "SELECT " HC_FINDING_COLUMNS " FROM findings f WHERE f.engagement_id = ?1 "
    "AND (?2 IS NULL OR f.state = ?2) AND (?3 IS NULL OR f.kind = ?3) "
    "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM finding_principles p "
    "     WHERE p.finding_id = f.id AND p.section_code = ?4)) "
    "AND (f.number, f.id) > (?5, ?6) ORDER BY f.number, f.id LIMIT ?7";
constexpr char kSelectAll[] =
    "SELECT " HC_FINDING_COLUMNS " FROM findings f WHERE f.engagement_id = ? ORDER BY f.number";
constexpr char kLastNumber[] =
    "SELECT COALESCE(MAX(number), 0) FROM findings WHERE engagement_id = ?";
constexpr char kCountInState[] =
    "SELECT COUNT(*) FROM findings WHERE engagement_id = ? AND state = ?";
constexpr char kInsert[] =
    "INSERT INTO findings (id, engagement_id, number, kind, title, narrative, state, "
    "author_peer_id, agreed_by_peer_id, agree_us, create_us, update_us, version) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr char kUpdate[] =
    "UPDATE findings SET kind = ?4, title = ?5, narrative = ?6, state = ?7, "
    "agreed_by_peer_id = ?9, agree_us = ?10, update_us = ?12, version = ?13 "
    "WHERE id = ?1 AND engagement_id = ?2";

#undef HC_FINDING_COLUMNS

// The three ordered link lists: (select, delete, insert).
struct LinkSql {
  const char* select;
  const char* remove;
  const char* insert;
};
constexpr LinkSql kPrinciples{
    "SELECT section_code FROM finding_principles WHERE finding_id = ? ORDER BY position",
    "DELETE FROM finding_principles WHERE finding_id = ?",
    "INSERT INTO finding_principles (finding_id, position, section_code) VALUES (?, ?, ?)"};
constexpr LinkSql kNotes{
    "SELECT note_id FROM finding_notes WHERE finding_id = ? ORDER BY position",
    "DELETE FROM finding_notes WHERE finding_id = ?",
    "INSERT INTO finding_notes (finding_id, position, note_id) VALUES (?, ?, ?)"};
constexpr LinkSql kResults{
    "SELECT code FROM finding_results WHERE finding_id = ? ORDER BY position",
    "DELETE FROM finding_results WHERE finding_id = ?",
    "INSERT INTO finding_results (finding_id, position, code) VALUES (?, ?, ?)"};

void BindFinding(Statement& st, const domain::ReviewFinding& f) {
  st.Bind(1, f.meta.id).Bind(2, f.engagement_id).Bind(3, int64_t{f.number});
  st.Bind(4, domain::FindingKindName(f.kind)).Bind(5, f.title).Bind(6, f.narrative);
  st.Bind(7, domain::ReviewStateName(f.state)).Bind(8, f.author_peer_id);
  st.Bind(9, OrNull(f.agreed_by_peer_id));
  st.Bind(10, MicrosOrNull(f.agree_time));
  st.Bind(11, ToMicros(f.meta.create_time)).Bind(12, ToMicros(f.meta.update_time));
  st.Bind(13, f.meta.version);
}

absl::StatusOr<std::vector<std::string>> ReadLinks(Database& db, const LinkSql& sql,
                                                   absl::string_view finding_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql.select));
  st.Bind(1, finding_id);
  return ReadAll<std::string>(st, FirstText);
}

}  // namespace

absl::StatusOr<domain::ReviewFinding> SqliteFindingRepository::Read(const Statement& row) {
  domain::ReviewFinding f;
  f.meta = {row.Text(0), FromMicros(row.Int(10)), FromMicros(row.Int(11)), row.Int(12)};
  f.engagement_id = row.Text(1);
  f.number = static_cast<int>(row.Int(2));
  HC_ASSIGN_OR_RETURN(f.kind, ReadEnum(row, 3, domain::ParseFindingKind));
  f.title = row.Text(4);
  f.narrative = row.Text(5);
  HC_ASSIGN_OR_RETURN(f.state, ReadEnum(row, 6, domain::ParseReviewState));
  f.author_peer_id = row.Text(7);
  f.agreed_by_peer_id = row.Text(8);
  if (!row.IsNull(9)) f.agree_time = FromMicros(row.Int(9));
  HC_ASSIGN_OR_RETURN(f.principles, ReadLinks(db_, kPrinciples, f.meta.id));
  HC_ASSIGN_OR_RETURN(f.note_ids, ReadLinks(db_, kNotes, f.meta.id));
  HC_ASSIGN_OR_RETURN(f.questionnaire_results, ReadLinks(db_, kResults, f.meta.id));
  return f;
}

absl::StatusOr<domain::ReviewFinding> SqliteFindingRepository::Get(
    absl::string_view engagement_id, absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, "/findings/", id, " does not exist"));
  }
  return Read(st);
}

absl::StatusOr<app::Page<domain::ReviewFinding>> SqliteFindingRepository::List(
    absl::string_view engagement_id, const app::FindingQuery& q, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id);
  st.Bind(2, q.state ? std::optional<std::string>(domain::ReviewStateName(*q.state))
                     : std::nullopt);
  st.Bind(3, q.kind ? std::optional<std::string>(domain::FindingKindName(*q.kind))
                    : std::nullopt);
  st.Bind(4, OrNull(q.principle)).Bind(5, after.key).Bind(6, after.id);
  st.Bind(7, FetchLimit(page));
  return ReadPage<domain::ReviewFinding>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const domain::ReviewFinding& f) { return app::Cursor{f.number, f.meta.id}; });
}

absl::StatusOr<std::vector<domain::ReviewFinding>> SqliteFindingRepository::ListAll(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAll));
  st.Bind(1, engagement_id);
  return ReadAll<domain::ReviewFinding>(st, [this](const Statement& row) { return Read(row); });
}

absl::StatusOr<int64_t> SqliteFindingRepository::LastNumber(absl::string_view engagement_id) {
  return QueryInt(db_, kLastNumber, engagement_id);
}

absl::StatusOr<int64_t> SqliteFindingRepository::CountInState(absl::string_view engagement_id,
                                                              domain::ReviewState state) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kCountInState));
  st.Bind(1, engagement_id).Bind(2, domain::ReviewStateName(state));
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  return found ? st.Int(0) : 0;
}

absl::Status SqliteFindingRepository::WriteLinks(const domain::ReviewFinding& f) {
  HC_RETURN_IF_ERROR(
      ReplaceList(db_, kPrinciples.remove, kPrinciples.insert, f.meta.id, f.principles));
  HC_RETURN_IF_ERROR(ReplaceList(db_, kNotes.remove, kNotes.insert, f.meta.id, f.note_ids));
  return ReplaceList(db_, kResults.remove, kResults.insert, f.meta.id, f.questionnaire_results);
}

absl::Status SqliteFindingRepository::Insert(const domain::ReviewFinding& f) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindFinding(st, f);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteLinks(f);
}

absl::Status SqliteFindingRepository::Update(const domain::ReviewFinding& f) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindFinding(st, f);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteLinks(f);
}

}  // namespace hc::storage
