// SPDX-License-Identifier: Apache-2.0
// Loading a criteria set from YAML: rule faults placed at their line and column in the
// file, YAML errors, unknown keys and the types call parameters get. Sets are written with
// criteria_set_yaml(), whose fixed head takes lines 1 to 10.
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "io/criteria_loader.hpp"
#include "test_builders.hpp"

using fundscreen::io::check_criteria;
using fundscreen::io::parse_criteria;
using fundscreen::testing::criteria_set_yaml;
using fundscreen::testing::listing;
using fundscreen::testing::minimal_criteria_yaml;
using fundscreen::util::Error;
using fundscreen::util::ErrorKind;
using fundscreen::util::format_diagnostic;

namespace {

// A set with one rule criterion whose `rule:` entry is `rule_lines` (from line 14 on).
std::string set_with_rule(std::string_view rule_lines) {
  return criteria_set_yaml(std::string(R"(criteria:
  - id: R1
    kind: rule
)") + std::string(rule_lines) +
                           R"(    protects: [continuity]
impacts:
  - id: continuity
    indicator: outcome.continued
)");
}

// The problems in `yaml` as `fundscreen lint` prints them, context lines included.
std::string printed(const std::string& yaml) {
  std::string out;
  for (const auto& d : check_criteria(yaml, "set.yaml").problems) out += format_diagnostic(d);
  return out;
}

std::string problems(const std::string& yaml) { return listing(check_criteria(yaml, "set.yaml").problems); }

// The first problem in `yaml` as `line:column: message`, or "none".
std::string first_problem(const std::string& yaml) {
  auto found = check_criteria(yaml, "set.yaml").problems;
  return found.empty() ? "none" : fundscreen::testing::place_and_message(found.front());
}

// The error loading `yaml` throws, if it throws one.
std::optional<Error> load_error(const std::string& yaml) {
  try {
    parse_criteria(yaml, "set.yaml");
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

// The call value `name` of the set in `yaml`, as an audit trail shows it, or "none".
std::string call_value(const std::string& yaml, std::string_view name) {
  auto set = check_criteria(yaml, "set.yaml").set;
  for (const auto& v : set.call.values)
    if (v.name == name) return fundscreen::core::to_display(v.value);
  return "none";
}

// A set whose call has `parameters` (indented lines under `  parameters:`).
std::string set_with_parameters(std::string_view parameters) {
  std::string yaml = minimal_criteria_yaml();
  yaml.insert(yaml.find("fields:"), "  parameters:\n" + std::string(parameters));
  return yaml;
}

} // namespace

TEST_CASE("io::check_criteria places a rule fault in the file") {
  SUBCASE("in a plain scalar") {
    CHECK(printed(set_with_rule("    rule: app.stage != \"ide\"\n")) ==
          "set.yaml:14:24: error: 'ide' is not a value of app.stage; allowed: idea, ongoing (did you mean 'idea'?)\n"
          "        rule: app.stage != \"ide\"\n"
          "                           ^\n");
  }
  SUBCASE("in a double-quoted scalar") {
    CHECK(printed(set_with_rule("    rule: \"app.stag != 'idea'\"\n")) ==
          "set.yaml:14:16: error: unknown field 'app.stag'; did you mean 'app.stage'?\n"
          "        rule: \"app.stag != 'idea'\"\n"
          "                   ^\n");
  }
  SUBCASE("in a single-quoted scalar") {
    CHECK(problems(set_with_rule("    rule: 'has(app.stag)'\n")) ==
          "14:20: unknown field 'app.stag'; did you mean 'app.stage'?\n");
  }
  SUBCASE("on the second line of a folded block scalar") {
    CHECK(printed(set_with_rule(R"(    rule: >-
      has(app.requested_eur)
      and app.stage != "ide"
)")) == "set.yaml:16:24: error: 'ide' is not a value of app.stage; allowed: idea, ongoing (did you mean 'idea'?)\n"
        "          and app.stage != \"ide\"\n"
        "                           ^\n");
  }
  SUBCASE("on the second line of a literal block scalar") {
    CHECK(problems(set_with_rule(R"(    rule: |
      has(app.requested_eur)
        and has(app.stag)
)")) == "16:21: unknown field 'app.stag'; did you mean 'app.stage'?\n");
  }
  SUBCASE("on the second line of a plain scalar that runs over two lines") {
    CHECK(problems(set_with_rule(R"(    rule: has(app.requested_eur)
      and has(app.stag)
)")) == "15:19: unknown field 'app.stag'; did you mean 'app.stage'?\n");
  }
  SUBCASE("with a two-byte letter before it counted as one column") {
    CHECK(printed(set_with_rule("    rule: size(\"\xC3\xA4\") == 1 and app.stag == \"idea\"\n")) ==
          "set.yaml:14:34: error: unknown field 'app.stag'; did you mean 'app.stage'?\n"
          "        rule: size(\"\xC3\xA4\") == 1 and app.stag == \"idea\"\n"
          "                                     ^\n");
  }
  SUBCASE("a rule that does not give true or false points at its start") {
    CHECK(printed(set_with_rule("    rule: app.requested_eur * 2\n")) ==
          "set.yaml:14:11: error: the rule of criterion 'R1' must give true or false, but it gives money\n"
          "        rule: app.requested_eur * 2\n"
          "              ^\n");
  }
  SUBCASE("an indicator that reads the application") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("outcome.continued"), 17, "app.stage == \"idea\"");
    CHECK(problems(yaml) == "23:16: 'app.stage' cannot be read here; impact indicators read outcome.NAME\n");
  }
}

TEST_CASE("io::check_criteria places a rule fault after an escaped quote") {
  CHECK(problems(set_with_rule(R"(    rule: "app.stage == \"idea\" or app.stag == \"ongoing\""
)")) == "14:41: unknown field 'app.stag'; did you mean 'app.stage'?\n");
  CHECK(problems(set_with_rule(R"(    rule: 'app.stage == ''idea'' or app.stag == ''ongoing'''
)")) == "14:41: unknown field 'app.stag'; did you mean 'app.stage'?\n");
}

// Regression: with CRLF line ends, at_offset counts the '\r' of each line break in a block scalar as
// a character of the value, so a fault on the second line is placed one column to the left
// (and on a later line one more per line break).
TEST_CASE("io::check_criteria places a rule fault in a file with CRLF line ends") {
  std::string yaml = set_with_rule(R"(    rule: >-
      has(app.requested_eur)
      and app.stage != "ide"
)");
  for (size_t at = yaml.find('\n'); at != std::string::npos; at = yaml.find('\n', at + 2)) yaml.insert(at, "\r");
  CHECK(problems(yaml) == "16:24: 'ide' is not a value of app.stage; allowed: idea, ongoing (did you mean 'idea'?)\n");
}

// Regression: in a folded block scalar an empty line between two lines of the rule stands for one
// character of the value (a line break), but at_offset counts both line breaks, so a fault
// after it is placed one column to the left (16:23 here instead of 16:24).
TEST_CASE("io::check_criteria places a rule fault after an empty line in a block scalar") {
  CHECK(problems(set_with_rule(R"(    rule: >-
      has(app.requested_eur)

      and app.stage != "ide"
)")) == "17:24: 'ide' is not a value of app.stage; allowed: idea, ongoing (did you mean 'idea'?)\n");
}

TEST_CASE("io::parse_criteria") {
  SUBCASE("gives the set when it has no problems") {
    auto set = parse_criteria(minimal_criteria_yaml(), "set.yaml");
    CHECK(set.id == "mini");
    CHECK(set.source == "set.yaml");
    CHECK(set.criteria.size() == 2);
  }
  SUBCASE("throws a criteria error with every problem") {
    auto e = load_error(set_with_rule("    rule: app.stag != \"idea\"\n    weight: 1\n"));
    REQUIRE(e);
    CHECK(e->kind() == ErrorKind::criteria);
    CHECK(listing(e->diagnostics()) == "14:15: unknown field 'app.stag'; did you mean 'app.stage'?\n"
                                       "15:13: criterion 'R1' is a rule and has no reviewer scores to weigh\n");
  }
}

TEST_CASE("io::check_criteria invalid YAML") {
  SUBCASE("throws a criteria error located at the syntax error, with a caret") {
    std::string yaml = "id: mini\nversion: 1\ncall: [one, two\nfields: []\n";
    try {
      check_criteria(yaml, "set.yaml");
      FAIL("no error was thrown");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::criteria);
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(format_diagnostic(e.diagnostics()[0]) ==
            "set.yaml:4:7: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that "
            "starts at line 3, column 7\n"
            "    fields: []\n"
            "          ^\n");
    }
  }
  SUBCASE("a document that is not a mapping is a problem, not a throw") {
    CHECK(first_problem("- just\n- a list\n") ==
          "1:1: a criteria set is a YAML mapping with id, version, call, fields and criteria");
  }
}

TEST_CASE("io::parse_criteria min_reviewers") {
  std::string yaml = fundscreen::testing::criteria_set_yaml(R"(reviews:
  min_reviewers: 2
criteria:
  - {id: J1, kind: judgement, protects: [c]}
  - {id: J2, kind: judgement, min_reviewers: 3, protects: [c]}
impacts:
  - {id: c, indicator: outcome.continued}
)");
  auto set = fundscreen::io::parse_criteria(yaml, "set.yaml");
  CHECK(set.reviews.min_reviewers == 2);
  CHECK_FALSE(set.criteria[0].min_reviewers);
  CHECK(set.min_reviewers(set.criteria[0]) == 2);
  CHECK(set.min_reviewers(set.criteria[1]) == 3);
  CHECK(set.criteria[1].min_reviewers_where.line == 15);
  SUBCASE("without a reviews section one verdict decides") {
    auto plain = fundscreen::io::parse_criteria(fundscreen::testing::minimal_criteria_yaml(), "set.yaml");
    CHECK(plain.min_reviewers(plain.criteria[1]) == 1);
  }
  SUBCASE("an unknown key in the reviews section") {
    std::string typo = yaml;
    typo.replace(typo.find("  min_reviewers: 2"), 18, "  min_reviewer: 2");
    CHECK(problems(typo) == "12:3: unknown key 'min_reviewer' in reviews; did you mean 'min_reviewers'?\n");
  }
}

TEST_CASE("io::parse_criteria pass_score") {
  std::string yaml = fundscreen::testing::criteria_set_yaml(R"(criteria:
  - {id: J1, kind: judgement, protects: [c]}
  - {id: J2, kind: both, rule: 'app.stage != "idea"', pass_score: 2.5, protects: [c]}
impacts:
  - {id: c, indicator: outcome.continued}
)");
  auto set = fundscreen::io::parse_criteria(yaml, "set.yaml");
  CHECK(set.has_pass_score());
  CHECK_FALSE(set.criteria[0].pass_score);
  REQUIRE(set.criteria[1].pass_score);
  CHECK(set.criteria[1].pass_score->value == 2500);
  CHECK(set.criteria[1].pass_score_where.line == 13);
  CHECK(set.criteria[1].pass_score_where.column == 67);
  SUBCASE("a set without one") {
    CHECK_FALSE(fundscreen::io::parse_criteria(minimal_criteria_yaml(), "set.yaml").has_pass_score());
  }
  SUBCASE("a misspelt key, with the nearest suggested") {
    std::string typo = yaml;
    typo.replace(typo.find("pass_score"), 10, "passscore");
    CHECK(problems(typo) == "13:55: unknown key 'passscore' in a criterion; did you mean 'pass_score'?\n");
  }
}

TEST_CASE("io::check_criteria unknown keys") {
  SUBCASE("at the top level, with the nearest key suggested") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("criteria:"), 9, "critera:");
    // Only the misspelt key: not the missing 'criteria' nor the impacts it leaves unprotected.
    CHECK(problems(yaml) == "11:1: unknown key 'critera' in the criteria set; did you mean 'criteria'?\n");
  }
  SUBCASE("with no near key, listing the allowed ones") {
    CHECK(problems(minimal_criteria_yaml() + "colour: red\n") ==
          "24:1: unknown key 'colour' in the criteria set; allowed: id, version, title, lang, call, fields, "
          "criteria, impacts, lights, ranking, funding, reviews, letters\n");
  }
  SUBCASE("in a criterion") {
    CHECK(problems(set_with_rule("    rule: app.stage != \"idea\"\n    wieght: 1\n")) ==
          "15:5: unknown key 'wieght' in a criterion; did you mean 'weight'?\n");
  }
  SUBCASE("in a field") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("required: true}"), 9, "requird:");
    CHECK(problems(yaml) == "8:30: unknown key 'requird' in a field; did you mean 'required'?\n");
  }
  SUBCASE("in the call") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("  budget:"), 9, "  budjet:");
    CHECK(problems(yaml) == "6:3: unknown key 'budjet' in the call; did you mean 'budget'?\n");
  }
}

TEST_CASE("io::parse_criteria lang") {
  CHECK(parse_criteria(minimal_criteria_yaml(), "set.yaml").lang.empty());
  CHECK(parse_criteria("lang: sv\n" + minimal_criteria_yaml(), "set.yaml").lang == "sv");
  CHECK(problems("lang: fin\n" + minimal_criteria_yaml()) ==
        "1:7: unknown language 'fin' for 'lang'; did you mean 'fi'? allowed: fi, sv, en\n");
  CHECK(problems("lang: de\n" + minimal_criteria_yaml()) ==
        "1:7: unknown language 'de' for 'lang'; allowed: fi, sv, en\n");
  CHECK(problems("lang: [fi, sv]\n" + minimal_criteria_yaml()) == "1:7: 'lang' must be a single value: fi, sv or en\n");
}

TEST_CASE("io::check_criteria fields and call") {
  SUBCASE("an unknown field type, with the nearest suggested") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("type: string"), 12, "type: strng");
    CHECK(problems(yaml) == "8:22: unknown type 'strng' for field 'id'; did you mean 'string'?\n");
  }
  SUBCASE("an enum field without values") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find(", values: [idea, ongoing]"), 25, "");
    CHECK(first_problem(yaml) == "9:5: enum field 'stage' lists no values; add values: [...]");
  }
  SUBCASE("an impossible deadline") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("2021-03-01"), 10, "2021-02-30");
    CHECK(problems(yaml) == "5:13: invalid deadline '2021-02-30': 2021-02 has 28 days\n");
  }
  SUBCASE("a deadline and budget written the Finnish way") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("2021-03-01"), 10, "1.3.2021");
    yaml.replace(yaml.find("800000"), 6, "800 000,00");
    auto set = check_criteria(yaml, "set.yaml").set;
    REQUIRE(set.call.deadline);
    CHECK(fundscreen::core::to_string(*set.call.deadline) == "2021-03-01");
    REQUIRE(set.call.budget);
    CHECK(set.call.budget->cents == 80000000);
  }
  SUBCASE("a bad budget") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("800000"), 6, "800k");
    CHECK(problems(yaml) == "6:11: invalid budget '800k': write an amount such as 12000, 12000.50 or 12 000,50\n");
  }
  SUBCASE("a call without a budget is an error: the funding line would fund nothing") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("  budget: 800000\n"), 16, "");
    CHECK(problems(yaml) == "4:3: the call has no 'budget'; the funding line is drawn within it: add budget: AMOUNT\n");
  }
  SUBCASE("a budget of zero or below funds nothing: an error") {
    for (std::string budget : {"0", "-800000"}) {
      std::string yaml = minimal_criteria_yaml();
      yaml.replace(yaml.find("800000"), 6, budget);
      CHECK(problems(yaml) ==
            "6:11: the budget '" + budget + "' is not above zero; write the money the call has to give\n");
    }
  }
  SUBCASE("a list field's separator, and bounds of the field's type") {
    std::string yaml = minimal_criteria_yaml();
    yaml.replace(yaml.find("{name: requested_eur, type: money, required: true}"), 50,
                 "{name: requested_eur, type: money, required: true, min: '1 000', max: 150000}\n"
                 "  - {name: actors, type: list, separator: ';'}");
    auto check = check_criteria(yaml, "set.yaml");
    CHECK(listing(check.problems) == "");
    const auto& fields = check.set.fields;
    REQUIRE(fields.size() == 4);
    CHECK(fundscreen::core::to_display(*fields[2].min) == "1000");
    CHECK(fundscreen::core::to_display(*fields[2].max) == "150000");
    CHECK(fields[3].separator == ';');
  }
}

TEST_CASE("io::check_criteria call parameters") {
  const std::string yaml = set_with_parameters(R"(    continues_after: 2021-12-31
    max_request: 150000
    min_score: 2.5
    region: Pirkanmaa
    themes: [3A, 3B, 3C]
    strict: true
)");
  SUBCASE("the named call values are readable too") {
    CHECK(call_value(yaml, "deadline") == "2021-03-01");
    CHECK(call_value(yaml, "budget") == "800000");
    CHECK(call_value(yaml, "name") == "\"Mini call\"");
    CHECK(call_value(yaml, "currency") == "\"EUR\"");
  }
  SUBCASE("YYYY-MM-DD is a date") { CHECK(call_value(yaml, "continues_after") == "2021-12-31"); }
  SUBCASE("a whole number is an integer") {
    CHECK(call_value(yaml, "max_request") == "150000");
    auto set = check_criteria(yaml, "set.yaml").set;
    auto scope = fundscreen::core::RuleScope{true, set.fields, false, {}, set.call.values};
    CHECK(fundscreen::core::compile_rule("call.max_request", scope).type() == fundscreen::core::Type::integer);
  }
  SUBCASE("a decimal is a number") {
    auto set = check_criteria(yaml, "set.yaml").set;
    auto scope = fundscreen::core::RuleScope{true, set.fields, false, {}, set.call.values};
    CHECK(fundscreen::core::compile_rule("call.min_score", scope).type() == fundscreen::core::Type::number);
    CHECK(call_value(yaml, "min_score") == "2.5");
  }
  SUBCASE("anything else is a string") { CHECK(call_value(yaml, "region") == "\"Pirkanmaa\""); }
  SUBCASE("a sequence is a list of strings") { CHECK(call_value(yaml, "themes") == "[\"3A\", \"3B\", \"3C\"]"); }
  SUBCASE("true and false are booleans") { CHECK(call_value(yaml, "strict") == "true"); }
  SUBCASE("rules read the parameters with their types") {
    std::string with_rule = set_with_parameters("    max_request: 150000\n");
    with_rule.replace(with_rule.find("app.stage != \"idea\""), 19, "app.requested_eur <= call.max_request");
    CHECK(problems(with_rule) == "");
  }
  SUBCASE("a misspelt parameter in a rule is suggested") {
    std::string with_rule = set_with_parameters("    max_request: 150000\n");
    with_rule.replace(with_rule.find("app.stage != \"idea\""), 19, "app.requested_eur <= call.max_requst");
    CHECK(problems(with_rule) == "16:37: unknown call parameter 'call.max_requst'; did you mean 'call.max_request'?\n");
  }
}

// Regression: `required:` is compared with the text "true", so `required: yes` or `required: True`
// (booleans in YAML) silently make the field optional, with no problem reported.
TEST_CASE("io::check_criteria reads required: yes") {
  std::string yaml = minimal_criteria_yaml();
  yaml.replace(yaml.find("required: true}\n  - {name: requested_eur"), 14, "required: yes");
  auto check = check_criteria(yaml, "set.yaml");
  REQUIRE(check.set.fields.size() == 3);
  CHECK(check.set.fields[1].name == "stage");
  CHECK((check.set.fields[1].required || !check.problems.empty()));
}

// Regression (found by fuzz_criteria): a scalar where a section's mapping belongs made
// yaml-cpp throw past the loader and end the program.
TEST_CASE("io::check_criteria reports a section that is not a mapping") {
  auto check = check_criteria("ranking: x\n", "set.yaml");
  bool reported = false;
  for (const auto& d : check.problems)
    if (d.message == "the ranking must be a mapping of keys to values" && d.where.line == 1 && d.where.column == 10)
      reported = true;
  CHECK(reported);
  CHECK_NOTHROW(check_criteria("call: [1, 2]\nfields: [x]\ncriteria: [y]\nimpacts: [z]\nfunding: 3\n", "set.yaml"));
}

namespace {

// The minimal set with `fields` (lines of the fields list) after its own three, from line 11.
std::string set_with_fields(std::string_view fields) {
  std::string yaml = minimal_criteria_yaml();
  yaml.insert(yaml.find("criteria:"), std::string(fields));
  return yaml;
}

} // namespace

TEST_CASE("io::check_criteria column") {
  SUBCASE("one header or a list of them, trimmed") {
    auto check = check_criteria(set_with_fields("  - {name: business_id, type: string, column: Y-tunnus}\n"
                                                "  - {name: own_eur, type: money, column: [' Omarahoitus (€)', "
                                                "Självfinansiering (€), Own funding (€)]}\n"),
                                "set.yaml");
    CHECK(listing(check.problems) == "");
    REQUIRE(check.set.fields.size() == 5);
    CHECK(check.set.fields[3].columns == std::vector<std::string>{"Y-tunnus"});
    CHECK(check.set.fields[4].columns ==
          std::vector<std::string>{"Omarahoitus (€)", "Självfinansiering (€)", "Own funding (€)"});
    CHECK(check.set.fields[0].columns.empty());
  }
  SUBCASE("empty, or not a header, at its place") {
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, column: ''}\n")) ==
          "11:47: the column of field 'business_id' is empty; write a header or a list of them, such as column: "
          "\"Y-tunnus\" or column: [\"Y-tunnus\", \"FO-nummer\"]\n");
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, column: []}\n")) ==
          "11:47: the column of field 'business_id' lists no header; write a header or a list of them, such as "
          "column: \"Y-tunnus\" or column: [\"Y-tunnus\", \"FO-nummer\"]\n");
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, column: [Y-tunnus, {fi: x}]}\n")) ==
          "11:58: the column of field 'business_id' is not a header; write a header or a list of them, such as "
          "column: \"Y-tunnus\" or column: [\"Y-tunnus\", \"FO-nummer\"]\n");
  }
  SUBCASE("a header listed twice") {
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, column: [Y-tunnus, FO-nummer, "
                                   "Y-tunnus]}\n")) == "11:69: column 'Y-tunnus' is listed twice for field "
                                                       "'business_id'\n");
  }
  SUBCASE("two fields read from one header, at the later column") {
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, column: [Y-tunnus, Business ID]}\n"
                                   "  - {name: vat_id, type: string, column: Business ID}\n")) ==
          "12:42: field 'vat_id' is read from column 'Business ID', as field 'business_id' is (line 11); a column "
          "holds one field, so give one of them another column\n");
  }
  SUBCASE("a column that is another field's name, which that field is read from") {
    CHECK(problems(set_with_fields("  - {name: hakija, type: string, column: stage}\n")) ==
          "11:42: field 'hakija' is read from column 'stage', as field 'stage' is by its name (line 9); a column "
          "holds one field, so give one of them another column\n");
  }
  SUBCASE("a field's name is free once the field has a column") {
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, column: Y-tunnus}\n"
                                   "  - {name: vat_id, type: string, column: business_id}\n")) == "");
  }
}

TEST_CASE("io::check_criteria pattern") {
  SUBCASE("compiled once at load") {
    auto check =
        check_criteria(set_with_fields("  - {name: business_id, type: string, pattern: '^[0-9]{7}-[0-9]$'}\n"), "s");
    CHECK(listing(check.problems) == "");
    REQUIRE(check.set.fields[3].pattern);
    CHECK(check.set.fields[3].pattern->source() == "^[0-9]{7}-[0-9]$");
    CHECK(check.set.fields[3].pattern->matches("1234567-8"));
  }
  SUBCASE("one that does not compile, with RE2's reason") {
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, pattern: '[0-9{7}'}\n")) ==
          "11:48: invalid pattern '[0-9{7}' of field 'business_id': missing ]: [0-9{7}\n");
  }
  SUBCASE("on a type that has no text to match") {
    CHECK(problems(set_with_fields("  - {name: starts, type: date, pattern: '2025-.*'}\n")) ==
          "11:41: field 'starts' is of type 'date'; only string, text, enum and list fields have a 'pattern'\n");
  }
  SUBCASE("empty, which no value matches") {
    CHECK(problems(set_with_fields("  - {name: business_id, type: string, pattern: ''}\n")) ==
          "11:48: the pattern of field 'business_id' is empty; write one regular expression, such as pattern: "
          "'^[0-9]{7}-[0-9]$'\n");
  }
  SUBCASE("an enum's values must match it") {
    CHECK(problems(set_with_fields("  - {name: theme, type: enum, values: [T1, T2, X3], pattern: 'T[0-9]'}\n")) ==
          "11:48: value 'X3' of field 'theme' does not match the field's pattern 'T[0-9]'; correct the value, or "
          "the pattern\n");
  }
}

TEST_CASE("io::parse_criteria letters") {
  std::string yaml = minimal_criteria_yaml() + R"(letters:
  sender: {fi: "Sitra\nOsaamisen aika", sv: Sitra, en: Sitra}
  appeal:
    fi: Pyytäkää uudelleenarviointia 14 päivän kuluessa.
  signature: Kind regards
)";
  auto set = fundscreen::io::parse_criteria(yaml, "set.yaml");
  CHECK(set.letters.where.line == 25);
  CHECK(set.letters.sender.fi == "Sitra\nOsaamisen aika");
  CHECK(set.letters.sender.sv == "Sitra");
  CHECK(set.letters.appeal.fi == "Pyytäkää uudelleenarviointia 14 päivän kuluessa.");
  CHECK(set.letters.appeal.en.empty());
  CHECK(set.letters.appeal_where.line == 27);
  CHECK(set.letters.signature.en == "Kind regards"); // a plain string is English
  CHECK(set.letters.contact.fi.empty());
  SUBCASE("a set without the section has none") {
    CHECK(fundscreen::io::parse_criteria(minimal_criteria_yaml(), "set.yaml").letters.where.line == 0);
  }
  SUBCASE("a misspelt key in the section, with the nearest suggested") {
    std::string typo = yaml;
    typo.replace(typo.find("  appeal:"), 9, "  apeal:");
    CHECK(problems(typo) == "26:3: unknown key 'apeal' in letters; did you mean 'appeal'?\n");
  }
  SUBCASE("a language that is not fi, sv or en") {
    std::string typo = yaml;
    typo.replace(typo.find("    fi: Pyyt"), 7, "    de:");
    CHECK(problems(typo) == "27:5: unknown key 'de' in letters.appeal; allowed: fi, sv, en\n");
  }
}
