#include "core/storage/sqlite/sqlite_questionnaire_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"

namespace hc::storage {
namespace {

#define HC_QUESTIONNAIRE_COLUMNS                                                           \
  "engagement_id, framework_id, framework_version, open_us, close_us, closed_us, "         \
  "min_group_size, collect_comments, create_us, update_us, version"

constexpr char kSelect[] =
    "SELECT " HC_QUESTIONNAIRE_COLUMNS " FROM questionnaires WHERE engagement_id = ?";
constexpr char kInsert[] = "INSERT INTO questionnaires (" HC_QUESTIONNAIRE_COLUMNS
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr char kUpdate[] =
    "UPDATE questionnaires SET framework_id = ?2, framework_version = ?3, open_us = ?4, "
    "close_us = ?5, closed_us = ?6, min_group_size = ?7, collect_comments = ?8, "
    "update_us = ?10, version = ?11 WHERE engagement_id = ?1";

#undef HC_QUESTIONNAIRE_COLUMNS

void BindQuestionnaire(Statement& st, const domain::Questionnaire& q) {
  st.Bind(1, q.meta.id).Bind(2, q.framework_id).Bind(3, static_cast<int64_t>(q.framework_version));
  st.Bind(4, ToMicros(q.open_time)).Bind(5, ToMicros(q.close_time));
  if (q.closed_time) {
    st.Bind(6, ToMicros(*q.closed_time));
  } else {
    st.BindNull(6);
  }
  st.Bind(7, static_cast<int64_t>(q.min_group_size));
  st.Bind(8, static_cast<int64_t>(q.collect_comments ? 1 : 0));
  st.Bind(9, ToMicros(q.meta.create_time)).Bind(10, ToMicros(q.meta.update_time));
  st.Bind(11, q.meta.version);
}

}  // namespace

absl::StatusOr<domain::Questionnaire> SqliteQuestionnaireRepository::Get(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelect));
  st.Bind(1, engagement_id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, "/questionnaire does not exist"));
  }
  domain::Questionnaire q;
  q.meta = {st.Text(0), FromMicros(st.Int(8)), FromMicros(st.Int(9)), st.Int(10)};
  q.framework_id = st.Text(1);
  q.framework_version = static_cast<int>(st.Int(2));
  q.open_time = FromMicros(st.Int(3));
  q.close_time = FromMicros(st.Int(4));
  if (!st.IsNull(5)) q.closed_time = FromMicros(st.Int(5));
  q.min_group_size = static_cast<int>(st.Int(6));
  q.collect_comments = st.Int(7) != 0;
  return q;
}

absl::Status SqliteQuestionnaireRepository::Insert(const domain::Questionnaire& q) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindQuestionnaire(st, q);
  return st.Run();
}

absl::Status SqliteQuestionnaireRepository::Update(const domain::Questionnaire& q) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindQuestionnaire(st, q);
  HC_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", q.meta.id, "/questionnaire does not exist"));
  }
  return absl::OkStatus();
}

}  // namespace hc::storage
