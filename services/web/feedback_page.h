#ifndef HC_SERVICES_WEB_FEEDBACK_PAGE_H_
#define HC_SERVICES_WEB_FEEDBACK_PAGE_H_

#include <string>

#include "core/domain/initial_feedback.h"

namespace hc::services {

// The initial feedback as one self-contained HTML page: inline styles, no
// scripts, no external resources, so that it can be saved, mailed, shown
// on a projector at the end of day 3 or printed on A4. Every text from the
// store is escaped.
std::string FeedbackPage(const domain::InitialFeedback& feedback);

}  // namespace hc::services

#endif  // HC_SERVICES_WEB_FEEDBACK_PAGE_H_
