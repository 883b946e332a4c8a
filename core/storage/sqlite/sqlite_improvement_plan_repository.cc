#include "core/storage/sqlite/sqlite_improvement_plan_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

constexpr char kSelectPlan[] =
    "SELECT engagement_id, state, approve_us, approved_by, create_us, update_us, version "
    "FROM improvement_plans WHERE engagement_id = ?";
constexpr char kPutPlan[] =
    "INSERT INTO improvement_plans (engagement_id, state, approve_us, approved_by, create_us, "
    "update_us, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (engagement_id) DO UPDATE SET state = ?2, approve_us = ?3, approved_by = ?4, "
    "update_us = ?6, version = ?7";

#define HC_ACTION_COLUMNS                                                                    \
  "id, engagement_id, number, title, description, recommendation_id, statement_code, "      \
  "owner_organisation, due_date, status, verify_us, verified_by, create_us, update_us, "   \
  "version"

constexpr char kSelectAction[] =
    "SELECT " HC_ACTION_COLUMNS " FROM plan_actions WHERE engagement_id = ? AND id = ?";
// ?2 status, ?3 overdue day, ?4 recommendation; NULL leaves a condition out.
constexpr char kSelectActionPage[] =
    "SELECT " HC_ACTION_COLUMNS " FROM plan_actions WHERE engagement_id = ?1 "
    "AND (?2 IS NULL OR status = ?2) "
    "AND (?3 IS NULL OR (due_date < ?3 AND status != 'WORKING_WELL')) "
    "AND (?4 IS NULL OR recommendation_id = ?4) "
    "AND (number, id) > (?5, ?6) ORDER BY number, id LIMIT ?7";
constexpr char kSelectAllActions[] =
    "SELECT " HC_ACTION_COLUMNS " FROM plan_actions WHERE engagement_id = ? ORDER BY number";
constexpr char kLastActionNumber[] =
    "SELECT COALESCE(MAX(number), 0) FROM plan_actions WHERE engagement_id = ?";
constexpr char kInsertAction[] =
    "INSERT INTO plan_actions (" HC_ACTION_COLUMNS ") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
constexpr char kUpdateAction[] =
    "UPDATE plan_actions SET title = ?4, description = ?5, recommendation_id = ?6, "
    "statement_code = ?7, owner_organisation = ?8, due_date = ?9, status = ?10, "
    "verify_us = ?11, verified_by = ?12, update_us = ?14, version = ?15 "
    "WHERE id = ?1 AND engagement_id = ?2";

#undef HC_ACTION_COLUMNS

constexpr char kInsertUpdate[] =
    "INSERT INTO plan_progress_updates (id, engagement_id, action_id, text, evidence, status, "
    "author, create_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectUpdate[] =
    "SELECT id, engagement_id, action_id, text, evidence, status, author, create_us "
    "FROM plan_progress_updates WHERE engagement_id = ? AND id = ?";
constexpr char kSelectUpdatePage[] =
    "SELECT id, engagement_id, action_id, text, evidence, status, author, create_us "
    "FROM plan_progress_updates WHERE engagement_id = ?1 AND action_id = ?2 "
    "AND (create_us, id) > (?3, ?4) ORDER BY create_us, id LIMIT ?5";

#define HC_CHECK_IN_COLUMNS                                                                  \
  "engagement_id, number, scheduled_date, state, held_date, notes, held_by, create_us, "    \
  "update_us, version"

constexpr char kSelectCheckIn[] =
    "SELECT " HC_CHECK_IN_COLUMNS " FROM plan_check_ins WHERE engagement_id = ? AND number = ?";
constexpr char kSelectCheckInPage[] =
    "SELECT " HC_CHECK_IN_COLUMNS " FROM plan_check_ins WHERE engagement_id = ?1 "
    "AND number > ?2 ORDER BY number LIMIT ?3";
constexpr char kInsertCheckIn[] =
    "INSERT INTO plan_check_ins (" HC_CHECK_IN_COLUMNS ") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr char kUpdateCheckIn[] =
    "UPDATE plan_check_ins SET scheduled_date = ?3, state = ?4, held_date = ?5, notes = ?6, "
    "held_by = ?7, update_us = ?9, version = ?10 WHERE engagement_id = ?1 AND number = ?2";

#undef HC_CHECK_IN_COLUMNS

absl::StatusOr<domain::ImprovementPlan> ReadPlan(const Statement& row) {
  domain::ImprovementPlan p;
  p.meta = {row.Text(0), FromMicros(row.Int(4)), FromMicros(row.Int(5)), row.Int(6)};
  HC_ASSIGN_OR_RETURN(p.state, ReadEnum(row, 1, domain::ParsePlanState));
  if (!row.IsNull(2)) p.approve_time = FromMicros(row.Int(2));
  p.approved_by = row.Text(3);
  return p;
}

void BindAction(Statement& st, const domain::PlanAction& a) {
  st.Bind(1, a.meta.id).Bind(2, a.engagement_id).Bind(3, int64_t{a.number});
  st.Bind(4, a.title).Bind(5, a.description).Bind(6, OrNull(a.recommendation_id));
  st.Bind(7, a.statement_code).Bind(8, a.owner_organisation).Bind(9, DateText(a.due_date));
  st.Bind(10, domain::ActionStatusName(a.status)).Bind(11, MicrosOrNull(a.verify_time));
  st.Bind(12, a.verified_by).Bind(13, ToMicros(a.meta.create_time));
  st.Bind(14, ToMicros(a.meta.update_time)).Bind(15, a.meta.version);
}

absl::StatusOr<domain::PlanAction> ReadAction(const Statement& row) {
  domain::PlanAction a;
  a.meta = {row.Text(0), FromMicros(row.Int(12)), FromMicros(row.Int(13)), row.Int(14)};
  a.engagement_id = row.Text(1);
  a.number = static_cast<int>(row.Int(2));
  a.title = row.Text(3);
  a.description = row.Text(4);
  a.recommendation_id = row.Text(5);
  a.statement_code = row.Text(6);
  a.owner_organisation = row.Text(7);
  HC_ASSIGN_OR_RETURN(a.due_date, ReadDate(row, 8));
  HC_ASSIGN_OR_RETURN(a.status, ReadEnum(row, 9, domain::ParseActionStatus));
  if (!row.IsNull(10)) a.verify_time = FromMicros(row.Int(10));
  a.verified_by = row.Text(11);
  return a;
}

absl::StatusOr<domain::ProgressUpdate> ReadUpdate(const Statement& row) {
  domain::ProgressUpdate u;
  u.id = row.Text(0);
  u.engagement_id = row.Text(1);
  u.action_id = row.Text(2);
  u.text = row.Text(3);
  u.evidence = row.Text(4);
  HC_ASSIGN_OR_RETURN(u.status, ReadEnum(row, 5, domain::ParseActionStatus));
  u.author = row.Text(6);
  u.create_time = FromMicros(row.Int(7));
  return u;
}

void BindCheckIn(Statement& st, const domain::CheckIn& c) {
  st.Bind(1, c.engagement_id).Bind(2, int64_t{c.number}).Bind(3, DateText(c.scheduled_date));
  st.Bind(4, domain::CheckInStateName(c.state)).Bind(5, DateText(c.held_date));
  st.Bind(6, c.notes).Bind(7, c.held_by).Bind(8, ToMicros(c.meta.create_time));
  st.Bind(9, ToMicros(c.meta.update_time)).Bind(10, c.meta.version);
}

absl::StatusOr<domain::CheckIn> ReadCheckIn(const Statement& row) {
  domain::CheckIn c;
  c.engagement_id = row.Text(0);
  c.number = static_cast<int>(row.Int(1));
  c.meta = {"", FromMicros(row.Int(7)), FromMicros(row.Int(8)), row.Int(9)};
  HC_ASSIGN_OR_RETURN(std::optional<absl::CivilDay> scheduled, ReadDate(row, 2));
  if (!scheduled) return absl::DataLossError("a check-in without its date in the store");
  c.scheduled_date = *scheduled;
  HC_ASSIGN_OR_RETURN(c.state, ReadEnum(row, 3, domain::ParseCheckInState));
  HC_ASSIGN_OR_RETURN(c.held_date, ReadDate(row, 4));
  c.notes = row.Text(5);
  c.held_by = row.Text(6);
  return c;
}

}  // namespace

absl::StatusOr<std::optional<domain::ImprovementPlan>> SqliteImprovementPlanRepository::GetPlan(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPlan));
  st.Bind(1, engagement_id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return std::optional<domain::ImprovementPlan>();
  HC_ASSIGN_OR_RETURN(domain::ImprovementPlan plan, ReadPlan(st));
  return std::optional<domain::ImprovementPlan>(std::move(plan));
}

absl::Status SqliteImprovementPlanRepository::PutPlan(const domain::ImprovementPlan& p) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kPutPlan));
  st.Bind(1, p.meta.id).Bind(2, domain::PlanStateName(p.state));
  st.Bind(3, MicrosOrNull(p.approve_time)).Bind(4, p.approved_by);
  st.Bind(5, ToMicros(p.meta.create_time)).Bind(6, ToMicros(p.meta.update_time));
  st.Bind(7, p.meta.version);
  return st.Run();
}

absl::StatusOr<domain::PlanAction> SqliteImprovementPlanRepository::GetAction(
    absl::string_view engagement_id, absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAction));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat("engagements/", engagement_id,
                                            "/improvementPlan/actions/", id, " does not exist"));
  }
  return ReadAction(st);
}

absl::Status SqliteImprovementPlanRepository::InsertAction(const domain::PlanAction& a) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertAction));
  BindAction(st, a);
  return st.Run();
}

absl::Status SqliteImprovementPlanRepository::UpdateAction(const domain::PlanAction& a) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdateAction));
  BindAction(st, a);
  return st.Run();
}

absl::StatusOr<app::Page<domain::PlanAction>> SqliteImprovementPlanRepository::ListActions(
    absl::string_view engagement_id, const app::PlanActionQuery& q,
    const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectActionPage));
  st.Bind(1, engagement_id);
  st.Bind(2, q.status ? std::optional<std::string>(domain::ActionStatusName(*q.status))
                      : std::nullopt);
  st.Bind(3, DateText(q.overdue_on)).Bind(4, OrNull(q.recommendation_id));
  st.Bind(5, after.key).Bind(6, after.id).Bind(7, FetchLimit(page));
  return ReadPage<domain::PlanAction>(st, page, ReadAction, [](const domain::PlanAction& a) {
    return app::Cursor{a.number, a.meta.id};
  });
}

absl::StatusOr<std::vector<domain::PlanAction>> SqliteImprovementPlanRepository::ListAllActions(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAllActions));
  st.Bind(1, engagement_id);
  return ReadAll<domain::PlanAction>(st, ReadAction);
}

absl::StatusOr<int64_t> SqliteImprovementPlanRepository::LastActionNumber(
    absl::string_view engagement_id) {
  return QueryInt(db_, kLastActionNumber, engagement_id);
}

absl::StatusOr<domain::ProgressUpdate> SqliteImprovementPlanRepository::GetProgressUpdate(
    absl::string_view engagement_id, absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectUpdate));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("progress update ", id, " of engagements/", engagement_id,
                     " does not exist"));
  }
  return ReadUpdate(st);
}

absl::Status SqliteImprovementPlanRepository::InsertProgressUpdate(
    const domain::ProgressUpdate& u) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertUpdate));
  st.Bind(1, u.id).Bind(2, u.engagement_id).Bind(3, u.action_id).Bind(4, u.text);
  st.Bind(5, u.evidence).Bind(6, domain::ActionStatusName(u.status)).Bind(7, u.author);
  st.Bind(8, ToMicros(u.create_time));
  return st.Run();
}

absl::StatusOr<app::Page<domain::ProgressUpdate>>
SqliteImprovementPlanRepository::ListProgressUpdates(absl::string_view engagement_id,
                                                     absl::string_view action_id,
                                                     const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectUpdatePage));
  st.Bind(1, engagement_id).Bind(2, action_id).Bind(3, after.key).Bind(4, after.id);
  st.Bind(5, FetchLimit(page));
  return ReadPage<domain::ProgressUpdate>(st, page, ReadUpdate,
                                          [](const domain::ProgressUpdate& u) {
                                            return app::Cursor{ToMicros(u.create_time), u.id};
                                          });
}

absl::StatusOr<domain::CheckIn> SqliteImprovementPlanRepository::GetCheckIn(
    absl::string_view engagement_id, int number) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectCheckIn));
  st.Bind(1, engagement_id).Bind(2, int64_t{number});
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat("engagements/", engagement_id,
                                            "/improvementPlan/checkIns/", number,
                                            " does not exist"));
  }
  return ReadCheckIn(st);
}

absl::Status SqliteImprovementPlanRepository::InsertCheckIn(const domain::CheckIn& c) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertCheckIn));
  BindCheckIn(st, c);
  return st.Run();
}

absl::Status SqliteImprovementPlanRepository::UpdateCheckIn(const domain::CheckIn& c) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdateCheckIn));
  BindCheckIn(st, c);
  return st.Run();
}

absl::StatusOr<app::Page<domain::CheckIn>> SqliteImprovementPlanRepository::ListCheckIns(
    absl::string_view engagement_id, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectCheckInPage));
  st.Bind(1, engagement_id).Bind(2, after.key).Bind(3, FetchLimit(page));
  return ReadPage<domain::CheckIn>(st, page, ReadCheckIn, [](const domain::CheckIn& c) {
    return app::Cursor{c.number, ""};
  });
}

}  // namespace hc::storage
