#ifndef HC_CORE_COMMON_STATUS_MACROS_H_
#define HC_CORE_COMMON_STATUS_MACROS_H_

// The project's own status propagation macros: Debian's Abseil (20220623)
// ships neither RETURN_IF_ERROR nor ASSIGN_OR_RETURN.

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define HC_STATUS_CONCAT_INNER_(a, b) a##b
#define HC_STATUS_CONCAT_(a, b) HC_STATUS_CONCAT_INNER_(a, b)

// Evaluates `expr` (an absl::Status) and returns it from the enclosing
// function if it is not OK.
#define HC_RETURN_IF_ERROR(expr) \
  HC_RETURN_IF_ERROR_IMPL_(HC_STATUS_CONCAT_(hc_status_, __COUNTER__), expr)

#define HC_RETURN_IF_ERROR_IMPL_(status, expr) \
  do {                                         \
    ::absl::Status status = (expr);            \
    if (!status.ok()) return status;           \
  } while (0)

// Evaluates `rexpr` (an absl::StatusOr<T>); returns its status if not OK,
// otherwise moves its value into `lhs` (which may be a declaration).
#define HC_ASSIGN_OR_RETURN(lhs, rexpr) \
  HC_ASSIGN_OR_RETURN_IMPL_(HC_STATUS_CONCAT_(hc_statusor_, __COUNTER__), lhs, rexpr)

#define HC_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                              \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // HC_CORE_COMMON_STATUS_MACROS_H_
