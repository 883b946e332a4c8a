#include "core/storage/sqlite/sqlite_engagement_repository.h"

#include <array>
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

using domain::Engagement;

#define HC_ENGAGEMENT_COLUMNS                                                          \
  "id, partnership_id, purpose, stage, arrangements, questionnaire_open, "             \
  "questionnaire_close, fieldwork_day1, fieldwork_day2, fieldwork_day3, feedback_date, " \
  "report_due, plan_due, initial_feedback_summary, end_reason, previous_engagement_id, " \
  "next_deadline, create_us, update_us, version"

#define HC_ENGAGEMENT_FILTER                                                        \
  "(?3 IS NULL OR stage = ?3) AND (?4 IS NULL OR partnership_id = ?4) "              \
  "AND (?5 IS NULL OR EXISTS (SELECT 1 FROM team_members t WHERE t.engagement_id = " \
  "e.id AND t.peer_id = ?5 AND t.role = 'LEAD_PEER')) "                               \
  "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM team_members t WHERE t.engagement_id = " \
  "e.id AND t.peer_id = ?6)) "                                                        \
  "AND (?7 IS NULL OR next_deadline < ?7) "

constexpr char kSelectOne[] = "SELECT " HC_ENGAGEMENT_COLUMNS " FROM engagements WHERE id = ?";
constexpr char kSelectPage[] = "SELECT " HC_ENGAGEMENT_COLUMNS
                               " FROM engagements e WHERE (create_us, id) > (?1, ?2) AND "
                               HC_ENGAGEMENT_FILTER "ORDER BY create_us, id LIMIT ?8";
constexpr char kCountByStage[] =
    "SELECT stage, COUNT(*) FROM engagements GROUP BY stage ORDER BY stage";
constexpr char kAnyForPartnership[] = "SELECT 1 FROM engagements WHERE partnership_id = ? LIMIT 1";
constexpr char kAnyWithTeamPeer[] = "SELECT 1 FROM team_members WHERE peer_id = ? LIMIT 1";
constexpr char kInsert[] = "INSERT INTO engagements (" HC_ENGAGEMENT_COLUMNS
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                           "?14, ?15, ?16, ?17, ?18, ?19, ?20)";
constexpr char kUpdate[] =
    "UPDATE engagements SET purpose = ?3, stage = ?4, arrangements = ?5, "
    "questionnaire_open = ?6, questionnaire_close = ?7, fieldwork_day1 = ?8, "
    "fieldwork_day2 = ?9, fieldwork_day3 = ?10, feedback_date = ?11, report_due = ?12, "
    "plan_due = ?13, initial_feedback_summary = ?14, end_reason = ?15, next_deadline = ?17, "
    "update_us = ?19, version = ?20 WHERE id = ?1";
constexpr char kSelectScoping[] =
    "SELECT list, text FROM engagement_scoping_items WHERE engagement_id = ? "
    "ORDER BY list, position";
constexpr char kDeleteScoping[] = "DELETE FROM engagement_scoping_items WHERE engagement_id = ?";
constexpr char kInsertScoping[] =
    "INSERT INTO engagement_scoping_items (engagement_id, list, position, text) "
    "VALUES (?, ?, ?, ?)";
constexpr char kSelectTeam[] =
    "SELECT peer_id, role FROM team_members WHERE engagement_id = ? ORDER BY position";
constexpr char kDeleteTeam[] = "DELETE FROM team_members WHERE engagement_id = ?";
constexpr char kInsertTeam[] =
    "INSERT INTO team_members (engagement_id, peer_id, role, position) VALUES (?, ?, ?, ?)";
constexpr char kInsertStageChange[] =
    "INSERT INTO stage_changes (engagement_id, sequence, from_stage, to_stage, actor, time_us, "
    "reason) VALUES (?1, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM stage_changes WHERE "
    "engagement_id = ?1), ?2, ?3, ?4, ?5, ?6)";
constexpr char kSelectStageChanges[] =
    "SELECT sequence, from_stage, to_stage, actor, time_us, reason FROM stage_changes "
    "WHERE engagement_id = ?1 AND sequence > ?2 ORDER BY sequence LIMIT ?3";

#undef HC_ENGAGEMENT_COLUMNS
#undef HC_ENGAGEMENT_FILTER

// The scoping record's lists, by their stored name.
using ListField = std::vector<std::string>* (*)(domain::ScopingRecord&);
struct ScopingList {
  const char* name;
  ListField field;
};
constexpr std::array<ScopingList, 6> kScopingLists{{
    {"issue", [](domain::ScopingRecord& s) { return &s.issues; }},
    {"outcome", [](domain::ScopingRecord& s) { return &s.desired_outcomes; }},
    {"inform", [](domain::ScopingRecord& s) { return &s.stakeholders.inform; }},
    {"involve", [](domain::ScopingRecord& s) { return &s.stakeholders.involve; }},
    {"be_aware", [](domain::ScopingRecord& s) { return &s.stakeholders.be_aware; }},
    {"keep_on_board", [](domain::ScopingRecord& s) { return &s.stakeholders.keep_on_board; }},
}};

// The key dates in column order, from column 5.
constexpr std::array<std::optional<absl::CivilDay> domain::KeyDates::*, 8> kDateColumns{{
    &domain::KeyDates::questionnaire_open, &domain::KeyDates::questionnaire_close,
    &domain::KeyDates::fieldwork_day1, &domain::KeyDates::fieldwork_day2,
    &domain::KeyDates::fieldwork_day3, &domain::KeyDates::feedback_date,
    &domain::KeyDates::report_due, &domain::KeyDates::plan_due}};

absl::Status NotFound(absl::string_view id) {
  return absl::NotFoundError(absl::StrCat("engagements/", id, " does not exist"));
}

std::optional<std::string> NonEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// Binds the twenty columns in HC_ENGAGEMENT_COLUMNS order.
void BindEngagement(Statement& st, const Engagement& e) {
  st.Bind(1, e.meta.id).Bind(2, e.partnership_id).Bind(3, domain::PurposeName(e.purpose));
  st.Bind(4, domain::StageName(e.stage)).Bind(5, e.scoping.arrangements);
  for (size_t i = 0; i < kDateColumns.size(); ++i) {
    st.Bind(6 + static_cast<int>(i), DateText(e.key_dates.*kDateColumns[i]));
  }
  st.Bind(14, e.initial_feedback_summary).Bind(15, e.end_reason);
  st.Bind(16, NonEmpty(e.previous_engagement_id));
  st.Bind(17, DateText(domain::NextDeadline(e)));
  st.Bind(18, ToMicros(e.meta.create_time)).Bind(19, ToMicros(e.meta.update_time));
  st.Bind(20, e.meta.version);
}

void BindQuery(Statement& st, const app::EngagementQuery& q) {
  if (q.stage) {
    st.Bind(3, domain::StageName(*q.stage));
  } else {
    st.BindNull(3);
  }
  st.Bind(4, q.partnership_id).Bind(5, q.lead_peer_id).Bind(6, q.team_peer_id);
  st.Bind(7, DateText(q.overdue_on));
}

}  // namespace

absl::StatusOr<Engagement> SqliteEngagementRepository::Read(const Statement& row) {
  Engagement e;
  e.meta = {row.Text(0), FromMicros(row.Int(17)), FromMicros(row.Int(18)), row.Int(19)};
  e.partnership_id = row.Text(1);
  HC_ASSIGN_OR_RETURN(e.purpose, ReadEnum(row, 2, domain::ParsePurpose));
  HC_ASSIGN_OR_RETURN(e.stage, ReadEnum(row, 3, domain::ParseStage));
  e.scoping.arrangements = row.Text(4);
  for (size_t i = 0; i < kDateColumns.size(); ++i) {
    HC_ASSIGN_OR_RETURN(e.key_dates.*kDateColumns[i], ReadDate(row, 5 + static_cast<int>(i)));
  }
  e.initial_feedback_summary = row.Text(13);
  e.end_reason = row.Text(14);
  e.previous_engagement_id = row.Text(15);
  HC_RETURN_IF_ERROR(ReadScoping(e));
  HC_RETURN_IF_ERROR(ReadTeam(e));
  return e;
}

absl::Status SqliteEngagementRepository::ReadScoping(Engagement& e) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectScoping));
  st.Bind(1, e.meta.id);
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return absl::OkStatus();
    const std::string list = st.Text(0);
    bool known = false;
    for (const ScopingList& l : kScopingLists) {
      if (list == l.name) {
        l.field(e.scoping)->push_back(st.Text(1));
        known = true;
      }
    }
    if (!known) return absl::DataLossError(absl::StrCat("unknown scoping list '", list, "'"));
  }
}

absl::Status SqliteEngagementRepository::ReadTeam(Engagement& e) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectTeam));
  st.Bind(1, e.meta.id);
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return absl::OkStatus();
    domain::TeamMember m;
    m.peer_id = st.Text(0);
    HC_ASSIGN_OR_RETURN(m.role, ReadEnum(st, 1, domain::ParseTeamRole));
    e.team.push_back(std::move(m));
  }
}

absl::Status SqliteEngagementRepository::WriteChildren(const Engagement& e) {
  HC_ASSIGN_OR_RETURN(Statement clear_scoping, db_.Prepare(kDeleteScoping));
  HC_RETURN_IF_ERROR(clear_scoping.Bind(1, e.meta.id).Run());
  domain::ScopingRecord scoping = e.scoping;
  for (const ScopingList& l : kScopingLists) {
    const std::vector<std::string>& items = *l.field(scoping);
    for (size_t i = 0; i < items.size(); ++i) {
      HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertScoping));
      st.Bind(1, e.meta.id).Bind(2, l.name).Bind(3, static_cast<int64_t>(i)).Bind(4, items[i]);
      HC_RETURN_IF_ERROR(st.Run());
    }
  }
  HC_ASSIGN_OR_RETURN(Statement clear_team, db_.Prepare(kDeleteTeam));
  HC_RETURN_IF_ERROR(clear_team.Bind(1, e.meta.id).Run());
  for (size_t i = 0; i < e.team.size(); ++i) {
    HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertTeam));
    st.Bind(1, e.meta.id).Bind(2, e.team[i].peer_id).Bind(3, domain::TeamRoleName(e.team[i].role));
    HC_RETURN_IF_ERROR(st.Bind(4, static_cast<int64_t>(i)).Run());
  }
  return absl::OkStatus();
}

absl::StatusOr<Engagement> SqliteEngagementRepository::Get(absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return NotFound(id);
  return Read(st);
}

absl::StatusOr<app::Page<Engagement>> SqliteEngagementRepository::List(
    const app::EngagementQuery& query, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, after.key).Bind(2, after.id);
  BindQuery(st, query);
  st.Bind(8, FetchLimit(page));
  return ReadPage<Engagement>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const Engagement& e) { return CreationCursor(e.meta); });
}

absl::StatusOr<std::vector<Engagement>> SqliteEngagementRepository::ListAll(
    const app::EngagementQuery& query) {
  std::vector<Engagement> all;
  app::PageRequest page{500, std::nullopt};
  for (;;) {
    HC_ASSIGN_OR_RETURN(app::Page<Engagement> part, List(query, page));
    for (Engagement& e : part.items) all.push_back(std::move(e));
    if (!part.next) return all;
    page.after = part.next;
  }
}

absl::StatusOr<std::map<domain::Stage, int>> SqliteEngagementRepository::CountByStage() {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kCountByStage));
  std::map<domain::Stage, int> counts;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return counts;
    HC_ASSIGN_OR_RETURN(domain::Stage stage, ReadEnum(st, 0, domain::ParseStage));
    counts[stage] = static_cast<int>(st.Int(1));
  }
}

absl::StatusOr<bool> SqliteEngagementRepository::Exists(const char* sql, absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(sql));
  st.Bind(1, id);
  return st.Step();
}

absl::StatusOr<bool> SqliteEngagementRepository::AnyForPartnership(
    absl::string_view partnership_id) {
  return Exists(kAnyForPartnership, partnership_id);
}

absl::StatusOr<bool> SqliteEngagementRepository::AnyWithTeamPeer(absl::string_view peer_id) {
  return Exists(kAnyWithTeamPeer, peer_id);
}

absl::Status SqliteEngagementRepository::Insert(const Engagement& e) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindEngagement(st, e);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteChildren(e);
}

absl::Status SqliteEngagementRepository::Update(const Engagement& e) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindEngagement(st, e);
  HC_RETURN_IF_ERROR(st.Run());
  if (db_.Changes() == 0) return NotFound(e.meta.id);
  return WriteChildren(e);
}

absl::Status SqliteEngagementRepository::AppendStageChange(const domain::StageChange& c) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertStageChange));
  st.Bind(1, c.engagement_id).Bind(2, domain::StageName(c.from)).Bind(3, domain::StageName(c.to));
  st.Bind(4, c.actor).Bind(5, ToMicros(c.time)).Bind(6, c.reason);
  return st.Run();
}

absl::StatusOr<app::Page<domain::StageChange>> SqliteEngagementRepository::ListStageChanges(
    absl::string_view engagement_id, const app::PageRequest& page) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectStageChanges));
  st.Bind(1, engagement_id).Bind(2, page.after ? page.after->key : int64_t{0});
  st.Bind(3, FetchLimit(page));
  return ReadPage<domain::StageChange>(
      st, page,
      [&](const Statement& row) -> absl::StatusOr<domain::StageChange> {
        domain::StageChange c;
        c.engagement_id = std::string(engagement_id);
        c.sequence = row.Int(0);
        HC_ASSIGN_OR_RETURN(c.from, ReadEnum(row, 1, domain::ParseStage));
        HC_ASSIGN_OR_RETURN(c.to, ReadEnum(row, 2, domain::ParseStage));
        c.actor = row.Text(3);
        c.time = FromMicros(row.Int(4));
        c.reason = row.Text(5);
        return c;
      },
      [](const domain::StageChange& c) { return app::Cursor{c.sequence, ""}; });
}

}  // namespace hc::storage
