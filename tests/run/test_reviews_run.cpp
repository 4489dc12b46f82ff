// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "run/reviews_run.hpp"

using namespace fundscreen;

namespace {

run::ScreeningInputs sitra(bool roster) {
  std::string dir = std::string(FUNDSCREEN_SOURCE_DIR) + "/examples/sitra-2021/";
  run::ScreeningInputs inputs;
  inputs.criteria = std::string(FUNDSCREEN_SOURCE_DIR) + "/criteria/sitra-2021.yaml";
  inputs.applications = {dir + "applications.csv"};
  inputs.assessments = {dir + "assessments.csv"};
  inputs.conflicts = {dir + "conflicts.csv"};
  if (roster) inputs.reviewers = dir + "reviewers.csv";
  inputs.digests = run::Digests::skip;
  return inputs;
}

} // namespace

TEST_CASE("reviews run: the Sitra example with its roster and conflicts") {
  run::ReviewsRun run = run::reviews(sitra(true));
  const core::PanelReport& p = run.report;
  CHECK(p.roster);
  CHECK(p.applications == 82);
  CHECK(p.judged_applications == 33);
  REQUIRE(p.reviewers.size() == 3);
  CHECK(p.reviewers[0].reviewer == "Aino Mäkelä"); // roster order
  CHECK(p.reviewers[0].assigned == 33 * 7);
  // Liisa Heikkilä declared a conflict with OA-2021-029, which no rule rejects: 32 applications.
  CHECK(p.reviewers[2].reviewer == "Liisa Heikkilä");
  CHECK(p.reviewers[2].conflicts == 1);
  CHECK(p.reviewers[2].assigned == 32 * 7);
  for (const core::ReviewerLoad& l : p.reviewers) CHECK(*l.assigned == l.done - *l.unassigned + *l.owed);
  REQUIRE(p.criteria.size() == 7);
  CHECK(p.criteria[0].criterion->id == "C1");
  CHECK(p.criteria[0].alpha.thousandths == 569); // tests/reviews/alpha_reference.py agrees
}

TEST_CASE("reviews run: without a roster the same alpha, nothing assigned") {
  run::ReviewsRun run = run::reviews(sitra(false));
  CHECK_FALSE(run.report.roster);
  for (const core::ReviewerLoad& l : run.report.reviewers) CHECK_FALSE(l.assigned);
  CHECK(run.report.criteria[0].alpha.thousandths == 569);
}
