#include "core/domain/response.h"

#include <array>

#include "core/domain/enum_names.h"

namespace hc::domain {
namespace {

constexpr std::array<EnumName<RespondentLevel>, 3> kLevelNames{{
    {RespondentLevel::kBoard, "BOARD"},
    {RespondentLevel::kManagement, "MANAGEMENT"},
    {RespondentLevel::kFrontLine, "FRONT_LINE"},
}};

}  // namespace

absl::string_view RespondentLevelName(RespondentLevel level) {
  return NameIn<RespondentLevel>(kLevelNames, level);
}

std::optional<RespondentLevel> ParseRespondentLevel(absl::string_view name) {
  return ValueIn<RespondentLevel>(kLevelNames, name);
}

}  // namespace hc::domain
