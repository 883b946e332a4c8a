// Signing in to the HTTP port's pages with an access token, over real HTTP.

#include <httplib.h>

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/services/api_test_fixture.h"

namespace hc::testing {
namespace {

class WebSignInTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
  }

  httplib::Result SignIn(const std::string& token, const std::string& next) {
    return client_->Post("/signin", httplib::Params{{"token", token}, {"next", next}});
  }

  std::unique_ptr<httplib::Client> client_;
};

TEST_F(WebSignInTest, TheFormAsksForATokenAndCarriesTheReturnPage) {
  auto res = client_->Get("/signin?next=%2Fprogramme");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(absl::StrContains(res->body, "name=\"token\""));
  EXPECT_TRUE(absl::StrContains(res->body, "value=\"/programme\""));
}

TEST_F(WebSignInTest, AKnownTokenSetsAStrictHttpOnlyCookieAndReturns) {
  auto res = SignIn(lead_token_, "/engagements/e1/reports/1.pdf");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/engagements/e1/reports/1.pdf");
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_TRUE(absl::StartsWith(cookie, "hc_session=" + lead_token_ + ";")) << cookie;
  EXPECT_TRUE(absl::StrContains(cookie, "HttpOnly"));
  EXPECT_TRUE(absl::StrContains(cookie, "SameSite=Strict"));
}

TEST_F(WebSignInTest, AnUnknownTokenIsRefusedWithoutACookie) {
  auto res = SignIn("not-a-token", "/programme");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  EXPECT_TRUE(absl::StrContains(res->body, "not recognised"));
}

TEST_F(WebSignInTest, AReturnPageOnAnotherSiteBecomesTheProgrammePage) {
  for (const std::string next : {"//evil.example/x", "https://evil.example/", "programme", "",
                                 "/\t/evil.example", "/\\evil.example", "/x\r\nSet-Cookie: a=b"}) {
    auto res = SignIn(lead_token_, next);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 303);
    EXPECT_EQ(res->get_header_value("Location"), "/programme") << next;
  }
}

TEST_F(WebSignInTest, ASignInPostedFromAnotherSiteIsRefused) {
  auto res = client_->Post("/signin", {{"Origin", "http://evil.example"}},
                           httplib::Params{{"token", lead_token_}, {"next", "/programme"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  const std::string own = absl::StrCat("http://127.0.0.1:", server_->http_port());
  auto same = client_->Post("/signin", {{"Origin", own}},
                            httplib::Params{{"token", lead_token_}, {"next", "/programme"}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 303);
  // What a browser sends: Sec-Fetch-Site decides, and a cross-site post
  // carries "Origin: null" under this server's Referrer-Policy.
  for (const auto& [site, origin, status] :
       std::vector<std::tuple<std::string, std::string, int>>{
           {"cross-site", "null", 403}, {"same-site", own, 403}, {"same-origin", own, 303}}) {
    auto posted = client_->Post("/signin", {{"Sec-Fetch-Site", site}, {"Origin", origin}},
                                httplib::Params{{"token", lead_token_}, {"next", "/programme"}});
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, status) << site;
  }
}

TEST_F(WebSignInTest, SigningOutExpiresTheCookie) {
  auto res = client_->Post("/signout");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_TRUE(absl::StrContains(res->get_header_value("Set-Cookie"), "hc_session=;"));
  EXPECT_TRUE(absl::StrContains(res->get_header_value("Set-Cookie"), "Max-Age=0"));
}

TEST_F(WebSignInTest, PagesCarryTheStrictSecurityHeaders) {
  auto res = client_->Get("/signin");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_TRUE(absl::StartsWith(res->get_header_value("Content-Security-Policy"),
                               "default-src 'none'"));
}

}  // namespace
}  // namespace hc::testing
