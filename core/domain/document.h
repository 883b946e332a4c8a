#ifndef HC_CORE_DOMAIN_DOCUMENT_H_
#define HC_CORE_DOMAIN_DOCUMENT_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "core/domain/resource.h"

namespace hc::domain {

inline constexpr int kMaxDocuments = 500;  // per engagement

// A document the review team read in desk research: itself a source of
// evidence (DOMAIN.md: Lifecycle, stage 2).
struct Document {
  ResourceMeta meta;
  std::string engagement_id;
  std::string title;
  std::string source;  // who produced it or where it came from
  std::optional<absl::CivilDay> date;  // the document's own date, if it has one
  std::string notes;
};

// Checks the client-supplied fields. INVALID_ARGUMENT naming the first bad
// one.
absl::Status ValidateDocument(const Document& document);

}  // namespace hc::domain

#endif  // HC_CORE_DOMAIN_DOCUMENT_H_
