#ifndef HC_CORE_APP_REPORT_COMPOSER_H_
#define HC_CORE_APP_REPORT_COMPOSER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/app/ports/framework_codec.h"
#include "core/app/ports/repositories.h"
#include "core/domain/engagement.h"
#include "core/report/report_document.h"

namespace hc::app {

// Composes the written report of `engagement` as the store holds it at
// `now` (DOMAIN.md: Outputs), read in the caller's transaction: the
// partnership and scope, the documents read and activities held, response
// rates and questionnaire results exactly as the disclosure rules give
// them (results only once released; quotable comments only), the agreed
// findings by their first principle in benchmark order, the agreed
// recommendations and the benchmark. Marked as a draft of version `number`
// dated `today`. FAILED_PRECONDITION without a questionnaire (no benchmark
// to report against). Makes no access check: the caller does.
absl::StatusOr<report::ReportDocument> ComposeReport(Repositories& repos,
                                                     const FrameworkCodec& codec,
                                                     const domain::Engagement& engagement,
                                                     int number, absl::Time now,
                                                     absl::CivilDay today);

// Marks `document` as the published version, dated `published_on`.
void MarkPublished(report::ReportDocument& document, absl::CivilDay published_on);

// The lower-case hex SHA-256 of a canonical serialisation of every field of
// `document` except its draft marking, status line and date: equal for two
// compositions exactly when they say the same. Deterministic; pure.
std::string ReportFingerprint(const report::ReportDocument& document);

}  // namespace hc::app

#endif  // HC_CORE_APP_REPORT_COMPOSER_H_
