#ifndef HC_CORE_APP_PORTS_PAGE_H_
#define HC_CORE_APP_PORTS_PAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hc::app {

// A position in a keyset-ordered list: the (key, id) of the last item seen.
// `key` is the ordering column (creation time in microseconds, or a
// sequence number).
struct Cursor {
  int64_t key = 0;
  std::string id;
};

struct PageRequest {
  int limit = 50;
  std::optional<Cursor> after;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<Cursor> next;  // set when more items may follow
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_PAGE_H_
