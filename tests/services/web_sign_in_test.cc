// Signing in to the HTTP port's pages with an email and password, and
// setting a password with a link, over real HTTP: the session's secret goes
// only into a strict cookie, lives on the server as a hash and ends there at
// sign-out; a form posted from another site changes nothing.

#include <httplib.h>

#include <string>
#include <tuple>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/services/api_test_fixture.h"
#include "tests/support/sign_in.h"

namespace hc::testing {
namespace {

class WebSignInTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->http_port());
  }

  httplib::Result SignIn(const std::string& email, const std::string& password,
                         const std::string& next, const httplib::Headers& headers = {}) {
    return client_->Post("/signin", headers,
                         httplib::Params{{"email", email}, {"password", password}, {"next", next}});
  }
  // The session secret in a response's Set-Cookie, or empty.
  static std::string CookieValue(const httplib::Result& res) {
    const std::string cookie = res->get_header_value("Set-Cookie");
    const size_t start = cookie.find('=') + 1;
    return cookie.substr(start, cookie.find(';') - start);
  }
  int SignedInPage(const std::string& cookie) {
    auto res = client_->Get("/app/people", {{"Cookie", "hc_session=" + cookie}});
    return res ? res->status : 0;
  }

  std::unique_ptr<httplib::Client> client_;
};

TEST_F(WebSignInTest, TheFormAsksForAnEmailAndPasswordAndCarriesTheReturnPage) {
  auto res = client_->Get("/signin?next=%2Fapp%2Fpeople");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(absl::StrContains(res->body, "name=\"email\""));
  EXPECT_TRUE(absl::StrContains(res->body, "autocomplete=\"current-password\""));
  EXPECT_TRUE(absl::StrContains(res->body, "value=\"/app/people\""));
}

TEST_F(WebSignInTest, TheRightPasswordSetsAStrictHttpOnlyCookieHoldingANewSession) {
  auto res = SignIn(kFirstLeadEmail, kTestPassword, "/engagements/e1/reports/1.pdf");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/engagements/e1/reports/1.pdf");
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_TRUE(absl::StartsWith(cookie, "hc_session=hc_")) << cookie;
  EXPECT_TRUE(absl::StrContains(cookie, "HttpOnly"));
  EXPECT_TRUE(absl::StrContains(cookie, "SameSite=Strict"));
  EXPECT_TRUE(absl::StrContains(cookie, "Path=/"));
  EXPECT_FALSE(absl::StrContains(cookie, "Secure"));  // plain http here
  EXPECT_NE(CookieValue(res), lead_token_);  // a session of its own
  EXPECT_EQ(SignedInPage(CookieValue(res)), 200);
}

TEST_F(WebSignInTest, AWrongPasswordIsRefusedAtTheFieldWithoutACookieOrAHint) {
  auto wrong = SignIn(kFirstLeadEmail, "not the password", "/app/people");
  auto unknown = SignIn("nobody@example.org", "not the password", "/app/people");
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_FALSE(wrong->has_header("Set-Cookie"));
  EXPECT_TRUE(absl::StrContains(wrong->body, "There is a problem"));
  EXPECT_TRUE(absl::StrContains(wrong->body, "href=\"#email\""));
  EXPECT_TRUE(absl::StrContains(wrong->body, "The email address or password is not right."));
  // The same page whether or not the account exists, but for the email typed.
  std::string a = wrong->body, b = unknown->body;
  a.replace(a.find(kFirstLeadEmail), std::string(kFirstLeadEmail).size(), "X");
  b.replace(b.find("nobody@example.org"), std::string("nobody@example.org").size(), "X");
  EXPECT_EQ(a, b);
  auto empty = SignIn("", "", "/app/people");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_TRUE(absl::StrContains(empty->body, "Enter your email address"));
  EXPECT_TRUE(absl::StrContains(empty->body, "Enter your password"));
}

TEST_F(WebSignInTest, AReturnPageOnAnotherSiteBecomesTheHomePage) {
  for (const std::string next : {"//evil.example/x", "https://evil.example/", "programme", "",
                                 "/\t/evil.example", "/\\evil.example", "/x\r\nSet-Cookie: a=b"}) {
    auto res = SignIn(kFirstLeadEmail, kTestPassword, next);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 303);
    EXPECT_EQ(res->get_header_value("Location"), "/") << next;
  }
  // A page of the app with its filters and page is returned to whole.
  const std::string listed = "/app/peers?sector=2&expires-by=2027-03-31&page=abc";
  auto res = SignIn(kFirstLeadEmail, kTestPassword, listed);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Location"), listed);
}

TEST_F(WebSignInTest, ASignInPostedFromAnotherSiteIsRefused) {
  auto res = SignIn(kFirstLeadEmail, kTestPassword, "/app/people",
                    {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  const std::string own = absl::StrCat("http://127.0.0.1:", server_->http_port());
  auto same = SignIn(kFirstLeadEmail, kTestPassword, "/app/people", {{"Origin", own}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 303);
  // What a browser sends: Sec-Fetch-Site decides, and a cross-site post
  // carries "Origin: null" under this server's Referrer-Policy.
  for (const auto& [site, origin, status] :
       std::vector<std::tuple<std::string, std::string, int>>{
           {"cross-site", "null", 403}, {"same-site", own, 403}, {"same-origin", own, 303}}) {
    auto posted = SignIn(kFirstLeadEmail, kTestPassword, "/app/people",
                         {{"Sec-Fetch-Site", site}, {"Origin", origin}});
    ASSERT_TRUE(posted);
    EXPECT_EQ(posted->status, status) << site;
  }
}

TEST_F(WebSignInTest, SigningOutEndsTheSessionOnTheServerAndExpiresTheCookie) {
  auto res = SignIn(kFirstLeadEmail, kTestPassword, "/app/people");
  ASSERT_TRUE(res);
  const std::string session = CookieValue(res);
  ASSERT_EQ(SignedInPage(session), 200);
  // From another site, nothing happens.
  auto forged = client_->Post("/signout", {{"Cookie", "hc_session=" + session},
                                           {"Sec-Fetch-Site", "cross-site"}},
                              "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  EXPECT_EQ(SignedInPage(session), 200);
  auto out = client_->Post("/signout", {{"Cookie", "hc_session=" + session}}, "",
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 303);
  EXPECT_TRUE(absl::StrContains(out->get_header_value("Set-Cookie"), "hc_session=;"));
  EXPECT_TRUE(absl::StrContains(out->get_header_value("Set-Cookie"), "Max-Age=0"));
  // The cookie kept by a careless browser no longer works.
  EXPECT_EQ(SignedInPage(session), 401);
}

TEST_F(WebSignInTest, ACookieHoldingAnAccessTokenIsNotASession) {
  v1::CreateAccessTokenRequest create;
  create.mutable_access_token()->set_display_name("script");
  v1::AccessToken token;
  ASSERT_TRUE(access_->CreateAccessToken(Lead().get(), create, &token).ok());
  EXPECT_EQ(SignedInPage(token.secret()), 401);
  auto bearer = client_->Get("/app/people", {{"Authorization", "Bearer " + token.secret()}});
  ASSERT_TRUE(bearer);
  EXPECT_EQ(bearer->status, 200);
}

TEST_F(WebSignInTest, ALinkSetsAPasswordOnceWithTheErrorsAtTheirFields) {
  const v1::UserWithLink invited = Invite(v1::ROLE_PROGRAMME_LEAD);
  const std::string path = absl::StrCat("/set-password?key=", invited.password_link().secret());
  auto page = client_->Get(path);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_TRUE(absl::StrContains(page->body, "autocomplete=\"new-password\""));
  EXPECT_FALSE(absl::StrContains(page->body, "name=\"email\""));  // they have one
  const httplib::Params mismatch{{"key", invited.password_link().secret()},
                                 {"password", "purple tractor engine"},
                                 {"confirm", "purple tractor engines"}};
  auto refused = client_->Post("/set-password", mismatch);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_TRUE(absl::StrContains(refused->body, "href=\"#confirm\""));
  EXPECT_TRUE(absl::StrContains(refused->body, "id=\"confirm-error\""));
  auto common = client_->Post("/set-password", httplib::Params{{"key", invited.password_link().secret()},
                                                               {"password", "password12345"},
                                                               {"confirm", "password12345"}});
  ASSERT_TRUE(common);
  EXPECT_EQ(common->status, 400);
  EXPECT_TRUE(absl::StrContains(common->body, "too common"));
  EXPECT_TRUE(absl::StrContains(common->body, "href=\"#password\""));
  auto set = client_->Post("/set-password", httplib::Params{{"key", invited.password_link().secret()},
                                                            {"password", "purple tractor engine"},
                                                            {"confirm", "purple tractor engine"}});
  ASSERT_TRUE(set);
  EXPECT_EQ(set->status, 303);
  EXPECT_EQ(set->get_header_value("Location"), "/signin?shown=set");
  auto again = client_->Get(path);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);
  EXPECT_TRUE(absl::StrContains(again->body, "cannot be used"));
  auto signed_in = SignIn(invited.user().email(), "purple tractor engine", "/app/people");
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 303);
}

TEST_F(WebSignInTest, TheClientsAddressIsTheConnectionsUnlessAProxyIsTrusted) {
  auto res = SignIn(kFirstLeadEmail, kTestPassword, "/app/people",
                    {{"X-Forwarded-For", "203.0.113.9"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(AuditDetails("SignIn").back(), "from 127.0.0.1");
}

class TrustedProxySignInTest : public WebSignInTest {
 protected:
  void Configure(services::ServerConfig& config) override {
    config.http_limits.trust_forwarded_for = true;
  }
};

TEST_F(TrustedProxySignInTest, BehindATrustedProxyTheClientIsTheLastForwardedAddress) {
  // Whatever the client claims comes first; the proxy appends what it saw.
  auto res = SignIn(kFirstLeadEmail, kTestPassword, "/app/people",
                    {{"X-Forwarded-For", "203.0.113.9, 198.51.100.7"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(AuditDetails("SignIn").back(), "from 198.51.100.7");
}

class HttpsOriginSignInTest : public WebSignInTest {
 protected:
  void Configure(services::ServerConfig& config) override {
    config.public_origin = "https://healthcheck.example.org";
  }
};

TEST_F(HttpsOriginSignInTest, TheCookieIsSecureForThisHostAloneAndNoOtherNameIsRead) {
  auto res = SignIn(kFirstLeadEmail, kTestPassword, "/app/people");
  ASSERT_TRUE(res);
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_TRUE(absl::StartsWith(cookie, "__Host-hc_session=hc_")) << cookie;
  EXPECT_TRUE(absl::StrContains(cookie, "; Secure"));
  EXPECT_TRUE(absl::StrContains(cookie, "Path=/"));
  const std::string session = CookieValue(res);
  auto own = client_->Get("/app/people", {{"Cookie", "__Host-hc_session=" + session}});
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200);
  // A cookie planted under the plain name (by a sibling host, say) is not read.
  EXPECT_EQ(SignedInPage(session), 401);
}

TEST_F(WebSignInTest, PagesCarryTheStrictSecurityHeaders) {
  auto res = client_->Get("/signin");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_TRUE(absl::StartsWith(res->get_header_value("Content-Security-Policy"),
                               "default-src 'none'"));
}

TEST_F(WebSignInTest, TheAppsFilesAreKeptForGoodOnlyWhenAskedForByTheirCurrentVersion) {
  auto signed_in = SignIn(kFirstLeadEmail, kTestPassword, "/");
  ASSERT_TRUE(signed_in);
  auto page = client_->Get("/", {{"Cookie", "hc_session=" + CookieValue(signed_in)}});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  for (const std::string file : {"app.js", "app.css"}) {
    const std::string prefix = absl::StrCat("/assets/", file, "?v=");
    const size_t at = page->body.find(prefix);
    ASSERT_NE(at, std::string::npos) << page->body;
    const std::string address = page->body.substr(at, prefix.size() + 16);
    EXPECT_TRUE(absl::c_all_of(address.substr(prefix.size()), absl::ascii_isxdigit)) << address;
    // The sign-in page links the stylesheet by the same version.
    if (file == "app.css") {
      auto sign_in = client_->Get("/signin");
      ASSERT_TRUE(sign_in);
      EXPECT_TRUE(absl::StrContains(sign_in->body, address)) << sign_in->body;
    }
    auto current = client_->Get(address);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->status, 200);
    EXPECT_EQ(current->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
    for (const std::string& other : {absl::StrCat("/assets/", file),
                                    absl::StrCat(prefix, "0123456789abcdef")}) {
      auto answer = client_->Get(other);
      ASSERT_TRUE(answer);
      EXPECT_EQ(answer->status, 200) << other;
      EXPECT_EQ(answer->body, current->body) << other;
      EXPECT_EQ(answer->get_header_value("Cache-Control"), "no-store") << other;
    }
  }
}

}  // namespace
}  // namespace hc::testing
