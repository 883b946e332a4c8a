#include "services/http/http_message.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace hc::services {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Unescape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() &&
               HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool IsForm(const HttpRequest& req) {
  return req.method == "POST" &&
         absl::StartsWithIgnoreCase(req.Header("content-type"),
                                    "application/x-www-form-urlencoded");
}

}  // namespace

bool HttpRequest::HasHeader(absl::string_view name) const {
  return headers.contains(absl::AsciiStrToLower(name));
}

std::string HttpRequest::Header(absl::string_view name) const {
  auto it = headers.find(absl::AsciiStrToLower(name));
  return it == headers.end() ? "" : it->second;
}

std::string HttpRequest::Param(absl::string_view name) const {
  const std::string key(name);
  auto it = query.find(key);
  if (it != query.end()) return it->second;
  if (!IsForm(*this)) return "";
  HttpParams form = ParseFormEncoded(body);
  it = form.find(key);
  return it == form.end() ? "" : it->second;
}

HttpParams HttpRequest::Params() const {
  HttpParams all = query;
  if (IsForm(*this)) all.merge(ParseFormEncoded(body));
  return all;
}

bool HttpResponse::HasHeader(absl::string_view name) const {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return absl::EqualsIgnoreCase(h.first, name); });
}

void HttpResponse::SetHeader(absl::string_view name, absl::string_view value) {
  std::erase_if(headers, [&](const auto& h) { return absl::EqualsIgnoreCase(h.first, name); });
  AddHeader(name, value);
}

void HttpResponse::AddHeader(absl::string_view name, absl::string_view value) {
  headers.emplace_back(std::string(name), std::string(value));
}

void HttpResponse::SetContent(std::string content, absl::string_view content_type) {
  body = std::move(content);
  SetHeader("Content-Type", content_type);
}

void HttpResponse::Redirect(absl::string_view location) {
  status = 303;
  SetHeader("Location", location);
}

HttpParams ParseFormEncoded(absl::string_view text) {
  HttpParams params;
  for (absl::string_view field : absl::StrSplit(text, '&', absl::SkipEmpty())) {
    const size_t eq = field.find('=');
    if (eq == absl::string_view::npos) {
      params.emplace(Unescape(field), "");
    } else {
      params.emplace(Unescape(field.substr(0, eq)), Unescape(field.substr(eq + 1)));
    }
  }
  return params;
}

std::string UrlEncode(absl::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      absl::StrAppend(&out, "%", std::string(1, kHex[u >> 4]), std::string(1, kHex[u & 15]));
    }
  }
  return out;
}

}  // namespace hc::services
