#ifndef HC_TESTS_CORE_REPORT_SAMPLE_REPORT_H_
#define HC_TESTS_CORE_REPORT_SAMPLE_REPORT_H_

#include "core/domain/framework.h"
#include "core/report/report_document.h"

namespace hc::report::testing {

// The Partnership Assessment Tool (version 1) as in
// core/frameworks/partnership_assessment_tool.textproto.
domain::Framework PartnershipAssessmentTool();

// A realistic report: the Riverside Community Safety Partnership's health
// check on the Partnership Assessment Tool, 23 respondents whose answers come
// from a fixed seed (so figures agree with one another and never change),
// one level withheld under k = 3, seven findings, five recommendations and a
// previous health check. A draft.
ReportDocument SampleReport();

}  // namespace hc::report::testing

#endif  // HC_TESTS_CORE_REPORT_SAMPLE_REPORT_H_
