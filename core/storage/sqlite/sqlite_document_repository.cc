#include "core/storage/sqlite/sqlite_document_repository.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_DOCUMENT_COLUMNS \
  "id, engagement_id, title, source, date, notes, create_us, update_us, version"

constexpr char kSelectOne[] =
    "SELECT " HC_DOCUMENT_COLUMNS " FROM documents WHERE engagement_id = ? AND id = ?";
constexpr char kSelectPage[] =
    "SELECT " HC_DOCUMENT_COLUMNS " FROM documents WHERE engagement_id = ?1 "
    "AND (create_us, id) < (?2, ?3) ORDER BY create_us DESC, id DESC LIMIT ?4";
constexpr char kCount[] = "SELECT COUNT(*) FROM documents WHERE engagement_id = ?";
constexpr char kInsert[] =
    "INSERT INTO documents (" HC_DOCUMENT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr char kUpdate[] =
    "UPDATE documents SET title = ?3, source = ?4, date = ?5, notes = ?6, update_us = ?8, "
    "version = ?9 WHERE id = ?1 AND engagement_id = ?2";

#undef HC_DOCUMENT_COLUMNS

void BindDocument(Statement& st, const domain::Document& d) {
  st.Bind(1, d.meta.id).Bind(2, d.engagement_id).Bind(3, d.title).Bind(4, d.source);
  st.Bind(5, DateText(d.date)).Bind(6, d.notes);
  st.Bind(7, ToMicros(d.meta.create_time)).Bind(8, ToMicros(d.meta.update_time));
  st.Bind(9, d.meta.version);
}

absl::StatusOr<domain::Document> ReadDocument(const Statement& row) {
  domain::Document d;
  d.meta = {row.Text(0), FromMicros(row.Int(6)), FromMicros(row.Int(7)), row.Int(8)};
  d.engagement_id = row.Text(1);
  d.title = row.Text(2);
  d.source = row.Text(3);
  HC_ASSIGN_OR_RETURN(d.date, ReadDate(row, 4));
  d.notes = row.Text(5);
  return d;
}

}  // namespace

absl::StatusOr<domain::Document> SqliteDocumentRepository::Get(absl::string_view engagement_id,
                                                               absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, "/documents/", id, " does not exist"));
  }
  return ReadDocument(st);
}

absl::StatusOr<app::Page<domain::Document>> SqliteDocumentRepository::List(
    absl::string_view engagement_id, const app::PageRequest& page) {
  // Newest first, so the first page starts above every row.
  const app::Cursor before =
      page.after.value_or(app::Cursor{std::numeric_limits<int64_t>::max(), ""});
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id).Bind(2, before.key).Bind(3, before.id).Bind(4, FetchLimit(page));
  return ReadPage<domain::Document>(st, page, ReadDocument, [](const domain::Document& d) {
    return CreationCursor(d.meta);
  });
}

absl::StatusOr<int64_t> SqliteDocumentRepository::Count(absl::string_view engagement_id) {
  return QueryInt(db_, kCount, engagement_id);
}

absl::Status SqliteDocumentRepository::Insert(const domain::Document& d) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindDocument(st, d);
  return st.Run();
}

absl::Status SqliteDocumentRepository::Update(const domain::Document& d) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindDocument(st, d);
  return st.Run();
}

}  // namespace hc::storage
