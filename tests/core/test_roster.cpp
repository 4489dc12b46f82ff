// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/roster.hpp"
#include "io/criteria_loader.hpp"
#include "test_builders.hpp"

using namespace fundscreen;
using fundscreen::testing::listing;

namespace {

// X1 a rule, J1 and B1 take verdicts.
core::CriteriaSet small_set() { return io::parse_criteria(testing::rule_judgement_both_yaml(), "set.yaml"); }

// A reviewer read from `line` of the roster, with `criteria` (none: any).
core::RosterReviewer reviewer(const std::string& id, const std::string& name, int line,
                              std::vector<std::string> criteria = {}) {
  return core::RosterReviewer{id, name, std::move(criteria), {"reviewers.csv", line, 1}, {"reviewers.csv", line, 20}};
}

// The roster of the tests: an id that is a name, and ids that are not.
core::Roster roster(util::Diagnostics& found) {
  core::Roster r("reviewers.csv");
  r.add(reviewer("Aino Mäkelä", "Aino Mäkelä", 2, {"J1"}), found);
  r.add(reviewer("mv", "Mikko Virtanen", 3), found);
  r.add(reviewer("lh", "Liisa Heikkilä", 4, {"J1", "B1"}), found);
  return r;
}

core::Assessment assessment(const std::string& reviewer, const std::string& criterion) {
  core::Assessment a;
  a.application = "A1";
  a.criterion = criterion;
  a.reviewer = reviewer;
  a.where = {"arviot.csv", 14, 1};
  a.criterion_where = {"arviot.csv", 14, 13};
  a.reviewer_where = {"arviot.csv", 14, 16};
  return a;
}

core::Conflict conflict(const std::string& reviewer, int line) {
  core::Conflict c(reviewer, "A1", "");
  c.where = {"conflicts.csv", line, 1};
  c.reviewer_where = {"conflicts.csv", line, 1};
  return c;
}

} // namespace

TEST_CASE("core::Roster::add") {
  util::Diagnostics found;
  core::Roster r = roster(found);
  r.add(reviewer("mv", "Mikko V.", 7), found);
  CHECK(listing(found.items()) == "7:1: duplicate reviewer 'mv' on the roster (first at line 3)\n");
  CHECK(r.reviewers().size() == 3);
  REQUIRE(r.find("mv"));
  CHECK(r.find("mv")->name == "Mikko Virtanen");
  CHECK(r.find("Mikko Virtanen") == nullptr); // ids only
}

TEST_CASE("core::Roster::check") {
  core::CriteriaSet set = small_set();
  util::Diagnostics found;
  core::Roster r("reviewers.csv");
  r.add(reviewer("a", "A", 2, {"J1", "B1"}), found);
  r.add(reviewer("b", "B", 3, {"J11"}), found);
  r.add(reviewer("c", "C", 4, {"X1"}), found);
  r.add(reviewer("d", "D", 5, {"Q7"}), found);
  r.check(set, found);
  CHECK(listing(found.items()) ==
        "3:20: unknown criterion 'J11' for reviewer 'b'; did you mean 'J1'?\n"
        "4:20: criterion 'X1' is decided by its rule and takes no reviewers' verdicts; remove it from the criteria "
        "of reviewer 'c'\n"
        "5:20: unknown criterion 'Q7' for reviewer 'd'; the criteria that take verdicts are J1, B1\n");
}

TEST_CASE("core::Roster::unknown") {
  util::Diagnostics found;
  core::Roster r = roster(found);
  SUBCASE("a typo of an id") {
    CHECK(r.unknown("Aino Mäkälä") ==
          "unknown reviewer 'Aino Mäkälä', not on the roster reviewers.csv; did you mean 'Aino Mäkelä'?");
  }
  SUBCASE("a name, not the id: the id is the fix") {
    CHECK(r.unknown("Mikko Virtanen") ==
          "unknown reviewer 'Mikko Virtanen', not on the roster reviewers.csv; it is the name of reviewer 'mv': "
          "write the id 'mv'");
  }
  SUBCASE("a typo of a name") {
    CHECK(r.unknown("Mikko Virtanenn") ==
          "unknown reviewer 'Mikko Virtanenn', not on the roster reviewers.csv; did you mean 'mv' (Mikko Virtanen)?");
  }
  SUBCASE("nobody near") {
    CHECK(r.unknown("Jussi Översti") == "unknown reviewer 'Jussi Översti', not on the roster reviewers.csv; add the "
                                        "reviewer to the roster or correct the name");
  }
}

TEST_CASE("core::check_reviewer") {
  util::Diagnostics found;
  core::Roster r = roster(found);
  SUBCASE("on the roster, for a criterion listed or with none listed") {
    core::check_reviewer(r, assessment("Aino Mäkelä", "J1"), found);
    core::check_reviewer(r, assessment("mv", "B1"), found);
    CHECK(found.items().empty());
  }
  SUBCASE("not on the roster: at the reviewer's cell") {
    core::check_reviewer(r, assessment("Aino Makela", "J1"), found);
    CHECK(listing(found.items()) ==
          "14:16: unknown reviewer 'Aino Makela', not on the roster reviewers.csv; did you mean 'Aino Mäkelä'?\n");
  }
  SUBCASE("a criterion the roster does not list for the reviewer: at the criterion's cell") {
    core::check_reviewer(r, assessment("Aino Mäkelä", "B1"), found);
    CHECK(listing(found.items()) == "14:13: reviewer 'Aino Mäkelä' is not on the roster for 'B1' (reviewers.csv:2 "
                                    "lists J1); correct the criterion or add it to the reviewer's criteria\n");
  }
}

TEST_CASE("core::check_conflict_reviewers") {
  util::Diagnostics found;
  core::CriteriaSet set = small_set();
  std::vector<core::Conflict> conflicts = {conflict("lh", 2), conflict("Liisa Heikkilä", 3), conflict("Aino", 4)};
  SUBCASE("with a roster: its ids") {
    core::Roster r = roster(found);
    core::check_conflict_reviewers(conflicts, &r, nullptr, found);
    CHECK(listing(found.items()) == "3:1: unknown reviewer 'Liisa Heikkilä', not on the roster reviewers.csv; it is "
                                    "the name of reviewer 'lh': write the id 'lh'\n"
                                    "4:1: unknown reviewer 'Aino', not on the roster reviewers.csv; add the reviewer "
                                    "to the roster or correct the name\n");
  }
  SUBCASE("without a roster: the reviewers who gave assessments, a row with a bad criterion too") {
    core::AssessmentIndex index(set);
    for (const char* name : {"lh", "Liisa Heikkila", "Aino"}) index.count_reviewer(assessment(name, "Q9"));
    core::check_conflict_reviewers(conflicts, nullptr, &index, found);
    CHECK(listing(found.items()) == "3:1: unknown reviewer 'Liisa Heikkilä' in a conflict, who gave none of the "
                                    "assessments read; did you mean 'Liisa Heikkila'?\n");
  }
  SUBCASE("without a roster or assessments: nothing to check against, said once a file") {
    core::AssessmentIndex index(set);
    core::check_conflict_reviewers(conflicts, nullptr, &index, found);
    CHECK(listing(found.items()) ==
          "2:1: the conflicts' reviewers cannot be checked: no assessments were read and no roster was given; give "
          "the call's roster (--reviewers) or the assessments\n");
  }
  SUBCASE("no conflicts: nothing to say") {
    core::check_conflict_reviewers({}, nullptr, nullptr, found);
    CHECK(found.items().empty());
  }
}

TEST_CASE("core::check_similar_reviewers") {
  core::CriteriaSet set = small_set();
  core::AssessmentIndex index(set);
  int line = 1;
  for (const char* name : {"Liisa Heikkilä", "Liisa Heikkilä", "Aino Mäkelä", "Liisa Heikkila", "Jussi Översti"}) {
    core::Assessment a = assessment(name, "J1");
    a.reviewer_where = {"arviot.csv", ++line, 13};
    index.count_reviewer(a);
  }
  SUBCASE("the rarer of two near names, at its first assessment") {
    util::Diagnostics found;
    core::check_similar_reviewers(index, util::Severity::warning, found);
    CHECK(listing(found.items()) ==
          "5:13: reviewer 'Liisa Heikkila' (1 assessment) is spelt almost like 'Liisa Heikkilä' (2 assessments); if "
          "they are one person, correct the name: as two reviewers, a conflict of interest declared for one does not "
          "leave out the other's verdicts; the call's roster (--reviewers) checks every name\n");
    CHECK(found.warnings() == 1);
    util::Diagnostics strict;
    core::check_similar_reviewers(index, util::Severity::error, strict);
    CHECK(strict.errors() == 1);
  }
  SUBCASE("names that differ enough say nothing") {
    core::AssessmentIndex apart(set);
    for (const char* name : {"Aino Mäkelä", "Jussi Översti", "Mikko Virtanen"})
      apart.count_reviewer(assessment(name, "J1"));
    util::Diagnostics found;
    core::check_similar_reviewers(apart, util::Severity::warning, found);
    CHECK(found.items().empty());
  }
}
