#include "core/storage/sqlite/sqlite_framework_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_FRAMEWORK_COLUMNS \
  "framework_id, version, display_name, builtin, fingerprint, definition, create_us"

constexpr char kSelectOne[] = "SELECT " HC_FRAMEWORK_COLUMNS
                              " FROM frameworks WHERE framework_id = ? AND version = ?";
constexpr char kSelectLatest[] = "SELECT " HC_FRAMEWORK_COLUMNS
                                 " FROM frameworks WHERE framework_id = ? "
                                 "ORDER BY version DESC LIMIT 1";
// The first page starts after ('', min): every id sorts after ''.
constexpr char kSelectPage[] = "SELECT " HC_FRAMEWORK_COLUMNS
                               " FROM frameworks WHERE (framework_id, version) > (?1, ?2) "
                               "ORDER BY framework_id, version LIMIT ?3";
constexpr char kInsert[] = "INSERT INTO frameworks (" HC_FRAMEWORK_COLUMNS
                           ") VALUES (?, ?, ?, ?, ?, ?, ?)";

#undef HC_FRAMEWORK_COLUMNS

absl::StatusOr<app::FrameworkRecord> ReadRecord(const Statement& row) {
  return app::FrameworkRecord{row.Text(0),
                              static_cast<int>(row.Int(1)),
                              row.Text(2),
                              row.Int(3) != 0,
                              row.Text(4),
                              row.Blob(5),
                              FromMicros(row.Int(6))};
}

}  // namespace

absl::StatusOr<app::FrameworkRecord> SqliteFrameworkRepository::Get(
    absl::string_view framework_id, int version) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, framework_id).Bind(2, static_cast<int64_t>(version));
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat(domain::FrameworkName(framework_id, version), " does not exist"));
  }
  return ReadRecord(st);
}

absl::StatusOr<std::optional<app::FrameworkRecord>> SqliteFrameworkRepository::Latest(
    absl::string_view framework_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectLatest));
  st.Bind(1, framework_id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return std::optional<app::FrameworkRecord>();
  HC_ASSIGN_OR_RETURN(app::FrameworkRecord record, ReadRecord(st));
  return std::optional<app::FrameworkRecord>(std::move(record));
}

absl::StatusOr<app::Page<app::FrameworkRecord>> SqliteFrameworkRepository::List(
    const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, after.id).Bind(2, after.key).Bind(3, FetchLimit(page));
  return ReadPage<app::FrameworkRecord>(st, page, ReadRecord, [](const app::FrameworkRecord& r) {
    return app::Cursor{r.version, r.framework_id};
  });
}

absl::Status SqliteFrameworkRepository::Insert(const app::FrameworkRecord& r) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  st.Bind(1, r.framework_id).Bind(2, static_cast<int64_t>(r.version)).Bind(3, r.display_name);
  st.Bind(4, static_cast<int64_t>(r.builtin ? 1 : 0)).Bind(5, r.fingerprint);
  st.BindBlob(6, r.definition).Bind(7, ToMicros(r.create_time));
  return st.Run();
}

}  // namespace hc::storage
