// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "core/set_diff.hpp"
#include "io/criteria_loader.hpp"

using namespace fundscreen;

namespace {

const char* const k_base = R"(
id: haku
version: 1
title: {fi: Haku, en: A call}
call: {name: Haku 2026, deadline: 2026-03-01, budget: 100000, parameters: {continues_after: 2026-12-31}}
fields:
  - {name: id, type: string, required: true}
  - {name: stage, type: enum, values: [idea, ongoing]}
  - {name: requested_eur, type: money, required: true}
criteria:
  - {id: X1, title: {en: Not an idea}, kind: rule, rule: 'app.stage != "idea"', protects: [c]}
  - {id: J1, title: {en: Impact}, kind: judgement, weight: 1, protects: [c]}
impacts:
  - {id: c, description: continues, indicator: outcome.continued}
ranking:
  tie_break: [{criterion: J1}, {field: id}]
funding: {policy: strict}
)";

// The changes from the base set to the base set with `from` replaced by `to`.
std::vector<std::string> changes(const std::string& from, const std::string& to) {
  std::string revised = k_base;
  REQUIRE(revised.find(from) != std::string::npos);
  revised.replace(revised.find(from), from.size(), to);
  auto a = io::parse_criteria(k_base, "old.yaml");
  auto b = io::parse_criteria(revised, "new.yaml");
  std::vector<std::string> out;
  for (const auto& c : core::diff_sets(a, b))
    out.push_back(std::string(core::change_kind_name(c.kind)) + " " + c.what + ": " + c.old_value + " | " +
                  c.new_value);
  return out;
}

} // namespace

TEST_CASE("core::diff_sets") {
  SUBCASE("identical sets have no changes") { CHECK(changes("version: 1", "version: 1").empty()); }
  SUBCASE("a rule") {
    CHECK(changes(R"('app.stage != "idea"')", R"('app.stage == "ongoing"')") ==
          std::vector<std::string>{R"(changed criterion X1 rule: app.stage != "idea" | app.stage == "ongoing")"});
  }
  SUBCASE("call values: deadline, budget and a parameter") {
    CHECK(changes("deadline: 2026-03-01, budget: 100000", "deadline: 2026-04-01, budget: 120000.50") ==
          std::vector<std::string>{"changed call deadline: 2026-03-01 | 2026-04-01",
                                   "changed call budget: 100000 | 120000.50"});
    CHECK(changes("continues_after: 2026-12-31", "continues_after: 2027-12-31") ==
          std::vector<std::string>{"changed call continues_after: 2026-12-31 | 2027-12-31"});
  }
  SUBCASE("a criterion removed or added, with its kind and rule") {
    std::string x1 =
        "  - {id: X1, title: {en: Not an idea}, kind: rule, rule: 'app.stage != \"idea\"', protects: [c]}\n";
    CHECK(changes(x1, "") == std::vector<std::string>{R"(removed criterion X1: rule: app.stage != "idea" | )"});
    CHECK(changes(x1, x1 + "  - {id: J2, kind: judgement, protects: [c]}\n") ==
          std::vector<std::string>{"added criterion J2:  | judgement"});
  }
  SUBCASE("weight, kind, protects and titles") {
    CHECK(changes("weight: 1, protects: [c]}", "weight: 2.5, protects: [c]}") ==
          std::vector<std::string>{"changed criterion J1 weight: 1 | 2.5"});
    CHECK(changes("{en: Impact}", "{fi: Vaikuttavuus, en: Impact}") ==
          std::vector<std::string>{"changed criterion J1 title (fi):  | Vaikuttavuus"});
  }
  SUBCASE("fields: a new one, and a changed type or enum values") {
    CHECK(changes("  - {name: requested_eur, type: money, required: true}\n",
                  "  - {name: requested_eur, type: money, required: true}\n  - {name: ok, type: boolean}\n") ==
          std::vector<std::string>{"added field ok:  | boolean"});
    CHECK(changes("values: [idea, ongoing]", "values: [idea, new, ongoing]") ==
          std::vector<std::string>{"changed field stage: enum [idea, ongoing] | enum [idea, new, ongoing]"});
  }
  SUBCASE("fields: a changed column, pattern, min, max or separator") {
    CHECK(changes("{name: stage, type: enum, values: [idea, ongoing]}",
                  "{name: stage, type: enum, values: [idea, ongoing], column: [Vaihe, Fas], pattern: '[a-z]+'}") ==
          std::vector<std::string>{"changed field stage: enum [idea, ongoing] | enum [idea, ongoing], column 'Vaihe' "
                                   "or 'Fas', pattern '[a-z]+'"});
    CHECK(changes("type: money, required: true}", "type: money, required: true, min: 1000, max: 150000}") ==
          std::vector<std::string>{
              "changed field requested_eur: money, required | money, required, min 1000, max 150000"});
    CHECK(changes("  - {name: requested_eur, type: money, required: true}\n",
                  "  - {name: requested_eur, type: money, required: true}\n"
                  "  - {name: p, type: list, separator: ';', column: Kumppanit}\n") ==
          std::vector<std::string>{"added field p:  | list, separator ';', column 'Kumppanit'"});
  }
  SUBCASE("ranking and funding") {
    CHECK(changes("{policy: strict}", "{policy: skip}") ==
          std::vector<std::string>{"changed funding policy: strict | skip"});
    CHECK(changes("{field: id}", "{field: id, order: desc}") ==
          std::vector<std::string>{"changed ranking tie-break: score of J1 desc, id asc | score of J1 desc, id desc"});
  }
  SUBCASE("traffic-light thresholds, against their defaults") {
    CHECK(changes("funding: {policy: strict}",
                  "funding: {policy: strict}\nlights: {red_failed_share: 0.25, min_known: 3}") ==
          std::vector<std::string>{"changed lights red_failed_share: 0.5 | 0.25", "changed lights min_known: 1 | 3"});
  }
  SUBCASE("min_reviewers: the set's and a criterion's") {
    CHECK(changes("funding: {policy: strict}", "funding: {policy: strict}\nreviews: {min_reviewers: 2}") ==
          std::vector<std::string>{"changed reviews min_reviewers: 1 | 2"});
    CHECK(changes("weight: 1,", "weight: 1, min_reviewers: 3,") ==
          std::vector<std::string>{"changed criterion J1 min_reviewers:  | 3"});
  }
  SUBCASE("pass_score: added, changed and removed, as min_score is") {
    CHECK(changes("weight: 1,", "weight: 1, pass_score: 3,") ==
          std::vector<std::string>{"changed criterion J1 pass_score:  | 3"});
    std::string with = k_base;
    with.replace(with.find("weight: 1,"), 10, "weight: 1, pass_score: 3,");
    auto a = io::parse_criteria(with, "old.yaml");
    auto b =
        io::parse_criteria(std::string(with).replace(with.find("pass_score: 3"), 13, "pass_score: 3.5"), "new.yaml");
    auto found = core::diff_sets(a, b);
    REQUIRE(found.size() == 1);
    CHECK(found[0].what == "criterion J1 pass_score");
    CHECK(found[0].old_value == "3");
    CHECK(found[0].new_value == "3.5");
  }
  SUBCASE("an impact's indicator") {
    CHECK(changes("indicator: outcome.continued", "indicator: outcome.continued and outcome.problem_confirmed") ==
          std::vector<std::string>{
              "changed impact c indicator: outcome.continued | outcome.continued and outcome.problem_confirmed"});
  }
}
