// SPDX-License-Identifier: Apache-2.0
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "io/criteria_loader.hpp"
#include "report/reviews_writer.hpp"
#include "test_builders.hpp"

using namespace fundscreen;

namespace {

struct Fixture {
  core::CriteriaSet set = io::parse_criteria(testing::criteria_set_yaml(R"(criteria:
  - {id: J1, kind: judgement, protects: [i]}
  - {id: J2, kind: judgement, protects: [i]}
impacts:
  - {id: i, indicator: outcome.continued}
)"),
                                             "set.yaml");
  core::RunInfo info;
  core::PanelReport panel;

  explicit Fixture(bool roster) {
    info.tool_version = "0.1.0";
    info.set = &set;
    info.criteria_path = "set.yaml";
    panel.roster = roster;
    panel.applications = 2;
    panel.judged_applications = 2;
    core::ReviewerLoad aino;
    aino.reviewer = "Aino";
    aino.on_roster = roster;
    aino.done = 3;
    if (roster) {
      aino.assigned = 4;
      aino.unassigned = 0;
      aino.owed = 1;
      aino.owed_by_application.push_back({"A2", {"J2"}});
    }
    panel.reviewers.push_back(aino);
    core::CriterionAgreement j1{&set.criteria[0], {}, {}};
    core::ScoreSpread spread;
    spread.application = "A1";
    spread.scores = 2;
    spread.min_halves = 2;
    spread.max_halves = 9;
    spread.pass = 1;
    spread.fail = 1;
    j1.applications.push_back(spread);
    j1.alpha.values = 4;
    j1.alpha.pairs = 2;
    j1.alpha.thousandths = -125;
    core::CriterionAgreement j2{&set.criteria[1], {}, {}};
    j2.alpha.values = 2;
    j2.alpha.pairs = 1;
    j2.alpha.undefined = "no variance";
    panel.criteria = {j1, j2};
  }

  std::string write(report::Format format) const {
    std::ostringstream out;
    report::write_reviews({&info, &panel}, format, out);
    return out.str();
  }
};

} // namespace

TEST_CASE("reviews writer: an undefined alpha is never a number") {
  Fixture f(true);
  std::string table = f.write(report::Format::table);
  CHECK(table.find("\nJ1              4      2       1         1  -0.125\n") != std::string::npos);
  CHECK(table.find("\nJ2              2      1       0         0  undefined (no variance)\n") != std::string::npos);
  std::string json = f.write(report::Format::json);
  CHECK(json.find("\"alpha\": -0.125,") != std::string::npos);
  CHECK(json.find("\"alpha\": null,\n      \"alpha_undefined\": \"no variance\",") != std::string::npos);
  std::string csv = f.write(report::Format::csv);
  CHECK(csv.find("agreement,,J2,,,,,,,,,,,,,2,1,alpha undefined: no variance\n") != std::string::npos);
  CHECK(f.write(report::Format::markdown).find("| J2 |  | 2 | 1 | undefined (no variance) |  |  |\n") !=
        std::string::npos);
}

TEST_CASE("reviews writer: owed assessments by application; spreads and disagreements") {
  Fixture f(true);
  std::string table = f.write(report::Format::table);
  CHECK(table.find("\nAino             4     3           0     1          0\n") != std::string::npos);
  CHECK(table.find("  J1: A1 (1 pass, 1 fail)\n") != std::string::npos);
  CHECK(table.find("  J1: A1 1–4.5 (2)\n") != std::string::npos);
  std::string csv = f.write(report::Format::csv);
  CHECK(csv.starts_with("section,reviewer,criterion,application,assigned,done,unassigned,owed,conflicts,scores,min,"
                        "max,pass,fail,alpha,values,pairs,note\n"));
  CHECK(csv.find("reviewer,Aino,,,4,3,0,1,0,") != std::string::npos);
  CHECK(csv.find("owed,Aino,J2,A2,") != std::string::npos);
  CHECK(csv.find("scores,,J1,A1,,,,,,2,1,4.5,1,1,,,,pass and fail\n") != std::string::npos);
  CHECK(f.write(report::Format::markdown).find("- **Aino**: A2 (J2)\n") != std::string::npos);
}

TEST_CASE("reviews writer: without a roster the table says so once and shows no assigned column") {
  Fixture f(false);
  std::string table = f.write(report::Format::table);
  CHECK(table.find("no roster (--reviewers): assigned and owed assessments are unknown\n") != std::string::npos);
  CHECK(table.find("assigned  done") == std::string::npos);
  CHECK(table.find("Aino         3          0\n") != std::string::npos);
  std::string json = f.write(report::Format::json);
  CHECK(json.find("\"assigned\": null,") != std::string::npos);
  CHECK(json.find("\"owed\": null,") != std::string::npos);
}
