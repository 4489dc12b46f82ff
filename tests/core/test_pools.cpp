// SPDX-License-Identifier: Apache-2.0
// Funding pools (funding: pool_field and pools): each pool's own funding line, resolutions
// drawn from their application's pool, and what lint says of the pools.
#include <string>

#include <doctest/doctest.h>

#include "core/funding.hpp"
#include "core/resolution.hpp"
#include "io/criteria_loader.hpp"
#include "test_builders.hpp"

using namespace fundscreen;
using core::Decision;

namespace {

core::Money euros(int64_t n) { return core::Money{n * 100}; }

// A set of pools ESR+ and JOTPA with these budgets.
core::CriteriaSet pooled(int64_t esr, int64_t jotpa, core::FundingPolicy policy = core::FundingPolicy::strict) {
  core::CriteriaSet set;
  set.funding = policy;
  set.pool_field = "funder";
  set.pools = {{"ESR+", euros(esr), {}, {}}, {"JOTPA", euros(jotpa), {}, {}}};
  set.call.budget = euros(esr + jotpa);
  return set;
}

// Eligible applications in rank order, "A:ESR+:100" each: id, pool and request.
std::vector<core::RankEntry> ranked(const core::CriteriaSet& set, std::vector<std::string> specs) {
  std::vector<core::RankEntry> out;
  for (size_t i = 0; i < specs.size(); ++i) {
    const std::string& s = specs[i];
    size_t a = s.find(':'), b = s.rfind(':');
    core::RankEntry e;
    e.index = i;
    e.id = s.substr(0, a);
    e.pool = set.pool_index(s.substr(a + 1, b - a - 1));
    e.amount = euros(std::stoll(s.substr(b + 1)));
    out.push_back(e);
  }
  return out;
}

// The line as "id:pool:rank:decision" in its order.
std::vector<std::string> shown(const core::CriteriaSet& set, const std::vector<core::RankEntry>& entries,
                               const core::FundingLine& line) {
  std::vector<std::string> out;
  for (const core::Placement& p : line.placements)
    out.push_back(entries[p.index].id + ":" + set.pools[static_cast<size_t>(p.pool)].id + ":" + std::to_string(p.rank) +
                  ":" + std::string(core::decision_name(p.decision)));
  return out;
}

using Ids = std::vector<std::string>;

std::string problems(const std::string& yaml) {
  return testing::listing(io::check_criteria(yaml, "set.yaml").problems);
}

// The minimal set with pools by its `stage` field (idea, ongoing) and this funding section.
std::string with_funding(const std::string& funding) {
  return testing::minimal_criteria_yaml() + "funding:\n" + funding;
}

} // namespace

TEST_CASE("core::draw_ranked_funding_line with pools") {
  SUBCASE("strict: each pool's line stops at its own first entry that does not fit") {
    auto set = pooled(300, 200);
    auto entries = ranked(set, {"A:ESR+:200", "B:JOTPA:150", "C:ESR+:150", "D:JOTPA:50", "E:ESR+:50"});
    core::FundingLine line = core::draw_ranked_funding_line(set, entries);
    CHECK(shown(set, entries, line) ==
          Ids{"A:ESR+:1:fund", "C:ESR+:2:reserve", "E:ESR+:3:reserve", "B:JOTPA:1:fund", "D:JOTPA:2:fund"});
    REQUIRE(line.pools.size() == 2);
    CHECK(line.pools[0].id == "ESR+");
    CHECK(line.pools[0].budget == euros(300));
    CHECK(line.pools[0].used == euros(200));
    CHECK(line.pools[0].funded == 1);
    CHECK(line.pools[1].used == euros(200));
    CHECK(line.pools[1].funded == 2);
    CHECK(line.budget == euros(500));
    CHECK(line.used == euros(400));
    CHECK(line.funded == 3);
    CHECK(line.placements[4].cumulative == euros(200)); // D: JOTPA's own sum
  }
  SUBCASE("skip: each pool's line passes over what does not fit its own budget") {
    auto set = pooled(300, 200, core::FundingPolicy::skip);
    auto entries = ranked(set, {"A:ESR+:200", "B:JOTPA:150", "C:ESR+:150", "D:JOTPA:50", "E:ESR+:50"});
    core::FundingLine line = core::draw_ranked_funding_line(set, entries);
    CHECK(shown(set, entries, line) ==
          Ids{"A:ESR+:1:fund", "C:ESR+:2:reserve", "E:ESR+:3:fund", "B:JOTPA:1:fund", "D:JOTPA:2:fund"});
    CHECK(line.funded == 4);
    CHECK(line.used == euros(450));
  }
  SUBCASE("a pool that runs out leaves the other's budget alone") {
    auto set = pooled(100, 1000);
    auto entries = ranked(set, {"A:ESR+:100", "B:ESR+:100", "C:ESR+:100", "D:JOTPA:100", "E:JOTPA:100"});
    core::FundingLine line = core::draw_ranked_funding_line(set, entries);
    CHECK(shown(set, entries, line) ==
          Ids{"A:ESR+:1:fund", "B:ESR+:2:reserve", "C:ESR+:3:reserve", "D:JOTPA:1:fund", "E:JOTPA:2:fund"});
    CHECK(line.pools[0].used == euros(100));
    CHECK(line.pools[1].used == euros(200));
  }
  SUBCASE("a pool with no eligible application has an empty line") {
    auto set = pooled(100, 100);
    auto entries = ranked(set, {"A:ESR+:100"});
    core::FundingLine line = core::draw_ranked_funding_line(set, entries);
    CHECK(shown(set, entries, line) == Ids{"A:ESR+:1:fund"});
    CHECK(line.pools[1].funded == 0);
    CHECK(line.pools[1].used == euros(0));
  }
}

TEST_CASE("core::bind_resolutions with pools") {
  auto set = pooled(200, 200);
  auto entries = ranked(set, {"A:ESR+:100", "B:JOTPA:100", "C:ESR+:100", "D:ESR+:100", "E:JOTPA:100"});
  core::FundingLine screening = core::draw_ranked_funding_line(set, entries);
  REQUIRE(shown(set, entries, screening) ==
          Ids{"A:ESR+:1:fund", "C:ESR+:2:fund", "D:ESR+:3:reserve", "B:JOTPA:1:fund", "E:JOTPA:2:fund"});
  util::Diagnostics found;
  core::Resolutions resolutions;
  auto resolve = [&](std::string id, Decision d, std::optional<int64_t> amount = std::nullopt) {
    core::Resolution r;
    r.application = std::move(id);
    r.decision = d;
    if (amount) r.amount = euros(*amount);
    r.reason = "neuvoteltu";
    r.where = r.application_where = r.decision_where = r.amount_where = r.reason_where = {"r.csv", 2, 1};
    resolutions.add(std::move(r), found);
  };
  auto screened_of = [&] {
    std::vector<core::Screened> out;
    for (const core::RankEntry& e : entries)
      if (resolutions.find(e.id)) out.push_back({e.index, e.id, Decision::fund, true, e.amount, {}, e.pool});
    return out;
  };
  SUBCASE("a fund rejected frees its own pool's budget: that pool's reserve moves up, the other is unchanged") {
    resolve("A", Decision::reject);
    auto screened = screened_of();
    core::FundingLine line = core::bind_resolutions(set, entries, screening, resolutions, screened, found);
    CHECK(found.errors() == 0);
    CHECK(shown(set, entries, line) == Ids{"C:ESR+:1:fund", "D:ESR+:2:fund", "B:JOTPA:1:fund", "E:JOTPA:2:fund"});
    CHECK(line.pools[0].used == euros(200));
    CHECK(line.pools[1].used == euros(200));
  }
  SUBCASE("an agreed amount draws from its application's pool only") {
    resolve("B", Decision::fund, 150);
    auto screened = screened_of();
    core::FundingLine line = core::bind_resolutions(set, entries, screening, resolutions, screened, found);
    CHECK(shown(set, entries, line) ==
          Ids{"A:ESR+:1:fund", "C:ESR+:2:fund", "D:ESR+:3:reserve", "B:JOTPA:1:fund", "E:JOTPA:2:reserve"});
    CHECK(line.pools[1].used == euros(150));
  }
  SUBCASE("resolutions that overspend a pool are an error naming the pool") {
    resolve("B", Decision::fund, 250);
    auto screened = screened_of();
    core::bind_resolutions(set, entries, screening, resolutions, screened, found);
    REQUIRE(found.errors() == 1);
    CHECK(found.items()[0].message == "the resolutions fund 250 of a budget of 200 in pool 'JOTPA'; lower an agreed "
                                      "amount, or allow it in the criteria set with funding: {allow_overspend: true}");
  }
}

TEST_CASE("core::pool_problem") {
  auto set = pooled(1, 1);
  CHECK_FALSE(core::pool_problem(set, core::Value(std::string("JOTPA"))));
  CHECK(core::pool_problem(set, core::Value(std::string("JOTP"))) ==
        "unknown pool 'JOTP'; did you mean 'JOTPA'? (the pools are ESR+, JOTPA)");
  CHECK(core::pool_problem(set, core::Value(std::string("OKM"))) == "unknown pool 'OKM'; the pools are ESR+, JOTPA");
  CHECK(core::pool_problem(set, core::Value(std::string())) ==
        "no pool in 'funder'; each application draws from one of the pools: ESR+, JOTPA");
}

TEST_CASE("core::lint pools") {
  SUBCASE("pools that add up to the call's budget pass, and so do pools without one") {
    CHECK(problems(with_funding("  pool_field: stage\n  pools:\n    - {id: idea, budget: 300000}\n"
                                "    - {id: ongoing, budget: 500000}\n")) == "");
    std::string yaml =
        with_funding("  pool_field: stage\n  pools: [{id: idea, budget: 1}, {id: ongoing, budget: 2}]\n");
    yaml.replace(yaml.find("  budget: 800000\n"), std::string_view("  budget: 800000\n").size(), "");
    auto checked = io::check_criteria(yaml, "set.yaml");
    CHECK(testing::listing(checked.problems) == "");
  }
  SUBCASE("a pool field that is not a field, with a did-you-mean") {
    CHECK(problems(with_funding("  pool_field: stag\n  pools: [{id: idea, budget: 300000}, {id: ongoing, budget: "
                                "500000}]\n")) ==
          "25:15: the pool field 'stag' is not a field of the set; did you mean 'stage'?\n");
  }
  SUBCASE("a pool field without pools, pools without a pool field") {
    CHECK(problems(with_funding("  pool_field: stage\n")) ==
          "25:15: funding: pool_field 'stage' without pools; add pools: [{id: POOL, budget: AMOUNT}, ...] or "
          "remove pool_field\n");
    CHECK(problems(with_funding("  pools: [{id: idea, budget: 300000}, {id: ongoing, budget: 500000}]\n")) ==
          "25:10: funding: pools without a pool_field; add pool_field: FIELD, the field naming each application's "
          "pool\n");
  }
  SUBCASE("a pool id the enum pool field does not have, a pool field that is not text") {
    CHECK(problems(with_funding("  pool_field: stage\n  pools:\n    - {id: idae, budget: 300000}\n"
                                "    - {id: ongoing, budget: 500000}\n")) ==
          "27:7: pool 'idae' is not a value of the pool field 'stage'; did you mean 'idea'?\n");
    CHECK(problems(with_funding("  pool_field: requested_eur\n  pools: [{id: a, budget: 300000}, {id: b, budget: "
                                "500000}]\n")) ==
          "25:15: the pool field 'requested_eur' is a money field; a pool is named by a string or enum field\n");
  }
  SUBCASE("a call's budget that is not the pools' sum") {
    CHECK(problems(with_funding("  pool_field: stage\n  pools: [{id: idea, budget: 300000}, {id: ongoing, budget: "
                                "400000}]\n")) ==
          "6:11: the call's budget 800000 is not the sum of the pools' budgets, 700000; remove the call's budget "
          "(the pools' sum is then the call's), or make them agree\n");
  }
  SUBCASE("a duplicate pool id, a pool without a budget, one below zero") {
    CHECK(problems(with_funding("  pool_field: stage\n  pools:\n    - {id: idea, budget: 300000}\n"
                                "    - {id: idea, budget: 500000}\n")) ==
          "28:7: duplicate pool id 'idea' (first defined at line 27)\n");
    CHECK(problems(with_funding("  pool_field: stage\n  pools:\n    - {id: idea}\n    - {id: ongoing, budget: "
                                "-5}\n")) ==
          "27:7: pool 'idea' has no budget; add budget: AMOUNT\n"
          "28:29: pool 'ongoing' has a budget below zero, '-5'; write the money the pool has to give\n");
  }
}
