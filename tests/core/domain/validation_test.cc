// Input validation: CheckText and friends (core/domain/validation.h) and the
// validators of partnerships, peers and access tokens.

#include "core/domain/validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "core/domain/partnership.h"
#include "core/domain/peer.h"
#include "core/domain/principal.h"
#include "tests/support/status_matchers.h"

namespace hc::domain {
namespace {

using ::hc::testing::IsOk;
using ::hc::testing::StatusIs;
using ::hc::testing::StatusIsWith;

// --- CheckText --------------------------------------------------------------

TEST(CheckText, PlainTextWithinLimitsIsOk) {
  EXPECT_THAT(CheckText("display_name", "Northshire CSP", 1, 200), IsOk());
  EXPECT_THAT(CheckText("area", "", 0, 200), IsOk());
}

class InvalidUtf8Test : public ::testing::TestWithParam<std::string> {};

TEST_P(InvalidUtf8Test, IsInvalidArgumentNamingTheField) {
  EXPECT_THAT(CheckText("display_name", GetParam(), 0, 200, true),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "display_name must be UTF-8 text without control characters"));
}

INSTANTIATE_TEST_SUITE_P(
    CheckText, InvalidUtf8Test,
    ::testing::Values(std::string("caf\xC3"),  // truncated 2-byte sequence
                      std::string("\x80"
                                  "abc"),               // lone continuation byte
                      std::string("\xC0\xAF"),          // overlong 2-byte '/'
                      std::string("\xC3\x28"),          // bad continuation
                      std::string("\xE2\x82"),          // truncated 3-byte sequence
                      std::string("\xF5\x80\x80\x80"),  // lead byte beyond U+10FFFF
                      std::string("\xFF"),              // never valid
                      std::string("ab\xF0\x9F\x98")));  // truncated 4-byte sequence

// Overlong forms, UTF-16 surrogates and code points above U+10FFFF are not
// UTF-8 (RFC 3629), though their bytes have the right shape.
INSTANTIATE_TEST_SUITE_P(ShapedButInvalid, InvalidUtf8Test,
                         ::testing::Values(std::string("\xE0\x80\x80"),      // overlong 3-byte NUL
                                           std::string("\xED\xA0\x80"),      // surrogate U+D800
                                           std::string("\xF0\x80\x80\x80"),  // overlong 4-byte NUL
                                           std::string("\xF4\x90\x80\x80")));  // U+110000

TEST(CheckText, ValidMultibyteTextIsOk) {
  EXPECT_THAT(CheckText("f", "Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xED\x9F\xBF", 1, 200),
              IsOk());
}

TEST(CheckText, ControlCharactersAreInvalidArgument) {
  EXPECT_THAT(CheckText("f", std::string("a\0b", 3), 0, 10),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "f must be UTF-8 text"));
  EXPECT_THAT(CheckText("f", "a\x1b[31m", 0, 10), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckText("f", "a\x7f", 0, 10), StatusIs(absl::StatusCode::kInvalidArgument));
  // Even in multiline text, only tab, CR and LF are allowed.
  EXPECT_THAT(CheckText("f", "a\x01", 0, 10, true), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(CheckText, NewlineAndTabAreRefusedUnlessMultiline) {
  EXPECT_THAT(CheckText("f", "a\nb", 0, 10), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckText("f", "a\tb", 0, 10), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckText("f", "a\r\nb", 0, 10), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckText("f", "a\nb", 0, 10, true), IsOk());
  EXPECT_THAT(CheckText("f", "a\tb", 0, 10, true), IsOk());
  EXPECT_THAT(CheckText("f", "a\r\nb", 0, 10, true), IsOk());
}

TEST(CheckText, LengthIsCountedInCharactersNotBytes) {
  std::string ten;
  for (int i = 0; i < 10; ++i) ten += "\xC3\xA9";  // 20 bytes
  EXPECT_THAT(CheckText("f", ten, 1, 10), IsOk());
  EXPECT_THAT(
      CheckText("f", ten + "\xE2\x82\xAC", 1, 10),
      StatusIsWith(absl::StatusCode::kInvalidArgument, "f must be 1-10 characters, not 11"));
  std::string four_byte;
  for (int i = 0; i < 3; ++i) four_byte += "\xF0\x9F\x98\x80";  // 12 bytes
  EXPECT_THAT(CheckText("f", four_byte, 3, 3), IsOk());
}

TEST(CheckText, TooShortOrTooLongIsInvalidArgument) {
  EXPECT_THAT(
      CheckText("email", "ab", 3, 254),
      StatusIsWith(absl::StatusCode::kInvalidArgument, "email must be 3-254 characters, not 2"));
  EXPECT_THAT(CheckText("f", std::string(201, 'a'), 1, 200),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "not 201"));
  EXPECT_THAT(CheckText("f", std::string(200, 'a'), 1, 200), IsOk());
}

TEST(CheckText, EmptyOrWhitespaceOnlyRequiredFieldIsInvalidArgument) {
  EXPECT_THAT(CheckText("display_name", "", 1, 200),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "display_name is required"));
  EXPECT_THAT(CheckText("display_name", "   ", 1, 200),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "display_name is required"));
  EXPECT_THAT(CheckText("notes", " \n\t ", 1, 200, true),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "notes is required"));
  // Optional fields may be blank.
  EXPECT_THAT(CheckText("area", "   ", 0, 200), IsOk());
}

// --- CheckTextList ----------------------------------------------------------

TEST(CheckTextList, AcceptsUpToMaxEntries) {
  EXPECT_THAT(CheckTextList("skills", std::vector<std::string>(3, "facilitation"), 3, 100), IsOk());
  EXPECT_THAT(CheckTextList("skills", {}, 3, 100), IsOk());
}

TEST(CheckTextList, TooManyEntriesIsInvalidArgument) {
  EXPECT_THAT(
      CheckTextList("skills", std::vector<std::string>(4, "x"), 3, 100),
      StatusIsWith(absl::StatusCode::kInvalidArgument, "skills may hold at most 3 entries, not 4"));
}

TEST(CheckTextList, BadEntryIsInvalidArgumentNamingItsIndex) {
  EXPECT_THAT(CheckTextList("skills", {"ok", "", "ok"}, 10, 100),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "skills[1] is required"));
  EXPECT_THAT(CheckTextList("skills", {"ok", "ok", std::string(101, 'a')}, 10, 100),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "skills[2] must be 1-100"));
  EXPECT_THAT(CheckTextList("notes", {"a\nb"}, 10, 100),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "notes[0] must be UTF-8"));
  EXPECT_THAT(CheckTextList("notes", {"a\nb"}, 10, 100, true), IsOk());
}

// --- NormaliseName ------------------------------------------------------------

TEST(NormaliseName, LowerCasesAndFoldsWhiteSpace) {
  EXPECT_EQ(NormaliseName("Northshire County Council"), "northshire county council");
  EXPECT_EQ(NormaliseName("  NORTHSHIRE\t\tCounty \n Council  "), "northshire county council");
  EXPECT_EQ(NormaliseName(""), "");
  EXPECT_EQ(NormaliseName("   "), "");
  EXPECT_EQ(NormaliseName("A"), "a");
  // Non-ASCII bytes pass through unchanged.
  EXPECT_EQ(NormaliseName("Caf\xC3\xA9  Soci\xC3\xA9T\xC3\xA9"),
            "caf\xC3\xA9 soci\xC3\xA9t\xC3\xA9");
}

TEST(NormaliseName, FoldsUnicodeSpacesInvisibleCharactersWidthAndTrailingPunctuation) {
  const std::string plain = "anytown nhs trust";
  EXPECT_EQ(NormaliseName("Anytown\xC2\xA0NHS Trust"), plain);           // no-break space
  EXPECT_EQ(NormaliseName("Anytown NHS\xE2\x80\x8B Trust"), plain);      // zero-width space
  EXPECT_EQ(NormaliseName("Anytown NHS Trust."), plain);                  // trailing full stop
  EXPECT_EQ(NormaliseName("Anytown NHS Trust ;"), plain);
  EXPECT_EQ(NormaliseName("\xEF\xBC\xA1nytown NHS Trust"), plain);        // full-width A
  EXPECT_EQ(NormaliseName("Anytown \xE2\x80\xAENHS Trust"), plain);       // U+202E
  EXPECT_NE(NormaliseName("Anytown NHS Trusts"), plain);
}

TEST(ConfusableSkeleton, NamesThatLookAlikeShareOne) {
  // "Anytown" with a Cyrillic capital A (U+0410).
  EXPECT_EQ(ConfusableSkeleton("\xD0\x90nytown NHS Trust"), ConfusableSkeleton("Anytown NHS Trust"));
  EXPECT_NE(ConfusableSkeleton("Anytown NHS Trust"), ConfusableSkeleton("Anytown Police"));
}

TEST(CheckText, BidiControlsAreRefusedOnOneLineOnly) {
  for (const char* bidi : {"\xE2\x80\xAE", "\xE2\x80\xAA", "\xE2\x81\xA6", "\xE2\x81\xA9"}) {
    const std::string name = absl::StrCat("Anytown ", bidi, "Council");
    EXPECT_THAT(CheckText("display_name", name, 1, 200),
                StatusIsWith(absl::StatusCode::kInvalidArgument, "display_name")) << name;
    EXPECT_THAT(CheckText("text", name, 1, 200, /*multiline=*/true), IsOk()) << name;
  }
  EXPECT_THAT(CheckText("display_name", "Anytown \xE2\x80\x94 Council", 1, 200), IsOk());  // a dash
  // The right-to-left and Arabic letter marks belong in Hebrew and Arabic names.
  EXPECT_THAT(CheckText("display_name", "\xD7\xA9\xD7\x9C\xE2\x80\x8F 2", 1, 200), IsOk());
  EXPECT_THAT(CheckText("display_name", "\xD8\xB3\xD9\x84\xD8\x9C 2", 1, 200), IsOk());
}

// --- ValidatePartnership ------------------------------------------------------

Partnership ValidPartnership() {
  Partnership p;
  p.display_name = "Northshire Community Safety Partnership";
  p.kind = PartnershipKind::kCsp;
  p.area = "Northshire";
  p.members = {{"Northshire County Council", Sector::kLocalGovernment},
               {"Northshire Police", Sector::kPolice}};
  return p;
}

TEST(ValidatePartnership, ValidPartnershipIsOk) {
  EXPECT_THAT(ValidatePartnership(ValidPartnership()), IsOk());
  Partnership no_members = ValidPartnership();
  no_members.members.clear();
  no_members.area = "";
  EXPECT_THAT(ValidatePartnership(no_members), IsOk());
}

TEST(ValidatePartnership, DuplicateMemberNamesCaseInsensitiveAreInvalidArgument) {
  Partnership p = ValidPartnership();
  p.members.push_back({"  northshire COUNTY   council", Sector::kHealth});
  EXPECT_THAT(ValidatePartnership(p),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "members[2]: \"  northshire COUNTY   council\" is listed twice"));
}

TEST(ValidatePartnership, MemberWithoutSectorIsInvalidArgument) {
  Partnership p = ValidPartnership();
  p.members[1].sector = Sector::kUnspecified;
  EXPECT_THAT(ValidatePartnership(p),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "members[1].sector is required"));
}

TEST(ValidatePartnership, MemberWithoutNameIsInvalidArgument) {
  Partnership p = ValidPartnership();
  p.members[0].display_name = " ";
  EXPECT_THAT(ValidatePartnership(p), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                                   "members[0].display_name is required"));
}

TEST(ValidatePartnership, KindIsRequired) {
  Partnership p = ValidPartnership();
  p.kind = PartnershipKind::kUnspecified;
  EXPECT_THAT(ValidatePartnership(p),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "kind is required"));
}

TEST(ValidatePartnership, DisplayNameIsRequired) {
  Partnership p = ValidPartnership();
  p.display_name = "";
  EXPECT_THAT(ValidatePartnership(p),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "display_name is required"));
}

TEST(ValidatePartnership, UnknownLifecycleStageIsInvalidArgumentButUnspecifiedIsAllowed) {
  Partnership p = ValidPartnership();
  p.lifecycle_stage = PartnershipLifecycleStage::kUnspecified;
  EXPECT_THAT(ValidatePartnership(p), IsOk());
  p.lifecycle_stage = static_cast<PartnershipLifecycleStage>(99);
  EXPECT_THAT(ValidatePartnership(p), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                                   "lifecycle_stage is not a known stage"));
}

TEST(ValidatePartnership, MoreThan100MembersIsInvalidArgument) {
  Partnership p = ValidPartnership();
  p.members.clear();
  for (int i = 0; i < 100; ++i) {
    p.members.push_back({absl::StrCat("Organisation ", i), Sector::kVoluntaryAndCommunity});
  }
  EXPECT_THAT(ValidatePartnership(p), IsOk());
  p.members.push_back({"Organisation 100", Sector::kBusiness});
  EXPECT_THAT(ValidatePartnership(p),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "at most 100 members"));
}

TEST(Partnership, HasMemberAndMemberSectors) {
  Partnership p = ValidPartnership();
  p.members.push_back({"Northshire Borough Council", Sector::kLocalGovernment});
  EXPECT_TRUE(HasMember(p, " NORTHSHIRE   police "));
  EXPECT_FALSE(HasMember(p, "Northshire Police Authority"));
  EXPECT_THAT(MemberSectors(p), ::testing::ElementsAre(Sector::kLocalGovernment, Sector::kPolice));
}

// --- ValidatePeer -----------------------------------------------------------

Peer ValidPeer() {
  Peer peer;
  peer.display_name = "Ann Smith";
  peer.email = "ann.smith@southshire.gov.uk";
  peer.home_organisation = "Southshire Council";
  peer.home_sector = Sector::kLocalGovernment;
  peer.trained_date = absl::CivilDay(2022, 11, 1);
  peer.accredited_date = absl::CivilDay(2023, 1, 1);
  peer.accreditation_expiry_date = absl::CivilDay(2025, 12, 31);
  peer.skills = {"facilitation", "community safety"};
  return peer;
}

TEST(ValidatePeer, ValidPeerIsOk) {
  EXPECT_THAT(ValidatePeer(ValidPeer()), IsOk());
  Peer unaccredited = ValidPeer();
  unaccredited.accredited_date.reset();
  unaccredited.accreditation_expiry_date.reset();
  EXPECT_THAT(ValidatePeer(unaccredited), IsOk());
}

class ImplausibleEmailTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ImplausibleEmailTest, IsInvalidArgument) {
  Peer peer = ValidPeer();
  peer.email = GetParam();
  EXPECT_THAT(ValidatePeer(peer), StatusIs(absl::StatusCode::kInvalidArgument));
}

INSTANTIATE_TEST_SUITE_P(ValidatePeer, ImplausibleEmailTest,
                         ::testing::Values("ann.smith", "@southshire.gov.uk", "ann@",
                                           "ann@@southshire.gov.uk", "ann@south@shire.uk",
                                           "ann smith@southshire.gov.uk", "ann@localhost", "a@", "",
                                           "ab"));

TEST(ValidatePeer, ImplausibleEmailMessageQuotesIt) {
  Peer peer = ValidPeer();
  peer.email = "ann@localhost";
  EXPECT_THAT(ValidatePeer(peer), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                               "email \"ann@localhost\" is not an email"));
}

TEST(ValidatePeer, PlausibleEmailsAreAccepted) {
  for (const char* email : {"a@b.c", "ann.o'brien+hc@example.co.uk", "ANN@EXAMPLE.ORG"}) {
    Peer peer = ValidPeer();
    peer.email = email;
    EXPECT_THAT(ValidatePeer(peer), IsOk()) << email;
  }
}

TEST(ValidatePeer, AccreditedDateWithoutExpiryIsInvalidArgument) {
  Peer peer = ValidPeer();
  peer.accreditation_expiry_date.reset();
  EXPECT_THAT(ValidatePeer(peer),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "accredited_date and accreditation_expiry_date go together"));
}

TEST(ValidatePeer, ExpiryWithoutAccreditedDateIsInvalidArgument) {
  Peer peer = ValidPeer();
  peer.accredited_date.reset();
  EXPECT_THAT(ValidatePeer(peer),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "accredited_date and accreditation_expiry_date go together"));
}

TEST(ValidatePeer, ExpiryBeforeAccreditationIsInvalidArgument) {
  Peer peer = ValidPeer();
  peer.accreditation_expiry_date = absl::CivilDay(2022, 12, 31);
  EXPECT_THAT(ValidatePeer(peer),
              StatusIsWith(absl::StatusCode::kInvalidArgument,
                           "accreditation_expiry_date is before accredited_date"));
  peer.accreditation_expiry_date = peer.accredited_date;  // one day's accreditation
  EXPECT_THAT(ValidatePeer(peer), IsOk());
}

TEST(ValidatePeer, SkillsLimits) {
  Peer peer = ValidPeer();
  peer.skills = std::vector<std::string>(50, std::string(100, 's'));
  EXPECT_THAT(ValidatePeer(peer), IsOk());
  peer.skills.push_back("one too many");
  EXPECT_THAT(ValidatePeer(peer), StatusIsWith(absl::StatusCode::kInvalidArgument,
                                               "skills may hold at most 50 entries, not 51"));
  peer.skills = {std::string(101, 's')};
  EXPECT_THAT(ValidatePeer(peer),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "skills[0] must be 1-100"));
  peer.skills = {""};
  EXPECT_THAT(ValidatePeer(peer),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "skills[0] is required"));
}

TEST(ValidatePeer, RequiredFieldsAreInvalidArgumentWhenMissing) {
  Peer no_name = ValidPeer();
  no_name.display_name = "";
  EXPECT_THAT(ValidatePeer(no_name),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "display_name is required"));
  Peer no_org = ValidPeer();
  no_org.home_organisation = "  ";
  EXPECT_THAT(ValidatePeer(no_org),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "home_organisation is required"));
  Peer no_sector = ValidPeer();
  no_sector.home_sector = Sector::kUnspecified;
  EXPECT_THAT(ValidatePeer(no_sector),
              StatusIsWith(absl::StatusCode::kInvalidArgument, "home_sector is required"));
}

TEST(CheckAccreditedThrough, SaysWhyAndNamesThePeer) {
  Peer peer = ValidPeer();
  peer.meta.id = "p1";
  const absl::CivilDay day1(2024, 4, 8), day3(2024, 4, 10);
  EXPECT_THAT(CheckAccreditedThrough(peer, day1, day3), IsOk());
  peer.accreditation_expiry_date = day3 - 1;
  EXPECT_THAT(CheckAccreditedThrough(peer, day1, day3),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "Ann Smith (Southshire Council)'s accreditation expires on 2024-04-09"));
  peer.accreditation_expiry_date = day3;
  peer.accredited_date = day1 + 1;
  EXPECT_THAT(CheckAccreditedThrough(peer, day1, day3),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "Ann Smith (Southshire Council) is accredited only from 2024-04-09"));
  peer.accredited_date.reset();
  EXPECT_THAT(CheckAccreditedThrough(peer, day1, day3),
              StatusIsWith(absl::StatusCode::kFailedPrecondition,
                           "Ann Smith (Southshire Council) is not accredited"));
}

}  // namespace
}  // namespace hc::domain
