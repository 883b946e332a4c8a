#ifndef HC_SERVICES_SERVER_SERVER_H_
#define HC_SERVICES_SERVER_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "core/domain/engagement.h"
#include "services/http/http_server.h"

namespace hc::app {
class ReportRenderer;
}  // namespace hc::app

namespace hc::services {

// Everything the server binary is configured with. Filled from flags by
// main.cc and from code by tests.
struct ServerConfig {
  // host:port; port 0 picks a free one; empty serves in-process only.
  std::string listen_address = "127.0.0.1:8443";
  std::string store_path = "healthcheck.db";
  // Where AdminService.CreateBackup writes (made, owner-only, if missing).
  // Empty: `<store_path>.backups`.
  std::string backup_dir;
  // Where a start on a store whose no programme lead can sign in yet (a new
  // one, say) writes the set-password link of the first programme lead
  // (mode 0600). Empty: `<store_path>.first-lead-link`.
  std::string first_lead_link_file;
  // PEM files; both set for TLS, both empty for plaintext.
  std::string tls_cert_file;
  std::string tls_key_file;
  // Where respondents' web form listens (host:port; port 0 picks one; empty:
  // no web form).
  std::string http_listen_address = "127.0.0.1:8080";
  // What one client may hold of the HTTP port.
  HttpLimits http_limits;
  // The web app's address as its users reach it ("https://hc.example.org"):
  // links the server gives out start with it, and with https its session
  // cookie is Secure and __Host-. Empty: http://<http host>:<bound port>.
  std::string public_origin;
  // What an invitation's link is: this prefix and the invitation's token.
  // Empty: `<public_origin>/q/`.
  std::string invitation_link_prefix;
  // The report's and the plan's default due dates, in weeks (1-52 each).
  domain::DueDateRules due_date_rules;
  int worker_threads = 32;
  // Calls that may wait for a worker; beyond, RESOURCE_EXHAUSTED at once.
  int max_queued_calls = 1024;
  // Calls one token (or the calls without one, together) may have waiting
  // or running at once; beyond, RESOURCE_EXHAUSTED at once.
  int max_calls_per_token = 128;
  // The gRPC port's limits: streams open at once on one connection, memory
  // for every connection's buffers together, and how long a connection
  // may sit idle or take to handshake before it is closed.
  int max_streams_per_connection = 100;
  int64_t grpc_memory_bytes = int64_t{256} << 20;
  absl::Duration idle_connection_timeout = absl::Seconds(30);
  absl::Duration handshake_timeout = absl::Seconds(10);
  int store_readers = 4;
  // At start, check the whole store (PRAGMA integrity_check) rather than
  // its structure only (quick_check).
  bool full_integrity_check = false;
  int max_message_bytes = 4 << 20;
  // Registers the benchmarks' bare echo service.
  bool enable_echo = false;
  // The SQLite VFS the store is opened with; empty: the default. Tests
  // inject disk failures through one.
  std::string store_vfs;
  // Lays report versions out as HTML and PDF; null: the built-in renderer
  // (report::DocumentRenderer). Tests set a faster one.
  std::shared_ptr<const app::ReportRenderer> report_renderer;
};

// The composed server: store, use cases, gRPC services, health service and
// reflection. Thread-safe.
class HealthCheckServer {
 public:
  // Opens, checks and migrates the store, creates the first token on an
  // empty store, and starts listening. Errors: the store's
  // (FAILED_PRECONDITION for a newer schema, a store another process holds
  // or one this process cannot write; DATA_LOSS for a damaged one),
  // INVALID_ARGUMENT for bad TLS settings or due-date
  // rules outside 1-52 weeks, UNAVAILABLE if
  // the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<HealthCheckServer>> Start(const ServerConfig& config);
  // Shuts down (as Shutdown with no grace) if still running.
  ~HealthCheckServer();

  // The bound TCP port (useful with port 0).
  int port() const;
  // The web form's bound port, or 0 without one.
  int http_port() const;
  // A channel straight into this server, for tests.
  std::shared_ptr<grpc::Channel> InProcessChannel();
  // Stops accepting calls, lets calls in flight finish for up to `grace`
  // (then cancels them), drains the workers and closes the store cleanly.
  void Shutdown(absl::Duration grace);

 private:
  struct Parts;
  explicit HealthCheckServer(std::unique_ptr<Parts> parts);

  std::unique_ptr<Parts> parts_;
};

}  // namespace hc::services

#endif  // HC_SERVICES_SERVER_SERVER_H_
