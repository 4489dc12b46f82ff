// SPDX-License-Identifier: Apache-2.0
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "report/problem_rules.hpp"

namespace report = fundscreen::report;

namespace {

std::string rule_of(std::string message) {
  fundscreen::util::Diagnostic d{{}, fundscreen::util::Severity::error, std::move(message), {}};
  return std::string(report::problem_rules()[report::problem_rule(d)].id);
}

} // namespace

TEST_CASE("report::problem_rule") {
  SUBCASE("the ids are unique and the last rule is the catch-all") {
    std::set<std::string_view> ids;
    for (const auto& rule : report::problem_rules()) {
      CHECK(ids.insert(rule.id).second);
      CHECK(!rule.title.empty());
      CHECK(!rule.help.empty());
    }
    CHECK(report::problem_rules().back().id == "other");
  }

  SUBCASE("messages of the same kind share a rule") {
    CHECK(rule_of("cannot read 'x.csv': No such file or directory") == "file-unreadable");
    CHECK(rule_of("this is a PDF document, not a CSV file; export the data") == "file-unreadable");
    CHECK(rule_of("invalid UTF-8 (byte 0xE4); the file looks like Windows-1252: save it as \"CSV UTF-8\"") ==
          "text-encoding");
    CHECK(rule_of("could not find expected ':' while scanning a simple key") == "yaml-syntax");
    CHECK(rule_of("this row has 3 fields but the header has 4; check for a stray ',' or a missing quote") ==
          "csv-structure");
    CHECK(rule_of("the file has a header but no applications") == "empty-file");
    CHECK(rule_of("duplicate criterion id 'C1' (first defined at line 9)") == "duplicate-id");
    CHECK(rule_of("duplicate application id 'A-1' (first at line 2)") == "duplicate-id");
    CHECK(rule_of("unknown column 'budjet' is ignored; did you mean 'budget'?") == "unknown-column");
    CHECK(rule_of("unknown key 'critera' in the criteria set; did you mean 'criteria'?") == "set-structure");
    CHECK(rule_of("missing value for required field 'id'") == "missing-value");
    CHECK(rule_of("unknown reviewer 'Mikko Virtanenn', not on the roster r.csv") == "unknown-reference");
    CHECK(rule_of("criterion 'C1' protects unknown impact 'I9'") == "unknown-reference");
    CHECK(rule_of("criterion 'X1' is of kind 'rule' but has no rule") == "criterion-kind");
    CHECK(rule_of("criterion 'C1' has a negative weight (-1); weights are 0 or more") == "weight");
    CHECK(rule_of("impact 'I1' has no indicator; add indicator: EXPRESSION over outcome fields") == "impact-coverage");
    CHECK(rule_of("the funding amount field 'x' is not money") == "funding");
    CHECK(rule_of("unknown type 'strng' for field 'x'; allowed: string") == "field-definition");
    CHECK(rule_of("expected an expression but found the end of the rule") == "rule-expression");
    CHECK(rule_of("cannot compare money with string") == "rule-expression");
    CHECK(rule_of("'ide' is not a value of app.stage; allowed: idea, ongoing (did you mean 'idea'?)") ==
          "rule-expression");
    CHECK(rule_of("invalid money '12k' for field 'requested_eur'; write an amount such as 12000") == "invalid-value");
    CHECK(rule_of("the file is empty; expected a header row and one row per application") == "empty-file");
    CHECK(rule_of("unknown value 'ongoin' for field 'stage'; allowed: idea, new, ongoing") == "invalid-value");
    CHECK(rule_of("invalid money '95000.505' for field 'requested_eur'; three digits after the separator is "
                  "ambiguous") == "invalid-value");
    CHECK(rule_of("list field 'partners' holds ',' in 'Oulun yliopisto, Business Oulu', read as 1 item") ==
          "list-separator");
    CHECK(rule_of("field 'title' is not a list; only list fields have a 'separator'") == "field-definition");
    CHECK(rule_of("'28.2.2025' is not a date literal; write the date as 2025-02-28") == "rule-expression");
    CHECK(rule_of("something new") == "other");
  }
}
