// SPDX-License-Identifier: Apache-2.0
// The static checks of a criteria set, run as `fundscreen lint` runs them: through
// io::check_criteria on YAML text. Sets are written with criteria_set_yaml(), whose fixed
// head takes lines 1 to 10, so the body's first line is line 11.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "core/lint.hpp"
#include "io/criteria_loader.hpp"
#include "io/file.hpp"
#include "test_builders.hpp"

using fundscreen::core::CriterionKind;
using fundscreen::core::FundingPolicy;
using fundscreen::core::SortOrder;
using fundscreen::core::TieBreak;
using fundscreen::io::check_criteria;
using fundscreen::testing::criteria_set_yaml;
using fundscreen::testing::listing;
using fundscreen::testing::minimal_criteria_yaml;

namespace {

// Every problem `lint` finds in `yaml`, one `line:column: message` a line.
std::string problems(const std::string& yaml) { return listing(check_criteria(yaml, "set.yaml").problems); }

// The shipped set, read from the source tree (the tests run from the build folder).
std::string sitra_yaml() {
  auto path = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "criteria/sitra-2021.yaml";
  return fundscreen::io::read_file(path.string(), fundscreen::util::ErrorKind::criteria);
}

} // namespace

TEST_CASE("core::lint a set with nothing wrong") { CHECK(problems(minimal_criteria_yaml()) == ""); }

TEST_CASE("core::lint duplicate ids") {
  SUBCASE("a criterion id used twice, naming the line of the first") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuity]
  - id: R1
    kind: rule
    rule: has(app.requested_eur)
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "16:9: duplicate criterion id 'R1' (first defined at line 12)\n");
  }
  SUBCASE("an impact id used twice") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
  - id: continuity
    indicator: outcome.goals_met > 0
)")) == "19:9: duplicate impact id 'continuity' (first defined at line 17)\n");
  }
  SUBCASE("a field name used twice") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("  - {name: requested_eur"), 0, "  - {name: stage, type: string}\n");
    CHECK(problems(yaml) == "10:12: duplicate field 'stage' (first defined at line 9)\n");
  }
}

TEST_CASE("core::lint protects") {
  SUBCASE("an unknown impact, with the nearest suggested") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuty]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:16: criterion 'R1' protects unknown impact 'continuty'; did you mean 'continuity'?\n"
        "17:9: impact 'continuity' is protected by no criterion\n");
  }
  SUBCASE("a criterion that protects nothing") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
  - id: R2
    kind: rule
    rule: has(app.requested_eur)
    protects: []
  - id: R3
    kind: rule
    rule: has(app.id)
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "12:9: criterion 'R1' protects no impact; add protects: [IMPACT]\n"
        "15:9: criterion 'R2' protects no impact; add protects: [IMPACT]\n");
  }
  SUBCASE("an impact no criterion protects") {
    CHECK(problems(minimal_criteria_yaml() + R"(  - id: spare
    indicator: outcome.continued
)") == "24:9: impact 'spare' is protected by no criterion\n");
  }
  SUBCASE("an impact without an indicator") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuity]
impacts:
  - id: continuity
    description: the work goes on
)")) == "17:9: impact 'continuity' has no indicator; add indicator: EXPRESSION over outcome fields\n");
  }
}

TEST_CASE("core::lint weights and kinds") {
  SUBCASE("a negative weight") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: J1
    kind: judgement
    weight: -1.5
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "14:13: criterion 'J1' has a negative weight (-1.5); weights are 0 or more\n");
  }
  SUBCASE("a weight on a rule criterion") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    weight: 2
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:13: criterion 'R1' is a rule and has no reviewer scores to weigh\n");
  }
  SUBCASE("a min_score on a rule criterion") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    min_score: 3
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:16: criterion 'R1' is a rule and has no reviewer scores for a min_score\n");
  }
  SUBCASE("a rule or both criterion without a rule") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    protects: [continuity]
  - id: B1
    kind: both
    weight: 1
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "13:11: criterion 'R1' is of kind 'rule' but has no rule\n"
        "16:11: criterion 'B1' is of kind 'both' but has no rule\n");
  }
  SUBCASE("a judgement criterion with a rule") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: J1
    kind: judgement
    rule: app.stage != "idea"
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "1:1: the ranking is by the reviewers' scores, but no criterion they score has a weight: eligible "
        "applications are ranked by the tie-break order alone; give criteria a weight, or rank by an "
        "expression\n"
        "14:11: criterion 'J1' is of kind 'judgement' but has a rule; make it 'both' or remove the rule\n");
  }
}

TEST_CASE("core::lint tie-break") {
  const std::string criteria = R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuity]
  - id: J1
    kind: judgement
    weight: 1
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
ranking:
  tie_break:
)";
  SUBCASE("an unknown criterion, with the nearest suggested") {
    CHECK(problems(criteria_set_yaml(criteria + "    - {criterion: J2}\n")) ==
          "25:19: the tie-break names unknown criterion 'J2'; did you mean 'J1'?\n");
  }
  SUBCASE("an unknown criterion with two equally near ones suggests neither") {
    CHECK(problems(criteria_set_yaml(criteria + "    - {criterion: X1}\n")) ==
          "25:19: the tie-break names unknown criterion 'X1'\n");
  }
  SUBCASE("an unknown field, with the nearest suggested") {
    CHECK(problems(criteria_set_yaml(criteria + "    - {field: requsted_eur}\n")) ==
          "25:15: the tie-break names unknown field 'requsted_eur'; did you mean 'requested_eur'?\n");
  }
  SUBCASE("the score of a rule criterion, which has none") {
    CHECK(problems(criteria_set_yaml(criteria + "    - {criterion: R1}\n")) ==
          "25:19: the tie-break uses the score of 'R1', a rule criterion with no reviewer scores\n");
  }
  SUBCASE("known criteria and fields are fine") {
    CHECK(problems(criteria_set_yaml(criteria + "    - {criterion: J1}\n    - {field: requested_eur}\n")) == "");
  }
}

TEST_CASE("core::lint fields") {
  SUBCASE("a set without an 'id' field") {
    CHECK(problems(R"(id: mini
version: 1
call:
  name: Mini call
  budget: 800000
fields:
  - {name: stage, type: enum, values: [idea, ongoing], required: true}
  - {name: requested_eur, type: money, required: true}
criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)") == "1:1: the set declares no 'id' field; every application needs one\n");
  }
}

TEST_CASE("core::lint orders problems by line") {
  CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: J1
    kind: judgement
    rule: app.stage != "idea"
    protects: [continuty]
  - id: R1
    kind: rule
    weight: -1
  - id: R1
    kind: both
    rule: app.stag != "idea"
    protects: [continuity]
impacts:
  - id: continuity
  - id: spare
    indicator: outcome.continued
ranking:
  tie_break:
    - {criterion: R9}
)")) == "14:11: criterion 'J1' is of kind 'judgement' but has a rule; make it 'both' or remove the rule\n"
        "15:16: criterion 'J1' protects unknown impact 'continuty'; did you mean 'continuity'?\n"
        "16:9: criterion 'R1' protects no impact; add protects: [IMPACT]\n"
        "17:11: criterion 'R1' is of kind 'rule' but has no rule\n"
        "18:13: criterion 'R1' has a negative weight (-1); weights are 0 or more\n"
        "19:9: duplicate criterion id 'R1' (first defined at line 16)\n"
        "21:15: unknown field 'app.stag'; did you mean 'app.stage'?\n"
        "24:9: impact 'continuity' has no indicator; add indicator: EXPRESSION over outcome fields\n"
        "25:9: impact 'spare' is protected by no criterion\n"
        "28:3: the ranking is by the reviewers' scores, but no criterion they score has a weight: eligible "
        "applications are ranked by the tie-break order alone; give criteria a weight, or rank by an expression\n"
        "29:19: the tie-break names unknown criterion 'R9'; did you mean 'R1'?\n");
}

TEST_CASE("core::lint the shipped sitra-2021 set") {
  auto check = check_criteria(sitra_yaml(), "criteria/sitra-2021.yaml");
  const auto& set = check.set;

  SUBCASE("has no problems") { CHECK(listing(check.problems) == ""); }
  SUBCASE("has the call of the source case") {
    CHECK(set.id == "sitra-2021");
    REQUIRE(set.call.deadline);
    CHECK(fundscreen::core::to_string(*set.call.deadline) == "2021-03-01");
    REQUIRE(set.call.budget);
    CHECK(fundscreen::core::to_string(*set.call.budget) == "800000");
  }
  SUBCASE("has 15 fields, 11 criteria and 7 impacts") {
    CHECK(set.fields.size() == 15);
    CHECK(set.criteria.size() == 11);
    CHECK(set.impacts.size() == 7);
  }
  SUBCASE("weighs C1 twice, and C2, C3, C4 and C8 once") {
    REQUIRE(set.criterion("C1"));
    REQUIRE(set.criterion("C1")->weight);
    CHECK(fundscreen::core::to_string(*set.criterion("C1")->weight) == "2");
    for (auto id : {"C2", "C3", "C4", "C8"}) {
      CAPTURE(id);
      REQUIRE(set.criterion(id));
      REQUIRE(set.criterion(id)->weight);
      CHECK(fundscreen::core::to_string(*set.criterion(id)->weight) == "1");
    }
    CHECK_FALSE(set.criterion("C7")->weight.has_value());
  }
  SUBCASE("has C7 as a rule criterion with the rule the tests evaluate") {
    const auto* c7 = set.criterion("C7");
    REQUIRE(c7);
    CHECK(c7->kind == CriterionKind::rule);
    REQUIRE(c7->rule);
    CHECK(c7->rule->text() == fundscreen::testing::k_sitra_c7_rule);
  }
  SUBCASE("breaks ties by C1 desc, C8 desc, requested_eur asc, id asc") {
    std::string order;
    for (const TieBreak& t : set.ranking.tie_break)
      order += (t.key == TieBreak::Key::criterion_score ? "criterion " : "field ") + t.name +
               (t.order == SortOrder::descending ? " desc\n" : " asc\n");
    CHECK(order == "criterion C1 desc\ncriterion C8 desc\nfield requested_eur asc\nfield id asc\n");
  }
  SUBCASE("draws a strict funding line") { CHECK(set.funding == FundingPolicy::strict); }
}

TEST_CASE("core::lint impacts are optional for screening, required for impact") {
  using fundscreen::core::SetUse;
  using fundscreen::util::Severity;
  // Each finding as `line: severity`.
  auto severities = [](const std::string& yaml, SetUse use) {
    std::string out;
    for (const auto& d : check_criteria(yaml, "set.yaml", use).problems)
      out += std::to_string(d.where.line) + (d.severity == Severity::error ? ": error\n" : ": warning\n");
    return out;
  };
  std::string no_impacts = criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
)");
  SUBCASE("a set without impacts: one warning for screening, an error for impact") {
    CHECK(problems(no_impacts) == "1:1: the set defines no impacts; screening does without them, but 'fundscreen "
                                  "impact' needs impacts: with an indicator for each, and protects: [IMPACT] on each "
                                  "criterion\n");
    CHECK(severities(no_impacts, SetUse::screening) == "1: warning\n");
    CHECK(severities(no_impacts, SetUse::impact) == "1: error\n");
    CHECK_NOTHROW(fundscreen::io::parse_criteria(no_impacts, "set.yaml"));
    CHECK_THROWS_AS(fundscreen::io::parse_criteria(no_impacts, "set.yaml", SetUse::impact), fundscreen::util::Error);
  }
  SUBCASE("a criterion that protects nothing, an impact without indicator or criterion") {
    std::string yaml = criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
  - id: R2
    kind: rule
    rule: has(app.id)
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
  - id: spare
)");
    CHECK(severities(yaml, SetUse::screening) == "12: warning\n22: warning\n22: warning\n");
    CHECK(severities(yaml, SetUse::impact) == "12: error\n22: error\n22: error\n");
  }
  SUBCASE("an unknown impact stays an error: it is a typo, not an impact left out") {
    std::string yaml = criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    protects: [continuty]
)");
    CHECK(severities(yaml, SetUse::screening) == "1: warning\n15: error\n");
  }
}

TEST_CASE("core::lint the funding amount field") {
  SUBCASE("must be required: an eligible application without an amount would be funded at 0") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("{name: requested_eur, type: money, required: true}"),
                 std::string_view("{name: requested_eur, type: money, required: true}").size(),
                 "{name: requested_eur, type: money}");
    CHECK(problems(yaml) == "10:12: the funding amount field 'requested_eur' is not required; an eligible "
                            "application without an amount cannot be funded: add required: true\n");
  }
}

TEST_CASE("core::lint min_reviewers") {
  SUBCASE("on a rule criterion, which has no reviewers") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    min_reviewers: 2
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:20: criterion 'R1' is a rule and has no reviewers; remove min_reviewers\n");
  }
  SUBCASE("0 on a criterion and in the reviews section") {
    CHECK(problems(criteria_set_yaml(R"(reviews:
  min_reviewers: 0
criteria:
  - id: J1
    kind: judgement
    min_reviewers: 0
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "1:1: the ranking is by the reviewers' scores, but no criterion they score has a weight: eligible "
        "applications are ranked by the tie-break order alone; give criteria a weight, or rank by an "
        "expression\n"
        "12:18: reviews: min_reviewers 0; it is a whole number, 1 or more\n"
        "16:20: criterion 'J1' has min_reviewers 0; it is a whole number, 1 or more\n");
  }
  SUBCASE("not a whole number") {
    CHECK(problems(criteria_set_yaml(R"(reviews: {min_reviewers: 1.5}
criteria:
  - id: J1
    kind: judgement
    min_reviewers: two
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "11:26: invalid min_reviewers '1.5'; write a whole number such as 2\n"
        "15:20: invalid min_reviewers 'two'; write a whole number such as 2\n");
  }
  SUBCASE("2 on a judgement criterion and 3 for the set are fine") {
    CHECK(problems(criteria_set_yaml(R"(reviews: {min_reviewers: 3}
criteria:
  - id: J1
    kind: judgement
    min_reviewers: 2
    weight: 1
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "");
  }
}

TEST_CASE("core::lint pass_score") {
  SUBCASE("on a rule criterion, which has no reviewer scores") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: R1
    kind: rule
    rule: app.stage != "idea"
    pass_score: 3
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:17: criterion 'R1' is a rule and has no reviewer scores for a pass_score; remove pass_score, or make "
        "the criterion 'both'\n");
  }
  SUBCASE("outside the score scale, above or below it") {
    CHECK(problems(criteria_set_yaml(R"(reviews: {scale: {min: 1, max: 4}}
criteria:
  - id: J1
    kind: judgement
    weight: 1
    pass_score: 4.5
    protects: [continuity]
  - id: J2
    kind: both
    rule: app.requested_eur <= 50000
    pass_score: 0.5
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "16:17: criterion 'J1' has pass_score 4.5, outside the score scale 1 to 4 (reviews: scale): no score "
        "could pass it; write a pass_score on the scale\n"
        "21:17: criterion 'J2' has pass_score 0.5, outside the score scale 1 to 4 (reviews: scale): every score "
        "would pass it; write a pass_score on the scale\n");
  }
  SUBCASE("between half points, with the two nearest") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: J1
    kind: judgement
    weight: 1
    pass_score: 3.2
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:17: criterion 'J1' has pass_score 3.2, between half points, the steps of the scores; write 3 or 3.5\n");
  }
  SUBCASE("whole and half points on the scale, at its ends too, are fine") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: J1
    kind: judgement
    weight: 1
    pass_score: 2.5
    protects: [continuity]
  - id: J2
    kind: both
    rule: app.requested_eur <= 50000
    pass_score: 5
    protects: [continuity]
  - id: J3
    kind: judgement
    pass_score: 0
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "");
  }
  SUBCASE("not a number") {
    CHECK(problems(criteria_set_yaml(R"(criteria:
  - id: J1
    kind: judgement
    weight: 1
    pass_score: kolme
    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)")) == "15:17: invalid pass_score 'kolme'; write a number such as 1 or 0.5\n");
  }
}

TEST_CASE("core::lint letters") {
  SUBCASE("a text missing in a language the section writes others in") {
    CHECK(problems(minimal_criteria_yaml() + R"(letters:
  sender: {fi: Sitra, sv: Sitra}
  appeal: {fi: Pyytäkää uudelleenarviointia.}
  signature: {fi: Terveisin, sv: Hälsningar}
)") == "26:11: letters.appeal has no 'sv' text, but the section writes others in 'sv': letters in that language would "
       "show a placeholder; add letters.appeal.sv\n");
  }
  SUBCASE("a text missing from the section altogether, at the section") {
    CHECK(problems(minimal_criteria_yaml() + "letters:\n  sender: {en: Sitra}\n  appeal: {en: Write to us.}\n") ==
          "25:3: letters.signature has no 'en' text, but the section writes others in 'en': letters in that language "
          "would show a placeholder; add letters.signature.en\n");
  }
  SUBCASE("no section, nothing to say") { CHECK(problems(minimal_criteria_yaml()) == ""); }
  SUBCASE("the shipped Sitra set writes every text in the three languages") {
    CHECK(problems(sitra_yaml()).find("letters") == std::string::npos);
  }
}
