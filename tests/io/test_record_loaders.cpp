// SPDX-License-Identifier: Apache-2.0
// The assessments' reader, on files written to the temporary folder: what a row may leave
// out when a criterion derives verdicts from scores (pass_score), and what it reports.
#include <fstream>

#include <doctest/doctest.h>
#include <unistd.h>

#include "io/criteria_loader.hpp"
#include "io/record_loaders.hpp"
#include "test_builders.hpp"

using namespace fundscreen;

namespace {

// J1 derives its verdicts from the scores (pass_score 3); J2 takes verdicts.
std::string panel_yaml(const std::string& j1 = "pass_score: 3") {
  return testing::criteria_set_yaml(R"(criteria:
  - {id: J1, kind: judgement, weight: 1, )" +
                                    j1 + R"(, protects: [c]}
  - {id: J2, kind: judgement, protects: [c]}
impacts:
  - {id: c, indicator: outcome.continued}
)");
}

// The assessments file `name` holding `text`, loaded against `yaml`: every problem, one
// `line:column: message` a line, then each verdict stored, `application criterion reviewer
// verdict` with `*` after a derived one.
std::string loaded(const std::string& name, const std::string& text, const std::string& yaml = panel_yaml()) {
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/fundscreen-" +
                     std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << text;
  core::CriteriaSet set = io::parse_criteria(yaml, "set.yaml");
  core::AssessmentIndex index(set);
  util::Diagnostics found;
  io::load_assessments(path, io::InputOptions{}, set, nullptr, index, found);
  std::remove(path.c_str());
  std::string out = testing::listing(found.items());
  for (const char* id : {"A1", "A2", "A3"})
    for (const auto& e : index.of(id))
      out += std::string(id) + " " + set.criteria[e.criterion].id + " " + index.reviewer(e.reviewer) + " " +
             std::string(core::verdict_name(e.verdict)) + (e.derived ? "*" : "") + "\n";
  return out;
}

} // namespace

TEST_CASE("io::load_assessments with a pass_score") {
  SUBCASE("scores alone, without a verdict column: the verdicts derived") {
    CHECK(loaded("scores.csv", "application,criterion,reviewer,score\n"
                               "A1,J1,Aino,3\n"
                               "A1,J1,Jussi,2.5\n") == "A1 J1 Aino pass*\n"
                                                       "A1 J1 Jussi fail*\n");
  }
  SUBCASE("an empty verdict cell beside a score, and a verdict that agrees") {
    CHECK(loaded("mixed.csv", "application,criterion,reviewer,verdict,score\n"
                              "A1,J1,Aino,,4\n"
                              "A1,J1,Jussi,fail,1\n"
                              "A1,J2,Aino,unclear,\n") == "A1 J1 Aino pass*\n"
                                                          "A1 J1 Jussi fail\n"
                                                          "A1 J2 Aino unclear\n");
  }
  SUBCASE("a verdict the score contradicts: reported at its cell, not stored") {
    CHECK(loaded("contradicts.csv", "application,criterion,reviewer,verdict,score\n"
                                    "A1,J1,Aino,fail,4\n") ==
          "2:12: verdict 'fail' contradicts the score 4, which passes criterion J1 (pass_score: 3); leave the verdict "
          "empty to let the score decide, or correct the score\n");
  }
  SUBCASE("no verdict on a criterion without a pass_score: at the row without the column") {
    CHECK(loaded("no-column.csv", "application,criterion,reviewer,score\n"
                                  "A1,J2,Aino,4\n") ==
          "2:1: missing verdict: criterion J2 has no pass_score to derive it from the score; give pass, fail or "
          "unclear\n");
  }
  SUBCASE("a bad verdict or score is reported once, where it was read") {
    CHECK(loaded("bad.csv", "application,criterion,reviewer,verdict,score\n"
                            "A1,J1,Aino,passed,\n"
                            "A1,J2,Jussi,,x\n"
                            "A2,J1,Aino,,7\n") ==
          "2:12: unknown value 'passed' for field 'verdict'; allowed: pass, fail, unclear (did you mean 'pass'?)\n"
          "3:14: invalid number 'x' for field 'score'; write a number such as 3.5 or 3,5\n"
          "4:13: score '7' is outside 0 to 5, the criteria set's score scale\n"
          "A1 J1 Aino unclear\n"
          "A1 J2 Jussi unclear\n"
          "A2 J1 Aino unclear\n");
  }
  SUBCASE("YAML: a score alone, and a missing verdict at the record") {
    CHECK(loaded("scores.yaml", "assessments:\n"
                                "  - {application: A1, criterion: J1, reviewer: Aino, score: 3.5}\n"
                                "  - {application: A1, criterion: J2, reviewer: Aino, score: 3.5}\n") ==
          "3:5: missing verdict: criterion J2 has no pass_score to derive it from the score; give pass, fail or "
          "unclear\n"
          "A1 J1 Aino pass*\n");
  }
}

TEST_CASE("io::load_assessments without a pass_score, as before") {
  std::string yaml = panel_yaml("min_score: 1");
  SUBCASE("the verdict column is required") {
    CHECK(loaded("no-verdicts.csv", "application,criterion,reviewer,score\nA1,J1,Aino,3\n", yaml) ==
          "1:1: missing required column 'verdict'\n");
  }
  SUBCASE("an empty verdict is a missing required value, reported once") {
    CHECK(loaded("empty.csv", "application,criterion,reviewer,verdict,score\nA1,J1,Aino,,3\n", yaml) ==
          "2:12: missing value for required field 'verdict'\n"
          "A1 J1 Aino unclear\n");
  }
}
