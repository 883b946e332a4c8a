#include "core/storage/sqlite/sqlite_user_repository.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/domain/session.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_USER_COLUMNS                                                                     \
  "id, display_name, email, role, peer_id, partnership_id, state, password_hash, create_us, " \
  "update_us, version"
#define HC_SESSION_COLUMNS "id, user_id, secret_hash, create_us, last_active_us, end_us, client"

constexpr char kSelectUser[] = "SELECT " HC_USER_COLUMNS " FROM users WHERE id = ?";
constexpr char kSelectUserByEmail[] =
    "SELECT " HC_USER_COLUMNS " FROM users WHERE email = ? COLLATE NOCASE AND email <> ''";
constexpr char kSelectUserPage[] = "SELECT " HC_USER_COLUMNS
                                   " FROM users WHERE (create_us, id) > (?1, ?2) "
                                   "ORDER BY create_us, id LIMIT ?3";
constexpr char kFirstLead[] = "SELECT " HC_USER_COLUMNS
                              " FROM users WHERE role = 'PROGRAMME_LEAD' AND state = 'ACTIVE' "
                              "ORDER BY create_us, id LIMIT 1";
constexpr char kLeadCanSignIn[] =
    "SELECT COUNT(*) FROM users WHERE role = 'PROGRAMME_LEAD' AND state = 'ACTIVE' "
    "AND email <> '' AND password_hash <> ''";
constexpr char kInsertUser[] = "INSERT INTO users (" HC_USER_COLUMNS
                               ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr char kUpdateUser[] =
    "UPDATE users SET display_name = ?2, email = ?3, role = ?4, peer_id = ?5, "
    "partnership_id = ?6, state = ?7, password_hash = ?8, update_us = ?10, version = ?11 "
    "WHERE id = ?1";
constexpr char kEndSessionsOfBoundPeer[] =
    "UPDATE sessions SET end_us = ?2 WHERE end_us IS NULL AND user_id IN "
    "(SELECT id FROM users WHERE peer_id = ?1 AND state = 'ACTIVE')";
constexpr char kEndSessionsOfBoundPartnership[] =
    "UPDATE sessions SET end_us = ?2 WHERE end_us IS NULL AND user_id IN "
    "(SELECT id FROM users WHERE partnership_id = ?1 AND state = 'ACTIVE')";
constexpr char kSuspendPeer[] =
    "UPDATE users SET state = 'SUSPENDED', update_us = ?2, version = version + 1 "
    "WHERE peer_id = ?1 AND state = 'ACTIVE'";
constexpr char kSuspendPartnership[] =
    "UPDATE users SET state = 'SUSPENDED', update_us = ?2, version = version + 1 "
    "WHERE partnership_id = ?1 AND state = 'ACTIVE'";

constexpr char kInsertLink[] =
    "INSERT INTO password_links (id, user_id, secret_hash, create_us, expire_us, use_us) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kSelectLinkByHash[] =
    "SELECT id, user_id, secret_hash, create_us, expire_us, use_us FROM password_links "
    "WHERE secret_hash = ?";
constexpr char kUseLinks[] =
    "UPDATE password_links SET use_us = ?2 WHERE user_id = ?1 AND use_us IS NULL";

constexpr char kInsertSession[] =
    "INSERT INTO sessions (" HC_SESSION_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr char kSelectSession[] = "SELECT " HC_SESSION_COLUMNS " FROM sessions WHERE id = ?";
constexpr char kSelectSessionByHash[] =
    "SELECT " HC_SESSION_COLUMNS " FROM sessions WHERE secret_hash = ?";
// Live as domain::IsLive has it: not ended, active since ?5 (now less the
// idle limit) and begun after ?6 (now less the lifetime).
constexpr char kSelectLiveSessionPage[] =
    "SELECT " HC_SESSION_COLUMNS
    " FROM sessions WHERE user_id = ?4 AND (create_us, id) > (?1, ?2) "
    "AND end_us IS NULL AND last_active_us > ?5 AND create_us > ?6 "
    "ORDER BY create_us, id LIMIT ?3";
constexpr char kSetSessionActive[] = "UPDATE sessions SET last_active_us = ?2 WHERE id = ?1";
constexpr char kEndSession[] =
    "UPDATE sessions SET end_us = ?2 WHERE id = ?1 AND end_us IS NULL";
constexpr char kEndSessionsOf[] =
    "UPDATE sessions SET end_us = ?2 WHERE user_id = ?1 AND end_us IS NULL AND id <> ?3";

#undef HC_USER_COLUMNS
#undef HC_SESSION_COLUMNS

absl::StatusOr<domain::User> ReadUser(const Statement& row) {
  domain::User u;
  u.meta = {row.Text(0), FromMicros(row.Int(8)), FromMicros(row.Int(9)), row.Int(10)};
  u.display_name = row.Text(1);
  u.email = row.Text(2);
  HC_ASSIGN_OR_RETURN(u.role, ReadEnum(row, 3, domain::ParseRole));
  u.peer_id = row.Text(4);
  u.partnership_id = row.Text(5);
  HC_ASSIGN_OR_RETURN(u.state, ReadEnum(row, 6, domain::ParseUserState));
  u.password_hash = row.Text(7);
  return u;
}

void BindUser(Statement& st, const domain::User& u) {
  st.Bind(1, u.meta.id).Bind(2, u.display_name).Bind(3, u.email);
  st.Bind(4, domain::RoleName(u.role)).Bind(5, u.peer_id).Bind(6, u.partnership_id);
  st.Bind(7, domain::UserStateName(u.state)).Bind(8, u.password_hash);
  st.Bind(9, ToMicros(u.meta.create_time)).Bind(10, ToMicros(u.meta.update_time));
  st.Bind(11, u.meta.version);
}

absl::Status EmailTaken(absl::Status s, const domain::User& u) {
  if (!absl::IsAlreadyExists(s) || !absl::StrContains(s.message(), "users")) return s;
  if (absl::StrContains(s.message(), "users.id")) return s;
  return absl::AlreadyExistsError(
      absl::StrCat("someone with the email ", u.email, " already has an account"));
}

absl::StatusOr<domain::Session> ReadSession(const Statement& row) {
  domain::Session s;
  s.id = row.Text(0);
  s.user_id = row.Text(1);
  s.secret_hash = row.Text(2);
  s.create_time = FromMicros(row.Int(3));
  s.last_active_time = FromMicros(row.Int(4));
  if (!row.IsNull(5)) s.end_time = FromMicros(row.Int(5));
  s.client = row.Text(6);
  return s;
}

absl::StatusOr<int64_t> CountOf(Database& db, const char* sql) {
  HC_ASSIGN_OR_RETURN(Statement st, db.Prepare(sql));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::InternalError("COUNT returned no row");
  return st.Int(0);
}

void BindOptionalTime(Statement& st, int index, const std::optional<absl::Time>& time) {
  if (time) {
    st.Bind(index, ToMicros(*time));
  } else {
    st.BindNull(index);
  }
}

}  // namespace

absl::StatusOr<domain::User> SqliteUserRepository::FindUser(const char* sql,
                                                           absl::string_view key) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(sql));
  st.Bind(1, key);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("no such person");
  return ReadUser(st);
}

absl::StatusOr<domain::User> SqliteUserRepository::Get(absl::string_view id) {
  absl::StatusOr<domain::User> u = FindUser(kSelectUser, id);
  if (absl::IsNotFound(u.status())) {
    return absl::NotFoundError(absl::StrCat("users/", id, " does not exist"));
  }
  return u;
}

absl::StatusOr<domain::User> SqliteUserRepository::FindByEmail(absl::string_view email) {
  return FindUser(kSelectUserByEmail, email);
}

absl::StatusOr<app::Page<domain::User>> SqliteUserRepository::List(const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectUserPage));
  st.Bind(1, after.key).Bind(2, after.id).Bind(3, FetchLimit(page));
  return ReadPage<domain::User>(st, page, ReadUser, [](const domain::User& u) {
    return app::Cursor{ToMicros(u.meta.create_time), u.meta.id};
  });
}

absl::StatusOr<domain::User> SqliteUserRepository::FirstProgrammeLead() {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kFirstLead));
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("there is no active programme lead");
  return ReadUser(st);
}

absl::StatusOr<bool> SqliteUserRepository::AnyLeadCanSignIn() {
  HC_ASSIGN_OR_RETURN(int64_t count, CountOf(db_, kLeadCanSignIn));
  return count > 0;
}

absl::Status SqliteUserRepository::Insert(const domain::User& u) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertUser));
  BindUser(st, u);
  return EmailTaken(st.Run(), u);
}

absl::Status SqliteUserRepository::Update(const domain::User& u) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdateUser));
  BindUser(st, u);
  HC_RETURN_IF_ERROR(EmailTaken(st.Run(), u));
  if (db_.Changes() == 0) {
    return absl::NotFoundError(absl::StrCat("users/", u.meta.id, " does not exist"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> SqliteUserRepository::SuspendAllBoundTo(absl::string_view peer_id,
                                                           absl::string_view partnership_id,
                                                           absl::Time when) {
  const bool peer = !peer_id.empty();
  const absl::string_view key = peer ? peer_id : partnership_id;
  HC_ASSIGN_OR_RETURN(Statement end, db_.Prepare(peer ? kEndSessionsOfBoundPeer
                                                      : kEndSessionsOfBoundPartnership));
  HC_RETURN_IF_ERROR(end.Bind(1, key).Bind(2, ToMicros(when)).Run());
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(peer ? kSuspendPeer : kSuspendPartnership));
  HC_RETURN_IF_ERROR(st.Bind(1, key).Bind(2, ToMicros(when)).Run());
  return db_.Changes();
}

absl::Status SqliteUserRepository::InsertLink(const domain::PasswordLink& link) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertLink));
  st.Bind(1, link.id).Bind(2, link.user_id).Bind(3, link.secret_hash);
  st.Bind(4, ToMicros(link.create_time)).Bind(5, ToMicros(link.expire_time));
  BindOptionalTime(st, 6, link.use_time);
  return st.Run();
}

absl::StatusOr<domain::PasswordLink> SqliteUserRepository::FindLinkBySecretHash(
    absl::string_view hash) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectLinkByHash));
  st.Bind(1, hash);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("no such link");
  domain::PasswordLink link;
  link.id = st.Text(0);
  link.user_id = st.Text(1);
  link.secret_hash = st.Text(2);
  link.create_time = FromMicros(st.Int(3));
  link.expire_time = FromMicros(st.Int(4));
  if (!st.IsNull(5)) link.use_time = FromMicros(st.Int(5));
  return link;
}

absl::Status SqliteUserRepository::UseLinksOf(absl::string_view user_id, absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUseLinks));
  return st.Bind(1, user_id).Bind(2, ToMicros(when)).Run();
}

absl::Status SqliteUserRepository::InsertSession(const domain::Session& s) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertSession));
  st.Bind(1, s.id).Bind(2, s.user_id).Bind(3, s.secret_hash).Bind(4, ToMicros(s.create_time));
  st.Bind(5, ToMicros(s.last_active_time));
  BindOptionalTime(st, 6, s.end_time);
  st.Bind(7, s.client);
  return st.Run();
}

absl::StatusOr<domain::Session> SqliteUserRepository::FindSession(const char* sql,
                                                                 absl::string_view key) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(sql));
  st.Bind(1, key);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("no such session");
  return ReadSession(st);
}

absl::StatusOr<domain::Session> SqliteUserRepository::GetSession(absl::string_view id) {
  return FindSession(kSelectSession, id);
}

absl::StatusOr<domain::Session> SqliteUserRepository::FindSessionBySecretHash(
    absl::string_view hash) {
  return FindSession(kSelectSessionByHash, hash);
}

absl::StatusOr<app::Page<domain::Session>> SqliteUserRepository::ListLiveSessions(
    absl::string_view user_id, absl::Time now, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectLiveSessionPage));
  st.Bind(1, after.key).Bind(2, after.id).Bind(3, FetchLimit(page)).Bind(4, user_id)
      .Bind(5, ToMicros(now - domain::kSessionIdle))
      .Bind(6, ToMicros(now - domain::kSessionLifetime));
  return ReadPage<domain::Session>(st, page, ReadSession, [](const domain::Session& s) {
    return app::Cursor{ToMicros(s.create_time), s.id};
  });
}

absl::Status SqliteUserRepository::SetSessionActive(absl::string_view id, absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSetSessionActive));
  return st.Bind(1, id).Bind(2, ToMicros(when)).Run();
}

absl::Status SqliteUserRepository::EndSession(absl::string_view id, absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kEndSession));
  return st.Bind(1, id).Bind(2, ToMicros(when)).Run();
}

absl::StatusOr<int> SqliteUserRepository::EndSessionsOf(absl::string_view user_id,
                                                         absl::Time when,
                                                         absl::string_view except) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kEndSessionsOf));
  HC_RETURN_IF_ERROR(st.Bind(1, user_id).Bind(2, ToMicros(when)).Bind(3, except).Run());
  return db_.Changes();
}

}  // namespace hc::storage
