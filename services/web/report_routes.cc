#include "services/web/report_routes.h"

#include <algorithm>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "services/web/web_auth.h"

namespace hc::services {
namespace {

constexpr char kReportPath[] = R"(/engagements/([a-z0-9-]{1,64})/reports/([0-9]{1,9})\.(pdf|html))";
constexpr char kHtmlPolicy[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// The bytes go out a chunk at a time, each read from the store as the
// client takes the one before; a failure half-way can only close the
// connection (the client sees a short body against Content-Length).
constexpr int64_t kChunkBytes = 64 * 1024;

void SendFile(HttpResponse& res, app::ReportAppService& reports,
              const domain::Principal& principal, const app::ReportFile& file) {
  res.SetHeader("ETag", absl::StrCat("\"", file.sha256, "\""));
  res.SetHeader("Digest",
                 absl::StrCat("sha-256=", absl::Base64Escape(absl::HexStringToBytes(file.sha256))));
  if (file.format == app::ReportFormat::kPdf) {
    res.SetHeader("Content-Disposition",
                   absl::StrCat("attachment; filename=\"", file.file_name, "\""));
  } else {
    res.SetHeader("Content-Disposition",
                   absl::StrCat("inline; filename=\"", file.file_name, "\""));
    res.SetHeader("Content-Security-Policy", kHtmlPolicy);
  }
  res.SetHeader("Content-Type", file.content_type);
  res.source_size = file.size_bytes;
  res.source = [&reports, principal, file](int64_t offset, int64_t length) {
    return reports.ReadDownload(principal, file, offset, std::min(length, kChunkBytes));
  };
}

}  // namespace

WebServer::Routes ReportRoutes(const BrowserSessions& sessions, app::ReportAppService& reports) {
  return [&sessions, &reports](HttpRouter& s) {
    s.Get(kReportPath, [&sessions, &reports](const HttpRequest& req, HttpResponse& res) {
      absl::StatusOr<domain::Principal> principal = sessions.Authenticate(req);
      if (!principal.ok()) return SendRefusal(req, res, principal.status());
      int number = 0;
      if (!absl::SimpleAtoi(req.matches[2], &number) || number < 1) {
        return SendRefusal(req, res, absl::NotFoundError("there is no such report version"));
      }
      const bool pdf = req.matches[3] == "pdf";
      absl::StatusOr<app::ReportFile> file =
          reports.OpenDownload(*principal, req.matches[1], number,
                               pdf ? app::ReportFormat::kPdf : app::ReportFormat::kHtml);
      if (!file.ok()) return SendRefusal(req, res, file.status());
      SendFile(res, reports, *principal, *file);
    });
  };
}

}  // namespace hc::services
