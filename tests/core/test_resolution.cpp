// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "core/funding.hpp"
#include "core/resolution.hpp"

using namespace fundscreen;
using core::Decision;

namespace {

core::Money euros(int64_t n) { return core::Money{n * 100}; }

// A call of budget `budget` over eligible applications A, B, C... in rank order with these
// requests, each at input position = its place in the list.
struct Line {
  core::CriteriaSet set;
  std::vector<core::RankEntry> ranked;
  core::FundingLine screening;
  core::Resolutions resolutions;
  std::vector<core::Screened> screened;
  util::Diagnostics found;

  Line(int64_t budget, std::vector<int64_t> requests, core::FundingPolicy policy = core::FundingPolicy::strict) {
    set.call.budget = euros(budget);
    set.funding = policy;
    for (size_t i = 0; i < requests.size(); ++i) {
      core::RankEntry e;
      e.index = i;
      e.id = std::string(1, static_cast<char>('A' + i));
      e.amount = euros(requests[i]);
      ranked.push_back(e);
    }
    screening = core::draw_ranked_funding_line(set, ranked);
  }

  // An application outside the ranking (clarify, say) at input position `index`.
  void unranked(std::string id, size_t index, Decision decision, int64_t request) {
    extra.push_back({index, std::move(id), decision, false, euros(request), {}});
  }

  void resolve(std::string id, Decision decision, std::optional<int64_t> amount = std::nullopt,
               std::string reason = "neuvoteltu") {
    core::Resolution r;
    r.application = id;
    r.decision = decision;
    if (amount) r.amount = euros(*amount);
    r.decided_on = "2021-04-28";
    r.decided_by = "ohjelmajohtaja";
    r.reason = std::move(reason);
    r.where = r.application_where = r.decision_where = r.amount_where = r.reason_where = {"r.csv", 2, 1};
    resolutions.add(std::move(r), found);
  }

  // The final line as "id:decision" in rank order.
  std::vector<std::string> bind() {
    screened = extra;
    for (const core::RankEntry& e : ranked)
      if (resolutions.find(e.id)) screened.push_back({e.index, e.id, Decision::fund, true, e.amount, {}});
    final_line = core::bind_resolutions(set, ranked, screening, resolutions, screened, found);
    std::vector<std::string> out;
    for (const core::Placement& p : final_line.placements) {
      std::string id = p.index < ranked.size() ? ranked[p.index].id : "";
      for (const core::Screened& s : extra)
        if (s.index == p.index) id = s.id;
      out.push_back(id + ":" + std::string(core::decision_name(p.decision)));
    }
    return out;
  }

  std::vector<core::Screened> extra;
  core::FundingLine final_line;
};

using Ids = std::vector<std::string>;

} // namespace

TEST_CASE("core::bind_resolutions") {
  SUBCASE("a fund rejected in negotiation frees its budget: the reserve moves up") {
    Line line(300, {100, 100, 100, 100});
    CHECK(line.screening.funded == 3);
    line.resolve("B", Decision::reject);
    CHECK(line.bind() == Ids{"A:fund", "C:fund", "D:fund"});
    CHECK(line.final_line.funded == 3);
    CHECK(line.final_line.used == euros(300));
    CHECK(line.found.errors() == 0);
  }
  SUBCASE("a clarified application resolved to fund takes its amount first") {
    Line line(300, {100, 100, 100, 100});
    line.unranked("X", 9, Decision::clarify, 100);
    line.resolve("X", Decision::fund);
    CHECK(line.bind() == Ids{"X:fund", "A:fund", "B:fund", "C:reserve", "D:reserve"});
    CHECK(line.final_line.placements[0].rank == 1);
    CHECK(line.final_line.placements[0].cumulative == euros(100));
    CHECK(line.final_line.placements[3].rank == 4);
  }
  SUBCASE("an agreed amount is drawn instead of the request") {
    Line line(300, {100, 100, 100, 100});
    line.unranked("X", 9, Decision::clarify, 100);
    line.resolve("X", Decision::fund, 40);
    // 40 first, then A, B (240), C does not fit the 60 left: strict stops.
    CHECK(line.bind() == Ids{"X:fund", "A:fund", "B:fund", "C:reserve", "D:reserve"});
    CHECK(line.final_line.used == euros(240));
    line.resolutions = {};
    line.resolve("X", Decision::fund, 0);
    CHECK(line.bind() == Ids{"X:fund", "A:fund", "B:fund", "C:fund", "D:reserve"});
  }
  SUBCASE("resolved funds come in screening rank order, then the unranked by id; resolved reserves last") {
    Line line(1000, {100, 100, 100});
    line.unranked("Z", 8, Decision::clarify, 100);
    line.unranked("Y", 9, Decision::pending, 100);
    line.resolve("Z", Decision::fund);
    line.resolve("C", Decision::fund);
    line.resolve("Y", Decision::fund);
    line.resolve("A", Decision::reserve);
    CHECK(line.bind() == Ids{"C:fund", "Y:fund", "Z:fund", "B:fund", "A:reserve"});
  }
  SUBCASE("skip passes over what does not fit what the resolutions left") {
    Line line(300, {100, 150, 50}, core::FundingPolicy::skip);
    line.unranked("X", 9, Decision::clarify, 120);
    line.resolve("X", Decision::fund);
    CHECK(line.bind() == Ids{"X:fund", "A:fund", "B:reserve", "C:fund"});
    Line strict(300, {100, 150, 50});
    strict.unranked("X", 9, Decision::clarify, 120);
    strict.resolve("X", Decision::fund);
    CHECK(strict.bind() == Ids{"X:fund", "A:fund", "B:reserve", "C:reserve"});
  }
  SUBCASE("resolutions that overspend the budget are an error unless the set allows it") {
    Line line(300, {100, 100});
    line.resolve("A", Decision::fund, 250);
    line.resolve("B", Decision::fund, 100);
    line.bind();
    REQUIRE(line.found.errors() == 1);
    CHECK(line.found.items()[0].message ==
          "the resolutions fund 350 of a budget of 300; lower an agreed amount, or allow it in the criteria set "
          "with funding: {allow_overspend: true}");
    Line allowed(300, {100, 100, 100});
    allowed.set.allow_overspend = true;
    allowed.resolve("A", Decision::fund, 250);
    allowed.resolve("B", Decision::fund, 100);
    CHECK(allowed.bind() == Ids{"A:fund", "B:fund", "C:reserve"});
    CHECK(allowed.found.errors() == 0);
  }
  SUBCASE("a second resolution of an application is an error naming the first") {
    Line line(300, {100});
    line.resolve("A", Decision::fund);
    line.resolve("A", Decision::reject);
    REQUIRE(line.found.errors() == 1);
    CHECK(line.found.items()[0].message ==
          "a second resolution of 'A' (the first is on line 2); one application has one resolution: keep the one "
          "that stands");
  }
}

TEST_CASE("core::check_resolutions") {
  core::Resolutions resolutions;
  util::Diagnostics found;
  auto resolve = [&](std::string id, Decision d, std::string reason) {
    core::Resolution r;
    r.application = std::move(id);
    r.decision = d;
    r.reason = std::move(reason);
    resolutions.add(std::move(r), found);
  };
  core::IdRegistry ids;
  ids.add("OA-2021-012", {"a.csv", 2, 1}, found);
  ids.add("OA-2021-072", {"a.csv", 3, 1}, found);
  std::vector<core::Screened> screened = {{0, "OA-2021-012", Decision::reject, false, {}, {"C6", "C8"}}};
  SUBCASE("an unknown application, with a did-you-mean") {
    resolve("OA-2021-073", Decision::fund, "x");
    core::check_resolutions(resolutions, screened, ids, found);
    REQUIRE(found.errors() == 1);
    CHECK(found.items()[0].message ==
          "resolution of 'OA-2021-073', which is not among the applications; did you mean 'OA-2021-072'?");
  }
  SUBCASE("a fund of a failed application must name each failed criterion in its reason") {
    resolve("OA-2021-012", Decision::fund, "C6: resurssit vahvistettu; C80 ei koske");
    core::check_resolutions(resolutions, screened, ids, found);
    REQUIRE(found.errors() == 1);
    CHECK(found.items()[0].message == "resolution funds 'OA-2021-012', which failed C6, C8 in the screening; the "
                                      "reason must name each failed criterion by its id (C8) and say why it does "
                                      "not bar funding");
  }
  SUBCASE("a reason naming every failed criterion, or a reject, passes") {
    resolve("OA-2021-012", Decision::fund, "C6 ja C8: korjattu neuvotteluissa");
    core::check_resolutions(resolutions, screened, ids, found);
    CHECK(found.errors() == 0);
  }
  SUBCASE("an agreed amount above the request or under a tenth of it is a warning at the amount") {
    screened.push_back({1, "OA-2021-072", Decision::clarify, false, core::Money{9990000}, {}});
    auto agree = [&](int64_t cents) {
      core::Resolution r;
      r.application = "OA-2021-072";
      r.decision = Decision::fund;
      r.amount = core::Money{cents};
      r.reason = "ok";
      r.amount_where = {"r.csv", 2, 18};
      resolutions.add(std::move(r), found);
      core::check_resolutions(resolutions, screened, ids, found);
    };
    SUBCASE("95 for 99 900: written in thousands") {
      agree(9500);
      REQUIRE(found.items().size() == 1);
      CHECK(found.items()[0].severity == util::Severity::warning);
      CHECK(found.items()[0].where.column == 18);
      CHECK(found.items()[0].message == "the agreed amount 95 for 'OA-2021-072' is under a tenth of the 99900 "
                                        "applied for; if it is written in thousands, write it in euros (95000)");
    }
    SUBCASE("150 000 for 99 900") {
      agree(15000000);
      REQUIRE(found.items().size() == 1);
      CHECK(found.items()[0].message == "the agreed amount 150000 for 'OA-2021-072' is more than the 99900 applied "
                                        "for; check the amount, which a negotiation rarely raises");
    }
    SUBCASE("95 000 for 99 900, and exactly the request, pass") {
      agree(9500000);
      CHECK(found.items().empty());
    }
  }
  CHECK(core::names_id("(C8)", "C8"));
  CHECK_FALSE(core::names_id("C80", "C8"));
  CHECK_FALSE(core::names_id("XC8", "C8"));
}
