#ifndef HC_SERVICES_HTTP_HTTP_MESSAGE_H_
#define HC_SERVICES_HTTP_HTTP_MESSAGE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace hc::services {

// Form fields or query parameters, decoded, in the order sent; a name may
// repeat.
using HttpParams = std::multimap<std::string, std::string>;

// One request as the HTTP server hands it to a route: complete (the body is
// read before the route runs) and within the server's limits.
struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded, without the query
  HttpParams query;
  // Header names in lower case. A header sent more than once keeps its
  // values joined with ", " (RFC 9110 5.3).
  std::map<std::string, std::string> headers;
  std::string body;
  std::string client_address;  // the peer's IP address, without port
  // The route pattern's groups: matches[0] is the whole path.
  std::vector<std::string> matches;

  bool HasHeader(absl::string_view name) const;
  // The header's value, or empty.
  std::string Header(absl::string_view name) const;
  // A query parameter or, for a posted form
  // (application/x-www-form-urlencoded), a form field: the first of that
  // name, or empty.
  std::string Param(absl::string_view name) const;
  // The query parameters and, for a posted form, its fields.
  HttpParams Params() const;
};

// Produces a streamed body `length` bytes at a time from `offset`; an error
// or an empty chunk before the end closes the connection (the client sees a
// body shorter than its Content-Length).
using HttpBodySource =
    std::function<absl::StatusOr<std::string>(int64_t offset, int64_t length)>;

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is streamed from it instead of `body`.
  HttpBodySource source;
  int64_t source_size = 0;

  bool HasHeader(absl::string_view name) const;
  // Replaces any header of that name (compared case-insensitively).
  void SetHeader(absl::string_view name, absl::string_view value);
  // Adds a header even when one of that name exists (Set-Cookie).
  void AddHeader(absl::string_view name, absl::string_view value);
  void SetContent(std::string content, absl::string_view content_type);
  void Redirect(absl::string_view location);  // 303 See Other
};

// Decodes application/x-www-form-urlencoded text ('+' is a space). Fields
// with malformed escapes keep the escape as written.
HttpParams ParseFormEncoded(absl::string_view text);

// Percent-encodes everything but unreserved characters (RFC 3986 2.3).
std::string UrlEncode(absl::string_view text);

}  // namespace hc::services

#endif  // HC_SERVICES_HTTP_HTTP_MESSAGE_H_
