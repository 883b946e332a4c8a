#include "core/storage/sqlite/sqlite_report_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

// Columns 0-16; the bytes (17, 18) only where a version is read whole.
#define HC_REPORT_COLUMNS                                                                      \
  "r.engagement_id, r.number, r.state, r.created_by, r.created_by_peer_id, r.publish_us, "    \
  "r.published_by, r.content_fingerprint, r.html_sha256, r.html_size, r.pdf_sha256, "          \
  "r.pdf_size, r.create_us, r.update_us, r.version, "                                          \
  "(SELECT COUNT(*) FROM report_comments c WHERE c.engagement_id = r.engagement_id "          \
  "AND c.report_number = r.number), "                                                          \
  "(SELECT COUNT(*) FROM report_comments c WHERE c.engagement_id = r.engagement_id "          \
  "AND c.report_number = r.number AND c.from_partnership = 1)"

constexpr char kSelectOne[] = "SELECT " HC_REPORT_COLUMNS ", r.html, r.pdf FROM report_versions r "
                              "WHERE r.engagement_id = ? AND r.number = ?";
constexpr char kSelectHeader[] = "SELECT " HC_REPORT_COLUMNS " FROM report_versions r "
                                 "WHERE r.engagement_id = ? AND r.number = ?";
constexpr char kSelectRowId[] =
    "SELECT rowid FROM report_versions WHERE engagement_id = ? AND number = ?";
constexpr char kSelectPage[] = "SELECT " HC_REPORT_COLUMNS " FROM report_versions r "
                               "WHERE r.engagement_id = ?1 AND r.number > ?2 "
                               "ORDER BY r.number LIMIT ?3";
constexpr char kSelectAll[] = "SELECT " HC_REPORT_COLUMNS " FROM report_versions r "
                              "WHERE r.engagement_id = ? ORDER BY r.number";
constexpr char kLastNumber[] =
    "SELECT COALESCE(MAX(number), 0) FROM report_versions WHERE engagement_id = ?";
constexpr char kInsert[] =
    "INSERT INTO report_versions (engagement_id, number, state, created_by, created_by_peer_id, "
    "publish_us, published_by, content_fingerprint, html_sha256, html_size, pdf_sha256, "
    "pdf_size, create_us, update_us, version, html, pdf) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";
constexpr char kUpdate[] =
    "UPDATE report_versions SET state = ?3, publish_us = ?6, published_by = ?7, "
    "content_fingerprint = ?8, html_sha256 = ?9, html_size = ?10, pdf_sha256 = ?11, "
    "pdf_size = ?12, update_us = ?14, version = ?15, html = ?16, pdf = ?17 "
    "WHERE engagement_id = ?1 AND number = ?2";

#undef HC_REPORT_COLUMNS

#define HC_COMMENT_COLUMNS \
  "engagement_id, report_number, id, text, section, author_name, author_role, create_us, " \
  "from_partnership"
constexpr char kSelectComment[] = "SELECT " HC_COMMENT_COLUMNS " FROM report_comments "
                                  "WHERE engagement_id = ? AND report_number = ? AND id = ?";
constexpr char kSelectComments[] =
    "SELECT " HC_COMMENT_COLUMNS " FROM report_comments "
    "WHERE engagement_id = ?1 AND report_number = ?2 AND (?6 = 0 OR from_partnership = 1) "
    "AND (create_us, id) > (?3, ?4) ORDER BY create_us, id LIMIT ?5";
constexpr char kInsertComment[] =
    "INSERT INTO report_comments (" HC_COMMENT_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
#undef HC_COMMENT_COLUMNS

void BindVersion(Statement& st, const domain::ReportVersion& v) {
  st.Bind(1, v.engagement_id).Bind(2, int64_t{v.number});
  st.Bind(3, domain::ReportStateName(v.state)).Bind(4, v.created_by);
  st.Bind(5, v.created_by_peer_id).Bind(6, MicrosOrNull(v.publish_time));
  st.Bind(7, v.published_by).Bind(8, v.content_fingerprint);
  st.Bind(9, v.html.sha256).Bind(10, static_cast<int64_t>(v.html.bytes.size()));
  st.Bind(11, v.pdf.sha256).Bind(12, static_cast<int64_t>(v.pdf.bytes.size()));
  st.Bind(13, ToMicros(v.meta.create_time)).Bind(14, ToMicros(v.meta.update_time));
  st.Bind(15, v.meta.version);
  st.BindBlob(16, v.html.bytes).BindBlob(17, v.pdf.bytes);
}

absl::StatusOr<domain::ReportVersion> ReadVersion(const Statement& row, bool with_bytes) {
  domain::ReportVersion v;
  v.engagement_id = row.Text(0);
  v.number = static_cast<int>(row.Int(1));
  v.meta = {absl::StrCat(v.number), FromMicros(row.Int(12)), FromMicros(row.Int(13)),
            row.Int(14)};
  HC_ASSIGN_OR_RETURN(v.state, ReadEnum(row, 2, domain::ParseReportState));
  v.created_by = row.Text(3);
  v.created_by_peer_id = row.Text(4);
  if (!row.IsNull(5)) v.publish_time = FromMicros(row.Int(5));
  v.published_by = row.Text(6);
  v.content_fingerprint = row.Text(7);
  v.html.sha256 = row.Text(8);
  v.html.size = row.Int(9);
  v.pdf.sha256 = row.Text(10);
  v.pdf.size = row.Int(11);
  v.comment_count = static_cast<int>(row.Int(15));
  v.partnership_comment_count = static_cast<int>(row.Int(16));
  if (with_bytes) {
    v.html.bytes = row.Blob(17);
    v.pdf.bytes = row.Blob(18);
  }
  return v;
}

absl::StatusOr<domain::ReportComment> ReadComment(const Statement& row) {
  domain::ReportComment c;
  c.engagement_id = row.Text(0);
  c.report_number = static_cast<int>(row.Int(1));
  c.id = row.Text(2);
  c.text = row.Text(3);
  c.section = row.Text(4);
  c.author_name = row.Text(5);
  c.author_role = row.Text(6);
  c.create_time = FromMicros(row.Int(7));
  c.from_partnership = row.Int(8) != 0;
  return c;
}

std::string VersionName(absl::string_view engagement_id, int number) {
  return absl::StrCat("engagements/", engagement_id, "/reports/", number);
}

}  // namespace

absl::StatusOr<domain::ReportVersion> SqliteReportRepository::Get(absl::string_view engagement_id,
                                                                  int number) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, engagement_id).Bind(2, int64_t{number});
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat(VersionName(engagement_id, number), " does not exist"));
  }
  return ReadVersion(st, true);
}

absl::StatusOr<domain::ReportVersion> SqliteReportRepository::GetHeader(
    absl::string_view engagement_id, int number) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectHeader));
  st.Bind(1, engagement_id).Bind(2, int64_t{number});
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat(VersionName(engagement_id, number), " does not exist"));
  }
  return ReadVersion(st, false);
}

absl::StatusOr<std::string> SqliteReportRepository::ReadRendering(absl::string_view engagement_id,
                                                                  int number, bool pdf,
                                                                  int64_t offset,
                                                                  int64_t max_bytes) {
  int64_t rowid = 0;
  {
    HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectRowId));
    st.Bind(1, engagement_id).Bind(2, int64_t{number});
    HC_ASSIGN_OR_RETURN(bool found, st.Step());
    if (!found) {
      return absl::NotFoundError(
          absl::StrCat(VersionName(engagement_id, number), " does not exist"));
    }
    rowid = st.Int(0);
  }
  return db_.ReadBlob("report_versions", pdf ? "pdf" : "html", rowid, offset, max_bytes);
}

absl::Status SqliteReportRepository::Insert(const domain::ReportVersion& version) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindVersion(st, version);
  return st.Run();
}

absl::Status SqliteReportRepository::Update(const domain::ReportVersion& version) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindVersion(st, version);
  return st.Run();
}

absl::StatusOr<app::Page<domain::ReportVersion>> SqliteReportRepository::List(
    absl::string_view engagement_id, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id).Bind(2, after.key).Bind(3, FetchLimit(page));
  return ReadPage<domain::ReportVersion>(
      st, page, [](const Statement& row) { return ReadVersion(row, false); },
      [](const domain::ReportVersion& v) { return app::Cursor{v.number, v.meta.id}; });
}

absl::StatusOr<std::vector<domain::ReportVersion>> SqliteReportRepository::ListAll(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAll));
  st.Bind(1, engagement_id);
  return ReadAll<domain::ReportVersion>(
      st, [](const Statement& row) { return ReadVersion(row, false); });
}

absl::StatusOr<int64_t> SqliteReportRepository::LastNumber(absl::string_view engagement_id) {
  return QueryInt(db_, kLastNumber, engagement_id);
}

absl::StatusOr<domain::ReportComment> SqliteReportRepository::GetComment(
    absl::string_view engagement_id, int number, absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectComment));
  st.Bind(1, engagement_id).Bind(2, int64_t{number}).Bind(3, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat(VersionName(engagement_id, number), "/comments/", id, " does not exist"));
  }
  return ReadComment(st);
}

absl::Status SqliteReportRepository::InsertComment(const domain::ReportComment& c) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsertComment));
  st.Bind(1, c.engagement_id).Bind(2, int64_t{c.report_number}).Bind(3, c.id);
  st.Bind(4, c.text).Bind(5, c.section).Bind(6, c.author_name).Bind(7, c.author_role);
  st.Bind(8, ToMicros(c.create_time)).Bind(9, int64_t{c.from_partnership ? 1 : 0});
  return st.Run();
}

absl::StatusOr<app::Page<domain::ReportComment>> SqliteReportRepository::ListComments(
    absl::string_view engagement_id, int number, bool partnership_only,
    const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectComments));
  st.Bind(1, engagement_id).Bind(2, int64_t{number}).Bind(3, after.key).Bind(4, after.id);
  st.Bind(5, FetchLimit(page)).Bind(6, int64_t{partnership_only ? 1 : 0});
  return ReadPage<domain::ReportComment>(
      st, page, ReadComment, [](const domain::ReportComment& c) {
        return app::Cursor{ToMicros(c.create_time), c.id};
      });
}

}  // namespace hc::storage
