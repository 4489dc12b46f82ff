// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report_fixture.hpp"

using fundscreen::core::Decision;
using fundscreen::report::Color;
using fundscreen::testing::ReportExample;

namespace {

// The text after the line "Standing" of an explanation.
std::string standing(const std::string& text) { return text.substr(text.find("\nStanding\n") + 10); }

} // namespace

TEST_CASE("report::write_explanation") {
  ReportExample example;

  SUBCASE("tells a rejection criterion by criterion, with the rules, values and verdicts") {
    CHECK(example.explain(2) == R"(A-3 · Tech "Robotti" Oy & <Partners>
Robots | more robots
read from apps.csv line 4

Decision: reject (failed X1, C6)

Criteria
  X1  fail  rule       Not a technological solution
      the rule does not hold
      rule: app.kind != "technology"
        app.kind = "technology"
  C1  pass  both       Advances thesis 3
      the rule holds; the reviewer passed it
      rule: has(app.thesis) and app.thesis.starts_with("3")
        app.thesis = "3A"
      R1: pass, score 2; note: see C:\docs "v2"  ä
      mean score 2.00
  C2  pass  judgement  Goals are realistic
      the reviewer passed it
      R1: pass, score 2
      mean score 2.00
  C6  fail  rule       The whole is sufficiently resourced
      the rule does not hold
      rule: has(app.programme_budget_eur)
            and app.programme_budget_eur >= app.requested_eur
        app.programme_budget_eur = 50000
        app.requested_eur = 120000

Standing
  not ranked: rejected
)");
  }

  SUBCASE("names the reviewers left out and why") {
    CHECK(
        example.explain(0).find("      R3: pass, score 3 (left out: R3 declared a conflict of interest with A-1)\n") !=
        std::string::npos);
  }

  SUBCASE("places a funded application against the budget") {
    CHECK(standing(example.explain(0)) == R"(  score 4.17
  rank 1 of 2 eligible: funded
  cumulative 95,000.50 of EUR 200,000.00
)");
  }

  SUBCASE("says why a reserve was not funded under a strict line") {
    CHECK(standing(example.explain(1)) == R"(  score 3.00
  rank 2 of 2 eligible: reserve
  it did not fit the remaining budget: requested EUR 150,000.00, left 104,999.50 of EUR 200,000.00
)");
  }

  SUBCASE("says that a strict line stopped above a reserve further down") {
    fundscreen::core::Placement lower{.index = 1, .rank = 3, .decision = Decision::reserve, .cumulative = {}};
    auto view = example.views[1];
    view.placement = &lower;
    example.info.eligible = 3;
    std::ostringstream out;
    fundscreen::report::write_explanation(example.info, view, out, {});
    CHECK(standing(out.str()) == R"(  score 3.00
  rank 3 of 3 eligible: reserve
  the funding line stopped above it, at rank 2
)");
  }

  SUBCASE("says a reserve did not fit under a skipping line") {
    example.set.funding = fundscreen::core::FundingPolicy::skip;
    CHECK(standing(example.explain(1))
              .ends_with("  it did not fit the budget left at its rank: requested EUR 150,000.00\n"));
  }

  SUBCASE("says where an application to clarify or awaiting review goes") {
    CHECK(standing(example.explain(3)) == "  not ranked: goes to clarifying discussions\n");
    fundscreen::core::Assessed waiting = example.assessed[3];
    waiting.criteria[2].status = fundscreen::core::Status::pending;
    waiting.criteria[2].reason = "no reviewer's verdict yet";
    waiting.unclear.clear();
    waiting.pending = {"C2"};
    waiting.decision = Decision::pending;
    waiting.decided_by = "awaiting verdicts on C2";
    auto view = example.views[3];
    view.assessed = &waiting;
    view.decision = Decision::pending;
    std::ostringstream out;
    fundscreen::report::write_explanation(example.info, view, out, {});
    CHECK(out.str().find("\nDecision: pending (awaiting verdicts on C2)\n") != std::string::npos);
    CHECK(standing(out.str()) == "  not ranked: awaits review\n");
  }

  SUBCASE("words everything in the run's language and colours the decision when asked") {
    example.info.lang = "fi";
    std::string text = example.explain(2, Color::always);
    CHECK(text.find("  C6  ei täyty  sääntö    Kokonaisuus on riittävästi resursoitu\n") != std::string::npos);
    CHECK(text.find("P\xC3\xA4\xC3\xA4t\xC3\xB6s: \x1b[31mhyl\xC3\xA4t\xC3\xA4\xC3\xA4n\x1b[0m (") !=
          std::string::npos);
    CHECK(text.find("\nSijoitus\n  ei paremmuusj\xC3\xA4rjestyksess\xC3\xA4: hyl\xC3\xA4t\xC3\xA4\xC3\xA4n\n") !=
          std::string::npos);
  }
}
