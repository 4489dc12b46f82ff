// SPDX-License-Identifier: Apache-2.0
// The report's charts, drawn as inline SVG by our own code (no script, no external file), and
// the report's colours, each text colour checked against its background for WCAG AA.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"
#include "core/score.hpp"
#include "core/screener.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::report::html {

// A colour as 0xRRGGBB.
using Rgb = uint32_t;

// The palette of the report: the style sheet and the charts take their colours from here.
namespace palette {
constexpr Rgb ink = 0x1a1a1a;      // body text
constexpr Rgb paper = 0xffffff;    // page
constexpr Rgb muted = 0x4a4a4a;    // secondary text, axes
constexpr Rgb link = 0x0b4f9c;     // links
constexpr Rgb head = 0xe8ecf1;     // table header cells
constexpr Rgb line_bg = 0xfbe9e7;  // the funding line's row
constexpr Rgb line_ink = 0x9c2216; // the funding line's text and mark in the charts
constexpr Rgb fund = 0x1d6b38;
constexpr Rgb reserve = 0x7a5200;
constexpr Rgb clarify = 0x5b3a99;
constexpr Rgb pending = 0x4a4a4a;
constexpr Rgb reject = 0x9c2216;
} // namespace palette

// The colour that shows `decision` (a badge's background under paper-coloured text, a bar).
Rgb decision_colour(core::Decision decision);

// `#rrggbb`.
std::string css_colour(Rgb colour);

// One pair of text and background colours the report uses.
struct ColourPair {
  std::string_view what;
  Rgb text;
  Rgb background;
};

// Every text and background pair of the report, for the contrast test.
std::span<const ColourPair> colour_pairs();

// The WCAG 2 contrast ratio of two colours (1 to 21).
double contrast_ratio(Rgb a, Rgb b);

// A chart: the SVG (with role="img", a <title> and a <desc> giving the numbers) and a table of
// the same data, both HTML text ready to write.
struct Chart {
  std::string svg;
  std::string table;
};

// One bar of the scores chart, in rank order.
struct ScoreBar {
  std::string id;
  std::optional<core::Score> score; // none for one placed by a resolution without a score
  bool funded = false;
};

// The scores of the eligible in rank order, funded bars filled, reserve bars outlined, and
// the funding line after the last funded bar. `key` makes the SVG's ids unique in the page.
Chart scores_chart(i18n::Lang lang, std::string_view key, std::string_view title, const std::vector<ScoreBar>& bars);

// One labelled count.
struct CountBar {
  std::string label;
  std::string name; // a longer name for the table, may be empty
  size_t count = 0;
};

// Horizontal bars of counts (failures per criterion).
Chart count_chart(i18n::Lang lang, std::string_view key, std::string_view title, std::string_view count_head,
                  const std::vector<CountBar>& bars);

// One budget against what the line used of it.
struct BudgetBar {
  std::string label;
  core::Money budget;
  core::Money used;
};

// Each budget as an outlined bar with what was used of it filled in.
Chart budget_chart(i18n::Lang lang, std::string_view key, std::string_view title, std::string_view currency,
                   const std::vector<BudgetBar>& bars);

// One value of a field and how many applications with it got each decision (by Decision).
struct DecisionRow {
  std::string value;
  std::array<size_t, 5> counts{};
};

// The decisions by the values of a field, as stacked bars with the counts written in them.
Chart decisions_chart(i18n::Lang lang, std::string_view key, std::string_view title, std::string_view field,
                      const std::vector<DecisionRow>& rows);

} // namespace fundscreen::report::html
