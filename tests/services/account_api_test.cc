// People, passwords, sessions and personal access tokens through the API:
// nobody can make a credential that acts as someone else, links work once,
// sign-in failures say nothing of who has an account and are slowed, and
// suspension, sign-out and ended sessions take effect at the next call.

#include "tests/services/api_test_fixture.h"

#include "absl/strings/ascii.h"
#include "core/storage/sqlite/database.h"
#include "tests/support/sign_in.h"

namespace hc::testing {
namespace {

using grpc::StatusCode;

class AccountApiTest : public ApiTest {
 protected:
  grpc::Status SignIn(const std::string& email, const std::string& password,
                      v1::SignInResponse* out) {
    v1::SignInRequest request;
    request.set_email(email);
    request.set_password(password);
    return users_->SignIn(Ctx("").get(), request, out);
  }
  grpc::Status SetPassword(const std::string& secret, const std::string& password,
                           v1::User* out) {
    v1::SetPasswordRequest request;
    request.set_link_secret(secret);
    request.set_password(password);
    return users_->SetPassword(Ctx("").get(), request, out);
  }
  // Whether `secret` may still read what everyone signed in may read.
  grpc::Status Probe(const std::string& secret) {
    v1::GetUserRequest request;
    request.set_name("users/none");
    v1::User out;
    grpc::Status status = users_->GetUser(Ctx(secret).get(), request, &out);
    // Past authentication, the answer is about users/none.
    return status.error_code() == StatusCode::UNAUTHENTICATED ? status : grpc::Status::OK;
  }
  grpc::Status CreateToken(const std::string& secret, v1::AccessToken* out) {
    v1::CreateAccessTokenRequest request;
    request.mutable_access_token()->set_display_name("laptop");
    return access_->CreateAccessToken(Ctx(secret).get(), request, out);
  }
  std::string StoredPasswordHash(const std::string& email) {
    auto db = storage::Database::Open(dir_.File("store.db"), storage::Database::Mode::kReadOnly);
    EXPECT_TRUE(db.ok());
    auto st = (*db)->Prepare("SELECT password_hash FROM users WHERE email = ?1");
    st->Bind(1, email);
    auto row = st->Step();
    return row.ok() && *row ? st->Text(0) : "";
  }
};

TEST_F(AccountApiTest, ATokenActsAsItsOwnerAndOnlyASignedInPersonMakesOne) {
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 400);
  const std::string session = SessionFor(v1::ROLE_PEER, peer.name());
  v1::AccessToken token;
  ASSERT_TRUE(CreateToken(session, &token).ok());
  EXPECT_GE(token.secret().size(), 40u);
  EXPECT_THAT(token.user(), ::testing::StartsWith("users/"));
  // The token acts as the peer: it reads the peer's own record, and what
  // only programme leads may do is refused.
  v1::GetPeerRequest get;
  get.set_name(peer.name());
  v1::Peer out;
  EXPECT_TRUE(peers_->GetPeer(Ctx(token.secret()).get(), get, &out).ok());
  v1::ListUsersResponse people;
  EXPECT_THAT(users_->ListUsers(Ctx(token.secret()).get(), {}, &people),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  // A token cannot make tokens, not even its owner's.
  v1::AccessToken second;
  EXPECT_THAT(CreateToken(token.secret(), &second),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "after signing in with your password"));
  // A programme lead's token is theirs: it acts as the lead, never as a peer.
  v1::AccessToken lead_token;
  ASSERT_TRUE(CreateToken(lead_token_, &lead_token).ok());
  EXPECT_NE(lead_token.user(), token.user());

  // Each lists their own; a programme lead lists everyone's.
  v1::ListAccessTokensResponse list;
  ASSERT_TRUE(access_->ListAccessTokens(Ctx(session).get(), {}, &list).ok());
  ASSERT_EQ(list.access_tokens_size(), 1);
  EXPECT_TRUE(list.access_tokens(0).secret().empty());
  v1::ListAccessTokensRequest others;
  others.set_user(lead_token.user());
  EXPECT_THAT(access_->ListAccessTokens(Ctx(session).get(), others, &list),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(access_->ListAccessTokens(Lead().get(), {}, &list).ok());
  EXPECT_EQ(list.access_tokens_size(), 2);

  // Revoked by its owner: refused at the next call; once only.
  v1::RevokeAccessTokenRequest revoke;
  revoke.set_name(lead_token.name());
  v1::AccessToken revoked;
  EXPECT_THAT(access_->RevokeAccessToken(Ctx(session).get(), revoke, &revoked),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  revoke.set_name(token.name());
  ASSERT_TRUE(access_->RevokeAccessToken(Ctx(session).get(), revoke, &revoked).ok());
  EXPECT_THAT(peers_->GetPeer(Ctx(token.secret()).get(), get, &out),
              GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(access_->RevokeAccessToken(Lead().get(), revoke, &revoked),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  revoke.set_name("accessTokens/missing");
  EXPECT_THAT(access_->RevokeAccessToken(Lead().get(), revoke, &revoked),
              GrpcIs(StatusCode::NOT_FOUND));
  EXPECT_EQ(AuditDetails("CreateAccessToken").size(), 2u);
  EXPECT_EQ(AuditDetails("RevokeAccessToken").size(), 1u);
}

TEST_F(AccountApiTest, InvitationsAreCheckedAndOnlyProgrammeLeadsInvite) {
  v1::CreateUserRequest request;
  v1::User* user = request.mutable_user();
  user->set_display_name("Bea Jones");
  user->set_email("Bea.Jones@Example.org");
  user->set_role(v1::ROLE_PEER);
  v1::UserWithLink invited;
  EXPECT_THAT(users_->CreateUser(Lead().get(), request, &invited),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "a peer needs peer"));
  user->set_peer("peers/missing");
  EXPECT_THAT(users_->CreateUser(Lead().get(), request, &invited),
              GrpcIs(StatusCode::NOT_FOUND));
  const v1::Peer peer = MakePeer("Bea Jones", "B Trust", v1::SECTOR_POLICE, Today() + 400);
  user->set_peer(peer.name());
  ASSERT_TRUE(users_->CreateUser(Lead().get(), request, &invited).ok());
  EXPECT_EQ(invited.user().state(), v1::User::ACTIVE);
  EXPECT_FALSE(invited.user().has_password());
  EXPECT_THAT(invited.password_link().uri(), ::testing::HasSubstr("/set-password?key="));
  user->set_email("bea.jones@EXAMPLE.org");
  EXPECT_THAT(users_->CreateUser(Lead().get(), request, &invited),
              GrpcIs(StatusCode::ALREADY_EXISTS));
  const std::string peer_session = SessionFor(v1::ROLE_PEER, peer.name());
  user->set_email("carl@example.org");
  EXPECT_THAT(users_->CreateUser(Ctx(peer_session).get(), request, &invited),
              GrpcIs(StatusCode::PERMISSION_DENIED));
}

TEST_F(AccountApiTest, ALinkWorksOnceAndTheNextReplacesIt) {
  const v1::UserWithLink invited = Invite(v1::ROLE_PROGRAMME_LEAD);
  v1::User user;
  // A refused password leaves the link usable.
  EXPECT_THAT(SetPassword(invited.password_link().secret(), "password2024", &user),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "too common"));
  EXPECT_THAT(SetPassword(invited.password_link().secret(), "too short", &user),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "12 characters"));
  ASSERT_TRUE(SetPassword(invited.password_link().secret(), kTestPassword, &user).ok());
  EXPECT_TRUE(user.has_password());
  EXPECT_THAT(SetPassword(invited.password_link().secret(), kTestPassword, &user),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "cannot be used"));
  EXPECT_THAT(SetPassword("made-up", kTestPassword, &user),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "cannot be used"));
  // A reset: two links, the older stops working.
  v1::CreatePasswordLinkRequest reset;
  reset.set_user(invited.user().name());
  v1::UserWithLink first, second;
  ASSERT_TRUE(users_->CreatePasswordLink(Lead().get(), reset, &first).ok());
  ASSERT_TRUE(users_->CreatePasswordLink(Lead().get(), reset, &second).ok());
  EXPECT_THAT(SetPassword(first.password_link().secret(), "another long password", &user),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  EXPECT_TRUE(SetPassword(second.password_link().secret(), "another long password", &user).ok());
  // Stored as Argon2id at OWASP's setting; the password itself nowhere.
  EXPECT_THAT(StoredPasswordHash(invited.user().email()),
              ::testing::StartsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
  for (const std::string& details : AuditDetails("SetPassword")) {
    EXPECT_THAT(details, ::testing::Not(::testing::HasSubstr("another long password")));
  }
}

TEST_F(AccountApiTest, SignInSaysNothingOfWhoHasAnAccountAndSlowsGuessing) {
  const v1::UserWithLink invited = Invite(v1::ROLE_PROGRAMME_LEAD);
  v1::User user;
  ASSERT_TRUE(SetPassword(invited.password_link().secret(), kTestPassword, &user).ok());
  v1::SignInResponse session;
  grpc::Status wrong = SignIn(user.email(), "not the password", &session);
  grpc::Status unknown = SignIn("nobody@example.org", "not the password", &session);
  EXPECT_THAT(wrong, GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(wrong.error_message(), unknown.error_message());
  // Email addresses are compared without case.
  ASSERT_TRUE(SignIn(absl::AsciiStrToUpper(user.email()), kTestPassword, &session).ok());
  EXPECT_TRUE(Probe(session.secret()).ok());
  // Five failures in a row, then a wait: even the right password is held
  // back, and an unknown account is slowed the same.
  for (int i = 0; i < 5; ++i) SignIn(user.email(), "guess", &session);
  for (int i = 0; i < 4; ++i) SignIn("nobody@example.org", "guess", &session);
  EXPECT_THAT(SignIn(user.email(), kTestPassword, &session),
              GrpcIsWith(StatusCode::RESOURCE_EXHAUSTED, "Too many attempts"));
  EXPECT_THAT(SignIn("nobody@example.org", "guess", &session),
              GrpcIsWith(StatusCode::RESOURCE_EXHAUSTED, "Too many attempts"));
  EXPECT_GE(AuditDetails("SignInFailed").size(), 10u);
  EXPECT_EQ(AuditDetails("SignIn").size(), 2u);  // the lead's, and this one
}

TEST_F(AccountApiTest, SuspensionSignOutAndEndedSessionsTakeEffectAtTheNextCall) {
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 400);
  const v1::UserWithLink invited = Invite(v1::ROLE_PEER, peer.name());
  absl::StatusOr<std::string> laptop = SetPasswordAndSignIn(
      *server_->InProcessChannel(), invited.password_link().secret(), "", kTestPassword);
  ASSERT_TRUE(laptop.ok());
  v1::SignInResponse phone;
  ASSERT_TRUE(SignIn(invited.user().email(), kTestPassword, &phone).ok());
  v1::AccessToken token;
  ASSERT_TRUE(CreateToken(*laptop, &token).ok());

  // The person sees their sessions and ends one.
  v1::ListSessionsRequest list;
  list.set_parent(invited.user().name());
  v1::ListSessionsResponse sessions;
  ASSERT_TRUE(users_->ListSessions(Ctx(*laptop).get(), list, &sessions).ok());
  ASSERT_EQ(sessions.sessions_size(), 2);
  EXPECT_TRUE(sessions.sessions(0).current());
  v1::EndSessionRequest end;
  end.set_name(phone.session().name());
  v1::Session ended;
  ASSERT_TRUE(users_->EndSession(Ctx(*laptop).get(), end, &ended).ok());
  EXPECT_THAT(Probe(phone.secret()), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(users_->EndSession(Ctx(*laptop).get(), end, &ended),
              GrpcIs(StatusCode::FAILED_PRECONDITION));
  // Only where they are still signed in is listed.
  ASSERT_TRUE(users_->ListSessions(Ctx(*laptop).get(), list, &sessions).ok());
  ASSERT_EQ(sessions.sessions_size(), 1);
  EXPECT_TRUE(sessions.sessions(0).current());

  // Suspended: the session and the token are refused at once, and so is
  // signing in; reactivated, the token works again, the session stays ended.
  v1::SuspendUserRequest suspend;
  suspend.set_name(invited.user().name());
  v1::User user;
  ASSERT_TRUE(users_->SuspendUser(Lead().get(), suspend, &user).ok());
  EXPECT_THAT(Probe(*laptop), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(Probe(token.secret()), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(SignIn(invited.user().email(), kTestPassword, &phone),
              GrpcIs(StatusCode::UNAUTHENTICATED));
  v1::ReactivateUserRequest reactivate;
  reactivate.set_name(invited.user().name());
  ASSERT_TRUE(users_->ReactivateUser(Lead().get(), reactivate, &user).ok());
  EXPECT_TRUE(Probe(token.secret()).ok());
  EXPECT_THAT(Probe(*laptop), GrpcIs(StatusCode::UNAUTHENTICATED));

  // A programme lead cannot suspend themselves.
  ASSERT_TRUE(SignIn(kFirstLeadEmail, kTestPassword, &phone).ok());
  suspend.set_name(phone.user().name());
  EXPECT_THAT(users_->SuspendUser(Lead().get(), suspend, &user),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "cannot suspend yourself"));

  // Signing out ends the session on the server.
  ASSERT_TRUE(SignIn(invited.user().email(), kTestPassword, &phone).ok());
  google::protobuf::Empty empty;
  ASSERT_TRUE(users_->SignOut(Ctx(phone.secret()).get(), {}, &empty).ok());
  EXPECT_THAT(Probe(phone.secret()), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_EQ(AuditDetails("SignOut").size(), 1u);
}

TEST_F(AccountApiTest, ChangingThePasswordEndsEveryOtherSession) {
  const v1::UserWithLink invited = Invite(v1::ROLE_PROGRAMME_LEAD);
  absl::StatusOr<std::string> here = SetPasswordAndSignIn(
      *server_->InProcessChannel(), invited.password_link().secret(), "", kTestPassword);
  ASSERT_TRUE(here.ok());
  v1::SignInResponse elsewhere;
  ASSERT_TRUE(SignIn(invited.user().email(), kTestPassword, &elsewhere).ok());
  v1::ChangePasswordRequest change;
  change.set_current_password("wrong");
  change.set_new_password("a brand new passphrase");
  v1::User user;
  EXPECT_THAT(users_->ChangePassword(Ctx(*here).get(), change, &user),
              GrpcIsWith(StatusCode::INVALID_ARGUMENT, "current_password"));
  change.set_current_password(kTestPassword);
  ASSERT_TRUE(users_->ChangePassword(Ctx(*here).get(), change, &user).ok());
  EXPECT_TRUE(Probe(*here).ok());
  EXPECT_THAT(Probe(elsewhere.secret()), GrpcIs(StatusCode::UNAUTHENTICATED));
  v1::SignInResponse again;
  EXPECT_THAT(SignIn(invited.user().email(), kTestPassword, &again),
              GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(SignIn(invited.user().email(), "a brand new passphrase", &again).ok());
}

TEST_F(AccountApiTest, ATokenCannotManagePeopleNorALeadMakeThemselvesALink) {
  v1::AccessToken lead_token;
  ASSERT_TRUE(CreateToken(lead_token_, &lead_token).ok());
  v1::CreateUserRequest request;
  request.mutable_user()->set_display_name("Mallory");
  request.mutable_user()->set_email("mallory@example.org");
  request.mutable_user()->set_role(v1::ROLE_PROGRAMME_LEAD);
  v1::UserWithLink invited;
  EXPECT_THAT(users_->CreateUser(Ctx(lead_token.secret()).get(), request, &invited),
              GrpcIsWith(StatusCode::PERMISSION_DENIED, "sign in with your password"));
  v1::CreatePasswordLinkRequest reset;
  reset.set_user(lead_token.user());
  EXPECT_THAT(users_->CreatePasswordLink(Ctx(lead_token.secret()).get(), reset, &invited),
              GrpcIs(StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(users_->CreatePasswordLink(Lead().get(), reset, &invited),
              GrpcIsWith(StatusCode::FAILED_PRECONDITION, "change your own password"));
}

TEST_F(AccountApiTest, ANewPasswordByLinkRevokesEveryTokenMadeBefore) {
  const v1::UserWithLink invited = Invite(v1::ROLE_PROGRAMME_LEAD);
  absl::StatusOr<std::string> session = SetPasswordAndSignIn(
      *server_->InProcessChannel(), invited.password_link().secret(), "", kTestPassword);
  ASSERT_TRUE(session.ok());
  v1::AccessToken token;
  ASSERT_TRUE(CreateToken(*session, &token).ok());
  v1::CreatePasswordLinkRequest reset;
  reset.set_user(invited.user().name());
  v1::UserWithLink link;
  ASSERT_TRUE(users_->CreatePasswordLink(Lead().get(), reset, &link).ok());
  EXPECT_TRUE(Probe(token.secret()).ok());  // the link alone changes nothing
  v1::User user;
  ASSERT_TRUE(SetPassword(link.password_link().secret(), "a recovered passphrase", &user).ok());
  EXPECT_THAT(Probe(token.secret()), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(Probe(*session), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(AuditDetails("SetPassword").back(), "1 session(s) ended, 1 token(s) revoked");
}

TEST_F(AccountApiTest, DeletingAPeerSuspendsThePersonWhoWasThem) {
  const v1::Peer peer = MakePeer("Ann Smith", "A Trust", v1::SECTOR_HEALTH, Today() + 400);
  const std::string session = SessionFor(v1::ROLE_PEER, peer.name());
  const std::string token = TokenFor(v1::ROLE_PEER, peer.name());
  v1::DeletePeerRequest remove;
  remove.set_name(peer.name());
  google::protobuf::Empty empty;
  ASSERT_TRUE(peers_->DeletePeer(Lead().get(), remove, &empty).ok());
  EXPECT_THAT(Probe(session), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(Probe(token), GrpcIs(StatusCode::UNAUTHENTICATED));
  EXPECT_THAT(AuditDetails("DeletePeer"), ::testing::ElementsAre("2 person(s) suspended"));
}

TEST_F(AccountApiTest, UsersMeIsWhoeverCalls) {
  const v1::UserWithLink invited = Invite(v1::ROLE_PROGRAMME_LEAD);
  absl::StatusOr<std::string> session = SetPasswordAndSignIn(
      *server_->InProcessChannel(), invited.password_link().secret(), "", kTestPassword);
  ASSERT_TRUE(session.ok());
  v1::GetUserRequest request;
  request.set_name("users/me");
  v1::User me;
  ASSERT_TRUE(users_->GetUser(Ctx(*session).get(), request, &me).ok());
  EXPECT_EQ(me.name(), invited.user().name());
  EXPECT_EQ(me.role(), v1::ROLE_PROGRAMME_LEAD);
  EXPECT_THAT(users_->GetUser(Ctx("").get(), request, &me), GrpcIs(StatusCode::UNAUTHENTICATED));
}

}  // namespace
}  // namespace hc::testing
