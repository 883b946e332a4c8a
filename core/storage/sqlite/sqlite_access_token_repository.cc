#include "core/storage/sqlite/sqlite_access_token_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_TOKEN_COLUMNS "id, user_id, display_name, secret_hash, create_us, revoke_us"

constexpr char kSelectById[] = "SELECT " HC_TOKEN_COLUMNS " FROM access_tokens WHERE id = ?";
constexpr char kSelectByHash[] =
    "SELECT " HC_TOKEN_COLUMNS " FROM access_tokens WHERE secret_hash = ?";
constexpr char kSelectPage[] = "SELECT " HC_TOKEN_COLUMNS
                               " FROM access_tokens WHERE (create_us, id) > (?1, ?2) "
                               "ORDER BY create_us, id LIMIT ?3";
constexpr char kSelectUserPage[] =
    "SELECT " HC_TOKEN_COLUMNS
    " FROM access_tokens WHERE user_id = ?4 AND (create_us, id) > (?1, ?2) "
    "ORDER BY create_us, id LIMIT ?3";
constexpr char kInsert[] =
    "INSERT INTO access_tokens (" HC_TOKEN_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kRevoke[] = "UPDATE access_tokens SET revoke_us = ?2 WHERE id = ?1";
constexpr char kRevokeAllOf[] =
    "UPDATE access_tokens SET revoke_us = ?2 WHERE user_id = ?1 AND revoke_us IS NULL";

#undef HC_TOKEN_COLUMNS

absl::StatusOr<domain::AccessToken> ReadToken(const Statement& row) {
  domain::AccessToken t;
  t.id = row.Text(0);
  t.user_id = row.Text(1);
  t.display_name = row.Text(2);
  t.secret_hash = row.Text(3);
  t.create_time = FromMicros(row.Int(4));
  if (!row.IsNull(5)) t.revoke_time = FromMicros(row.Int(5));
  return t;
}

}  // namespace

absl::StatusOr<domain::AccessToken> SqliteAccessTokenRepository::FindOne(const char* sql,
                                                                         absl::string_view key) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(sql));
  st.Bind(1, key);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return absl::NotFoundError("no such access token");
  return ReadToken(st);
}

absl::StatusOr<domain::AccessToken> SqliteAccessTokenRepository::Get(absl::string_view id) {
  absl::StatusOr<domain::AccessToken> t = FindOne(kSelectById, id);
  if (absl::IsNotFound(t.status())) {
    return absl::NotFoundError(absl::StrCat("accessTokens/", id, " does not exist"));
  }
  return t;
}

absl::StatusOr<domain::AccessToken> SqliteAccessTokenRepository::FindBySecretHash(
    absl::string_view hash) {
  return FindOne(kSelectByHash, hash);
}

absl::StatusOr<app::Page<domain::AccessToken>> SqliteAccessTokenRepository::List(
    absl::string_view user_id, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(user_id.empty() ? kSelectPage : kSelectUserPage));
  st.Bind(1, after.key).Bind(2, after.id).Bind(3, FetchLimit(page));
  if (!user_id.empty()) st.Bind(4, user_id);
  return ReadPage<domain::AccessToken>(st, page, ReadToken, [](const domain::AccessToken& t) {
    return app::Cursor{ToMicros(t.create_time), t.id};
  });
}

absl::Status SqliteAccessTokenRepository::Insert(const domain::AccessToken& t) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  st.Bind(1, t.id).Bind(2, t.user_id).Bind(3, t.display_name).Bind(4, t.secret_hash);
  st.Bind(5, ToMicros(t.create_time));
  if (t.revoke_time) {
    st.Bind(6, ToMicros(*t.revoke_time));
  } else {
    st.BindNull(6);
  }
  return st.Run();
}

absl::Status SqliteAccessTokenRepository::SetRevoked(absl::string_view id, absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kRevoke));
  HC_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, ToMicros(when)).Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError(absl::StrCat("accessTokens/", id, " does not exist"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> SqliteAccessTokenRepository::RevokeAllOf(absl::string_view user_id,
                                                            absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kRevokeAllOf));
  HC_RETURN_IF_ERROR(st.Bind(1, user_id).Bind(2, ToMicros(when)).Run());
  return db_.Changes();
}

}  // namespace hc::storage
