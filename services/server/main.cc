// hc_server: the health-check case-management server. The composition root:
// reads flags, starts the server, and shuts it down gracefully on SIGTERM or
// SIGINT.

#include <signal.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "absl/strings/str_cat.h"
#include "services/common/log.h"
#include "services/server/server.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:8443", "Address to listen on, host:port (port 0 picks one)");
ABSL_FLAG(std::string, store, "healthcheck.db", "Path of the SQLite store (created if missing)");
ABSL_FLAG(std::string, token_file, "",
          "Where the first start on an empty store writes the programme lead's token "
          "(default: <store>.token)");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain; with --tls_key enables TLS");
ABSL_FLAG(std::string, tls_key, "", "PEM private key; with --tls_cert enables TLS");
ABSL_FLAG(std::string, http_listen, "127.0.0.1:8080",
          "Where respondents' web form listens, host:port (empty: no web form)");
ABSL_FLAG(std::string, invitation_link_prefix, "",
          "Invitation links are this prefix followed by the invitation's token (default: "
          "http://<http_listen host>:<port>/q/; set the public address behind a proxy)");
ABSL_FLAG(int, report_due_weeks, 4,
          "The report's default due date: this many weeks after fieldwork day 3 (1-52)");
ABSL_FLAG(int, plan_due_weeks, 8,
          "The improvement plan's default due date: this many weeks after the report's "
          "publication (1-52)");
ABSL_FLAG(int, workers, 32, "Worker threads for request handling");
ABSL_FLAG(int, store_readers, 4, "Read-only store connections");
ABSL_FLAG(int, max_message_bytes, 4 << 20, "Largest request or response accepted");
ABSL_FLAG(int, shutdown_grace_seconds, 10, "How long calls in flight may run on at shutdown");
ABSL_FLAG(bool, enable_echo, false, "Register the benchmarks' bare echo service");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("The partnership health-check server. Usage: hc_server [flags]");
  absl::ParseCommandLine(argc, argv);

  // Debian's Abseil is built with mutex deadlock detection on; gRPC's locks
  // are absl::Mutex, and the graph it keeps costs a few percent of CPU.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  // The store and its token file hold confidential data: owner-only files.
  umask(0077);

  // Block the stop signals before any thread starts, so that only sigwait
  // below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  hc::services::ServerConfig config;
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.store_path = absl::GetFlag(FLAGS_store);
  config.token_file = absl::GetFlag(FLAGS_token_file);
  config.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  config.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  config.http_listen_address = absl::GetFlag(FLAGS_http_listen);
  config.invitation_link_prefix = absl::GetFlag(FLAGS_invitation_link_prefix);
  config.due_date_rules.report_due_weeks = absl::GetFlag(FLAGS_report_due_weeks);
  config.due_date_rules.plan_due_weeks = absl::GetFlag(FLAGS_plan_due_weeks);
  config.worker_threads = absl::GetFlag(FLAGS_workers);
  config.store_readers = absl::GetFlag(FLAGS_store_readers);
  config.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  config.enable_echo = absl::GetFlag(FLAGS_enable_echo);

  auto server = hc::services::HealthCheckServer::Start(config);
  if (!server.ok()) {
    hc::services::LogLine("error", "start_failed", {{"reason", server.status().ToString()}});
    return EXIT_FAILURE;
  }

  int received = 0;
  sigwait(&stop_signals, &received);
  hc::services::LogLine("info", "stopping", {{"signal", received == SIGTERM ? "SIGTERM" : "SIGINT"}});
  (*server)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_shutdown_grace_seconds)));
  return EXIT_SUCCESS;
}
