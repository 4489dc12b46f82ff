// SPDX-License-Identifier: Apache-2.0
// run::validate() on the example call: what `validate` prints is made of what it returns.
#include <string>

#include <doctest/doctest.h>

#include "run/validate.hpp"

TEST_CASE("run::validate") {
  std::string dir = std::string(FUNDSCREEN_SOURCE_DIR) + "/examples/sitra-2021/";
  fundscreen::run::ValidateInputs inputs;
  inputs.applications = {dir + "applications.csv"};
  inputs.criteria = std::string(FUNDSCREEN_SOURCE_DIR) + "/criteria/sitra-2021.yaml";
  inputs.assessments = {dir + "assessments.csv"};
  SUBCASE("without a roster: the reviewers the assessments name, by name") {
    inputs.conflicts = {dir + "conflicts.csv"};
    auto v = fundscreen::run::validate(inputs);
    CHECK(v.problems.errors() == 0);
    CHECK(v.applications == 82);
    CHECK(v.assessments == 1179);
    CHECK(v.conflicts == 2);
    CHECK_FALSE(v.roster.has_value());
    REQUIRE(v.reviewers.size() == 3);
    CHECK(v.reviewers[0] == std::pair<std::string, size_t>{"Aino Mäkelä", 371});
    CHECK(v.reviewers[2].first == "Liisa Heikkilä");
  }
  SUBCASE("with a roster: its reviewers, and no list") {
    inputs.reviewers = dir + "reviewers.csv";
    auto v = fundscreen::run::validate(inputs);
    CHECK(v.problems.errors() == 0);
    CHECK(v.roster == size_t{3});
    CHECK(v.reviewers.empty());
  }
  SUBCASE("an application read twice: a duplicate id, with its place") {
    inputs.applications.push_back(inputs.applications[0]);
    auto v = fundscreen::run::validate(inputs);
    CHECK(v.problems.errors() == 82);
    CHECK(v.problems.items()[0].message.find("duplicate application id") == 0);
  }
}
