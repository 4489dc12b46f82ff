// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "core/pass_score.hpp"
#include "test_builders.hpp"

using namespace fundscreen;
using core::Verdict;

namespace {

// A judged criterion with a pass_score of `thousandths`, or none.
core::Criterion judged(std::optional<int64_t> thousandths) {
  core::Criterion c;
  c.id = "Q1";
  c.kind = core::CriterionKind::judgement;
  if (thousandths) c.pass_score = core::Thousandths{*thousandths};
  return c;
}

// An assessment of Q1 with what the reviewer wrote, its cells on line 7 of scores.csv.
core::Assessment written(std::optional<Verdict> verdict, std::optional<int> halves) {
  core::Assessment a;
  a.application = "P1";
  a.criterion = "Q1";
  a.reviewer = "Aino Mäkelä";
  a.verdict = verdict;
  a.score_halves = halves;
  a.where = {"scores.csv", 7, 1};
  a.verdict_where = {"scores.csv", 7, 31};
  a.score_where = {"scores.csv", 7, 36};
  return a;
}

// What check_verdict() reports, one `line:column: message` a line; "ok" and nothing else if
// the assessment's verdict counts.
std::string checked(const core::Criterion& c, const core::Assessment& a) {
  util::Diagnostics found;
  bool ok = core::check_verdict(c, a, found);
  CHECK(ok == (found.errors() == 0));
  return ok ? "ok" : testing::listing(found.items());
}

} // namespace

TEST_CASE("core::verdict_from_score") {
  SUBCASE("at or above the pass_score passes, below fails") {
    core::Criterion c = judged(3000);
    CHECK(core::verdict_from_score(c, 6) == Verdict::pass);
    CHECK(core::verdict_from_score(c, 10) == Verdict::pass);
    CHECK(core::verdict_from_score(c, 5) == Verdict::fail);
    CHECK(core::verdict_from_score(c, 0) == Verdict::fail);
  }
  SUBCASE("a half-point pass_score, exactly") {
    core::Criterion c = judged(2500);
    CHECK(core::verdict_from_score(c, 5) == Verdict::pass);
    CHECK(core::verdict_from_score(c, 4) == Verdict::fail);
  }
  SUBCASE("no pass_score: the score says nothing") { CHECK_FALSE(core::verdict_from_score(judged({}), 10)); }
}

TEST_CASE("core::counted_verdict") {
  core::Criterion c = judged(3000);
  SUBCASE("a score alone: derived") {
    auto v = core::counted_verdict(c, written({}, 7));
    REQUIRE(v);
    CHECK(v->verdict == Verdict::pass);
    CHECK(v->derived);
    CHECK(core::counted_verdict(c, written({}, 4))->verdict == Verdict::fail);
  }
  SUBCASE("a verdict written is the one that counts, not derived") {
    auto v = core::counted_verdict(c, written(Verdict::pass, 8));
    REQUIRE(v);
    CHECK(v->verdict == Verdict::pass);
    CHECK_FALSE(v->derived);
    CHECK(core::counted_verdict(c, written(Verdict::unclear, {}))->verdict == Verdict::unclear);
  }
  SUBCASE("neither, or a score alone without a pass_score: nothing") {
    CHECK_FALSE(core::counted_verdict(c, written({}, {})));
    CHECK_FALSE(core::counted_verdict(judged({}), written({}, 8)));
  }
}

TEST_CASE("core::check_verdict") {
  core::Criterion c = judged(3000);
  SUBCASE("a score alone, or a verdict that agrees with it") {
    CHECK(checked(c, written({}, 8)) == "ok");
    CHECK(checked(c, written(Verdict::pass, 6)) == "ok");
    CHECK(checked(c, written(Verdict::fail, 5)) == "ok");
  }
  SUBCASE("a verdict without a score: the reviewer's, unclear included (they could not judge)") {
    CHECK(checked(c, written(Verdict::unclear, {})) == "ok");
    CHECK(checked(c, written(Verdict::fail, {})) == "ok");
  }
  SUBCASE("a verdict the score contradicts, at the verdict's cell") {
    CHECK(checked(c, written(Verdict::fail, 8)) ==
          "7:31: verdict 'fail' contradicts the score 4, which passes criterion Q1 (pass_score: 3); leave the verdict "
          "empty to let the score decide, or correct the score\n");
    CHECK(checked(judged(2500), written(Verdict::pass, 4)) ==
          "7:31: verdict 'pass' contradicts the score 2, which fails criterion Q1 (pass_score: 2.5); leave the "
          "verdict empty to let the score decide, or correct the score\n");
  }
  SUBCASE("unclear beside a score that decides") {
    CHECK(checked(c, written(Verdict::unclear, 7)) ==
          "7:31: verdict 'unclear' beside the score 3.5, which passes criterion Q1 (pass_score: 3); leave the "
          "verdict empty to let the score decide, or the score empty if the reviewer could not judge\n");
  }
  SUBCASE("neither a score nor a verdict, at the score's cell") {
    CHECK(checked(c, written({}, {})) ==
          "7:36: missing score: criterion Q1 derives the verdict from the score (pass_score: 3); give a score, or "
          "the verdict 'unclear' if the reviewer could not judge\n");
  }
  SUBCASE("without a pass_score: a verdict is needed, a score beside it is not checked") {
    CHECK(checked(judged({}), written({}, 8)) == "7:31: missing verdict: criterion Q1 has no pass_score to derive "
                                                 "it from the score; give pass, fail or unclear\n");
    CHECK(checked(judged({}), written(Verdict::fail, 10)) == "ok");
  }
  SUBCASE("a verdict or score that could not be read was reported where it was read") {
    core::Assessment a = written({}, {});
    a.cells_read = false;
    CHECK(checked(c, a) == "ok");
  }
}
