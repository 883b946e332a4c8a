#include "core/domain/document.h"

#include "core/common/status_macros.h"
#include "core/domain/validation.h"

namespace hc::domain {

absl::Status ValidateDocument(const Document& d) {
  HC_RETURN_IF_ERROR(CheckText("title", d.title, 1, 300));
  HC_RETURN_IF_ERROR(CheckText("source", d.source, 0, 300));
  return CheckText("notes", d.notes, 0, 10000, true);
}

}  // namespace hc::domain
