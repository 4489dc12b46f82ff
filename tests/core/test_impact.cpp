// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "core/impact.hpp"

namespace fundscreen::core {

namespace {

LightThresholds thresholds(int64_t red_failed_share, int64_t min_known, int64_t max_unknown_share) {
  LightThresholds t;
  t.red_failed_share = Thousandths{red_failed_share};
  t.min_known = min_known;
  t.max_unknown_share = Thousandths{max_unknown_share};
  return t;
}

std::string light_of(size_t held, size_t failed, size_t unknown, const LightThresholds& t = LightThresholds{}) {
  LightVerdict v = light_for(ImpactCounts{held, failed, unknown}, t);
  return std::string(light_name(v.light)) + ": " + v.reason;
}

Impact impact(std::string id, std::string_view indicator) {
  RuleScope scope;
  scope.outcome_enabled = true;
  scope.outcome_fields = outcome_fields();
  Impact i;
  i.id = std::move(id);
  i.indicator = compile_rule(indicator, scope);
  i.indicator_written = true;
  return i;
}

Criterion criterion(std::string id, std::vector<std::string> protects) {
  Criterion c;
  c.id = std::move(id);
  for (auto& p : protects) c.protects.push_back({std::move(p), {}});
  return c;
}

// An outcome report: application, continued, resources_as_planned, problem_confirmed,
// goals_met, goals_total, note; an empty optional is a missing value.
Outcome report(std::string id, std::optional<bool> continued, std::optional<int64_t> met, std::optional<int64_t> total,
               std::string note = "") {
  Outcome o;
  o.values.resize(outcome_fields().size());
  o.values[0] = std::move(id);
  if (continued) o.values[1] = *continued;
  if (met) o.values[4] = *met;
  if (total) o.values[5] = *total;
  if (!note.empty()) o.values[6] = std::move(note);
  return o;
}

// "held", "failed: <reads>" or "unknown: <reason>" for each project of one impact.
std::vector<std::string> results(const ImpactFinding& f) {
  std::vector<std::string> out;
  for (const auto& r : f.results) {
    std::string text = f.impact->id + " " + r.application + " " + std::string(impact_result_name(r.result));
    if (r.result == ImpactResult::unknown) text += ": " + r.reason;
    if (r.result == ImpactResult::failed)
      for (const auto& read : r.reads) text += " " + read.path + "=" + to_display(read.value_read());
    out.push_back(text);
  }
  return out;
}

} // namespace

TEST_CASE("core::light_for with the default thresholds") {
  CHECK(light_of(8, 0, 0) == "green: all 8 known held");
  CHECK(light_of(7, 1, 0) == "yellow: 1 of 8 known failed");
  SUBCASE("exactly half failed is not most: yellow; one more is red") {
    CHECK(light_of(4, 4, 0) == "yellow: 4 of 8 known failed");
    CHECK(light_of(3, 5, 0) == "red: 5 of 8 known failed");
  }
  SUBCASE("unknown results do not count as failed, but too many make it red") {
    CHECK(light_of(2, 0, 2) == "green: all 2 known held");
    CHECK(light_of(2, 0, 3) == "red: too little data: 3 of 5 unknown");
  }
  SUBCASE("no projects at all is too little data") {
    CHECK(light_of(0, 0, 0) == "red: too little data: 0 known, at least 1 needed");
  }
}

TEST_CASE("core::light_for at the set's thresholds") {
  LightThresholds t = thresholds(250, 4, 200);
  SUBCASE("min_known: four known results are enough, three are not") {
    CHECK(light_of(4, 0, 1, t) == "green: all 4 known held");
    CHECK(light_of(3, 0, 0, t) == "red: too little data: 3 known, at least 4 needed");
  }
  SUBCASE("max_unknown_share: exactly 20% unknown is allowed, more is not") {
    CHECK(light_of(8, 0, 2, t) == "green: all 8 known held");
    CHECK(light_of(7, 0, 2, t) == "red: too little data: 2 of 9 unknown");
  }
  SUBCASE("red_failed_share: exactly a quarter failed is yellow, more is red") {
    CHECK(light_of(6, 2, 0, t) == "yellow: 2 of 8 known failed");
    CHECK(light_of(5, 2, 0, t) == "red: 2 of 7 known failed");
  }
  SUBCASE("a share of 0 makes any failure red, min_known 0 allows no data") {
    CHECK(light_of(9, 1, 0, thresholds(0, 1, 500)) == "red: 1 of 10 known failed");
    CHECK(light_of(0, 0, 0, thresholds(500, 0, 500)) == "green: all 0 known held");
  }
}

TEST_CASE("core::assess_impacts") {
  CriteriaSet set;
  set.impacts.push_back(impact("continuity", "outcome.continued"));
  set.impacts.push_back(impact("realistic-goals", "outcome.goals_met >= outcome.goals_total"));
  set.criteria.push_back(criterion("C2", {"realistic-goals"}));
  set.criteria.push_back(criterion("C7", {"continuity"}));
  set.criteria.push_back(criterion("C9", {"continuity", "realistic-goals"}));
  set.criteria.push_back(criterion("C10", {}));

  std::vector<Outcome> reports = {
      report("A1", true, 3, 3),
      report("A2", true, 0, 3, "shorter than planned"),
      report("A3", std::nullopt, 2, 2),
      report("A4", false, std::nullopt, 4),
  };
  std::vector<Project> projects;
  for (const Outcome& o : reports) projects.push_back({std::get<std::string>(o.values[0]), &o});
  projects.push_back({"A5", nullptr});
  ImpactAssessment a = assess_impacts(set, projects);

  CHECK(a.projects == 5);
  REQUIRE(a.impacts.size() == 2);
  SUBCASE("each indicator on each project: held, failed with the values read, unknown with why") {
    CHECK(results(a.impacts[0]) == std::vector<std::string>{
                                       "continuity A1 held",
                                       "continuity A2 held",
                                       "continuity A3 unknown: outcome.continued is missing",
                                       "continuity A4 failed outcome.continued=false",
                                       "continuity A5 unknown: no outcome report",
                                   });
    CHECK(results(a.impacts[1]) == std::vector<std::string>{
                                       "realistic-goals A1 held",
                                       "realistic-goals A2 failed outcome.goals_met=0 outcome.goals_total=3",
                                       "realistic-goals A3 held",
                                       "realistic-goals A4 unknown: outcome.goals_met is missing",
                                       "realistic-goals A5 unknown: no outcome report",
                                   });
    CHECK(a.impacts[1].results[1].note == "shorter than planned");
  }
  SUBCASE("per impact: the protecting criteria, the counts and the light") {
    CHECK(a.impacts[0].criteria == std::vector<std::string>{"C7", "C9"});
    CHECK(a.impacts[0].counts.held == 2);
    CHECK(a.impacts[0].counts.failed == 1);
    CHECK(a.impacts[0].counts.unknown == 2);
    CHECK(a.impacts[0].light.light == Light::yellow);
  }
  SUBCASE("per criterion: failed where any protected impact failed, unknown where one is unknown") {
    REQUIRE(a.criteria.size() == 4);
    const CriterionFinding& c9 = a.criteria[2];
    CHECK(c9.impacts == std::vector<std::string>{"continuity", "realistic-goals"});
    CHECK(c9.counts.held == 1);
    CHECK(c9.counts.failed == 2);
    CHECK(c9.counts.unknown == 2);
    CHECK(c9.failed_in == std::vector<std::string>{"A2", "A4"});
    CHECK(c9.unknown_in == std::vector<std::string>{"A3", "A5"});
    CHECK(light_name(c9.light.light) == "red");
    CHECK(c9.light.reason == "2 of 3 known failed");
  }
  SUBCASE("a criterion that protects nothing is red, every project unknown") {
    const CriterionFinding& c10 = a.criteria[3];
    CHECK(c10.counts.unknown == 5);
    CHECK(c10.light.light == Light::red);
    CHECK(c10.light.reason == "protects no impact of the set");
  }
}

TEST_CASE("core::goal_target_floor") {
  CHECK(goal_target_floor("32") == 32.0);
  CHECK(goal_target_floor("40–50") == 40.0);
  CHECK(goal_target_floor("2-3") == 2.0);
  CHECK(goal_target_floor(" 0,5 – 1 ") == 0.5);
  CHECK(goal_target_floor("-3") == -3.0);
  CHECK_FALSE(goal_target_floor("6–4"));
  CHECK_FALSE(goal_target_floor("many"));
  CHECK_FALSE(goal_target_floor("4–"));
  CHECK_FALSE(goal_target_floor(""));
}

} // namespace fundscreen::core
