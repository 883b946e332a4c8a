#include "services/server/server.h"

#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/resource_quota.h>

#include "absl/strings/str_cat.h"
#include "core/app/access_app_service.h"
#include "core/app/user_app_service.h"
#include "core/app/admin_app_service.h"
#include "core/app/engagement_app_service.h"
#include "core/app/evidence_app_service.h"
#include "core/app/finding_app_service.h"
#include "core/app/improvement_plan_app_service.h"
#include "core/app/fieldwork_app_service.h"
#include "core/app/framework_app_service.h"
#include "core/app/partnership_app_service.h"
#include "core/app/peer_app_service.h"
#include "core/app/programme_app_service.h"
#include "core/app/questionnaire_app_service.h"
#include "core/app/questionnaire_results_app_service.h"
#include "core/app/report_app_service.h"
#include "core/app/respondent_app_service.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/sqlite_store.h"
#include "services/access/access_grpc_service.h"
#include "services/user/user_grpc_service.h"
#include "services/admin/admin_grpc_service.h"
#include "services/common/call_runner.h"
#include "services/common/executor.h"
#include "services/common/log.h"
#include "services/common/unreadable_request.h"
#include "services/echo/echo_grpc_service.h"
#include "services/engagement/engagement_grpc_service.h"
#include "services/evidence/evidence_grpc_service.h"
#include "services/finding/finding_grpc_service.h"
#include "services/improvement_plan/improvement_plan_grpc_service.h"
#include "services/fieldwork/fieldwork_grpc_service.h"
#include "services/framework/framework_files.h"
#include "services/framework/framework_grpc_service.h"
#include "services/framework/proto_framework_codec.h"
#include "services/partnership/partnership_grpc_service.h"
#include "services/peer/peer_grpc_service.h"
#include "services/programme/programme_grpc_service.h"
#include "services/questionnaire/questionnaire_grpc_service.h"
#include "services/web/app_routes.h"
#include "services/web/connect_routes.h"
#include "core/report/document_renderer.h"
#include "services/report/report_grpc_service.h"
#include "services/web/report_routes.h"
#include "services/web/respondent_routes.h"
#include "services/web/web_auth.h"
#include "services/web/web_server.h"

namespace hc::services {

// Declared in destruction order's reverse: the gRPC server goes first, then
// the workers, then the store.
struct HealthCheckServer::Parts {
  // Told by the store, from its own thread, that a disk failure stopped it.
  std::mutex health_mu;
  grpc::Server* serving = nullptr;  // while the gRPC server runs
  bool store_stopped = false;
  std::unique_ptr<storage::SqliteStore> store;
  app::SystemClock clock;
  app::RandomIdSource ids;
  std::unique_ptr<app::AccessAppService> access;
  std::unique_ptr<app::UserAppService> users;
  std::unique_ptr<BrowserSessions> sessions;
  std::unique_ptr<app::AdminAppService> admin;
  std::unique_ptr<app::PartnershipAppService> partnerships;
  std::unique_ptr<app::PeerAppService> peers;
  std::unique_ptr<app::EngagementAppService> engagements;
  std::unique_ptr<app::ProgrammeAppService> programme;
  ProtoFrameworkCodec framework_codec;
  std::unique_ptr<app::FrameworkAppService> frameworks;
  std::unique_ptr<app::QuestionnaireAppService> questionnaires;
  std::unique_ptr<app::QuestionnaireResultsAppService> results;
  std::unique_ptr<app::RespondentAppService> respondents;
  std::unique_ptr<app::FieldworkAppService> fieldwork;
  std::unique_ptr<app::EvidenceAppService> evidence;
  std::unique_ptr<app::FindingAppService> findings;
  std::unique_ptr<app::ImprovementPlanAppService> plans;
  std::shared_ptr<const app::ReportRenderer> report_renderer;
  std::unique_ptr<app::ReportAppService> reports;
  std::unique_ptr<Executor> executor;
  std::unique_ptr<CallRunner> runner;
  std::vector<std::unique_ptr<grpc::Service>> services;
  std::unique_ptr<grpc::Server> server;
  std::unique_ptr<WebServer> web;
  int port = 0;

  // Fail-stop: the store refuses everything from now on, so the server says
  // it is not serving (load balancers and orchestrators watch the health
  // service) and the log says why, for the operator who must restart it.
  void StoreStopped(const absl::Status& cause) {
    LogLine("error", "store_stopped",
            {{"reason", cause.ToString()},
             {"action",
             "fix the disk, then restart the server: it recovers from what is on disk"}});
    std::lock_guard<std::mutex> lock(health_mu);
    store_stopped = true;
    if (serving != nullptr) serving->GetHealthCheckService()->SetServingStatus(false);
  }
  // Called once the gRPC server runs (`running`) and before it stops (null).
  void ServeHealth(grpc::Server* running) {
    std::lock_guard<std::mutex> lock(health_mu);
    serving = running;
    if (serving != nullptr && store_stopped) serving->GetHealthCheckService()->SetServingStatus(false);
  }
};

namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerConfig& config) {
  if (config.tls_cert_file.empty() && config.tls_key_file.empty()) {
    return grpc::InsecureServerCredentials();
  }
  if (config.tls_cert_file.empty() || config.tls_key_file.empty()) {
    return absl::InvalidArgumentError("TLS needs both a certificate and a key file");
  }
  grpc::SslServerCredentialsOptions options;
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  HC_ASSIGN_OR_RETURN(pair.private_key, ReadFile(config.tls_key_file));
  HC_ASSIGN_OR_RETURN(pair.cert_chain, ReadFile(config.tls_cert_file));
  options.pem_key_cert_pairs.push_back(std::move(pair));
  return grpc::SslServerCredentials(options);
}

// Writes the secret to a new file only its owner can read, and syncs it.
// Never writes into a file that exists: one made beforehand by someone else
// (in a shared directory, say) would hand them the programme lead's link.
// Only a file this user left, readable by no one else (from an earlier
// start), is replaced.
absl::Status WriteSecretFile(const std::string& path, absl::string_view secret) {
  struct stat existing;
  if (::lstat(path.c_str(), &existing) == 0) {
    const bool ours = S_ISREG(existing.st_mode) && existing.st_uid == ::geteuid() &&
                      (existing.st_mode & 077) == 0;
    if (!ours) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the file ", path, " already exists and is not this server's own; move it away so "
          "that the first programme lead's set-password link goes to a new file only this "
          "server can read"));
    }
    ::unlink(path.c_str());
  }
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {
    return absl::FailedPreconditionError(
        absl::StrCat("the file ", path, " appeared while it was being written"));
  }
  if (fd < 0) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path));
  struct stat info;
  const std::string line = absl::StrCat(secret, "\n");
  const bool ok = ::fstat(fd, &info) == 0 && info.st_uid == ::geteuid() &&
                  ::fchmod(fd, 0600) == 0 &&
                  ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

// When no programme lead can sign in yet, writes a set-password link for
// the first one to the link file (never to the log).
absl::Status Bootstrap(app::UserAppService& users, const ServerConfig& config,
                       absl::string_view origin) {
  const std::string path = config.first_lead_link_file.empty()
                               ? absl::StrCat(config.store_path, ".first-lead-link")
                               : config.first_lead_link_file;
  HC_ASSIGN_OR_RETURN(bool created, users.BootstrapFirstLead([&](absl::string_view secret) {
                        return WriteSecretFile(path, SetPasswordLink(origin, secret));
                      }));
  if (created) {
    LogLine("info", "first_lead_link_written",
            {{"file", path},
             {"next", "open the link in the file to set the first programme lead's password"}});
  }
  return absl::OkStatus();
}

// Parses and validates the built-in benchmark files (refusing to start on a
// bad one) and stores a new version of each that changed.
absl::Status LoadBuiltinFrameworks(app::FrameworkAppService& frameworks) {
  HC_ASSIGN_OR_RETURN(std::vector<domain::Framework> builtins,
                      ParseFrameworkFiles(BuiltinFrameworkFiles()));
  HC_ASSIGN_OR_RETURN(int added, frameworks.SyncBuiltins(builtins));
  LogLine("info", "frameworks_loaded",
          {{"files", absl::StrCat(builtins.size())}, {"new_versions", absl::StrCat(added)}});
  return absl::OkStatus();
}

// The backup directory (made owner-only if missing): the configured one, or
// `<store_path>.backups`.
absl::StatusOr<std::string> PrepareBackupDirectory(const ServerConfig& config) {
  const std::string dir =
      config.backup_dir.empty() ? absl::StrCat(config.store_path, ".backups") : config.backup_dir;
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return absl::FailedPreconditionError(absl::StrCat("cannot make the backup directory ", dir));
  }
  struct stat info;
  if (::stat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    return absl::FailedPreconditionError(absl::StrCat(dir, " is not a directory"));
  }
  return dir;
}

absl::Status ValidateLimits(const ServerConfig& config) {
  if (config.worker_threads < 1 || config.max_queued_calls < 1 ||
      config.max_calls_per_token < 1 || config.max_streams_per_connection < 1 ||
      config.store_readers < 1) {
    return absl::InvalidArgumentError(
        "workers, queued calls, calls per token, streams per connection and store readers must "
        "be at least 1");
  }
  if (config.grpc_memory_bytes < (int64_t{16} << 20)) {
    return absl::InvalidArgumentError("the gRPC memory quota must be at least 16 MB");
  }
  if (config.idle_connection_timeout < absl::Seconds(1) ||
      config.handshake_timeout < absl::Seconds(1)) {
    return absl::InvalidArgumentError("connection timeouts must be at least a second");
  }
  return absl::OkStatus();
}

// No client, however slow or greedy, may hold the port's memory or streams
// without bound: streams per connection, one memory quota for every
// connection's buffers, idle and handshake timeouts, a keepalive that finds
// dead peers, and a limit on how often a client may ping.
void SetConnectionLimits(const ServerConfig& config, grpc::ServerBuilder& builder) {
  grpc::ResourceQuota quota("hc_server");
  quota.Resize(static_cast<size_t>(config.grpc_memory_bytes));
  builder.SetResourceQuota(quota);
  const auto ms = [](absl::Duration d) { return static_cast<int>(absl::ToInt64Milliseconds(d)); };
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, config.max_streams_per_connection);
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS, ms(config.idle_connection_timeout));
  builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS, ms(config.handshake_timeout));
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60'000);
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 20'000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10'000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 2);
  builder.AddChannelArgument(GRPC_ARG_MAX_METADATA_SIZE, 16 * 1024);
}

}  // namespace

absl::StatusOr<std::unique_ptr<HealthCheckServer>> HealthCheckServer::Start(
    const ServerConfig& config) {
  HC_RETURN_IF_ERROR(domain::ValidateDueDateRules(config.due_date_rules));
  HC_RETURN_IF_ERROR(ValidateLimits(config));
  auto parts = std::make_unique<Parts>();
  HC_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials, Credentials(config));
  Parts& p = *parts;
  storage::SqliteStore::Options store_options;
  store_options.readers = config.store_readers;
  store_options.full_integrity_check = config.full_integrity_check;
  store_options.vfs = config.store_vfs;
  store_options.on_stop = [&p](const absl::Status& cause) { p.StoreStopped(cause); };
  HC_ASSIGN_OR_RETURN(p.store, storage::SqliteStore::Open(config.store_path, store_options));
  p.access = std::make_unique<app::AccessAppService>(*p.store, p.clock, p.ids);
  p.users = std::make_unique<app::UserAppService>(*p.store, p.clock, p.ids);
  HC_ASSIGN_OR_RETURN(std::string backup_dir, PrepareBackupDirectory(config));
  p.admin = std::make_unique<app::AdminAppService>(*p.store, p.clock, backup_dir);
  p.partnerships = std::make_unique<app::PartnershipAppService>(*p.store, p.clock, p.ids);
  p.peers = std::make_unique<app::PeerAppService>(*p.store, p.clock, p.ids);
  p.engagements = std::make_unique<app::EngagementAppService>(
      *p.store, p.clock, p.ids, p.framework_codec, config.due_date_rules);
  p.programme = std::make_unique<app::ProgrammeAppService>(*p.store, p.clock);
  p.frameworks = std::make_unique<app::FrameworkAppService>(*p.store, p.clock, p.framework_codec);
  p.respondents = std::make_unique<app::RespondentAppService>(*p.store, p.clock, p.framework_codec);
  std::string origin = config.public_origin;
  if (!config.http_listen_address.empty()) {
    HC_ASSIGN_OR_RETURN(p.web, WebServer::Bind(config.http_listen_address, config.http_limits));
    if (origin.empty()) {
      const std::string host =
          config.http_listen_address.substr(0, config.http_listen_address.rfind(':'));
      origin = absl::StrCat("http://", host, ":", p.web->port());
    }
  }
  p.sessions = std::make_unique<BrowserSessions>(*p.access, origin);
  const std::string link_prefix = config.invitation_link_prefix.empty()
                                      ? absl::StrCat(origin, "/q/")
                                      : config.invitation_link_prefix;
  p.questionnaires = std::make_unique<app::QuestionnaireAppService>(
      *p.store, p.clock, p.ids, p.framework_codec, link_prefix);
  p.results = std::make_unique<app::QuestionnaireResultsAppService>(*p.store, p.clock,
                                                                    p.framework_codec);
  p.fieldwork = std::make_unique<app::FieldworkAppService>(*p.store, p.clock, p.ids);
  p.evidence =
      std::make_unique<app::EvidenceAppService>(*p.store, p.clock, p.ids, p.framework_codec);
  p.findings =
      std::make_unique<app::FindingAppService>(*p.store, p.clock, p.ids, p.framework_codec);
  app::ImprovementPlanOptions plan_options;
  plan_options.due_date_rules = config.due_date_rules;
  p.plans = std::make_unique<app::ImprovementPlanAppService>(*p.store, p.clock, p.ids,
                                                             p.framework_codec, plan_options);
  p.report_renderer = config.report_renderer != nullptr
                          ? config.report_renderer
                          : std::make_shared<const report::DocumentRenderer>();
  p.reports = std::make_unique<app::ReportAppService>(
      *p.store, p.clock, p.ids, p.framework_codec, *p.report_renderer, config.due_date_rules);
  HC_RETURN_IF_ERROR(Bootstrap(*p.users, config, origin));
  HC_RETURN_IF_ERROR(LoadBuiltinFrameworks(*p.frameworks));
  p.executor = std::make_unique<Executor>(config.worker_threads, config.max_queued_calls);
  p.runner = std::make_unique<CallRunner>(*p.access, *p.executor, config.max_calls_per_token);
  p.services.push_back(std::make_unique<PartnershipGrpcService>(*p.runner, *p.partnerships));
  p.services.push_back(std::make_unique<PeerGrpcService>(*p.runner, *p.peers));
  p.services.push_back(std::make_unique<EngagementGrpcService>(*p.runner, *p.engagements));
  p.services.push_back(std::make_unique<ProgrammeGrpcService>(*p.runner, *p.programme));
  p.services.push_back(std::make_unique<AccessGrpcService>(*p.runner, *p.access));
  p.services.push_back(std::make_unique<UserGrpcService>(*p.runner, *p.users, origin,
                                                    config.http_limits.trust_forwarded_for));
  p.services.push_back(std::make_unique<AdminGrpcService>(*p.runner, *p.admin));
  p.services.push_back(std::make_unique<FrameworkGrpcService>(*p.runner, *p.frameworks));
  p.services.push_back(
      std::make_unique<QuestionnaireGrpcService>(*p.runner, *p.questionnaires, *p.results));
  p.services.push_back(std::make_unique<FieldworkGrpcService>(*p.runner, *p.fieldwork));
  p.services.push_back(std::make_unique<EvidenceGrpcService>(*p.runner, *p.evidence));
  p.services.push_back(std::make_unique<FindingGrpcService>(*p.runner, *p.findings));
  p.services.push_back(std::make_unique<ImprovementPlanGrpcService>(*p.runner, *p.plans));
  p.services.push_back(std::make_unique<ReportGrpcService>(*p.runner, *p.reports));
  if (config.enable_echo) p.services.push_back(std::make_unique<EchoGrpcService>());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  if (!config.listen_address.empty()) {
    builder.AddListeningPort(config.listen_address, credentials, &p.port);
  }
  builder.SetMaxReceiveMessageSize(config.max_message_bytes);
  builder.SetMaxSendMessageSize(config.max_message_bytes);
  SetConnectionLimits(config, builder);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(MakeUnreadableRequestInterceptorFactory());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  for (auto& service : p.services) builder.RegisterService(service.get());
  p.server = builder.BuildAndStart();
  if (p.server == nullptr || (!config.listen_address.empty() && p.port == 0)) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", config.listen_address));
  }
  p.ServeHealth(p.server.get());
  if (p.web) {
    HC_RETURN_IF_ERROR(p.web->Serve(
        {RespondentRoutes(*p.respondents), SignInRoutes(*p.sessions, *p.users),
         ReportRoutes(*p.sessions, *p.reports),
         ConnectRoutes(p.server->InProcessChannel(grpc::ChannelArguments()), *p.sessions),
         AppRoutes(*p.sessions)}));
  }
  LogLine("info", "serving",
          {{"address", config.listen_address},
           {"port", absl::StrCat(p.port)},
           {"store", config.store_path},
           {"tls", config.tls_cert_file.empty() ? "off" : "on"}});
  return std::unique_ptr<HealthCheckServer>(new HealthCheckServer(std::move(parts)));
}

HealthCheckServer::HealthCheckServer(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

HealthCheckServer::~HealthCheckServer() { Shutdown(absl::ZeroDuration()); }

int HealthCheckServer::port() const { return parts_->port; }

int HealthCheckServer::http_port() const { return parts_->web ? parts_->web->port() : 0; }

std::shared_ptr<grpc::Channel> HealthCheckServer::InProcessChannel() {
  return parts_->server->InProcessChannel(grpc::ChannelArguments());
}

void HealthCheckServer::Shutdown(absl::Duration grace) {
  if (parts_ == nullptr || parts_->server == nullptr) return;
  // Shutdown returns once every call has finished: those in flight run to
  // completion until the deadline, after which they are cancelled.
  if (parts_->web) parts_->web->Stop();
  parts_->ServeHealth(nullptr);
  parts_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  parts_->server->Wait();
  parts_->server.reset();
  parts_->executor.reset();
  parts_->store.reset();
  LogLine("info", "stopped", {});
}

}  // namespace hc::services
