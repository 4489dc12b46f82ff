// SPDX-License-Identifier: Apache-2.0
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/panel_report.hpp"
#include "io/criteria_loader.hpp"
#include "test_builders.hpp"

using namespace fundscreen;

namespace {

// Units of scores in whole points (0: no value), each as half points.
core::AlphaTally::Result alpha_of(const std::vector<std::vector<int>>& units) {
  core::AlphaTally tally;
  for (const auto& unit : units) {
    std::vector<int> halves;
    for (int v : unit)
      if (v > 0) halves.push_back(2 * v);
    tally.add_unit(halves);
  }
  return tally.result();
}

} // namespace

TEST_CASE("alpha: Krippendorff's interval example (2011) gives 0.849") {
  // "Computing Krippendorff's Alpha-Reliability" (2011), four observers, twelve units, missing
  // values as 0; unit 12 has one value and is not pairable. Exactly 951/1120.
  const std::vector<std::vector<int>> units = {
      {1, 1, 0, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
      {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {0, 5, 5, 5}, {0, 0, 1, 1}, {0, 3, 0, 0},
  };
  auto r = alpha_of(units);
  CHECK(r.values == 40);
  CHECK(r.pairs == 3 + 6 + 6 + 6 + 6 + 6 + 6 + 6 + 6 + 3 + 1);
  REQUIRE(r.thousandths);
  CHECK(*r.thousandths == 849);
  CHECK(core::thousandths_text(*r.thousandths) == "0.849");
  CHECK(r.undefined.empty());
}

TEST_CASE("alpha: two coders, hand-computed") {
  // Values 1,2 | 3,3: n = 4, D_o = (1/4)(2*1/1) = 0.5; D_e = 2(4*23 - 81)/(4*3) = 22/12;
  // alpha = 1 - 0.5 * 12/22 = 1 - 3/11 = 0.727...
  auto r = alpha_of({{1, 2}, {3, 3}});
  REQUIRE(r.thousandths);
  CHECK(*r.thousandths == 727);
  CHECK(r.pairs == 2);
}

TEST_CASE("alpha: systematic disagreement is negative; rounding is half away from zero") {
  // 1,2 | 2,1: every unit disagrees as much as the values vary: alpha = 1 - 3/2 * ... < 0.
  auto r = alpha_of({{1, 2}, {2, 1}});
  REQUIRE(r.thousandths);
  CHECK(*r.thousandths == -500);
  CHECK(core::thousandths_text(*r.thousandths) == "-0.500");
  CHECK(core::thousandths_text(1000) == "1.000");
  CHECK(core::thousandths_text(-5) == "-0.005");
}

TEST_CASE("alpha: undefined without pairs or without variance") {
  auto none = alpha_of({{3}, {4}, {}});
  CHECK_FALSE(none.thousandths);
  CHECK(none.undefined == "no pairable values");
  CHECK(none.values == 0);
  CHECK(none.pairs == 0);
  auto flat = alpha_of({{4, 4}, {4, 4, 4}});
  CHECK_FALSE(flat.thousandths);
  CHECK(flat.undefined == "no variance");
  CHECK(flat.values == 5);
  CHECK(flat.pairs == 4);
}

TEST_CASE("alpha: half points count as they are") {
  core::AlphaTally halves, wholes;
  halves.add_unit(std::vector<int>{7, 8});
  halves.add_unit(std::vector<int>{3, 4});
  wholes.add_unit(std::vector<int>{14, 16});
  wholes.add_unit(std::vector<int>{6, 8});
  CHECK(halves.result().thousandths == wholes.result().thousandths); // alpha does not depend on the scale
  CHECK(core::halves_text(7) == "3.5");
  CHECK(core::halves_text(8) == "4");
  CHECK(core::halves_text(0) == "0");
}

namespace {

// X1 a rule, J1 a judgement, B1 both.
core::CriteriaSet panel_set() { return io::parse_criteria(testing::rule_judgement_both_yaml(), "set.yaml"); }

core::Review review(const std::string& reviewer, core::Verdict verdict, std::optional<int> halves,
                    const std::string& left_out = "") {
  core::Review r;
  r.reviewer = reviewer;
  r.verdict = verdict;
  r.score_halves = halves;
  r.left_out = left_out;
  return r;
}

// An application `id` whose rule X1 has `x1`, with the reviews on J1 and B1.
core::Assessed assessed(const core::CriteriaSet& set, const std::string& id, core::Status x1,
                        std::vector<core::Review> j1, std::vector<core::Review> b1 = {}) {
  core::Assessed a;
  a.id = id;
  a.criteria.resize(3);
  for (size_t i = 0; i < 3; ++i) a.criteria[i].criterion = &set.criteria[i];
  a.criteria[0].rule.emplace();
  a.criteria[0].rule_status = x1;
  a.criteria[0].status = x1;
  a.criteria[1].reviews = std::move(j1);
  a.criteria[2].rule.emplace();
  a.criteria[2].reviews = std::move(b1);
  return a;
}

core::Roster panel_roster() {
  util::Diagnostics found;
  core::Roster r("reviewers.csv");
  r.add({"aino", "Aino", {"J1"}, {}, {}}, found);
  r.add({"mikko", "Mikko", {}, {}, {}}, found);
  return r;
}

} // namespace

TEST_CASE("panel: assigned, done and owed from the roster; rule rejections and conflicts are not assigned") {
  core::CriteriaSet set = panel_set();
  core::Roster roster = panel_roster();
  core::ConflictIndex conflicts;
  conflicts.add(core::Conflict("mikko", "", "Oy Ab"));
  using V = core::Verdict;
  core::PanelTally tally(set, &roster, &conflicts);
  // A1: both reviewers on J1, Mikko on B1; A2 rejected by X1 (Aino assessed it anyway);
  // A3: Mikko is conflicted (applicant Oy Ab) and gave a verdict that is left out.
  tally.add(assessed(set, "A1", core::Status::pass, {review("aino", V::pass, 8), review("mikko", V::fail, 3)},
                     {review("mikko", V::pass, std::nullopt)}),
            "Kunta");
  tally.add(assessed(set, "A2", core::Status::fail, {review("aino", V::pass, 6)}), "Kunta");
  tally.add(
      assessed(set, "A3", core::Status::unclear, {review("mikko", V::pass, 10, "conflict"), review("ext", V::pass, 9)}),
      "Oy Ab");
  std::vector<std::string> order = {"aino", "ext", "mikko"};
  core::PanelReport report = tally.finish(order);
  CHECK(report.roster);
  CHECK(report.applications == 3);
  CHECK(report.judged_applications == 2); // A1 and A3: an unclear rule is no rejection

  REQUIRE(report.reviewers.size() == 3);
  const core::ReviewerLoad& aino = report.reviewers[0];
  CHECK(aino.reviewer == "aino");
  CHECK(aino.assigned == 2); // J1 of A1 and A3
  CHECK(aino.done == 2);     // A1 and the rejected A2
  CHECK(aino.owed == 1);
  CHECK(aino.unassigned == 1); // A2, which a rule rejects
  REQUIRE(aino.owed_by_application.size() == 1);
  CHECK(aino.owed_by_application[0].application == "A3");
  CHECK(aino.owed_by_application[0].criteria == std::vector<std::string>{"J1"});
  const core::ReviewerLoad& mikko = report.reviewers[1];
  CHECK(mikko.reviewer == "mikko");
  CHECK(mikko.assigned == 2); // J1 and B1 of A1; A3 is conflicted
  CHECK(mikko.done == 3);
  CHECK(mikko.owed == 0);
  CHECK(mikko.unassigned == 1); // A3, with a conflict
  CHECK(mikko.conflicts == 1);
  const core::ReviewerLoad& ext = report.reviewers[2];
  CHECK(ext.reviewer == "ext");
  CHECK_FALSE(ext.on_roster);
  CHECK_FALSE(ext.assigned);
  CHECK_FALSE(ext.owed);
  CHECK_FALSE(ext.unassigned);
  CHECK(ext.done == 1);

  REQUIRE(report.criteria.size() == 2);
  const core::CriterionAgreement& j1 = report.criteria[0];
  CHECK(j1.criterion->id == "J1");
  REQUIRE(j1.applications.size() == 3);
  CHECK(j1.applications[0].application == "A1");
  CHECK(j1.applications[0].min_halves == 3);
  CHECK(j1.applications[0].max_halves == 8);
  CHECK(j1.applications[0].scores == 2);
  CHECK(j1.applications[0].disagree());
  CHECK_FALSE(j1.applications[1].disagree());
  CHECK(j1.applications[2].scores == 1); // Mikko's conflicted score left out
  CHECK(j1.applications[2].min_halves == 9);
  CHECK(j1.alpha.values == 2); // only A1 is pairable
  CHECK(j1.alpha.pairs == 1);
  const core::CriterionAgreement& b1 = report.criteria[1];
  REQUIRE(b1.applications.size() == 1);
  CHECK(b1.applications[0].scores == 0);
  CHECK(b1.applications[0].pass == 1);
  CHECK(b1.alpha.undefined == "no pairable values");
}

TEST_CASE("panel: without a roster nothing is assigned or owed") {
  core::CriteriaSet set = panel_set();
  core::PanelTally tally(set, nullptr, nullptr);
  tally.add(assessed(set, "A1", core::Status::pass, {review("b", core::Verdict::pass, 8)}), "");
  tally.add(assessed(set, "A2", core::Status::pass, {review("a", core::Verdict::pass, 8)}), "");
  std::vector<std::string> order = {"a", "b"};
  core::PanelReport report = tally.finish(order);
  CHECK_FALSE(report.roster);
  REQUIRE(report.reviewers.size() == 2);
  CHECK(report.reviewers[0].reviewer == "a"); // the order the assessments named them
  CHECK_FALSE(report.reviewers[0].assigned);
  CHECK_FALSE(report.reviewers[0].owed);
  CHECK(report.reviewers[0].done == 1);
}

TEST_CASE("alpha: units of 99 sizes (a denominator beyond 128 bits) still give alpha") {
  // Units of 2 to 100 values, (7i + m) mod 11 half points; exactly -0.01888... by Python's
  // fractions (a denominator of 148 bits), so the sums fall back to long double.
  core::AlphaTally tally;
  for (int m = 2; m <= 100; ++m) {
    std::vector<int> unit;
    for (int i = 0; i < m; ++i) unit.push_back((i * 7 + m) % 11);
    tally.add_unit(unit);
  }
  auto r = tally.result();
  REQUIRE(r.thousandths);
  CHECK(*r.thousandths == -19);
  CHECK(r.values == 5049);
}
