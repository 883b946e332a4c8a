#ifndef HC_CORE_REPORT_PALETTE_H_
#define HC_CORE_REPORT_PALETTE_H_

#include <string>

#include "core/report/drawing.h"

// The report's colours: the house colours of the feedback page
// (services/web/feedback_page.cc) and, for charts, colours that differ in
// lightness as well as hue so that they stay apart in greyscale print.
namespace hc::report::palette {

inline constexpr Colour kText{11, 12, 12};
inline constexpr Colour kSecondaryText{80, 90, 95};
inline constexpr Colour kRule{177, 180, 182};
inline constexpr Colour kLightFill{243, 242, 241};
inline constexpr Colour kBrand{29, 112, 184};
inline constexpr Colour kStrength{0, 112, 60};
inline constexpr Colour kArea{244, 119, 56};
inline constexpr Colour kDraft{212, 53, 28};
inline constexpr Colour kWhite{255, 255, 255};

// Scale points from the most to the least favourable: dark blue, light blue,
// light orange, dark brown-orange (the negative side is also hatched).
inline constexpr Colour kScale[] = {
    {8, 69, 148}, {107, 174, 214}, {253, 190, 133}, {166, 54, 3}, {84, 39, 143}};
inline constexpr Colour kUnanswered{191, 193, 195};

// Band zones from the lowest band outwards: light to lighter, so that the
// median polygon stays the darkest thing on the radar.
inline constexpr Colour kBands[] = {
    {222, 222, 222}, {236, 236, 236}, {214, 230, 244}, {236, 244, 251}, {250, 250, 250}};

// Series (levels, previous/current): distinct in hue and lightness, each
// also given its own marker shape.
inline constexpr Colour kSeries[] = {
    {29, 112, 184}, {212, 53, 28}, {0, 112, 60}, {80, 90, 95}, {145, 43, 136}, {244, 119, 56}};

// "#rrggbb" for CSS and SVG.
std::string Hex(const Colour& colour);

}  // namespace hc::report::palette

#endif  // HC_CORE_REPORT_PALETTE_H_
