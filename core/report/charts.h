#ifndef HC_CORE_REPORT_CHARTS_H_
#define HC_CORE_REPORT_CHARTS_H_

#include <optional>
#include <vector>

#include "core/report/drawing.h"
#include "core/report/report_document.h"

// The questionnaire's charts as drawings (drawing.h), built by pure functions
// from figures the confidentiality rules already cleared. Shape roles that
// callers and tests rely on are named below. Thread-safe (no state).
namespace hc::report {

// The "dartboard": one axis per section ("axis": a line from the centre to
// the edge), each scaled from range_min (centre) to range_max (edge); the
// bands as shaded zones ("band-zone") with boundaries scaled per axis; the
// sections' medians as one polygon ("median"); axes labelled "1", "2", ...
// with a legend of the section titles. The aggregate is not on the radar.
Drawing RadarChart(const std::vector<SectionScoreLine>& sections);

// One horizontal bar per statement ("bar-frame": the whole bar), split into
// one segment per scale point in the scale's order ("segment", hatched on
// the unfavourable half) and one for the unanswered ("unanswered"), widths
// proportional to counts; counts are written where they fit; one legend.
Drawing DistributionChart(const std::vector<StatementAnswers>& statements);

// Per section, each released level's mean total as a marker ("level-mean")
// on the section's range, one marker shape per level, with a legend.
// nullopt when fewer than two levels are released.
std::optional<Drawing> LevelsChart(const std::vector<SectionScoreLine>& sections,
                                   const std::vector<LevelMeanLine>& levels);

// Per section, the previous ("previous") and current ("current") median
// joined by a line, on the section's range. nullopt without a previous
// health check.
std::optional<Drawing> ChangeChart(const std::vector<SectionScoreLine>& sections,
                                   const std::optional<PreviousHealthCheck>& previous);

}  // namespace hc::report

#endif  // HC_CORE_REPORT_CHARTS_H_
