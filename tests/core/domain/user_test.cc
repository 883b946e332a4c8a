// People: their validation, the password rules (NIST SP 800-63B) and how
// long a session lasts.

#include "core/domain/user.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "core/domain/password_policy.h"
#include "core/domain/session.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;

User Person(Role role, std::string peer_id = "", std::string partnership_id = "") {
  User u;
  u.meta.id = "u1";
  u.display_name = "Ann Smith";
  u.email = "Ann.Smith@Anytown.gov.uk";
  u.role = role;
  u.peer_id = std::move(peer_id);
  u.partnership_id = std::move(partnership_id);
  return u;
}

TEST(ValidateUser, EachRoleTakesExactlyItsBinding) {
  EXPECT_THAT(ValidateUser(Person(Role::kProgrammeLead)), IsOk());
  EXPECT_THAT(ValidateUser(Person(Role::kPeer, "p1")), IsOk());
  EXPECT_THAT(ValidateUser(Person(Role::kPartnershipContact, "", "pa1")), IsOk());
  EXPECT_THAT(ValidateUser(Person(Role::kProgrammeLead, "p1")),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "a programme lead takes neither peer nor partnership"));
  EXPECT_THAT(ValidateUser(Person(Role::kPeer)),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "a peer needs peer"));
  EXPECT_THAT(ValidateUser(Person(Role::kPartnershipContact, "p1", "pa1")),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateUser(Person(static_cast<Role>(17))),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "role is required"));
}

TEST(ValidateUser, NeedsANameAndAnEmailAddressUnlessTheEmailMayWait) {
  User u = Person(Role::kProgrammeLead);
  u.display_name = " ";
  EXPECT_THAT(ValidateUser(u),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "display_name is required"));
  u = Person(Role::kProgrammeLead);
  u.email = "ann.smith";
  EXPECT_THAT(ValidateUser(u),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "email must be an email address"));
  u.email = "";
  EXPECT_THAT(ValidateUser(u), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(ValidateUser(u, /*email_optional=*/true), IsOk());
  EXPECT_EQ(EmailKey("Ann.Smith@Anytown.GOV.uk"), "ann.smith@anytown.gov.uk");
}

TEST(PrincipalOf, ActsAsThePersonAndDescribeActorNamesThem) {
  const Principal p = PrincipalOf(Person(Role::kPeer, "p1"), "s9");
  EXPECT_EQ(p.token_id, "s9");
  EXPECT_EQ(p.user_id, "u1");
  EXPECT_EQ(p.role, Role::kPeer);
  EXPECT_EQ(p.peer_id, "p1");
  EXPECT_EQ(DescribeActor(p), "Ann Smith (users/u1, accessTokens/s9)");
}

TEST(CheckNewPassword, AsksForTwelveCharactersOfAnyKindAndNoMore) {
  const User ann = Person(Role::kProgrammeLead);
  EXPECT_THAT(CheckNewPassword("purple tractor", ann), IsOk());
  // No composition rules: lower-case words and spaces are fine.
  EXPECT_THAT(CheckNewPassword("correct horse battery staple", ann), IsOk());
  EXPECT_THAT(CheckNewPassword("short words", ann),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "12 characters or more"));
  // Characters, not bytes: eleven accented letters are eleven.
  EXPECT_THAT(CheckNewPassword("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
                               ann),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "12 characters or more"));
  EXPECT_THAT(CheckNewPassword(std::string(257, 'q'), ann),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "256 characters or fewer"));
  EXPECT_THAT(CheckNewPassword(std::string(256, 'q') , ann), IsOk());
}

TEST(CheckNewPassword, RefusesTheCommonestPasswordsAndThemWithDigitsAdded) {
  const User ann = Person(Role::kProgrammeLead);
  for (const char* common : {"qwertyuiop123", "1q2w3e4r5t6y", "password2024!", "Football12345",
                             "ILoveYou!!!!"}) {
    EXPECT_THAT(CheckNewPassword(common, ann),
                StatusIsWith(absl::StatusCode::kInvalidArgument, "too common"))
        << common;
  }
}

TEST(CheckNewPassword, RefusesTheirOwnNameOrEmail) {
  const User ann = Person(Role::kProgrammeLead);
  EXPECT_THAT(CheckNewPassword("annsmith-rocks!", ann),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "your name or email"));
  EXPECT_THAT(CheckNewPassword("my ann.smith 2027", ann),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "your name or email"));
  EXPECT_THAT(CheckNewPassword("purple smith tractor", ann),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "your name or email"));
}

TEST(Session, EndsAfterEightIdleHoursTwelveInAllOrWhenEnded) {
  const absl::Time start = absl::FromUnixSeconds(1'800'000'000);
  Session s;
  s.create_time = start;
  s.last_active_time = start;
  EXPECT_TRUE(IsLive(s, start + absl::Hours(8) - absl::Seconds(1)));
  EXPECT_FALSE(IsLive(s, start + absl::Hours(8)));
  s.last_active_time = start + absl::Hours(7);
  EXPECT_TRUE(IsLive(s, start + absl::Hours(11)));
  EXPECT_FALSE(IsLive(s, start + absl::Hours(12)));  // however active
  s.end_time = start + absl::Hours(1);
  EXPECT_FALSE(IsLive(s, start + absl::Hours(1)));
  EXPECT_EQ(SessionExpiry(s), start + absl::Hours(1));
}

TEST(PasswordLink, WorksOnceForSeventyTwoHours) {
  const absl::Time start = absl::FromUnixSeconds(1'800'000'000);
  PasswordLink link;
  link.create_time = start;
  link.expire_time = start + kPasswordLinkLifetime;
  EXPECT_TRUE(IsUsable(link, start + absl::Hours(71)));
  EXPECT_FALSE(IsUsable(link, start + absl::Hours(72)));
  link.use_time = start;
  EXPECT_FALSE(IsUsable(link, start + absl::Hours(1)));
}

}  // namespace
}  // namespace hc::domain
