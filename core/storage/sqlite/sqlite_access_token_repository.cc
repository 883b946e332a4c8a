#include "core/storage/sqlite/sqlite_access_token_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_TOKEN_COLUMNS \
  "id, display_name, role, peer_id, partnership_id, secret_hash, create_us, revoke_us"

constexpr char kSelectById[] = "SELECT " HC_TOKEN_COLUMNS " FROM access_tokens WHERE id = ?";
constexpr char kSelectByHash[] =
    "SELECT " HC_TOKEN_COLUMNS " FROM access_tokens WHERE secret_hash = ?";
constexpr char kSelectPage[] = "SELECT " HC_TOKEN_COLUMNS
                               " FROM access_tokens WHERE (create_us, id) > (?1, ?2) "
                               "ORDER BY create_us, id LIMIT ?3";
constexpr char kCount[] = "SELECT COUNT(*) FROM access_tokens";
constexpr char kInsert[] = "INSERT INTO access_tokens (" HC_TOKEN_COLUMNS
                           ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kRevoke[] = "UPDATE access_tokens SET revoke_us = ?2 WHERE id = ?1";
constexpr char kRevokePeer[] =
    "UPDATE access_tokens SET revoke_us = ?2 WHERE peer_id = ?1 AND revoke_us IS NULL";
constexpr char kRevokePartnership[] =
    "UPDATE access_tokens SET revoke_us = ?2 WHERE partnership_id = ?1 AND revoke_us IS NULL";

#undef HC_TOKEN_COLUMNS

absl::StatusOr<domain::AccessToken> ReadToken(const Statement& row) {
  domain::AccessToken t;
  t.id = row.Text(0);
  t.display_name = row.Text(1);
  HC_ASSIGN_OR_RETURN(t.role, ReadEnum(row, 2, domain::ParseRole));
  t.peer_id = row.Text(3);
  t.partnership_id = row.Text(4);
  t.secret_hash = row.Text(5);
  t.create_time = FromMicros(row.Int(6));
  if (!row.IsNull(7)) t.revoke_time = FromMicros(row.Int(7));
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
    const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, after.key).Bind(2, after.id).Bind(3, FetchLimit(page));
  return ReadPage<domain::AccessToken>(st, page, ReadToken, [](const domain::AccessToken& t) {
    return app::Cursor{ToMicros(t.create_time), t.id};
  });
}

absl::StatusOr<int64_t> SqliteAccessTokenRepository::Count() {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kCount));
  HC_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return absl::InternalError("COUNT returned no row");
  return st.Int(0);
}

absl::Status SqliteAccessTokenRepository::Insert(const domain::AccessToken& t) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  st.Bind(1, t.id).Bind(2, t.display_name).Bind(3, domain::RoleName(t.role)).Bind(4, t.peer_id);
  st.Bind(5, t.partnership_id).Bind(6, t.secret_hash).Bind(7, ToMicros(t.create_time));
  if (t.revoke_time) {
    st.Bind(8, ToMicros(*t.revoke_time));
  } else {
    st.BindNull(8);
  }
  return st.Run();
}

absl::StatusOr<int> SqliteAccessTokenRepository::RevokeAllBoundTo(absl::string_view peer_id,
                                                                 absl::string_view partnership_id,
                                                                 absl::Time when) {
  const bool peer = !peer_id.empty();
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(peer ? kRevokePeer : kRevokePartnership));
  HC_RETURN_IF_ERROR(st.Bind(1, peer ? peer_id : partnership_id).Bind(2, ToMicros(when)).Run());
  return db_.Changes();
}

absl::Status SqliteAccessTokenRepository::SetRevoked(absl::string_view id, absl::Time when) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kRevoke));
  HC_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, ToMicros(when)).Run());
  if (db_.Changes() == 0) {
    return absl::NotFoundError(absl::StrCat("accessTokens/", id, " does not exist"));
  }
  return absl::OkStatus();
}

}  // namespace hc::storage
