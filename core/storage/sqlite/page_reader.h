#ifndef HC_CORE_STORAGE_SQLITE_PAGE_READER_H_
#define HC_CORE_STORAGE_SQLITE_PAGE_READER_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/app/ports/page.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/database.h"

// Keyset pagination shared by every repository's list: a page query selects
// rows after the cursor, ordered by its key, with LIMIT FetchLimit(page).
namespace hc::storage {

// Where to list from: the request's cursor, or before every row.
inline app::Cursor StartOf(const app::PageRequest& page) {
  return page.after.value_or(app::Cursor{std::numeric_limits<int64_t>::min(), ""});
}

// One row more than the page holds: its presence says that more follow.
inline int64_t FetchLimit(const app::PageRequest& page) {
  return static_cast<int64_t>(page.limit) + 1;
}

// Steps `st` and reads up to page.limit rows with `read(const Statement&)`
// (returning StatusOr<T>). If a further row exists, the page's next cursor
// is `cursor_of(last item kept)`.
template <typename T, typename Read, typename CursorOf>
absl::StatusOr<app::Page<T>> ReadPage(Statement& st, const app::PageRequest& page, Read read,
                                      CursorOf cursor_of) {
  app::Page<T> result;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return result;
    if (static_cast<int>(result.items.size()) == page.limit) {
      result.next = cursor_of(result.items.back());
      return result;
    }
    HC_ASSIGN_OR_RETURN(T item, read(st));
    result.items.push_back(std::move(item));
  }
}

// Steps `st` to its end and reads every row with `read(const Statement&)`
// (returning StatusOr<T>).
template <typename T, typename Read>
absl::StatusOr<std::vector<T>> ReadAll(Statement& st, Read read) {
  std::vector<T> rows;
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return rows;
    HC_ASSIGN_OR_RETURN(T row, read(st));
    rows.push_back(std::move(row));
  }
}

// The first column of a row as text: for ReadAll over one-column lists.
inline absl::StatusOr<std::string> FirstText(const Statement& row) { return row.Text(0); }

// The cursor of a resource listed by (creation time, id).
template <typename Meta>
app::Cursor CreationCursor(const Meta& meta) {
  return app::Cursor{absl::ToUnixMicros(meta.create_time), meta.id};
}

}  // namespace hc::storage

#endif  // HC_CORE_STORAGE_SQLITE_PAGE_READER_H_
