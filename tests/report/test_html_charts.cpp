// SPDX-License-Identifier: Apache-2.0
#include <regex>
#include <string>

#include <doctest/doctest.h>

#include "report/html_charts.hpp"

using namespace fundscreen;
using report::html::contrast_ratio;

TEST_CASE("report::html palette") {
  SUBCASE("the contrast ratio is WCAG's: black on white 21, a colour on itself 1") {
    CHECK(contrast_ratio(0x000000, 0xffffff) == doctest::Approx(21.0));
    CHECK(contrast_ratio(0x777777, 0x777777) == doctest::Approx(1.0));
    CHECK(contrast_ratio(0x767676, 0xffffff) == doctest::Approx(4.54).epsilon(0.01)); // the AA grey
  }

  SUBCASE("every text colour of the report passes WCAG AA (4.5:1) on its background") {
    CHECK(report::html::colour_pairs().size() >= 12);
    for (const auto& pair : report::html::colour_pairs()) {
      INFO(pair.what, ": ", report::html::css_colour(pair.text), " on ", report::html::css_colour(pair.background));
      CHECK(contrast_ratio(pair.text, pair.background) >= 4.5);
    }
  }

  SUBCASE("each decision's badge colour carries paper-coloured text") {
    for (auto d : {core::Decision::fund, core::Decision::reserve, core::Decision::clarify, core::Decision::pending,
                   core::Decision::reject})
      CHECK(contrast_ratio(report::html::palette::paper, report::html::decision_colour(d)) >= 4.5);
  }
}

TEST_CASE("report::html charts") {
  using i18n::Lang;

  SUBCASE("the scores chart: an image with a title, the numbers in its description, the line after the funded") {
    std::vector<report::html::ScoreBar> bars = {
        {"A-1", core::Score(9, 2), true}, {"A-2", core::Score(4, 1), false}, {"A-<3>", std::nullopt, false}};
    auto chart = report::html::scores_chart(Lang::fi, "s", "Pisteet", bars);
    CHECK(chart.svg.starts_with("<svg role=\"img\" viewBox="));
    CHECK(chart.svg.find("<title id=\"chart-s-title\">Pisteet</title>") != std::string::npos);
    CHECK(chart.svg.find("A-1: 4,50 (") != std::string::npos); // Finnish decimal comma
    CHECK(chart.svg.find("A-&lt;3&gt;") != std::string::npos);
    CHECK(chart.svg.find("A-<3>") == std::string::npos);
    // The axis tops at 5 (4.5 rounded up): 4.5 of 5 is 180 of the 200 units; 4 is 160.
    CHECK(chart.svg.find("height=\"180\"") != std::string::npos);
    CHECK(chart.svg.find("stroke-dasharray") != std::string::npos);
    CHECK(chart.table.find("<th scope=\"row\">A-2</th>") != std::string::npos);
    CHECK(!std::regex_search(chart.svg, std::regex("=\"[0-9]+\\.[0-9]"))); // whole numbers in the attributes
  }

  SUBCASE("the same data gives the same bytes") {
    std::vector<report::html::DecisionRow> rows = {{"new", {1, 0, 0, 0, 2}}, {"", {0, 1, 0, 0, 0}}};
    auto a = report::html::decisions_chart(Lang::en, "b", "Decisions by stage", "stage", rows);
    auto b = report::html::decisions_chart(Lang::en, "b", "Decisions by stage", "stage", rows);
    CHECK(a.svg == b.svg);
    CHECK(a.table == b.table);
    CHECK(a.svg.find("new: fund 1, reject 2; (none): reserve 1") != std::string::npos);
  }

  SUBCASE("the budget chart gives the amounts in the language's convention") {
    auto chart = report::html::budget_chart(Lang::en, "u", "Budget used", "EUR",
                                            {{"the call", core::Money{80000000}, core::Money{79270050}}});
    CHECK(chart.svg.find("used EUR 792,700.50 of EUR 800,000.00 (99 %)") != std::string::npos);
  }
}
