#include "services/web/app_routes.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "services/web/web_assets.h"
#include "services/web/web_auth.h"

namespace hc::services {
namespace {

constexpr char kAppPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

void Send(HttpResponse& res, const WebAsset& asset) {
  res.SetHeader("Content-Security-Policy", kAppPolicy);
  res.SetContent(std::string(asset.bytes), asset.content_type);
}

}  // namespace

const WebAsset& FindWebAsset(absl::string_view path) {
  static const WebAsset kMissing{};  // not reached: callers name built files
  for (const WebAsset& asset : WebAssets()) {
    if (asset.path == path) return asset;
  }
  return kMissing;
}

std::string WebAssetAddress(absl::string_view path) {
  return absl::StrCat("/assets", path, "?v=", FindWebAsset(path).version);
}

WebServer::Routes AppRoutes(const BrowserSessions& sessions) {
  return [&sessions](HttpRouter& s) {
    const auto page = [&sessions](const HttpRequest& req, HttpResponse& res) {
      absl::StatusOr<domain::Principal> principal = sessions.Authenticate(req);
      if (!principal.ok()) return SendRefusal(req, res, principal.status());
      Send(res, FindWebAsset("/index.html"));
    };
    s.Get("/", page);
    // The programme dashboard's old address, kept for bookmarks: the home
    // page is the dashboard now.
    s.Get("/programme", [](const HttpRequest&, HttpResponse& res) { res.Redirect("/"); });
    s.Get("/app/[A-Za-z0-9/_-]{1,200}", page);
    // Asked for by the version it has now, a file never changes: browsers
    // keep it for good (and compile its script once). Any other address
    // of it (an old version, none) is answered afresh every time.
    s.Get("/assets/(app\\.js|app\\.css)", [](const HttpRequest& req, HttpResponse& res) {
      const WebAsset& asset = FindWebAsset(absl::StrCat("/", req.matches[1]));
      if (req.Param("v") == asset.version) {
        res.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
      }
      Send(res, asset);
    });
    // The service worker, at the root so that it may answer for the app's
    // pages (like every response but a versioned file's it is never kept by
    // HTTP caches, so a new app reaches browsers at once).
    s.Get("/sw.js",
          [](const HttpRequest&, HttpResponse& res) { Send(res, FindWebAsset("/sw.js")); });
  };
}

}  // namespace hc::services
