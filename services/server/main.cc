// hc_server: the health-check case-management server. The composition root:
// reads flags, starts the server, and shuts it down gracefully on SIGTERM or
// SIGINT.

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/synchronization/mutex.h"
#include "absl/strings/str_cat.h"
#include "core/storage/sqlite/backup.h"
#include "services/common/log.h"
#include "services/server/server.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:8443", "Address to listen on, host:port (port 0 picks one)");
ABSL_FLAG(std::string, store, "healthcheck.db", "Path of the SQLite store (created if missing)");
ABSL_FLAG(std::string, backup_dir, "",
          "Where backups are written (default: <store>.backups, made owner-only if missing)");
ABSL_FLAG(std::string, restore, "",
          "Restore the store from this backup file and exit: the backup is checked first "
          "(every page, the schema version, the audit chain) and the store's current files are "
          "kept beside it as <store>.replaced-<time>. Stop the server first.");
ABSL_FLAG(std::string, first_lead_link_file, "",
          "Where a start on a store on which no programme lead can sign in yet (a new one) "
          "writes the first programme lead's set-password link, readable by the server's user "
          "only (default: <store>.first-lead-link)");
ABSL_FLAG(std::string, public_origin, "",
          "The web app's address as its users reach it, such as https://hc.example.org: links "
          "start with it, and with https the session cookie is Secure (default: "
          "http://<http_listen>)");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain; with --tls_key enables TLS");
ABSL_FLAG(std::string, tls_key, "", "PEM private key; with --tls_cert enables TLS");
ABSL_FLAG(std::string, http_listen, "127.0.0.1:8080",
          "Where respondents' web form listens, host:port (empty: no web form)");
ABSL_FLAG(int, http_max_connections, 4000, "Connections the HTTP port holds at once");
ABSL_FLAG(int, http_max_connections_per_address, 64,
          "Connections one client address may hold on the HTTP port (behind a reverse proxy, "
          "which every client reaches the server through, set it to --http_max_connections)");
ABSL_FLAG(int, http_idle_seconds, 30, "An HTTP connection silent this long is closed");
ABSL_FLAG(bool, trust_x_forwarded_for, false,
          "Behind a reverse proxy (only then: anyone could send it), take each client's address "
          "from the last entry of X-Forwarded-For, for the sign-in limits and the audit log");
ABSL_FLAG(std::string, invitation_link_prefix, "",
          "Invitation links are this prefix followed by the invitation's token (default: "
          "<public_origin>/q/)");
ABSL_FLAG(int, report_due_weeks, 4,
          "The report's default due date: this many weeks after fieldwork day 3 (1-52)");
ABSL_FLAG(int, plan_due_weeks, 8,
          "The improvement plan's default due date: this many weeks after the report's "
          "publication (1-52)");
ABSL_FLAG(int, workers, 32, "Worker threads for request handling");
ABSL_FLAG(int, max_queued_calls, 1024,
          "Calls that may wait for a worker; beyond, calls are refused at once "
          "(RESOURCE_EXHAUSTED)");
ABSL_FLAG(int, max_calls_per_token, 128,
          "Calls one token may have waiting or running at once; beyond, its calls are refused "
          "at once (RESOURCE_EXHAUSTED), so one client cannot crowd out the others");
ABSL_FLAG(int, max_streams_per_connection, 100, "Calls one gRPC connection may have open at once");
ABSL_FLAG(int, grpc_memory_mb, 256, "Memory for every gRPC connection's buffers together");
ABSL_FLAG(int, idle_connection_seconds, 30, "A gRPC connection with no call is closed after this");
ABSL_FLAG(int, store_readers, 4, "Read-only store connections");
ABSL_FLAG(bool, integrity_check, false,
          "At start, check every page of the store (PRAGMA integrity_check; slower) instead of "
          "its structure only (quick_check)");
ABSL_FLAG(int, max_message_bytes, 4 << 20, "Largest request or response accepted");
ABSL_FLAG(int, shutdown_grace_seconds, 10, "How long calls in flight may run on at shutdown");
ABSL_FLAG(bool, enable_echo, false, "Register the benchmarks' bare echo service");

namespace {

// --restore: puts a checked backup in place of the store, then exits.
int Restore(const std::string& backup, const std::string& store) {
  absl::StatusOr<hc::app::BackupSummary> restored = hc::storage::RestoreBackup(backup, store);
  if (!restored.ok()) {
    hc::services::LogLine("error", "restore_failed", {{"reason", restored.status().ToString()}});
    return EXIT_FAILURE;
  }
  hc::services::LogLine(
      "info", "restored",
      {{"backup", backup},
       {"store", store},
       {"schema_version", absl::StrCat(restored->schema_version)},
       {"audit_head",
        absl::StrCat(restored->audit_head_sequence, ":", restored->audit_head_hash)}});
  return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("The partnership health-check server. Usage: hc_server [flags]");
  absl::ParseCommandLine(argc, argv);

  // Debian's Abseil is built with mutex deadlock detection on; gRPC's locks
  // are absl::Mutex, and the graph it keeps costs a few percent of CPU.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  // The store and its link file hold confidential data: owner-only files.
  umask(0077);

  // Every connection is a descriptor: allow as many as the system lets this
  // process have (the HTTP port alone may hold --http_max_connections).
  if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }

  // Block the stop signals before any thread starts, so that only sigwait
  // below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  if (const std::string backup = absl::GetFlag(FLAGS_restore); !backup.empty()) {
    return Restore(backup, absl::GetFlag(FLAGS_store));
  }

  hc::services::ServerConfig config;
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.store_path = absl::GetFlag(FLAGS_store);
  config.backup_dir = absl::GetFlag(FLAGS_backup_dir);
  config.first_lead_link_file = absl::GetFlag(FLAGS_first_lead_link_file);
  config.public_origin = absl::GetFlag(FLAGS_public_origin);
  config.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  config.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  config.http_listen_address = absl::GetFlag(FLAGS_http_listen);
  config.http_limits.max_connections = absl::GetFlag(FLAGS_http_max_connections);
  config.http_limits.max_connections_per_address =
      absl::GetFlag(FLAGS_http_max_connections_per_address);
  config.http_limits.idle_timeout_seconds = absl::GetFlag(FLAGS_http_idle_seconds);
  config.http_limits.trust_forwarded_for = absl::GetFlag(FLAGS_trust_x_forwarded_for);
  config.invitation_link_prefix = absl::GetFlag(FLAGS_invitation_link_prefix);
  config.due_date_rules.report_due_weeks = absl::GetFlag(FLAGS_report_due_weeks);
  config.due_date_rules.plan_due_weeks = absl::GetFlag(FLAGS_plan_due_weeks);
  config.worker_threads = absl::GetFlag(FLAGS_workers);
  config.max_queued_calls = absl::GetFlag(FLAGS_max_queued_calls);
  config.max_calls_per_token = absl::GetFlag(FLAGS_max_calls_per_token);
  config.max_streams_per_connection = absl::GetFlag(FLAGS_max_streams_per_connection);
  config.grpc_memory_bytes = int64_t{absl::GetFlag(FLAGS_grpc_memory_mb)} << 20;
  config.idle_connection_timeout = absl::Seconds(absl::GetFlag(FLAGS_idle_connection_seconds));
  config.store_readers = absl::GetFlag(FLAGS_store_readers);
  config.full_integrity_check = absl::GetFlag(FLAGS_integrity_check);
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
