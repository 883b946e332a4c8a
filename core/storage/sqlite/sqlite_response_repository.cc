#include "core/storage/sqlite/sqlite_response_repository.h"

#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

constexpr char kSelectDraft[] =
    "SELECT answers, significance, comment FROM drafts WHERE invitation_id = ?";
constexpr char kPutDraft[] =
    "INSERT INTO drafts (invitation_id, answers, significance, comment) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (invitation_id) DO UPDATE SET answers = ?2, significance = ?3, comment = ?4";
constexpr char kDeleteDraft[] = "DELETE FROM drafts WHERE invitation_id = ?";
constexpr char kSelectDraftActions[] =
    "SELECT statement_code, action, by_whom FROM draft_actions WHERE invitation_id = ?";
constexpr char kInsertDraftAction[] =
    "INSERT INTO draft_actions (invitation_id, statement_code, action, by_whom) "
    "VALUES (?, ?, ?, ?)";
constexpr char kDeleteDraftActions[] = "DELETE FROM draft_actions WHERE invitation_id = ?";
constexpr char kInsertResponse[] =
    "INSERT INTO responses (key, engagement_id, organisation, level, sector, answers, "
    "significance) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertComment[] =
    "INSERT INTO comments (key, engagement_id, text) VALUES (?, ?, ?)";
constexpr char kInsertAction[] =
    "INSERT INTO actions (key, engagement_id, statement_code, statement_position, action, "
    "by_whom) VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectActions[] =
    "SELECT key, statement_code, statement_position, action, by_whom FROM actions "
    "WHERE engagement_id = ?1 AND (statement_position, key) > (?2, ?3) "
    "ORDER BY statement_position, key LIMIT ?4";
constexpr char kSelectResponses[] =
    "SELECT organisation, level, sector, answers, significance FROM responses "
    "WHERE engagement_id = ? ORDER BY key";

constexpr char kSelectComments[] =
    "SELECT key, text, quotable FROM comments WHERE engagement_id = ?1 AND key > ?2 "
    "ORDER BY key LIMIT ?3";
constexpr char kSetQuotable[] =
    "UPDATE comments SET quotable = ?3 WHERE engagement_id = ?1 AND key = ?2 "
    "RETURNING key, text, quotable";

absl::StatusOr<domain::Comment> ReadComment(const Statement& row) {
  return domain::Comment{row.Text(0), row.Text(1), row.Int(2) != 0};
}

absl::StatusOr<domain::GatheredAction> ReadAction(const Statement& row) {
  return domain::GatheredAction{row.Text(0), row.Text(1), static_cast<int>(row.Int(2)),
                                {row.Text(3), row.Text(4)}};
}

}  // namespace

absl::StatusOr<std::optional<domain::Draft>> SqliteDraftRepository::Get(
    absl::string_view invitation_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectDraft));
  st.Bind(1, invitation_id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return std::optional<domain::Draft>();
  domain::Draft draft;
  HC_ASSIGN_OR_RETURN(draft.answers, DecodeScores(st.Text(0)));
  HC_ASSIGN_OR_RETURN(draft.significance, DecodeScores(st.Text(1)));
  draft.comment = st.Text(2);
  HC_ASSIGN_OR_RETURN(Statement actions, db_.Prepare(kSelectDraftActions));
  actions.Bind(1, invitation_id);
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, actions.Step());
    if (!more) break;
    draft.actions[actions.Text(0)] = {actions.Text(1), actions.Text(2)};
  }
  return std::optional<domain::Draft>(std::move(draft));
}

absl::Status SqliteDraftRepository::Put(absl::string_view invitation_id,
                                        const domain::Draft& draft) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kPutDraft));
  st.Bind(1, invitation_id).Bind(2, EncodeScores(draft.answers));
  st.Bind(3, EncodeScores(draft.significance)).Bind(4, draft.comment);
  HC_RETURN_IF_ERROR(st.Run());
  HC_ASSIGN_OR_RETURN(Statement clear, db_.Prepare(kDeleteDraftActions));
  HC_RETURN_IF_ERROR(clear.Bind(1, invitation_id).Run());
  for (const auto& [code, entry] : draft.actions) {
    HC_ASSIGN_OR_RETURN(Statement insert, db_.Prepare(kInsertDraftAction));
    insert.Bind(1, invitation_id).Bind(2, code).Bind(3, entry.action).Bind(4, entry.by_whom);
    HC_RETURN_IF_ERROR(insert.Run());
  }
  return absl::OkStatus();
}

absl::Status SqliteDraftRepository::Delete(absl::string_view invitation_id) {
  HC_ASSIGN_OR_RETURN(Statement actions, db_.Prepare(kDeleteDraftActions));
  HC_RETURN_IF_ERROR(actions.Bind(1, invitation_id).Run());
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kDeleteDraft));
  return st.Bind(1, invitation_id).Run();
}

absl::Status SqliteResponseRepository::InsertResponse(absl::string_view engagement_id,
                                                      absl::string_view key,
                                                      const domain::Response& r) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertResponse));
  st.Bind(1, key).Bind(2, engagement_id).Bind(3, r.organisation);
  st.Bind(4, domain::RespondentLevelName(r.level)).Bind(5, domain::SectorName(r.sector));
  st.Bind(6, EncodeScores(r.answers)).Bind(7, EncodeScores(r.significance));
  return st.Run();
}

absl::Status SqliteResponseRepository::InsertComment(absl::string_view engagement_id,
                                                     absl::string_view key,
                                                     absl::string_view text) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertComment));
  return st.Bind(1, key).Bind(2, engagement_id).Bind(3, text).Run();
}

absl::Status SqliteResponseRepository::InsertAction(absl::string_view engagement_id,
                                                    const domain::GatheredAction& a) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertAction));
  st.Bind(1, a.id).Bind(2, engagement_id).Bind(3, a.statement_code);
  st.Bind(4, static_cast<int64_t>(a.statement_position));
  return st.Bind(5, a.entry.action).Bind(6, a.entry.by_whom).Run();
}

absl::StatusOr<app::Page<domain::GatheredAction>> SqliteResponseRepository::ListActions(
    absl::string_view engagement_id, const app::PageRequest& page) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectActions));
  st.Bind(1, engagement_id).Bind(2, page.after ? page.after->key : int64_t{-1});
  st.Bind(3, page.after ? page.after->id : std::string()).Bind(4, FetchLimit(page));
  return ReadPage<domain::GatheredAction>(st, page, ReadAction, [](const domain::GatheredAction& a) {
    return app::Cursor{a.statement_position, a.id};
  });
}

absl::StatusOr<std::vector<domain::Response>> SqliteResponseRepository::ListResponses(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectResponses));
  st.Bind(1, engagement_id);
  std::vector<domain::Response> responses;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return responses;
    domain::Response r;
    r.organisation = st.Text(0);
    HC_ASSIGN_OR_RETURN(r.level, ReadEnum(st, 1, domain::ParseRespondentLevel));
    HC_ASSIGN_OR_RETURN(r.sector, ReadEnum(st, 2, domain::ParseSector));
    HC_ASSIGN_OR_RETURN(r.answers, DecodeScores(st.Text(3)));
    HC_ASSIGN_OR_RETURN(r.significance, DecodeScores(st.Text(4)));
    responses.push_back(std::move(r));
  }
}

absl::StatusOr<app::Page<domain::Comment>> SqliteResponseRepository::ListComments(
    absl::string_view engagement_id, const app::PageRequest& page) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectComments));
  st.Bind(1, engagement_id).Bind(2, page.after ? page.after->id : std::string());
  st.Bind(3, FetchLimit(page));
  return ReadPage<domain::Comment>(st, page, ReadComment, [](const domain::Comment& c) {
    return app::Cursor{0, c.id};
  });
}

absl::StatusOr<domain::Comment> SqliteResponseRepository::SetQuotable(
    absl::string_view engagement_id, absl::string_view key, bool quotable) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSetQuotable));
  st.Bind(1, engagement_id).Bind(2, key).Bind(3, static_cast<int64_t>(quotable ? 1 : 0));
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("no such comment");
  return ReadComment(st);
}

}  // namespace hc::storage
