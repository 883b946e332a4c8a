#include "clients/cli/options.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/errors.h"

namespace hc::cli {
namespace {

constexpr char kDefaultServer[] = "127.0.0.1:8443";
constexpr double kDefaultTimeoutSeconds = 10;

// The value of flag `name` if given, else of environment variable `env`,
// else "".
std::string FlagOrEnv(const FlagValues& flags, absl::string_view name,
                      const char* env) {
  if (flags.Has(name)) return flags.Get(name);
  const char* value = std::getenv(env);
  return value == nullptr ? std::string() : std::string(value);
}


// The token from --token, --token-file, HC_TOKEN or HC_TOKEN_FILE, in that
// order. It must be non-empty printable ASCII without spaces, as HTTP/2
// header values require.
absl::StatusOr<std::string> ResolveToken(const FlagValues& flags) {
  if (flags.Has("token") && flags.Has("token-file")) {
    return UsageError("give --token or --token-file, not both");
  }
  std::string token = flags.Has("token-file")
                          ? std::string()
                          : FlagOrEnv(flags, "token", "HC_TOKEN");
  if (token.empty()) {
    const std::string path = FlagOrEnv(flags, "token-file", "HC_TOKEN_FILE");
    if (path.empty()) {
      return UsageError(
          "no token: give --token or --token-file (or set HC_TOKEN or "
          "HC_TOKEN_FILE)");
    }
    absl::StatusOr<std::string> contents = ReadFile("token file", path);
    if (!contents.ok()) return contents.status();
    token = std::string(absl::StripAsciiWhitespace(*contents));
  }
  const bool printable = !token.empty() && absl::c_all_of(token, [](char c) {
    return c > ' ' && c < 0x7f;
  });
  if (!printable) {
    return UsageError("the token is empty or has spaces or control characters");
  }
  return token;
}

absl::StatusOr<absl::Duration> ResolveTimeout(const FlagValues& flags) {
  if (!flags.Has("timeout")) return absl::Seconds(kDefaultTimeoutSeconds);
  double seconds = 0;
  if (!absl::SimpleAtod(flags.Get("timeout"), &seconds) || !(seconds > 0) ||
      seconds > 86400) {
    return UsageError(absl::StrCat("invalid --timeout \"", flags.Get("timeout"),
                                   "\": expected seconds, above 0 and at "
                                   "most 86400"));
  }
  return absl::Seconds(seconds);
}

}  // namespace

std::vector<FlagSpec> GlobalFlagSpecs() {
  return {
      {"server", "HOST:PORT",
       absl::StrCat("The server (env HC_SERVER, default ", kDefaultServer,
                    ").")},
      {"token", "TOKEN", "The bearer token (env HC_TOKEN)."},
      {"token-file", "PATH",
       "A file holding the bearer token (env HC_TOKEN_FILE)."},
      {"tls-ca", "PATH",
       "PEM root certificates; use TLS. Without it the channel is "
       "plaintext."},
      {"timeout", "SECONDS", "The deadline of each call (default 10)."},
      {"json", "", "Print the response as one JSON document."},
      {"help", "", "Show help for the command and exit."},
  };
}

absl::StatusOr<std::string> ReadFile(absl::string_view what,
                                     const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  if (!file.is_open() || file.bad()) {
    return UsageError(absl::StrCat("cannot read ", what, " \"", path, "\""));
  }
  return contents.str();
}

absl::StatusOr<GlobalOptions> ResolveGlobalOptions(const FlagValues& flags,
                                                   bool token_required) {
  GlobalOptions options;
  options.server = FlagOrEnv(flags, "server", "HC_SERVER");
  if (options.server.empty()) options.server = kDefaultServer;
  // A command that proves who it is by its own means reads no token at all.
  if (token_required) {
    absl::StatusOr<std::string> token = ResolveToken(flags);
    if (!token.ok()) return token.status();
    options.token = *std::move(token);
  }
  if (flags.Has("tls-ca")) {
    absl::StatusOr<std::string> pem = ReadFile("--tls-ca", flags.Get("tls-ca"));
    if (!pem.ok()) return pem.status();
    if (!absl::StrContains(*pem, "-----BEGIN CERTIFICATE-----")) {
      return UsageError(absl::StrCat("--tls-ca file \"", flags.Get("tls-ca"),
                                     "\" holds no PEM certificate"));
    }
    options.tls_ca_pem = *std::move(pem);
  }
  absl::StatusOr<absl::Duration> timeout = ResolveTimeout(flags);
  if (!timeout.ok()) return timeout.status();
  options.timeout = *timeout;
  options.json = flags.IsOn("json");
  return options;
}

}  // namespace hc::cli
