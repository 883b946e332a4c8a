#include "core/storage/sqlite/sqlite_feedback_repository.h"

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "core/common/status_macros.h"
#include "core/storage/sqlite/codec.h"

namespace hc::storage {
namespace {

constexpr char kSelect[] =
    "SELECT given_on, given_by, partnership_name, benchmark_name, section_term, headline, "
    "remarks FROM initial_feedback WHERE engagement_id = ?";
constexpr char kSelectPoints[] =
    "SELECT section_code, section_title, strength, label, title, narrative, also "
    "FROM initial_feedback_points WHERE engagement_id = ? ORDER BY position";
constexpr char kInsert[] =
    "INSERT INTO initial_feedback (engagement_id, given_on, given_by, partnership_name, "
    "benchmark_name, section_term, headline, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr char kInsertPoint[] =
    "INSERT INTO initial_feedback_points (engagement_id, position, section_code, section_title, "
    "strength, label, title, narrative, also) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

std::vector<std::string> SplitList(const std::string& text, char separator) {
  if (text.empty()) return {};
  return absl::StrSplit(text, separator);
}

}  // namespace

absl::StatusOr<std::optional<domain::InitialFeedback>> SqliteFeedbackRepository::Get(
    absl::string_view engagement_id) {
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kSelect));
  st.Bind(1, engagement_id);
  HC_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) return std::nullopt;
  domain::InitialFeedback f;
  HC_ASSIGN_OR_RETURN(f.given_on, ReadDate(st, 0));
  f.given_by = st.Text(1);
  f.partnership_name = st.Text(2);
  f.benchmark_name = st.Text(3);
  f.section_term = st.Text(4);
  f.headline = SplitList(st.Text(5), '\n');
  f.remarks = st.Text(6);

  HC_ASSIGN_OR_RETURN(Statement points, db_.Prepare(kSelectPoints));
  points.Bind(1, engagement_id);
  for (;;) {
    HC_ASSIGN_OR_RETURN(bool more, points.Step());
    if (!more) break;
    const std::string code = points.Text(0);
    if (f.principles.empty() || f.principles.back().section_code != code) {
      f.principles.push_back({code, points.Text(1), {}, {}});
    }
    domain::FeedbackPoint point{points.Text(3), points.Text(4), points.Text(5),
                                SplitList(points.Text(6), ',')};
    (points.Int(2) != 0 ? f.principles.back().strengths
                        : f.principles.back().areas_for_development)
        .push_back(std::move(point));
  }
  return f;
}

absl::Status SqliteFeedbackRepository::Insert(absl::string_view engagement_id,
                                              const domain::InitialFeedback& f) {
  if (!f.given_on) return absl::InternalError("only feedback that was given is kept");
  HC_ASSIGN_OR_RETURN(Statement st, db_.Prepare(kInsert));
  st.Bind(1, engagement_id).Bind(2, DateText(*f.given_on)).Bind(3, f.given_by);
  st.Bind(4, f.partnership_name).Bind(5, f.benchmark_name).Bind(6, f.section_term);
  st.Bind(7, absl::StrJoin(f.headline, "\n")).Bind(8, f.remarks);
  HC_RETURN_IF_ERROR(st.Run());
  int64_t position = 0;
  for (const domain::PrincipleFeedback& p : f.principles) {
    for (const auto* points : {&p.strengths, &p.areas_for_development}) {
      for (const domain::FeedbackPoint& point : *points) {
        HC_ASSIGN_OR_RETURN(Statement row, db_.Prepare(kInsertPoint));
        row.Bind(1, engagement_id).Bind(2, position++).Bind(3, p.section_code);
        row.Bind(4, p.title).Bind(5, int64_t{points == &p.strengths ? 1 : 0});
        row.Bind(6, point.label).Bind(7, point.title).Bind(8, point.narrative);
        row.Bind(9, absl::StrJoin(point.also, ","));
        HC_RETURN_IF_ERROR(row.Run());
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace hc::storage
