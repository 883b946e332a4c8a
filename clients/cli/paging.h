#ifndef HC_CLIENTS_CLI_PAGING_H_
#define HC_CLIENTS_CLI_PAGING_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/args.h"
#include "clients/cli/command.h"
#include "clients/cli/output.h"

namespace hc::cli {

// The flags --page-size, --page-token and --all of every list command.
std::vector<FlagSpec> PagingFlags();

// What the paging flags ask for.
struct Paging {
  // 0 for the server's default.
  int32_t page_size = 0;
  std::string page_token;
  // Follow next_page_token to the last page.
  bool all = false;
};

// Reads the paging flags. Returns a usage error unless --page-size is a
// whole number, 0 or more.
absl::StatusOr<Paging> ReadPaging(const FlagValues& flags);

// The line telling how to get the next page: "next page: hcctl <command>
// <args> <the command's own flags as given> --page-token=<token>". Global
// flags (so the token) are left out.
std::string NextPageHint(const Invocation& invocation,
                         absl::string_view page_token);

// Fetches one page of a list, or every page with --all, and prints the
// result: with --json as one document (the pages' items merged), else as
// `render`'s text followed by NextPageHint when there is a further page.
// `fetch` fills `page` for the paging given. Returns the first failure.
template <typename Response>
absl::Status ListPages(
    const Invocation& invocation,
    const std::function<absl::Status(const Paging&, Response&)>& fetch,
    const std::function<std::string(const Response&)>& render) {
  absl::StatusOr<Paging> paging = ReadPaging(invocation.flags);
  if (!paging.ok()) return paging.status();
  Response pages;
  std::string next_page_token;
  do {
    Response page;
    if (absl::Status status = fetch(*paging, page); !status.ok()) {
      return status;
    }
    next_page_token = page.next_page_token();
    pages.MergeFrom(page);
    paging->page_token = next_page_token;
  } while (paging->all && !next_page_token.empty());
  // MergeFrom keeps an earlier page's token when the last one is empty.
  pages.set_next_page_token(next_page_token);
  if (invocation.json) return PrintJson(pages, invocation.out);
  invocation.out << render(pages);
  if (!next_page_token.empty()) {
    invocation.out << NextPageHint(invocation, next_page_token);
  }
  return absl::OkStatus();
}

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_PAGING_H_
