#include "core/storage/sqlite/sqlite_note_repository.h"

#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"
#include "core/storage/sqlite/page_reader.h"

namespace hc::storage {
namespace {

#define HC_NOTE_COLUMNS                                                                      \
  "n.id, n.engagement_id, n.text, n.activity_id, n.document_id, n.polarity, n.author_peer_id, " \
  "n.create_us, n.update_us, n.version"

constexpr char kSelectOne[] =
    "SELECT " HC_NOTE_COLUMNS " FROM notes n WHERE n.engagement_id = ? AND n.id = ?";
// ?2 FTS5 query, ?3 JSON array of tags, ?4 polarity, ?5 source, ?6 author,
// ?7 day; NULL leaves a condition out.
constexpr char kSelectPage[] =
    "SELECT " HC_NOTE_COLUMNS " FROM notes n LEFT JOIN activities a ON a.id = n.activity_id "
    "WHERE n.engagement_id = ?1 "
    "AND (?2 IS NULL OR n.rowid IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?2)) "
    "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id "
    "     AND t.tag IN (SELECT value FROM json_each(?3)))) "
    "AND (?4 IS NULL OR n.polarity = ?4) "
    "AND (?5 IS NULL OR (CASE WHEN n.document_id IS NOT NULL THEN 'DOCUMENT' ELSE a.kind END) = ?5) "
    "AND (?6 IS NULL OR n.author_peer_id = ?6) "
    "AND (?7 IS NULL OR a.day = ?7) "
    "AND (n.create_us, n.id) > (?8, ?9) ORDER BY n.create_us, n.id LIMIT ?10";
constexpr char kSelectAll[] =
    "SELECT " HC_NOTE_COLUMNS " FROM notes n WHERE n.engagement_id = ? ORDER BY n.create_us, n.id";
constexpr char kInsert[] =
    "INSERT INTO notes (id, engagement_id, text, activity_id, document_id, polarity, "
    "author_peer_id, create_us, update_us, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr char kUpdate[] =
    "UPDATE notes SET text = ?3, activity_id = ?4, document_id = ?5, polarity = ?6, "
    "update_us = ?9, version = ?10 WHERE id = ?1 AND engagement_id = ?2";
constexpr char kSelectTags[] = "SELECT tag FROM note_tags WHERE note_id = ? ORDER BY position";
constexpr char kDeleteTags[] = "DELETE FROM note_tags WHERE note_id = ?";
constexpr char kInsertTag[] = "INSERT INTO note_tags (note_id, position, tag) VALUES (?, ?, ?)";

#undef HC_NOTE_COLUMNS

void BindNote(Statement& st, const domain::EvidenceNote& n) {
  st.Bind(1, n.meta.id).Bind(2, n.engagement_id).Bind(3, n.text);
  st.Bind(4, OrNull(n.activity_id)).Bind(5, OrNull(n.document_id));
  st.Bind(6, domain::PolarityName(n.polarity)).Bind(7, n.author_peer_id);
  st.Bind(8, ToMicros(n.meta.create_time)).Bind(9, ToMicros(n.meta.update_time));
  st.Bind(10, n.meta.version);
}

// The tags as a JSON array of strings (tags hold no control characters or
// quotes: they are benchmark codes, checked against the benchmark).
std::string JsonArray(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const std::string& v : values) {
    absl::StrAppend(&out, out.size() > 1 ? "," : "", "\"");
    for (char c : v) {
      if (c == '"' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out + "]";
}

}  // namespace

absl::StatusOr<domain::EvidenceNote> SqliteNoteRepository::Read(const Statement& row) {
  domain::EvidenceNote n;
  n.meta = {row.Text(0), FromMicros(row.Int(7)), FromMicros(row.Int(8)), row.Int(9)};
  n.engagement_id = row.Text(1);
  n.text = row.Text(2);
  n.activity_id = row.Text(3);
  n.document_id = row.Text(4);
  HC_ASSIGN_OR_RETURN(n.polarity, ReadEnum(row, 5, domain::ParsePolarity));
  n.author_peer_id = row.Text(6);
  HC_ASSIGN_OR_RETURN(Statement tags, db_.Prepare(kSelectTags));
  tags.Bind(1, n.meta.id);
  HC_ASSIGN_OR_RETURN(n.tags, ReadAll<std::string>(tags, FirstText));
  return n;
}

absl::StatusOr<domain::EvidenceNote> SqliteNoteRepository::Get(absl::string_view engagement_id,
                                                               absl::string_view id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectOne));
  st.Bind(1, engagement_id).Bind(2, id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return absl::NotFoundError(
        absl::StrCat("engagements/", engagement_id, "/notes/", id, " does not exist"));
  }
  return Read(st);
}

absl::StatusOr<app::Page<domain::EvidenceNote>> SqliteNoteRepository::List(
    absl::string_view engagement_id, const app::NoteQuery& q, const app::PageRequest& page) {
  const app::Cursor after = StartOf(page);
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectPage));
  st.Bind(1, engagement_id).Bind(2, OrNull(q.match));
  st.Bind(3, q.tags.empty() ? std::nullopt : std::optional<std::string>(JsonArray(q.tags)));
  if (q.polarity) {
    st.Bind(4, domain::PolarityName(*q.polarity));
  } else {
    st.BindNull(4);
  }
  st.Bind(5, OrNull(q.source)).Bind(6, OrNull(q.author_peer_id));
  if (q.day) {
    st.Bind(7, static_cast<int64_t>(*q.day));
  } else {
    st.BindNull(7);
  }
  st.Bind(8, after.key).Bind(9, after.id).Bind(10, FetchLimit(page));
  return ReadPage<domain::EvidenceNote>(
      st, page, [this](const Statement& row) { return Read(row); },
      [](const domain::EvidenceNote& n) { return CreationCursor(n.meta); });
}

absl::StatusOr<std::vector<domain::EvidenceNote>> SqliteNoteRepository::ListAll(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelectAll));
  st.Bind(1, engagement_id);
  return ReadAll<domain::EvidenceNote>(st, [this](const Statement& row) { return Read(row); });
}

absl::Status SqliteNoteRepository::WriteTags(const domain::EvidenceNote& n) {
  return ReplaceList(db_, kDeleteTags, kInsertTag, n.meta.id, n.tags);
}

absl::Status SqliteNoteRepository::Insert(const domain::EvidenceNote& n) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  BindNote(st, n);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteTags(n);
}

absl::Status SqliteNoteRepository::Update(const domain::EvidenceNote& n) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kUpdate));
  BindNote(st, n);
  HC_RETURN_IF_ERROR(st.Run());
  return WriteTags(n);
}

}  // namespace hc::storage
