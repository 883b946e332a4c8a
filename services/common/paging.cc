#include "services/common/paging.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/crypto/secrets.h"

namespace hc::services {
namespace {

// A short hash binding the token to its query.
std::string QueryTag(absl::string_view query) { return crypto::Sha256Hex(query).substr(0, 16); }

absl::Status BadToken() {
  return absl::InvalidArgumentError(
      "page_token is not valid for this request; start again without it");
}

}  // namespace

absl::StatusOr<app::PageRequest> ReadPageRequest(int page_size, absl::string_view page_token,
                                                 absl::string_view query) {
  if (page_size < 0) return absl::InvalidArgumentError("page_size must not be negative");
  app::PageRequest request;
  request.limit = page_size == 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  if (page_token.empty()) return request;
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(page_token, &decoded)) return BadToken();
  // tag|key|id
  std::vector<std::string> parts = absl::StrSplit(decoded, absl::MaxSplits('|', 2));
  app::Cursor cursor;
  if (parts.size() != 3 || parts[0] != QueryTag(query) ||
      !absl::SimpleAtoi(parts[1], &cursor.key)) {
    return BadToken();
  }
  cursor.id = parts[2];
  request.after = cursor;
  return request;
}

std::string NextPageToken(const std::optional<app::Cursor>& next, absl::string_view query) {
  if (!next) return "";
  std::string token;
  absl::WebSafeBase64Escape(absl::StrCat(QueryTag(query), "|", next->key, "|", next->id), &token);
  return token;
}

}  // namespace hc::services
