// hc_reliability_client: the client half of the reliability harnesses
// (tests/reliability/*.sh). It writes partnerships and then checks what a
// store kept against what the server acknowledged.
//
//   write --server=H:P --first_lead_link_file=F --prefix=P --count=N [--threads=T]
//       Creates partnerships "P-<thread>-<i>" with request_id of the same
//       name, T threads each writing in turn, and prints one line a write:
//       "ok NAME" once acknowledged, "refused NAME CODE" otherwise. A thread
//       whose write is refused makes --after_refusal more writes, then stops;
//       each must be refused too (after a disk failure nothing may be
//       acknowledged); with --after_refusal=-1 it goes on writing. Retries a write whose outcome is unknown with its
//       request_id until --retry_seconds pass, as a real client would.
//       Starts no write after --seconds.
//   check --server=H:P --first_lead_link_file=F --acks=FILE
//       Lists every partnership and checks that each name FILE marks "ok" is
//       there, and that no name is there twice. Prints a summary; exit 1 on a
//       violation.

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "healthcheck/v1/partnership.grpc.pb.h"
#include "tests/support/sign_in.h"

ABSL_FLAG(std::string, server, "127.0.0.1:8443", "hc_server's gRPC address");
ABSL_FLAG(std::string, first_lead_link_file, "",
          "The first programme lead's set-password link file, which the server's first start "
          "wrote: the client signs in as that lead (setting the password the first time)");
ABSL_FLAG(std::string, prefix, "p", "write: the names' prefix");
ABSL_FLAG(int, count, 20, "write: writes per thread");
ABSL_FLAG(int, threads, 1, "write: threads writing at once");
ABSL_FLAG(int, after_refusal, 3,
          "write: writes a thread makes after its first refusal, each of which must be refused "
          "too (-1: go on writing, with no such rule)");
ABSL_FLAG(int, retry_seconds, 0, "write: how long to retry a write with the same request_id");
ABSL_FLAG(double, seconds, 0, "write: stop starting writes after this long (0: no limit)");
ABSL_FLAG(std::string, acks, "", "check: the output of write");

namespace {

namespace v1 = ::healthcheck::v1;

class Client {
 public:
  Client(std::shared_ptr<grpc::Channel> channel, const std::string& token)
      : stub_(v1::PartnershipService::NewStub(std::move(channel))), token_(token) {}

  grpc::Status Create(const std::string& name) {
    v1::CreatePartnershipRequest request;
    request.set_request_id(name);
    v1::Partnership* p = request.mutable_partnership();
    p->set_display_name(name);
    p->set_kind(v1::PARTNERSHIP_KIND_CSP);
    p->set_area("Anytown");
    v1::MemberOrganisation* member = p->add_members();
    member->set_display_name("Anytown Council");
    member->set_sector(v1::SECTOR_LOCAL_GOVERNMENT);
    grpc::ClientContext context;
    Prepare(context);
    v1::Partnership response;
    return stub_->CreatePartnership(&context, request, &response);
  }

  // Every partnership's display name, in list order.
  grpc::Status ListNames(std::vector<std::string>& names) {
    v1::ListPartnershipsRequest request;
    request.set_page_size(500);
    for (;;) {
      grpc::ClientContext context;
      Prepare(context);
      v1::ListPartnershipsResponse page;
      grpc::Status status = stub_->ListPartnerships(&context, request, &page);
      if (!status.ok()) return status;
      for (const v1::Partnership& p : page.partnerships()) names.push_back(p.display_name());
      if (page.next_page_token().empty()) return grpc::Status::OK;
      request.set_page_token(page.next_page_token());
    }
  }

 private:
  void Prepare(grpc::ClientContext& context) {
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    context.AddMetadata("authorization", absl::StrCat("Bearer ", token_));
  }

  std::unique_ptr<v1::PartnershipService::Stub> stub_;
  std::string token_;
};

int Write(Client& client) {
  const std::string prefix = absl::GetFlag(FLAGS_prefix);
  const int count = absl::GetFlag(FLAGS_count);
  const int after_refusal = absl::GetFlag(FLAGS_after_refusal);
  const absl::Duration retry_for = absl::Seconds(absl::GetFlag(FLAGS_retry_seconds));
  const double seconds = absl::GetFlag(FLAGS_seconds);
  const absl::Time stop_at =
      seconds > 0 ? absl::Now() + absl::Seconds(seconds) : absl::InfiniteFuture();
  std::mutex out_mu;
  std::atomic<int> violations{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < absl::GetFlag(FLAGS_threads); ++t) {
    threads.emplace_back([&, t] {
      int left_after_refusal = -1;
      for (int i = 0; i < count && left_after_refusal != 0 && absl::Now() < stop_at; ++i) {
        const std::string name = absl::StrCat(prefix, "-", t, "-", i);
        const absl::Time give_up = absl::Now() + retry_for;
        grpc::Status status = client.Create(name);
        while (status.error_code() == grpc::StatusCode::UNAVAILABLE && absl::Now() < give_up) {
          absl::SleepFor(absl::Milliseconds(100));
          status = client.Create(name);
        }
        std::lock_guard<std::mutex> lock(out_mu);
        if (status.ok()) {
          std::cout << "ok " << name << "\n";
          if (left_after_refusal >= 0) {
            std::cerr << "VIOLATION: " << name << " was acknowledged after a refusal\n";
            ++violations;
          }
        } else {
          std::cout << "refused " << name << " " << status.error_code() << "\n";
          if (left_after_refusal < 0 && after_refusal >= 0) left_after_refusal = after_refusal;
        }
        if (left_after_refusal > 0) --left_after_refusal;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::cout.flush();
  return violations.load() == 0 ? 0 : 1;
}

int Check(Client& client) {
  std::ifstream in(absl::GetFlag(FLAGS_acks));
  std::set<std::string> acknowledged;
  std::string verdict, name;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    if (words >> verdict >> name && verdict == "ok") acknowledged.insert(name);
  }
  std::vector<std::string> names;
  if (grpc::Status status = client.ListNames(names); !status.ok()) {
    std::cerr << "cannot list partnerships: " << status.error_message() << "\n";
    return 1;
  }
  std::map<std::string, int> seen;
  for (const std::string& n : names) ++seen[n];
  int lost = 0, duplicated = 0;
  for (const std::string& n : acknowledged) {
    if (seen.count(n) == 0) {
      std::cerr << "LOST: " << n << " was acknowledged and is not in the store\n";
      ++lost;
    }
  }
  for (const auto& [n, times] : seen) {
    if (times > 1) {
      std::cerr << "DUPLICATED: " << n << " is in the store " << times << " times\n";
      ++duplicated;
    }
  }
  std::cout << "acknowledged=" << acknowledged.size() << " stored=" << names.size()
            << " lost=" << lost << " duplicated=" << duplicated << "\n";
  return lost == 0 && duplicated == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) {
    std::cerr << "usage: hc_reliability_client write|check --server=H:P --first_lead_link_file=F ...\n";
    return 2;
  }
  const std::string mode = args[1];
  auto channel =
      grpc::CreateChannel(absl::GetFlag(FLAGS_server), grpc::InsecureChannelCredentials());
  absl::StatusOr<std::string> session =
      hc::testing::SignInAsFirstLead(*channel, absl::GetFlag(FLAGS_first_lead_link_file));
  if (!session.ok()) {
    std::cerr << "cannot sign in: " << session.status() << "\n";
    // A store stopped by an injected fault before anything was written:
    // nothing was acknowledged, which is an outcome like any other.
    return mode == "write" && absl::IsUnavailable(session.status()) ? 0 : 1;
  }
  Client client(channel, *session);
  if (mode == "write") return Write(client);
  if (mode == "check") return Check(client);
  std::cerr << "unknown mode " << mode << "\n";
  return 2;
}
