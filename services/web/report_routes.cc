#include "services/web/report_routes.h"

#include <httplib.h>

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
// client takes the one before.
constexpr int64_t kChunkBytes = 64 * 1024;

void SendFile(httplib::Response& res, app::ReportAppService& reports,
              const domain::Principal& principal, const app::ReportFile& file) {
  res.set_header("ETag", absl::StrCat("\"", file.sha256, "\""));
  res.set_header("Digest",
                 absl::StrCat("sha-256=", absl::Base64Escape(absl::HexStringToBytes(file.sha256))));
  if (file.format == app::ReportFormat::kPdf) {
    res.set_header("Content-Disposition",
                   absl::StrCat("attachment; filename=\"", file.file_name, "\""));
  } else {
    res.set_header("Content-Disposition",
                   absl::StrCat("inline; filename=\"", file.file_name, "\""));
    res.set_header("Content-Security-Policy", kHtmlPolicy);
  }
  res.set_content_provider(
      static_cast<size_t>(file.size_bytes), file.content_type,
      [&reports, principal, file](size_t offset, size_t length, httplib::DataSink& sink) {
        absl::StatusOr<std::string> chunk =
            reports.ReadDownload(principal, file, static_cast<int64_t>(offset),
                                 std::min(static_cast<int64_t>(length), kChunkBytes));
        // A failure half-way can only close the connection: the client sees
        // a short body against Content-Length.
        if (!chunk.ok() || chunk->empty()) return false;
        return sink.write(chunk->data(), chunk->size());
      });
}

}  // namespace

WebServer::Routes ReportRoutes(app::AccessAppService& access, app::ReportAppService& reports) {
  return [&access, &reports](httplib::Server& s) {
    s.Get(kReportPath, [&access, &reports](const httplib::Request& req, httplib::Response& res) {
      absl::StatusOr<domain::Principal> principal = AuthenticateWebRequest(access, req);
      if (!principal.ok()) return SendRefusal(req, res, principal.status());
      int number = 0;
      if (!absl::SimpleAtoi(req.matches[2].str(), &number) || number < 1) {
        return SendRefusal(req, res, absl::NotFoundError("there is no such report version"));
      }
      const bool pdf = req.matches[3].str() == "pdf";
      absl::StatusOr<app::ReportFile> file =
          reports.OpenDownload(*principal, req.matches[1].str(), number,
                               pdf ? app::ReportFormat::kPdf : app::ReportFormat::kHtml);
      if (!file.ok()) return SendRefusal(req, res, file.status());
      SendFile(res, reports, *principal, *file);
    });
  };
}

}  // namespace hc::services
