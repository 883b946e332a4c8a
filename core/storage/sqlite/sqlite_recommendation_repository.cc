#include "core/storage/sqlite/sqlite_recommendation_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_RECOMMENDATION_COLUMNS                                                          \
  "r.id, r.engagement_id, r.number, r.text, r.priority, r.state, r.author_peer_id, "       \
  "r.agreed_by_peer_id, r.agree_us, r.create_us, r.update_us, r.version"

constexpr char kSelectOne[] = "SELECT " HC_RECOMMENDATION_COLUMNS
                              " FROM recommendations r WHERE r.engagement_id = ? AND r.id = ?";
// ?2 state, ?3 priority, ?4 finding id; NULL leaves a condition out.
constexpr char kSelectPage[] =
    "SELECT " HC_RECOMMENDATION_COLUMNS " FROM recommendations r WHERE r.engagement_id = ?1 "
    "AND (?2 IS NULL OR r.state = ?2) AND (?3 IS NULL OR r.priority = ?3) "
    "AND (?4 IS NULL OR EXISTS (SELECT 1 FROM recommendation_findings l "
    "     WHERE l.recommendation_id = r.id AND l.finding_id = ?4)) "
    "AND (r.number, r.id) > (?5, ?6) ORDER BY r.number, r.id LIMIT ?7";
constexpr char kLastNumber[] =
    "SELECT COALESCE(MAX(number), 0) FROM recommendations WHERE engagement_id = ?";
constexpr char kInsert[] =
    "INSERT INTO recommendations (id, engagement_id, number, text, priority, state, "
    "author_peer_id, agreed_by_peer_id, agree_us, create_us, update_us, version) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
constexpr char kUpdate[] =
    "UPDATE recommendations SET text = ?4, priority = ?5, state = ?6, agreed_by_peer_id = ?8, "
    "agree_us = ?9, update_us = ?11, version = ?12 WHERE id = ?1 AND engagement_id = ?2";
constexpr char kSelectFindings[] =
    "SELECT finding_id FROM recommendation_findings WHERE recommendation_id = ? ORDER BY position";
constexpr char kDeleteFindings[] =
    "DELETE FROM recommendation_findings WHERE recommendation_id = ?";
constexpr char kInsertFinding[] =
    "INSERT INTO recommendation_findings (recommendation_id, position, finding_id) "
    "VALUES (?, ?, ?)";

#undef HC_RECOMMENDATION_COLUMNS

void BindRecommendation(Statement& st, const domain::Recommendation& r) {
  st.Bind(1, r.meta.id).Bind(2, r.engagement_id).Bind(3, int64_t{r.number});
  st.Bind(4, r.text).Bind(5, domain::PriorityName(r.priority));
  st.Bind(6, domain::ReviewStateName(r.state)).Bind(7, r.author_peer_id);
  st.Bind(8, OrNull(r.agreed_by_peer_id));
  st.Bind(9, MicrosOrNull(r.agree_time));
  st.Bind(10, ToMicros(r.meta.create_time)).Bind(11, ToMicros(r.meta.update_time));
  st.Bind(12, r.meta.version);
}

}  // namespace

absl::StatusOr<domain::Recommendation> SqliteRecommendationRepository::Read(
    const Statement& row) {
  domain::Recommendation r;
  r.meta = {row.Text(0), FromMicros(row.Int(9)), FromMicros(row.Int(10)), row.Int(11)};
  r.engagement_id = row.Text(1);
  r.number = static_cast<int>(row.Int(2));
  r.text = row.Text(3);
  HC_ASSIGN_OR_RETURN(r.priority, ReadEnum(row, 4, domain::ParsePriority));
  HC_ASSIGN_OR_RETURN(r.state, ReadEnum(row, 5, domain::ParseReviewState));
  r.author_peer_id = row.Text(6);
  r.agreed_by_peer_id = row.Text(7);
  if (!row.IsNull(8)) r.agree_time = FromMicros(row.Int(8));
  HC_ASSIGN_OR_RETURN(Statement findings, db_.Prepare(kSelectFindings));
  findings.Bind(1, r.meta.id);
  HC_ASSIGN_OR_RETURN(r.finding_ids, ReadAll<std::string>(findings, FirstText));
  return r;
}

absl::StatusOr<domain::Recommendation> SqliteRecommendationRepository::Get(
    absl::string_view engagement_id, absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, "/recommendations/", id, " does not exist"));
  }
  return Read(st);
}

absl::StatusOr<app::Page<domain::Recommendation>> SqliteRecommendationRepository::List(
    absl::string_view engagement_id, const app::RecommendationQuery& q,
    const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id);
  st.Bind(2, q.state ? std::optional<std::string>(domain::ReviewStateName(*q.state))
                     : std::nullopt);
  st.Bind(3, q.priority ? std::optional<std::string>(domain::PriorityName(*q.priority))
                        : std::nullopt);
  st.Bind(4, OrNull(q.finding_id)).Bind(5, after.key).Bind(6, after.id);
  st.Bind(7, FetchLimit(page));
  return ReadPage<domain::Recommendation>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const domain::Recommendation& r) { return app::Cursor{r.number, r.meta.id}; });
}

absl::StatusOr<int64_t> SqliteRecommendationRepository::LastNumber(
    absl::string_view engagement_id) {
  return QueryInt(db_, kLastNumber, engagement_id);
}

absl::Status SqliteRecommendationRepository::WriteFindings(const domain::Recommendation& r) {
  return ReplaceList(db_, kDeleteFindings, kInsertFinding, r.meta.id, r.finding_ids);
}

absl::Status SqliteRecommendationRepository::Insert(const domain::Recommendation& r) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindRecommendation(st, r);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteFindings(r);
}

absl::Status SqliteRecommendationRepository::Update(const domain::Recommendation& r) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindRecommendation(st, r);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteFindings(r);
}

}  // namespace hc::storage
