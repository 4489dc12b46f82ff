// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "core/funding.hpp"
#include "core/screener.hpp"
#include "i18n/i18n.hpp"
#include "io/criteria_loader.hpp"
#include "test_builders.hpp"
#include "util/text.hpp"

using namespace fundscreen;
using core::Decision;
using core::Status;

namespace {

// A small call: two rule criteria, one judged criterion, one scored by reviewers.
const char* const k_set = R"(
id: small
version: 1
call: {deadline: 2021-03-01, budget: 200000}
fields:
  - {name: id, type: string, required: true}
  - {name: applicant, type: string}
  - {name: stage, type: enum, values: [idea, ongoing]}
  - {name: started, type: date}
  - {name: requested_eur, type: money, required: true}
criteria:
  - {id: R1, kind: rule, rule: 'app.stage != "idea"', protects: [i]}
  - {id: R2, kind: rule, rule: 'app.started <= call.deadline - 3 months', protects: [i]}
  - {id: J1, kind: judgement, weight: 2, protects: [i]}
  - {id: B1, kind: both, rule: 'app.requested_eur <= 150000', weight: 1, protects: [i]}
impacts:
  - {id: i, indicator: outcome.continued}
ranking:
  tie_break:
    - {criterion: J1}
    - {field: requested_eur, order: asc}
    - {field: id}
funding: {policy: strict}
)";

struct Call {
  explicit Call(const std::string& yaml = k_set) : set(io::parse_criteria(yaml, "set.yaml")), index(set) {}

  // An application with `stage`, `started` and `requested`.
  core::Application app(const std::string& id, const std::string& stage, const std::string& started,
                        const std::string& requested, const std::string& applicant = "Mäkelä Oy") {
    core::Application a;
    a.values.resize(set.fields.size());
    std::string why;
    auto put = [&](const char* field, const std::string& text) {
      int f = set.field_index(field);
      a.values[f] = *core::parse_field_value(text, set.fields[f], why);
    };
    put("id", id);
    put("applicant", applicant);
    put("stage", stage);
    put("started", started);
    put("requested_eur", requested);
    return a;
  }

  void review(const std::string& app, const std::string& criterion, const std::string& reviewer, core::Verdict verdict,
              std::optional<int> halves = std::nullopt) {
    core::Assessment a;
    a.application = app;
    a.criterion = criterion;
    a.reviewer = reviewer;
    a.verdict = verdict;
    a.score_halves = halves;
    index.add(a);
  }

  // `reviewer`'s score alone, in half points: on a criterion with a pass_score it gives the verdict.
  void score(const std::string& app, const std::string& criterion, const std::string& reviewer, int halves) {
    core::Assessment a;
    a.application = app;
    a.criterion = criterion;
    a.reviewer = reviewer;
    a.score_halves = halves;
    index.add(a);
  }

  // Both judged criteria passed by two reviewers with the given half-point scores.
  void pass_all(const std::string& app, int j1_a, int j1_b, int b1 = 8) {
    review(app, "J1", "Aino", core::Verdict::pass, j1_a);
    review(app, "J1", "Jussi", core::Verdict::pass, j1_b);
    review(app, "B1", "Aino", core::Verdict::pass, b1);
    review(app, "B1", "Jussi", core::Verdict::pass, b1);
  }

  // `reviewer` declares a conflict with application `app` or applicant `applicant`.
  void conflict(const std::string& reviewer, const std::string& app, const std::string& applicant) {
    conflicts.add(core::Conflict(reviewer, app, applicant));
  }

  // The assessment of `a`; the same as assess_into() gives into an assessment reused from
  // the application before and from one with every value missing, as a screening's worker
  // reuses its own, with the reads copied or as views into the record; and the same decision,
  // criteria and score as outline() (the first pass) gives.
  core::Assessed assess(const core::Application& a) {
    core::Screener screener(set, &index, &conflicts);
    core::Assessed fresh = screener.assess(a, core::TraceReads::yes);
    CHECK(outline_text(screener.outline(a)) == outline_text(fresh));
    screener.assess_into(a, core::TraceReads::yes, reused);
    CHECK(testing::trail_text(reused) == testing::trail_text(fresh));
    core::Application blank;
    blank.values.resize(set.fields.size());
    screener.assess_into(blank, core::TraceReads::yes, reused);
    screener.assess_into(a, core::TraceReads::yes, reused);
    CHECK(testing::trail_text(reused) == testing::trail_text(fresh));
    screener.assess_into(a, core::TraceReads::views, reused); // the reads point into `a`
    CHECK(testing::trail_text(reused) == testing::trail_text(fresh));
    screener.assess_into(a, core::TraceReads::yes, reused); // copies again, before `a` goes
    // The step that decided reads the same on both paths (csv words it from the outline) in
    // every language.
    for (i18n::Lang lang : {i18n::Lang::en, i18n::Lang::fi, i18n::Lang::sv}) {
      core::Screener in(set, &index, &conflicts, lang);
      core::Assessed worded = in.assess(a, core::TraceReads::no);
      CHECK(core::decided_by(set, in.outline(a), lang) == worded.decided_by);
      CHECK(outline_text(worded) == outline_text(fresh));
    }
    CHECK(core::decided_by(set, screener.outline(a), i18n::Lang::en) == fresh.decided_by);
    return fresh;
  }

  // The assessment of `a` with its reasons in `lang`.
  core::Assessed assess_in(i18n::Lang lang, const core::Application& a) {
    return core::Screener(set, &index, &conflicts, lang).assess(a, core::TraceReads::yes);
  }

  // What an outline says: the decision, the failed, unclear and pending criteria, the score.
  std::string outline_text(const core::Outline& o) {
    std::string out(core::decision_name(o.decision));
    for (uint64_t mask : {o.failed, o.unclear, o.pending}) {
      out += " (";
      core::append_criteria(out, set, mask, ",");
      out += ")";
    }
    return out + " " + (o.score ? core::to_string(*o.score) : "-");
  }

  // The same of an assessment.
  std::string outline_text(const core::Assessed& a) {
    std::string out(core::decision_name(a.decision));
    for (const auto* list : {&a.failed, &a.unclear, &a.pending}) out += " (" + util::join(*list, ",") + ")";
    return out + " " + (a.score ? core::to_string(*a.score) : "-");
  }

  const core::CriterionResult& criterion(const core::Assessed& a, const std::string& id) {
    for (const auto& r : a.criteria)
      if (r.criterion->id == id) return r;
    FAIL("no criterion " << id);
    return a.criteria.front();
  }

  // The funding line over `apps`, as (id, rank, decision) in rank order.
  std::vector<std::tuple<std::string, int, Decision>> rank(const std::vector<core::Application>& apps) {
    std::vector<core::RankEntry> entries;
    for (size_t i = 0; i < apps.size(); ++i) {
      core::Assessed a = assess(apps[i]);
      REQUIRE(a.eligible);
      entries.push_back(core::rank_entry(set, a, apps[i], i));
    }
    core::FundingLine line = core::draw_funding_line(set, entries);
    std::vector<std::tuple<std::string, int, Decision>> out;
    for (const auto& p : line.placements) out.emplace_back(entries[p.index].id, p.rank, p.decision);
    return out;
  }

  core::CriteriaSet set;
  core::AssessmentIndex index;
  core::ConflictIndex conflicts;
  core::Assessed reused;
};

} // namespace

TEST_CASE("core::Screener precedence") {
  Call call;
  SUBCASE("any failed criterion rejects, and every failed criterion is listed") {
    auto app = call.app("A1", "idea", "2020-01-01", "160000");
    call.pass_all("A1", 8, 8);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::reject);
    CHECK(a.failed == std::vector<std::string>{"R1", "B1"});
    CHECK(a.decided_by == "failed R1, B1");
  }
  SUBCASE("a fail wins over unclear and pending") {
    auto app = call.app("A1", "idea", "", "1000"); // R2 unclear (no start), J1 pending
    auto a = call.assess(app);
    CHECK(a.decision == Decision::reject);
    CHECK(a.unclear == std::vector<std::string>{"R2"});
    CHECK(a.pending == std::vector<std::string>{"J1", "B1"});
  }
  SUBCASE("a rule that reads a missing value sends the application to clarify, with the reason") {
    auto app = call.app("A1", "ongoing", "", "1000");
    call.pass_all("A1", 8, 8);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::clarify);
    CHECK(call.criterion(a, "R2").reason == "the rule cannot be decided: app.started is missing");
  }
  SUBCASE("a judgement with no verdict yet is pending") {
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(a.decided_by == "awaiting verdicts on J1");
    CHECK(call.criterion(a, "J1").reason == "no reviewer's verdict yet");
  }
  SUBCASE("all passed is eligible with the weighted mean score") {
    auto app = call.app("A1", "ongoing", "2020-12-01", "150000"); // both boundaries pass
    call.pass_all("A1", 8, 9, 6);                                 // J1 mean 4.25, B1 mean 3
    auto a = call.assess(app);
    CHECK(a.eligible);
    REQUIRE(a.score);
    CHECK(*a.score == core::Score(2 * 425 + 300, 300)); // (2*4.25 + 3) / 3
    CHECK(core::to_string(*a.score) == "3.83");
  }
}

TEST_CASE("core::Screener aggregates reviewers") {
  Call call;
  auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
  call.pass_all("A1", 8, 8);
  SUBCASE("a mix of pass and fail is unclear") {
    call.review("A1", "J1", "Liisa", core::Verdict::fail, 2);
    auto r = call.criterion(call.assess(app), "J1");
    CHECK(r.status == Status::unclear);
    CHECK(r.reason == "the reviewers disagree: 2 pass, 1 fail");
  }
  SUBCASE("one reviewer's unclear makes it unclear") {
    call.review("A1", "J1", "Liisa", core::Verdict::unclear);
    auto r = call.criterion(call.assess(app), "J1");
    CHECK(r.status == Status::unclear);
    CHECK(r.reason == "1 reviewer said unclear");
  }
  SUBCASE("all fail is fail") {
    Call other;
    auto b = other.app("B", "ongoing", "2020-01-01", "1000");
    other.review("B", "J1", "Aino", core::Verdict::fail, 2);
    other.review("B", "J1", "Jussi", core::Verdict::fail, 1);
    auto r = other.criterion(other.assess(b), "J1");
    CHECK(r.status == Status::fail);
    CHECK(r.reason == "both reviewers failed it");
    CHECK(*r.mean_score == core::Score(3, 4));
  }
  SUBCASE("a reviewer with a declared conflict is left out, and the trail says so") {
    call.review("A1", "J1", "Liisa", core::Verdict::fail, 0);
    call.conflict("Liisa", "", "Mäkelä Oy");
    auto r = call.criterion(call.assess(app), "J1");
    CHECK(r.status == Status::pass);
    CHECK(r.reason == "both reviewers passed it (1 left out for a conflict of interest)");
    REQUIRE(r.reviews.size() == 3);
    CHECK(r.reviews[2].left_out == "Liisa declared a conflict of interest with Mäkelä Oy");
    CHECK(*r.mean_score == core::Score(4, 1));
  }
  SUBCASE("a conflict by application id") {
    call.conflict("Aino", "A1", "");
    auto r = call.criterion(call.assess(app), "J1");
    CHECK(r.reason == "the reviewer passed it (1 left out for a conflict of interest)");
  }
}

TEST_CASE("core::Screener thresholds") {
  SUBCASE("a mean score below min_score fails the criterion") {
    std::string yaml = k_set;
    yaml.replace(yaml.find("weight: 2,"), 10, "weight: 2, min_score: 3.5,");
    Call call(yaml);
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.pass_all("A1", 6, 7); // mean 3.25
    auto a = call.assess(app);
    CHECK(a.decision == Decision::reject);
    CHECK(call.criterion(a, "J1").reason == "both reviewers passed it; the mean score 3.25 is below the minimum 3.5");
  }
  SUBCASE("a weighted total below min_total rejects, naming the threshold") {
    std::string yaml = k_set;
    yaml.replace(yaml.find("ranking:\n"), 9, "ranking:\n  min_total: 4\n");
    Call call(yaml);
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.pass_all("A1", 8, 8, 6); // (2*4 + 3) / 3 = 3.67
    auto a = call.assess(app);
    CHECK(a.decision == Decision::reject);
    CHECK(a.decided_by == "score 3.67 is below the minimum total 4");
  }
}

TEST_CASE("core::draw_funding_line") {
  Call call;
  SUBCASE("ties are broken by the criterion score, then the smaller request, then the id") {
    // Same weighted score 4: (2*J1 + B1)/3 with J1 4.5, B1 3 and J1 4, B1 4.
    auto a = call.app("A", "ongoing", "2020-01-01", "50000");
    auto b = call.app("B", "ongoing", "2020-01-01", "50000");
    call.pass_all("A", 9, 9, 6);
    call.pass_all("B", 8, 8, 8);
    // C and D tie on everything but the request; E and F on everything but the id.
    auto c = call.app("C", "ongoing", "2020-01-01", "40000.50");
    auto d = call.app("D", "ongoing", "2020-01-01", "40000");
    call.pass_all("C", 4, 4, 4);
    call.pass_all("D", 4, 4, 4);
    auto f = call.app("F", "ongoing", "2020-01-01", "1000");
    auto e = call.app("E", "ongoing", "2020-01-01", "1000");
    call.pass_all("F", 2, 2, 2);
    call.pass_all("E", 2, 2, 2);
    auto ranked = call.rank({a, b, c, d, f, e});
    std::vector<std::string> order;
    for (auto& [id, rank, decision] : ranked) order.push_back(id);
    CHECK(order == std::vector<std::string>{"A", "B", "D", "C", "E", "F"});
  }
  SUBCASE("a tie-break on the id follows its order, whatever the input order") {
    REQUIRE(call.set.ranking.tie_break.back().name == "id");
    auto e = call.app("E", "ongoing", "2020-01-01", "1000");
    auto f = call.app("F", "ongoing", "2020-01-01", "1000");
    auto g = call.app("G", "ongoing", "2020-01-01", "1000");
    for (const char* id : {"E", "F", "G"}) call.pass_all(id, 2, 2, 2);
    auto order = [&](std::vector<core::Application> apps) {
      std::vector<std::string> ids;
      for (auto& [id, rank, decision] : call.rank(apps)) ids.push_back(id);
      return ids;
    };
    CHECK(order({g, e, f}) == std::vector<std::string>{"E", "F", "G"});
    call.set.ranking.tie_break.back().order = core::SortOrder::descending;
    CHECK(order({e, g, f}) == std::vector<std::string>{"G", "F", "E"});
  }
  SUBCASE("scores that differ below rounding are not a tie: 31/9 against 3.4444") {
    core::Score exact(31, 9);
    core::Score near(34444, 10000);
    CHECK(near < exact);
    CHECK(core::to_string(exact) == core::to_string(near));
  }
  SUBCASE("strict stops at the first application that does not fit; money is exact") {
    // Budget 200000: A 100000 funded, B 100000.50 does not fit the remaining 100000.
    auto a = call.app("A", "ongoing", "2020-01-01", "100000");
    auto b = call.app("B", "ongoing", "2020-01-01", "100000.50");
    auto c = call.app("C", "ongoing", "2020-01-01", "1000");
    call.pass_all("A", 10, 10);
    call.pass_all("B", 9, 9);
    call.pass_all("C", 8, 8);
    auto ranked = call.rank({a, b, c});
    CHECK(ranked == std::vector<std::tuple<std::string, int, Decision>>{
                        {"A", 1, Decision::fund}, {"B", 2, Decision::reserve}, {"C", 3, Decision::reserve}});
  }
  SUBCASE("skip passes over what does not fit and funds smaller ones below") {
    std::string yaml = k_set;
    yaml.replace(yaml.find("policy: strict"), 14, "policy: skip");
    Call skip(yaml);
    auto a = skip.app("A", "ongoing", "2020-01-01", "100000");
    auto b = skip.app("B", "ongoing", "2020-01-01", "100000.50");
    auto c = skip.app("C", "ongoing", "2020-01-01", "100000");
    skip.pass_all("A", 10, 10);
    skip.pass_all("B", 9, 9);
    skip.pass_all("C", 8, 8);
    auto ranked = skip.rank({a, b, c});
    CHECK(ranked == std::vector<std::tuple<std::string, int, Decision>>{
                        {"A", 1, Decision::fund}, {"B", 2, Decision::reserve}, {"C", 3, Decision::fund}});
  }
  SUBCASE("an application exactly at the remaining budget is funded") {
    auto a = call.app("A", "ongoing", "2020-01-01", "100000");
    auto b = call.app("B", "ongoing", "2020-01-01", "100000");
    call.pass_all("A", 10, 10);
    call.pass_all("B", 9, 9);
    auto ranked = call.rank({a, b});
    CHECK(std::get<2>(ranked[1]) == Decision::fund);
  }
}

TEST_CASE("core::Screener ranks by an expression") {
  std::string yaml = k_set;
  yaml.replace(yaml.find("ranking:\n"), 9, "ranking:\n  by: expression\n  expression: app.requested_eur\n");
  Call call(yaml);
  auto a = call.app("A", "ongoing", "2020-01-01", "95000.50");
  call.pass_all("A", 2, 2);
  auto assessed = call.assess(a);
  REQUIRE(assessed.score);
  CHECK(*assessed.score == core::Score(9500050, 100));
}

TEST_CASE("core::Screener min_reviewers") {
  // J1 needs two verdicts (the set's default), B1 one (its own).
  std::string yaml = k_set;
  yaml.replace(yaml.find("criteria:\n"), 10, "reviews: {min_reviewers: 2}\ncriteria:\n");
  yaml.replace(yaml.find("weight: 1,"), 10, "weight: 1, min_reviewers: 1,");
  Call call(yaml);
  auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
  call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
  SUBCASE("no verdict: pending, the reason says how many are required") {
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(a.pending == std::vector<std::string>{"J1"});
    CHECK(call.criterion(a, "J1").reason == "0 of 2 required reviews");
  }
  SUBCASE("one verdict of two: pending, a lone fail does not reject") {
    call.review("A1", "J1", "Aino", core::Verdict::fail, 2);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(call.criterion(a, "J1").status == Status::pending);
    CHECK(call.criterion(a, "J1").reason == "1 of 2 required reviews");
    CHECK(a.decided_by == "awaiting verdicts on J1");
  }
  SUBCASE("one verdict of two and a score below min_score: pending, not failed") {
    std::string low = yaml;
    low.replace(low.find("weight: 2,"), 10, "weight: 2, min_score: 3,");
    Call other(low);
    other.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    other.review("A1", "J1", "Aino", core::Verdict::pass, 2);
    auto a = other.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(other.criterion(a, "J1").reason == "1 of 2 required reviews");
  }
  SUBCASE("two verdicts: decided as before") {
    call.review("A1", "J1", "Aino", core::Verdict::fail, 2);
    call.review("A1", "J1", "Jussi", core::Verdict::fail, 1);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::reject);
    CHECK(call.criterion(a, "J1").reason == "both reviewers failed it");
    call.review("A1", "J1", "Liisa", core::Verdict::pass, 6);
    CHECK(call.assess(app).decision == Decision::clarify);
  }
  SUBCASE("two verdicts, one left out for a conflict: pending, and the reason says why") {
    call.review("A1", "J1", "Aino", core::Verdict::pass, 8);
    call.review("A1", "J1", "Jussi", core::Verdict::pass, 8);
    call.conflict("Jussi", "A1", "");
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    const auto& j1 = call.criterion(a, "J1");
    CHECK(j1.reason == "1 of 2 required reviews (1 left out for a conflict of interest)");
    CHECK(j1.reviews.size() == 2);
  }
  SUBCASE("no verdict, one left out for a conflict: pending") {
    call.review("A1", "J1", "Jussi", core::Verdict::pass, 8);
    call.conflict("Jussi", "", "Mäkelä Oy");
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(call.criterion(a, "J1").reason == "0 of 2 required reviews (1 left out for a conflict of interest)");
  }
  SUBCASE("two verdicts beside a conflict: eligible") {
    call.review("A1", "J1", "Aino", core::Verdict::pass, 8);
    call.review("A1", "J1", "Jussi", core::Verdict::pass, 6);
    call.review("A1", "J1", "Liisa", core::Verdict::fail, 0);
    call.conflict("Liisa", "A1", "");
    auto a = call.assess(app);
    CHECK(a.eligible);
    CHECK(call.criterion(a, "J1").reason == "both reviewers passed it (1 left out for a conflict of interest)");
  }
  SUBCASE("min_reviewers 1 on B1: one verdict decides it") {
    auto a = call.assess(app);
    CHECK(call.criterion(a, "B1").status == Status::pass);
    CHECK(call.criterion(a, "B1").reason == "the rule holds; the reviewer passed it");
  }
}

TEST_CASE("core::Screener a scored criterion awaits its score") {
  SUBCASE("a weighted criterion passed without a score is pending, not ranked on the others alone") {
    Call call;
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.review("A1", "J1", "Aino", core::Verdict::pass);
    call.review("A1", "J1", "Jussi", core::Verdict::pass);
    call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(a.pending == std::vector<std::string>{"J1"});
    CHECK(call.criterion(a, "J1").reason == "both reviewers passed it but gave no score, which the ranking needs");
    CHECK_FALSE(a.score);
  }
  SUBCASE("one reviewer's score is enough") {
    Call call;
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.review("A1", "J1", "Aino", core::Verdict::pass);
    call.review("A1", "J1", "Jussi", core::Verdict::pass, 7);
    call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    auto a = call.assess(app);
    CHECK(a.eligible);
    CHECK(*a.score == core::Score(2 * 7 + 8, 2 * 3));
  }
  SUBCASE("a fail without a score still rejects") {
    Call call;
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.review("A1", "J1", "Aino", core::Verdict::fail);
    call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    CHECK(call.assess(app).decision == Decision::reject);
  }
  SUBCASE("a score left out for a conflict does not count") {
    Call call;
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.review("A1", "J1", "Aino", core::Verdict::pass);
    call.review("A1", "J1", "Jussi", core::Verdict::pass, 7);
    call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    call.conflict("Jussi", "A1", "");
    CHECK(call.assess(app).decision == Decision::pending);
  }
  SUBCASE("a min_score needs a score even when the ranking is by an expression") {
    std::string yaml = k_set;
    yaml.replace(yaml.find("weight: 2,"), 10, "weight: 2, min_score: 3,");
    yaml.replace(yaml.find("ranking:\n"), 9, "ranking:\n  by: expression\n  expression: app.requested_eur\n");
    Call call(yaml);
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.review("A1", "J1", "Aino", core::Verdict::pass);
    call.review("A1", "B1", "Aino", core::Verdict::pass); // weighed, but the ranking does not use it
    auto a = call.assess(app);
    CHECK(a.pending == std::vector<std::string>{"J1"});
    CHECK(call.criterion(a, "J1").reason == "the reviewer passed it but gave no score, which its min_score needs");
  }
}

TEST_CASE("core::Screener an application the ranking expression cannot score") {
  std::string yaml = k_set;
  yaml.replace(yaml.find("ranking:\n"), 9, "ranking:\n  by: expression\n  expression: app.started - 2020-01-01\n");
  Call call(yaml);
  auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
  call.pass_all("A1", 8, 8);
  app.values[call.set.field_index("started")] = core::Value{};
  // R2 reads `started` too: without it R2 is unclear, so give R2 nothing to say
  auto a = call.assess(app);
  CHECK(a.decision == Decision::clarify);
  std::string no_r2 = yaml;
  no_r2.replace(no_r2.find("  - {id: R2"), no_r2.find("  - {id: J1") - no_r2.find("  - {id: R2"), "");
  Call other(no_r2);
  auto b = other.app("A1", "ongoing", "2020-01-01", "1000");
  other.pass_all("A1", 8, 8);
  b.values[other.set.field_index("started")] = core::Value{};
  auto assessed = other.assess(b);
  CHECK(assessed.decision == Decision::pending);
  CHECK(assessed.pending.empty());
  CHECK(assessed.decided_by == "awaiting its ranking score: the ranking expression has no value");
}

TEST_CASE("core::Screener verdicts derived from scores by pass_score") {
  // J1 passes at 3 and needs two verdicts; B1 passes at 2.5 and needs one.
  std::string yaml = k_set;
  yaml.replace(yaml.find("criteria:\n"), 10, "reviews: {min_reviewers: 2}\ncriteria:\n");
  yaml.replace(yaml.find("weight: 2,"), 10, "weight: 2, pass_score: 3,");
  yaml.replace(yaml.find("weight: 1,"), 10, "weight: 1, pass_score: 2.5, min_reviewers: 1,");
  Call call(yaml);
  auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
  call.score("A1", "B1", "Aino", 5); // 2.5: passes, exactly at the pass_score
  SUBCASE("scores at or above the pass_score pass, and rank by their mean") {
    call.score("A1", "J1", "Aino", 6);
    call.score("A1", "J1", "Jussi", 9);
    auto a = call.assess(app);
    CHECK(a.eligible);
    CHECK(call.criterion(a, "J1").reason == "both reviewers passed it");
    CHECK(call.criterion(a, "B1").reason == "the rule holds; the reviewer passed it");
    REQUIRE(a.score);
    CHECK(*a.score == core::Score(2 * 375 + 250, 300)); // (2*3.75 + 2.5) / 3
    const auto& reviews = call.criterion(a, "J1").reviews;
    REQUIRE(reviews.size() == 2);
    CHECK(reviews[0].verdict == core::Verdict::pass);
    CHECK(reviews[0].derived);
  }
  SUBCASE("both below: failed, the application rejected") {
    call.score("A1", "J1", "Aino", 5);
    call.score("A1", "J1", "Jussi", 0);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::reject);
    CHECK(call.criterion(a, "J1").reason == "both reviewers failed it");
  }
  SUBCASE("one above and one below: the reviewers disagree") {
    call.score("A1", "J1", "Aino", 6);
    call.score("A1", "J1", "Jussi", 5);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::clarify);
    CHECK(call.criterion(a, "J1").reason == "the reviewers disagree: 1 pass, 1 fail");
  }
  SUBCASE("one score of the two required: pending, a low one does not reject") {
    call.score("A1", "J1", "Aino", 0);
    auto a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(call.criterion(a, "J1").reason == "1 of 2 required reviews");
  }
  SUBCASE("a score left out for a conflict counts neither as verdict nor as score") {
    call.score("A1", "J1", "Aino", 8);
    call.score("A1", "J1", "Jussi", 2); // would fail it
    call.score("A1", "J1", "Liisa", 7);
    call.conflict("Jussi", "A1", "");
    auto a = call.assess(app);
    CHECK(a.eligible);
    CHECK(call.criterion(a, "J1").reason == "both reviewers passed it (1 left out for a conflict of interest)");
    CHECK(*call.criterion(a, "J1").mean_score == core::Score(15, 4));
    call.conflict("Liisa", "", "Mäkelä Oy");
    a = call.assess(app);
    CHECK(a.decision == Decision::pending);
    CHECK(call.criterion(a, "J1").reason == "1 of 2 required reviews (2 left out for a conflict of interest)");
  }
  SUBCASE("derived and written verdicts count alike; only derived ones are marked") {
    call.score("A1", "J1", "Aino", 8);
    call.review("A1", "J1", "Jussi", core::Verdict::pass, 6);
    auto a = call.assess(app);
    CHECK(a.eligible);
    const auto& reviews = call.criterion(a, "J1").reviews;
    REQUIRE(reviews.size() == 2);
    CHECK(reviews[0].derived);
    CHECK_FALSE(reviews[1].derived);
  }
}

TEST_CASE("core::Screener words its reasons in the run's language") {
  Call call;
  SUBCASE("failed criteria, in Finnish and Swedish") {
    auto app = call.app("A1", "idea", "2020-01-01", "160000");
    call.pass_all("A1", 8, 8);
    CHECK(call.assess_in(i18n::Lang::fi, app).decided_by == "ei täyty: R1, B1");
    CHECK(call.assess_in(i18n::Lang::sv, app).decided_by == "uppfylls inte: R1, B1");
    CHECK(call.criterion(call.assess_in(i18n::Lang::fi, app), "R1").reason == "sääntö ei täyty");
  }
  SUBCASE("a missing value and a pending judgement") {
    auto app = call.app("A1", "ongoing", "", "1000");
    call.review("A1", "B1", "Aino", core::Verdict::pass, 8);
    core::Assessed fi = call.assess_in(i18n::Lang::fi, app);
    CHECK(call.criterion(fi, "R2").reason == "sääntöä ei voida ratkaista: app.started puuttuu");
    CHECK(call.criterion(fi, "J1").reason == "ei vielä arvioita");
    CHECK(fi.decided_by == "epäselvä: R2");
  }
  SUBCASE("reviewers and a conflict of interest") {
    auto app = call.app("A1", "ongoing", "2020-01-01", "1000");
    call.pass_all("A1", 8, 8);
    call.review("A1", "J1", "Liisa", core::Verdict::fail, 0);
    call.conflict("Liisa", "", "Mäkelä Oy");
    core::Assessed sv = call.assess_in(i18n::Lang::sv, app);
    const core::CriterionResult& j1 = call.criterion(sv, "J1");
    CHECK(j1.reason == "båda bedömarna anser att kriteriet uppfylls (1 utelämnad på grund av jäv)");
    CHECK(j1.reviews[2].left_out == "Liisa har anmält jäv: Mäkelä Oy");
    CHECK(sv.decided_by == "uppfyller alla kriterier");
  }
}
