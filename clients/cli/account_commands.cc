#include "clients/cli/account_commands.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/cli/durable_file.h"
#include "clients/cli/errors.h"
#include "clients/cli/names.h"
#include "clients/cli/options.h"
#include "clients/cli/output.h"
#include "clients/cli/paging.h"
#include "clients/cli/values.h"
#include "clients/cli/views.h"
#include "healthcheck/v1/access.grpc.pb.h"
#include "healthcheck/v1/user.grpc.pb.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

constexpr absl::string_view kUsers = "users";

std::unique_ptr<v1::UserService::Stub> UserStub(const Connection& connection) {
  return v1::UserService::NewStub(connection.channel());
}

// The first line of `text`, without its line ending.
std::string FirstLine(absl::string_view text) {
  return std::string(absl::StripSuffix(text.substr(0, text.find('\n')), "\r"));
}

// A password from --password-file (- for standard input), else typed at the
// terminal without echo, else the first line of standard input.
absl::StatusOr<std::string> ReadPassword(const FlagValues& flags, absl::string_view prompt) {
  if (flags.Has("password-file") && flags.Get("password-file") != "-") {
    absl::StatusOr<std::string> text = ReadFile("--password-file", flags.Get("password-file"));
    if (!text.ok()) return text.status();
    return FirstLine(*text);
  }
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::cerr << prompt << ": " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << "\n";
  }
  line = FirstLine(line);
  if (line.empty()) return UsageError("no password given");
  return line;
}

FlagSpec PasswordFileFlag() {
  return {"password-file", "PATH",
          "Read the password from this file's first line (- for standard input); without it, "
          "it is asked for at the terminal or read from standard input."};
}

std::string PersonText(const v1::User& user) {
  Fields fields;
  fields.Add("name", user.name());
  fields.Add("display name", user.display_name());
  fields.Add("email", user.email());
  fields.Add("role", EnumLabel(user.role()));
  fields.Add("peer", user.peer());
  fields.Add("partnership", user.partnership());
  fields.Add("state", EnumLabel(user.state()));
  fields.Add("password set", user.has_password() ? "yes" : "no");
  return fields.Render();
}

std::string PersonWithLinkText(const v1::UserWithLink& invited) {
  return absl::StrCat(PersonText(invited.user()),
                      "\nSET-PASSWORD LINK (single use, until ",
                      FormatTime(invited.password_link().expire_time()),
                      "; give it to the person, it is not shown again):\n  ",
                      invited.password_link().uri(), "\n");
}

std::string PeopleTable(const v1::ListUsersResponse& response) {
  Table table({"NAME", "DISPLAY NAME", "EMAIL", "ROLE", "STATE"});
  for (const v1::User& user : response.users()) {
    table.AddRow({user.name(), user.display_name(), user.email(), EnumLabel(user.role()),
                  EnumLabel(user.state())});
  }
  return table.Render();
}

absl::Status Login(const Invocation& invocation) {
  absl::StatusOr<std::string> password = ReadPassword(invocation.flags, "Password");
  if (!password.ok()) return password.status();
  v1::SignInRequest sign_in;
  sign_in.set_email(invocation.flags.Get("email"));
  sign_in.set_password(*password);
  v1::SignInResponse session;
  auto users = UserStub(invocation.connection);
  absl::Status status = invocation.connection.Call(
      Retry::kNever,
      [&](grpc::ClientContext& context) { return users->SignIn(&context, sign_in, &session); });
  if (!status.ok()) return status;
  if (invocation.flags.IsOn("session")) {
    // The session itself, for what only a signed-in person may do.
    const std::string secret = absl::StrCat(session.secret(), "\n");
    if (invocation.flags.Has("save")) {
      absl::Status saved = WriteFileDurably(invocation.flags.Get("save"), secret);
      if (!saved.ok()) return saved;
    }
    session.clear_secret();
    return Show(invocation, session,
                absl::StrCat("Signed in until ", FormatTime(session.session().expire_time()),
                             invocation.flags.Has("save")
                                 ? absl::StrCat("; the session is saved in ",
                                                invocation.flags.Get("save"), ".\n")
                                 : absl::StrCat(":\n  ", secret)));
  }
  // The session makes the token and is then ended: hcctl keeps the token.
  const Connection as_session = invocation.connection.WithToken(session.secret());
  v1::CreateAccessTokenRequest create;
  create.mutable_access_token()->set_display_name(
      invocation.flags.Has("token-name") ? invocation.flags.Get("token-name") : "hcctl");
  v1::AccessToken token;
  auto access = v1::AccessService::NewStub(invocation.connection.channel());
  status = as_session.Call(Retry::kNever, [&](grpc::ClientContext& context) {
    return access->CreateAccessToken(&context, create, &token);
  });
  v1::SignOutRequest sign_out;
  google::protobuf::Empty ended;
  absl::Status signed_out = as_session.Call(Retry::kWhenTransient, [&](grpc::ClientContext& c) {
    return users->SignOut(&c, sign_out, &ended);
  });
  if (!status.ok()) return status;
  if (invocation.flags.Has("save")) {
    absl::Status saved =
        WriteFileDurably(invocation.flags.Get("save"), absl::StrCat(token.secret(), "\n"));
    if (!saved.ok()) return saved;
    token.clear_secret();
    return Show(invocation, token,
                absl::StrCat(AccessTokenText(token), "\nThe secret is saved in ",
                             invocation.flags.Get("save"), " (readable by you only).\n"));
  }
  if (!signed_out.ok()) invocation.err << "note: the sign-in session could not be ended\n";
  return Show(invocation, token, NewAccessTokenText(token));
}

absl::Status SetPassword(const Invocation& invocation) {
  // The link as given, or only its key.
  absl::string_view key = invocation.args[0];
  if (const size_t at = key.find("key="); at != absl::string_view::npos) {
    key = key.substr(at + 4);
  }
  absl::StatusOr<std::string> password = ReadPassword(invocation.flags, "New password");
  if (!password.ok()) return password.status();
  v1::SetPasswordRequest request;
  request.set_link_secret(std::string(key));
  request.set_password(*password);
  request.set_email(invocation.flags.Get("email"));
  v1::User user;
  auto users = UserStub(invocation.connection);
  absl::Status status = invocation.connection.Call(
      Retry::kNever,
      [&](grpc::ClientContext& context) { return users->SetPassword(&context, request, &user); });
  if (!status.ok()) return status;
  return Show(invocation, user, absl::StrCat(PersonText(user), "\nThe password is set.\n"));
}

absl::StatusOr<std::string> UserName(const Invocation& invocation) {
  return ResourceName(kUsers, "PERSON", invocation.args[0]);
}

absl::Status Invite(const Invocation& invocation) {
  v1::CreateUserRequest request;
  v1::User& user = *request.mutable_user();
  user.set_display_name(invocation.flags.Get("display-name"));
  user.set_email(invocation.flags.Get("email"));
  absl::StatusOr<v1::Role> role = ParseEnum<v1::Role>("role", invocation.flags.Get("role"));
  if (!role.ok()) return role.status();
  user.set_role(*role);
  if (invocation.flags.Has("peer")) {
    absl::StatusOr<std::string> peer = ResourceName(kPeers, "--peer", invocation.flags.Get("peer"));
    if (!peer.ok()) return peer.status();
    user.set_peer(*peer);
  }
  if (invocation.flags.Has("partnership")) {
    absl::StatusOr<std::string> partnership =
        ResourceName(kPartnerships, "--partnership", invocation.flags.Get("partnership"));
    if (!partnership.ok()) return partnership.status();
    user.set_partnership(*partnership);
  }
  v1::UserWithLink response;
  auto users = UserStub(invocation.connection);
  absl::Status status = invocation.connection.Call(
      Retry::kNever,
      [&](grpc::ClientContext& context) { return users->CreateUser(&context, request, &response); });
  if (!status.ok()) return status;
  return Show(invocation, response, PersonWithLinkText(response));
}

absl::Status List(const Invocation& invocation) {
  auto users = UserStub(invocation.connection);
  return ListPages<v1::ListUsersResponse>(
      invocation,
      [&](const Paging& paging, v1::ListUsersResponse& page) {
        v1::ListUsersRequest request;
        request.set_page_size(paging.page_size);
        request.set_page_token(paging.page_token);
        return invocation.connection.Call(Retry::kWhenTransient, [&](grpc::ClientContext& c) {
          return users->ListUsers(&c, request, &page);
        });
      },
      PeopleTable);
}

// A command on one person that answers with the person.
template <typename Request>
Handler OnePerson(grpc::Status (v1::UserService::Stub::*rpc)(grpc::ClientContext*,
                                                             const Request&, v1::User*),
                  Retry retry) {
  return [rpc, retry](const Invocation& invocation) -> absl::Status {
    absl::StatusOr<std::string> name = UserName(invocation);
    if (!name.ok()) return name.status();
    Request request;
    request.set_name(*name);
    v1::User user;
    auto users = UserStub(invocation.connection);
    absl::Status status = invocation.connection.Call(retry, [&](grpc::ClientContext& context) {
      return ((*users).*rpc)(&context, request, &user);
    });
    if (!status.ok()) return status;
    return Show(invocation, user, PersonText(user));
  };
}

absl::Status NewLink(const Invocation& invocation) {
  absl::StatusOr<std::string> name = UserName(invocation);
  if (!name.ok()) return name.status();
  v1::CreatePasswordLinkRequest request;
  request.set_user(*name);
  v1::UserWithLink response;
  auto users = UserStub(invocation.connection);
  absl::Status status = invocation.connection.Call(Retry::kNever, [&](grpc::ClientContext& c) {
    return users->CreatePasswordLink(&c, request, &response);
  });
  if (!status.ok()) return status;
  return Show(invocation, response, PersonWithLinkText(response));
}

}  // namespace

CommandGroup LoginCommand() {
  Command login{"",
                {},
                "Sign in and save a personal access token for hcctl.",
                "Signs in with your email and password, creates an access token that acts as "
                "you, and ends the sign-in session (with --session, keeps the session instead). "
                "With --save the secret goes to a file only you can read (use it as "
                "--token-file or HC_TOKEN_FILE); otherwise it is printed once.",
                {{"email", "EMAIL", "Your email address.", false, /*required=*/true},
                 PasswordFileFlag(),
                 {"token-name", "TEXT", "What the token is for (default \"hcctl\")."},
                 {"session", "",
                  "Keep the sign-in session (8 idle hours, 12 in all) instead of making a token: "
                  "what managing people takes."},
                 {"save", "PATH", "Write the secret to this file, readable by you only."}},
                Login};
  login.without_token = true;
  return {"login", "Sign in and save an access token for hcctl.", {login}};
}

CommandGroup SetPasswordCommand() {
  Command set{"",
              {"LINK"},
              "Set your password with a set-password link.",
              "LINK is the link you were given (or only its key). The link works once.",
              {PasswordFileFlag(),
               {"email", "EMAIL",
                "Your email address, if the link asks for one (the first programme lead)."}},
              SetPassword};
  set.without_token = true;
  return {"set-password", "Set your password with a set-password link.", {set}};
}

CommandGroup PeopleCommands() {
  return {
      "people",
      "The people who sign in, and their set-password links (programme leads).",
      {
          {"invite",
           {},
           "Invite a person and print their set-password link, once.",
           "The link works once, for 72 hours. Not retried automatically.",
           {{"display-name", "TEXT", "Their name.", false, /*required=*/true},
            {"email", "EMAIL", "Their email address.", false, /*required=*/true},
            {"role", "ROLE",
             absl::StrCat("Their role. One of: ", EnumChoices(*v1::Role_descriptor()), "."),
             false, /*required=*/true},
            {"peer", "PEER", "For --role=peer: the peer they are."},
            {"partnership", "PARTNERSHIP",
             "For --role=partnership_contact: their partnership."}},
           Invite},
          {"list", {}, "List people, oldest first.", "", PagingFlags(), List},
          {"show", {"PERSON"}, "Show a person.", "", {},
           OnePerson<v1::GetUserRequest>(&v1::UserService::Stub::GetUser, Retry::kWhenTransient)},
          {"suspend", {"PERSON"}, "Suspend a person: their sessions end, their tokens stop.", "",
           {},
           OnePerson<v1::SuspendUserRequest>(&v1::UserService::Stub::SuspendUser, Retry::kNever)},
          {"reactivate", {"PERSON"}, "Let a suspended person sign in again.", "", {},
           OnePerson<v1::ReactivateUserRequest>(&v1::UserService::Stub::ReactivateUser,
                                                Retry::kNever)},
          {"new-link", {"PERSON"}, "Give a person a new set-password link (a reset).",
           "Their older links stop working.", {}, NewLink},
      }};
}

}  // namespace hc::cli
