// SPDX-License-Identifier: Apache-2.0
// The rule language: parsing, type checking with the faults a rule author sees, and
// evaluation in three-valued logic over applications built from cell texts.
#include <string>

#include <doctest/doctest.h>

#include "core/rule.hpp"
#include "test_builders.hpp"
#include "util/text.hpp"

using fundscreen::core::compile_rule;
using fundscreen::core::RecordView;
using fundscreen::core::RuleResult;
using fundscreen::core::TraceReads;
using fundscreen::core::Type;
using fundscreen::testing::app;
using fundscreen::testing::app_scope;
using fundscreen::testing::evaluate;
using fundscreen::testing::fault_of;
using fundscreen::testing::indicator_scope;
using fundscreen::testing::k_sitra_c7_rule;
using fundscreen::testing::RuleFault;
using fundscreen::testing::truth;
using fundscreen::testing::value_of;

namespace {

// The values a rule read, one `path = value` a line, as an audit trail lists them.
std::string reads_of(const RuleResult& result) {
  std::string out;
  for (const auto& r : result.reads) out += r.path + " = " + fundscreen::core::to_display(r.value_read()) + "\n";
  return out;
}

// The reason `rule` is unknown on `values`, or the truth if it is not unknown.
std::string reason(std::string_view rule, const std::vector<fundscreen::core::Value>& values) {
  RuleResult r = evaluate(rule, values);
  return r.truth == fundscreen::core::Truth::unknown ? r.reason : "not unknown: " + truth(rule, values);
}

} // namespace

// ---- parsing -----------------------------------------------------------------------------

TEST_CASE("core::compile_rule precedence") {
  SUBCASE("'not' binds tighter than 'or', and 'and' tighter than 'or'") {
    // Read as (not a) or (b and c): true. Read as ((not a) or b) and c it would be false.
    CHECK(truth("not false or true and false") == "true");
    // Read as (not a) or (b and c): true. Read as not (a or (b and c)) it would be false.
    CHECK(truth("not true or true and true") == "true");
    CHECK(truth("true or true and false") == "true");
    CHECK(truth("false and true or true") == "true");
  }
  SUBCASE("the symbol forms mean the same as the words") {
    CHECK(truth("!false || true && false") == "true");
    CHECK(truth("!(false || true)") == "false");
  }
  SUBCASE("parentheses group") { CHECK(truth("(true or true) and false") == "false"); }
  SUBCASE("'*' and '/' bind tighter than '+' and '-'") {
    CHECK(truth("1 + 2 * 3 == 7") == "true");
    CHECK(truth("(1 + 2) * 3 == 9") == "true");
    CHECK(truth("10 - 4 - 3 == 3") == "true");
    CHECK(truth("-2 * 3 == -6") == "true");
  }
  SUBCASE("'not' applies to a whole comparison") {
    CHECK(truth("not 1 > 2") == "true");
    CHECK(truth("not 1 + 1 == 2 or true") == "true");
  }
  SUBCASE("comparison binds looser than arithmetic") { CHECK(truth("2 + 2 > 3 and 1 < 2") == "true"); }
}

TEST_CASE("core::compile_rule literals") {
  auto a = app({{"thesis", "3B"},
                {"panel_score", "2,5"},
                {"team_size", "12"},
                {"programme_started", "2020-12-01"},
                {"requested_eur", "95000.50"}});

  SUBCASE("integers and decimals") {
    CHECK(truth("app.team_size == 12", a) == "true");
    CHECK(truth("app.panel_score == 2.5", a) == "true");
    CHECK(truth("app.panel_score > 2", a) == "true");
  }
  SUBCASE("strings in double or single quotes") {
    CHECK(truth(R"(app.thesis == "3B")", a) == "true");
    CHECK(truth("app.thesis == '3B'", a) == "true");
    CHECK(truth(R"("it's" == 'it\'s')", a) == "true");
    CHECK(truth(R"(size("say \"hi\"") == 8)", a) == "true");
  }
  SUBCASE("dates") { CHECK(truth("app.programme_started == 2020-12-01", a) == "true"); }
  SUBCASE("durations in days, weeks, months and years, singular or plural") {
    CHECK(value_of("call.deadline - 3 months") == "2020-12-01");
    CHECK(value_of("call.deadline - 1 month") == "2021-02-01");
    CHECK(value_of("call.deadline - 14 days") == "2021-02-15");
    CHECK(value_of("call.deadline + 1 day") == "2021-03-02");
    CHECK(value_of("call.deadline + 2 weeks") == "2021-03-15");
    CHECK(value_of("call.deadline + 1 week") == "2021-03-08");
    CHECK(value_of("call.deadline + 1 year") == "2022-03-01");
    CHECK(value_of("call.deadline - 2 years") == "2019-03-01");
    CHECK(value_of("3 months") == "3 months");
    CHECK(truth("1 year == 12 months") == "true");
    CHECK(truth("2 weeks == 14 days") == "true");
  }
  SUBCASE("booleans") {
    CHECK(truth("true") == "true");
    CHECK(truth("false") == "false");
  }
}

TEST_CASE("core::compile_rule reading values") {
  SUBCASE("app.NAME gives the field's type") {
    CHECK(compile_rule("app.requested_eur", app_scope()).type() == Type::money);
    CHECK(compile_rule("app.programme_started", app_scope()).type() == Type::date);
    CHECK(compile_rule("app.stage", app_scope()).type() == Type::string);
    CHECK(compile_rule("app.actors", app_scope()).type() == Type::list);
    CHECK(compile_rule("app.team_size", app_scope()).type() == Type::integer);
    CHECK(compile_rule("app.panel_score", app_scope()).type() == Type::number);
    CHECK(compile_rule("app.has_partner", app_scope()).type() == Type::boolean);
  }
  SUBCASE("call.NAME gives the call value's type") {
    CHECK(compile_rule("call.deadline", app_scope()).type() == Type::date);
    CHECK(compile_rule("call.budget", app_scope()).type() == Type::money);
    CHECK(compile_rule("call.themes", app_scope()).type() == Type::list);
    CHECK(value_of("call.budget") == "800000");
    CHECK(value_of("call.continues_after") == "2021-12-31");
  }
  SUBCASE("outcome.NAME is read by impact indicators") {
    auto rule = compile_rule("outcome.goals_met * 2 >= outcome.goals_total", indicator_scope());
    // application, continued, resources_as_planned, problem_confirmed, goals_met, goals_total, note
    std::vector<fundscreen::core::Value> report = {std::string("A1"), true, {}, {}, int64_t{2}, int64_t{4}, {}};
    CHECK(evaluate(rule, RecordView{{}, report}).truth == fundscreen::core::Truth::yes);
  }
  SUBCASE("reads() lists each field path once, in the order first written") {
    auto rule = compile_rule("app.team_size > 0 and app.thesis == \"3B\" and app.team_size < 5 and "
                             "call.deadline > 2021-01-01",
                             app_scope());
    CHECK(rule.reads() == std::vector<std::string>{"app.team_size", "app.thesis"});
    CHECK(compile_rule(k_sitra_c7_rule, app_scope()).reads() ==
          std::vector<std::string>{"app.programme_started", "app.programme_ends"});
  }
  SUBCASE("text() is the rule as written") {
    CHECK(compile_rule(" app.thesis == '3B' ", app_scope()).text() == " app.thesis == '3B' ");
  }
  SUBCASE("a rule may run over several lines") {
    CHECK(truth("has(app.thesis)\n  and\n  app.thesis == \"3B\"", app({{"thesis", "3B"}})) == "true");
  }
  SUBCASE("a '#' comment runs to the end of the line") {
    auto a = app({{"thesis", "3B"}});
    CHECK(truth("app.thesis == \"3B\" # the sub-thesis\nand true", a) == "true");
    CHECK(truth("# a comment first\napp.thesis == \"3B\"", a) == "true");
    CHECK(truth("app.thesis == \"3B\" # or false", a) == "true");
  }
}

TEST_CASE("core::compile_rule functions and membership") {
  auto a = app({{"thesis", "3B"},
                {"stage", "ongoing"},
                {"applicant", "\xC3\x84\xC3\xA4nekosken kaupunki"}, // Äänekosken kaupunki
                {"actors", "Sitra|Discovery Street Oy|Kela"},
                {"problem", "osaaminen ei uudistu"},
                {"requested_eur", "95000.50"}});

  SUBCASE("method form and function form are the same call") {
    CHECK(truth(R"(app.thesis.starts_with("3"))", a) == "true");
    CHECK(truth(R"(starts_with(app.thesis, "3"))", a) == "true");
    CHECK(truth(R"(app.thesis.starts_with("4"))", a) == "false");
  }
  SUBCASE("ends_with") {
    CHECK(truth(R"(app.thesis.ends_with("B"))", a) == "true");
    CHECK(truth(R"(ends_with(app.thesis, "3"))", a) == "false");
  }
  SUBCASE("contains finds a substring in a string") {
    CHECK(truth(R"(app.problem.contains("ei uud"))", a) == "true");
    CHECK(truth(R"(contains(app.problem, "Osaaminen"))", a) == "false");
  }
  SUBCASE("contains finds a whole element in a list") {
    CHECK(truth(R"(app.actors.contains("Kela"))", a) == "true");
    CHECK(truth(R"(contains(app.actors, "Kel"))", a) == "false");
  }
  SUBCASE("size counts characters of a string, not bytes") {
    CHECK(value_of("size(app.applicant)", a) == "19");
    CHECK(value_of("app.thesis.size()", a) == "2");
  }
  SUBCASE("size counts elements of a list") { CHECK(value_of("size(app.actors)", a) == "3"); }
  SUBCASE("in a written list") {
    CHECK(truth(R"(app.stage in ["idea", "ongoing"])", a) == "true");
    CHECK(truth(R"(app.stage in ["idea", "new"])", a) == "false");
    CHECK(truth(R"(app.thesis in ["3A", "3B",])", a) == "true");
    CHECK(truth("app.thesis in []", a) == "false");
    CHECK(truth("app.requested_eur in [95000, 95000.50]", a) == "true");
    CHECK(truth("2 in [1, 2, 3]", a) == "true");
  }
  SUBCASE("in a list field or a list call value") {
    CHECK(truth(R"("Sitra" in app.actors)", a) == "true");
    CHECK(truth(R"("Sitr" in app.actors)", a) == "false");
    CHECK(truth("app.thesis in call.themes", a) == "true");
  }
  SUBCASE("has is false for a missing field and an empty list, true otherwise") {
    CHECK(truth("has(app.thesis)", a) == "true");
    CHECK(truth("app.thesis.has()", a) == "true");
    CHECK(truth("has(app.evidence)", a) == "false");
    CHECK(truth("has(app.actors)", app({{"actors", "|"}})) == "false");
  }
  SUBCASE("any and all bind a variable to each element") {
    CHECK(truth(R"(any(app.actors, a, a.ends_with("Oy")))", a) == "true");
    CHECK(truth(R"(all(app.actors, a, a.ends_with("Oy")))", a) == "false");
    CHECK(truth("all(app.actors, x, size(x) >= 4)", a) == "true");
    CHECK(truth(R"(app.actors.any(a, a == "Kela"))", a) == "true");
  }
  SUBCASE("any is false and all is true on an empty list") {
    auto none = app({{"actors", "|"}});
    CHECK(truth("any(app.actors, a, true)", none) == "false");
    CHECK(truth("all(app.actors, a, false)", none) == "true");
  }
  SUBCASE("nested any and all see their own variables") {
    CHECK(truth("any(app.actors, a, all(app.actors, b, size(a) >= size(b)))", a) == "true");
    CHECK(truth("all(app.actors, a, any(app.actors, b, a == b))", a) == "true");
  }
  SUBCASE("default gives the value, or the fallback when it is missing") {
    CHECK(value_of(R"(default(app.thesis, "none"))", a) == "\"3B\"");
    CHECK(value_of(R"(default(app.evidence, "none"))", a) == "\"none\"");
    CHECK(value_of("default(app.own_resources_eur, 0)", a) == "0");
    CHECK(truth("default(app.own_resources_eur, 0) > 0", a) == "false");
  }
}

// ---- faults ------------------------------------------------------------------------------

TEST_CASE("core::compile_rule type faults") {
  SUBCASE("comparing money with a string") {
    CHECK(fault_of(R"(app.requested_eur > "95000")") == RuleFault{"cannot compare money with string", 18, 1});
  }
  SUBCASE("comparing a date with a string") {
    CHECK(fault_of(R"(app.programme_started < "2021-01-01")") == RuleFault{"cannot compare date with string", 22, 1});
  }
  SUBCASE("'and' and 'or' need booleans on both sides") {
    CHECK(fault_of("app.thesis and true") ==
          RuleFault{"'and' on its left needs a boolean, but this is a string", 0, 10});
    CHECK(fault_of("true and app.thesis") ==
          RuleFault{"'and' on its right needs a boolean, but this is a string", 9, 10});
    CHECK(fault_of("app.programme_started or true") ==
          RuleFault{"'or' on its left needs a boolean, but this is a date", 0, 21});
  }
  SUBCASE("'not' needs a boolean") {
    CHECK(fault_of("not app.thesis") == RuleFault{"'not' needs a boolean, but this is a string", 4, 10});
  }
  SUBCASE("arithmetic on types it does not apply to") {
    CHECK(fault_of("app.thesis + 1 > 0") == RuleFault{"cannot apply '+' to string and integer", 11, 1});
    CHECK(fault_of("app.requested_eur * app.requested_eur > 0") ==
          RuleFault{"cannot apply '*' to money and money", 18, 1});
    CHECK(fault_of("app.programme_started + app.programme_started > 2021-01-01") ==
          RuleFault{"cannot apply '+' to date and date", 22, 1});
    CHECK(fault_of("app.requested_eur - 0.5 > 0") == RuleFault{"cannot apply '-' to money and number", 18, 1});
    CHECK(fault_of("2 / app.requested_eur > 0") == RuleFault{"cannot apply '/' to integer and money", 2, 1});
    CHECK(fault_of("app.panel_score / app.requested_eur > 0") ==
          RuleFault{"cannot apply '/' to number and money", 16, 1});
    CHECK(fault_of("app.requested_eur + 0.5 > 0") == RuleFault{"cannot apply '+' to money and number", 18, 1});
    CHECK(fault_of("app.thesis * 2 == \"x\"") == RuleFault{"cannot apply '*' to string and integer", 11, 1});
    CHECK(fault_of("app.thesis - \"x\" == \"\"") == RuleFault{"cannot apply '-' to string and string", 11, 1});
    CHECK(fault_of("-app.thesis == \"x\"") == RuleFault{"cannot negate a string", 1, 10});
  }
  SUBCASE("a result the rule needs as a whole must be the right type") {
    CHECK(fault_of("size(app.requested_eur) > 1") ==
          RuleFault{"size() needs a string or a list, but this is money", 5, 17});
    CHECK(fault_of(R"(starts_with(app.actors, "S"))") ==
          RuleFault{"starts_with() needs a string, but this is a list", 12, 10});
    CHECK(fault_of("any(app.thesis, a, true)") == RuleFault{"any() needs a list, but this is a string", 4, 10});
    CHECK(fault_of("any(app.actors, a, a)") == RuleFault{"any() needs a boolean, but this is a string", 19, 1});
    CHECK(fault_of(R"(default(app.programme_started, "soon") < 2021-01-01)") ==
          RuleFault{"default() needs a date here, but this is a string", 31, 6});
  }
  SUBCASE("lists and booleans do not order, and lists do not compare") {
    CHECK(fault_of("true < false") == RuleFault{"'<' does not order boolean values", 5, 1});
    CHECK(fault_of("app.actors <= call.themes") == RuleFault{"'<=' does not order list values", 11, 2});
    CHECK(fault_of("app.actors == call.themes") ==
          RuleFault{"lists cannot be compared; use size(), contains() or any()", 11, 2});
    CHECK(fault_of(R"(app.actors == "Sitra")") == RuleFault{"cannot compare list with string", 11, 2});
  }
  SUBCASE("'in' needs a list on its right and a string on its left") {
    CHECK(fault_of("app.thesis in app.thesis") == RuleFault{"'in' needs a list, but this is a string", 14, 10});
    CHECK(fault_of("app.programme_started in app.actors") ==
          RuleFault{"'in' a list on its left needs a string, but this is a date", 0, 21});
    CHECK(fault_of(R"(app.thesis in ["3B", 2021-01-01])") ==
          RuleFault{"this list holds string values, but this is a date", 21, 10});
  }
  SUBCASE("a type that starts with a vowel takes 'an'") {
    CHECK(fault_of("true and 1") == RuleFault{"'and' on its right needs a boolean, but this is an integer", 9, 1});
    CHECK(fault_of("app.team_size or true") ==
          RuleFault{"'or' on its left needs a boolean, but this is an integer", 0, 13});
  }
  SUBCASE("default() needs a fallback of the value's type") {
    CHECK(fault_of("default(app.requested_eur, call.max_request) > 0") ==
          RuleFault{"default() needs money here, but this is an integer", 27, 16});
  }
  SUBCASE("has() takes a field") {
    CHECK(fault_of(R"(has("3B"))") == RuleFault{"has() takes a field, as in has(app.thesis)", 4, 4});
  }
  SUBCASE("any() and all() take a variable name second") {
    CHECK(fault_of("any(app.actors, 1, true)") ==
          RuleFault{"any() needs a variable name here, as in any(app.actors, a, size(a) > 0)", 16, 1});
  }
}

TEST_CASE("core::compile_rule name faults") {
  SUBCASE("an unknown field, with the nearest field suggested") {
    CHECK(fault_of("app.requsted_eur > 0") ==
          RuleFault{"unknown field 'app.requsted_eur'; did you mean 'app.requested_eur'?", 4, 12});
  }
  SUBCASE("an unknown field with no near one") {
    CHECK(fault_of("app.budget > 0") == RuleFault{"unknown field 'app.budget'", 4, 6});
  }
  SUBCASE("an unknown call parameter, with the nearest suggested") {
    CHECK(fault_of("call.dedline > app.programme_started") ==
          RuleFault{"unknown call parameter 'call.dedline'; did you mean 'call.deadline'?", 5, 7});
  }
  SUBCASE("an unknown function, with the nearest suggested, in either form, and the functions listed") {
    const std::string functions =
        " (functions: all, any, contains, default, ends_with, has, matches, months_between, size, starts_with)";
    CHECK(fault_of(R"(app.thesis.startswith("3"))") ==
          RuleFault{"unknown function 'startswith'; did you mean 'starts_with'?" + functions, 11, 10});
    CHECK(fault_of(R"(contain(app.actors, "Sitra"))") ==
          RuleFault{"unknown function 'contain'; did you mean 'contains'?" + functions, 0, 7});
    CHECK(fault_of("length(app.thesis) > 2") == RuleFault{"unknown function 'length'" + functions, 0, 6});
    CHECK(fault_of("month_between(app.programme_started, call.deadline) > 2") ==
          RuleFault{"unknown function 'month_between'; did you mean 'months_between'?" + functions, 0, 13});
  }
  SUBCASE("a bare name") {
    CHECK(fault_of(R"(thesis == "3B")") ==
          RuleFault{"unknown name 'thesis'; fields are read as app.NAME, call.NAME or outcome.NAME", 0, 6});
    CHECK(fault_of(R"(ap.thesis == "3B")") == RuleFault{"unknown name 'ap'; did you mean 'app'?", 0, 2});
    CHECK(fault_of("True") == RuleFault{"unknown name 'True'; did you mean 'true'?", 0, 4});
  }
  SUBCASE("a variable of any() is unknown after its call") {
    CHECK(fault_of(R"(any(app.actors, a, a == "Sitra") or a == "Kela")") ==
          RuleFault{"unknown name 'a'; fields are read as app.NAME, call.NAME or outcome.NAME", 36, 1});
  }
  SUBCASE("app.NAME in an impact indicator, which reads outcome fields only") {
    CHECK(fault_of(R"(app.stage == "idea")", indicator_scope()) ==
          RuleFault{"'app.stage' cannot be read here; impact indicators read outcome.NAME", 0, 9});
  }
  SUBCASE("outcome.NAME in a criteria rule") {
    CHECK(fault_of("outcome.continued") ==
          RuleFault{"'outcome.continued' cannot be read here; criteria rules read app.NAME", 0, 17});
  }
  SUBCASE("call.NAME is read in an impact indicator too") {
    CHECK(compile_rule("call.budget > 0", indicator_scope()).type() == Type::boolean);
  }
  SUBCASE("a string compared with an enum field must be one of its values") {
    CHECK(fault_of(R"(app.stage != "ide")") ==
          RuleFault{"'ide' is not a value of app.stage; allowed: idea, new, ongoing (did you mean 'idea'?)", 13, 5});
    CHECK(fault_of(R"("technologi" == app.kind)") ==
          RuleFault{"'technologi' is not a value of app.kind; allowed: development, technology (did you mean "
                    "'technology'?)",
                    0, 12});
    CHECK(fault_of(R"(app.stage in ["idea", "nwe"])") ==
          RuleFault{"'nwe' is not a value of app.stage; allowed: idea, new, ongoing (did you mean 'new'?)", 22, 5});
    CHECK(fault_of(R"(app.stage in ["idea", "done"])") ==
          RuleFault{"'done' is not a value of app.stage; allowed: idea, new, ongoing", 22, 6});
  }
}

TEST_CASE("core::compile_rule syntax faults") {
  SUBCASE("an empty rule") {
    CHECK(fault_of("") == RuleFault{"the rule is empty", 0, 1});
    CHECK(fault_of("  # only a comment") == RuleFault{"the rule is empty", 18, 1});
  }
  SUBCASE("'=' alone") {
    CHECK(fault_of(R"(app.thesis = "3B")") == RuleFault{"unexpected '='; use '==' to compare", 11, 1});
  }
  SUBCASE("a character that starts no token, shown whole even when it is two bytes") {
    CHECK(fault_of("app.thesis == \xC3\xA4") == RuleFault{"unexpected character '\xC3\xA4'", 14, 2});
    CHECK(fault_of("app.thesis == 1 ; true") == RuleFault{"unexpected character ';'", 16, 1});
  }
  SUBCASE("an unterminated string names its quote") {
    CHECK(fault_of(R"(app.thesis == "3B)") == RuleFault{"unterminated string; add the closing \"", 14, 1});
    CHECK(fault_of("app.thesis == '3B") == RuleFault{"unterminated string; add the closing '", 14, 1});
  }
  SUBCASE("a list written anywhere but after 'in'") {
    CHECK(fault_of("size([1, 2]) > 1") == RuleFault{"a list can only follow 'in'", 5, 1});
  }
  SUBCASE("a function called with the wrong number of arguments") {
    CHECK(fault_of("has(app.thesis, app.title)") == RuleFault{"has() takes 1 argument, not 2", 0, 3});
    CHECK(fault_of("app.thesis.starts_with()") == RuleFault{"starts_with() takes 2 arguments, not 1", 11, 11});
    CHECK(fault_of("any(app.actors, a)") == RuleFault{"any() takes 3 arguments, not 2", 0, 3});
    CHECK(fault_of("default(app.thesis)") == RuleFault{"default() takes 2 arguments, not 1", 0, 7});
  }
  SUBCASE("text after a complete expression") {
    CHECK(fault_of(R"(app.thesis == "3B" "x")") ==
          RuleFault{"unexpected '\"x\"' after the end of the expression", 19, 3});
  }
  SUBCASE("a missing closing parenthesis") {
    CHECK(fault_of(R"((app.thesis == "3B")") == RuleFault{"expected ')' but found the end of the rule", 19, 1});
  }
  SUBCASE("an operator with nothing after it") {
    CHECK(fault_of("app.thesis == ") == RuleFault{"expected an expression but found the end of the rule", 14, 1});
    CHECK(fault_of("app.thesis == )") == RuleFault{"expected an expression but found ')'", 14, 1});
  }
  SUBCASE("a root with no field name") {
    CHECK(fault_of("app.") == RuleFault{"expected a field name after 'app.'", 4, 1});
    CHECK(fault_of("app") ==
          RuleFault{"expected '.' and a field name after 'app' but found the end of the rule", 3, 1});
  }
  SUBCASE("a field of a field") {
    CHECK(fault_of("app.thesis.size") ==
          RuleFault{"expected '(' after 'size': only app, call and outcome have fields", 11, 4});
  }
  SUBCASE("an impossible or badly written date literal") {
    CHECK(fault_of("app.programme_started < 2021-02-30") ==
          RuleFault{"impossible date '2021-02-30': 2021-02 has 28 days", 24, 10});
    CHECK(fault_of("2021-03-1 > app.programme_started") ==
          RuleFault{"a date is written YYYY-MM-DD, e.g. 2021-03-01", 0, 9});
  }
  SUBCASE("a money literal with more than two decimals") {
    CHECK(fault_of("app.requested_eur > 95000.505") ==
          RuleFault{"'95000.505' is not an amount of money: three digits after the separator is ambiguous; "
                    "money has at most two decimals",
                    20, 9});
  }
}

// Regression: a literal too large for an integer is read through an empty std::optional
// (`*parse_integer(text)` in parse_number_or_duration), which is undefined behaviour: the
// "the number is too large" check after it can never fire, the rule compiles and
// `99999999999999999999` evaluates to garbage (140729104218416 in one run). A duration count
// is also cast to int32 unchecked: `call.deadline + 3000000000 days` gives -13850-05-25 and
// `2147483647 years` overflows to "-12 months".
TEST_CASE("core::compile_rule rejects a number too large") {
  CHECK(fault_of("app.team_size < 99999999999999999999") == RuleFault{"the number is too large", 16, 20});
  CHECK(fault_of("call.deadline + 99999999999 days > 2021-01-01").message == "the duration is too large");
  CHECK(fault_of("call.deadline + 3000000000 days > 2021-01-01").message == "the duration is too large");
  CHECK(fault_of("call.deadline + 2147483647 years > 2021-01-01").message == "the duration is too large");
  // found by fuzz_rule: the count times 7 overflowed int64 before the limit was checked
  CHECK(fault_of("call.deadline + 5551562240661680472 weeks > 2021-01-01").message == "the duration is too large");
  CHECK(fault_of("call.deadline + 9223372036854775807 months > 2021-01-01").message == "the duration is too large");
  CHECK(fault_of("call.deadline + 366000 days > 2021-01-01").message == "the duration is too large");
  CHECK(fault_of("call.deadline + 365999 days > 2021-01-01").message == "(compiled without a fault)");
  CHECK(fault_of("call.deadline + 52286 weeks > 2021-01-01").message == "the duration is too large");
  CHECK(fault_of("call.deadline + 52285 weeks > 2021-01-01").message == "(compiled without a fault)");
  CHECK(fault_of("call.deadline + 1000 years > 2021-01-01") == RuleFault{"the duration is too large", 16, 10});
  CHECK(fault_of("call.deadline + 999 years > 2021-01-01").message == "(compiled without a fault)");
}

// ---- evaluation --------------------------------------------------------------------------

TEST_CASE("core::evaluate money") {
  auto a = app({{"requested_eur", "95000.50"}, {"own_resources_eur", "0.10"}, {"programme_budget_eur", "0.20"}});

  SUBCASE("comparisons are exact to the cent") {
    CHECK(truth("app.requested_eur > 95000", a) == "true");
    CHECK(truth("app.requested_eur == 95000", a) == "false");
    CHECK(truth("app.requested_eur <= 95000", app({{"requested_eur", "95000"}})) == "true");
  }
  SUBCASE("a decimal literal compared with money is exact money") {
    CHECK(truth("app.requested_eur == 95000.50", a) == "true");
    CHECK(truth("app.requested_eur == 95000.5", a) == "true");
    CHECK(truth("app.requested_eur < 95000.51", a) == "true");
    CHECK(truth("app.requested_eur > 95000.49", a) == "true");
    CHECK(truth("95000.50 >= app.requested_eur", a) == "true");
  }
  SUBCASE("sums are exact where floating point is not") {
    CHECK(truth("app.own_resources_eur + app.programme_budget_eur == 0.30", a) == "true");
    CHECK(value_of("app.own_resources_eur + app.programme_budget_eur", a) == "0.30");
  }
  SUBCASE("money times a whole number is money") {
    CHECK(value_of("app.requested_eur * 2", a) == "190001");
    CHECK(value_of("3 * app.requested_eur", a) == "285001.50");
  }
  SUBCASE("a whole number added to or compared with money counts as euros") {
    CHECK(value_of("app.requested_eur - 95000", a) == "0.50");
    CHECK(value_of("app.requested_eur + 1", a) == "95001.50");
    CHECK(truth("app.requested_eur > app.team_size", app({{"requested_eur", "12.01"}, {"team_size", "12"}})) == "true");
  }
  SUBCASE("money divided by money is a number") {
    CHECK(value_of("call.budget / app.requested_eur", app({{"requested_eur", "200000"}})) == "4");
  }
  SUBCASE("an integer call parameter compares with money as whole euros") {
    CHECK(truth("app.requested_eur <= call.max_request", app({{"requested_eur", "150000"}})) == "true");
    CHECK(truth("app.requested_eur <= call.max_request", app({{"requested_eur", "150000.01"}})) == "false");
  }
  SUBCASE("negated money") { CHECK(value_of("-app.requested_eur", a) == "-95000.50"); }
}

TEST_CASE("core::evaluate dates and durations") {
  SUBCASE("a date minus months clamps to the end of a shorter month") {
    CHECK(value_of("2021-05-31 - 3 months") == "2021-02-28");
    CHECK(value_of("app.programme_started - 3 months", app({{"programme_started", "2020-05-31"}})) == "2020-02-29");
    CHECK(value_of("2021-01-31 + 1 month") == "2021-02-28");
    CHECK(truth("2021-05-31 - 3 months == 2021-02-28") == "true");
  }
  SUBCASE("a duration may come first in a sum") { CHECK(value_of("3 months + 2020-12-01") == "2021-03-01"); }
  SUBCASE("durations add and negate") {
    CHECK(value_of("call.deadline - (1 month + 14 days)") == "2021-01-18");
    CHECK(value_of("call.deadline + -3 months") == "2020-12-01");
  }
  SUBCASE("a date minus a date is a number of days") {
    CHECK(value_of("call.deadline - app.programme_started", app({{"programme_started", "2020-12-01"}})) == "90");
    CHECK(value_of("2021-01-01 - 2020-12-31") == "1");
    CHECK(value_of("2020-12-31 - 2021-01-01") == "-1");
    CHECK(truth("call.continues_after - call.deadline > 300") == "true");
  }
}

TEST_CASE("core::evaluate numbers") {
  SUBCASE("integer arithmetic stays whole") {
    CHECK(value_of("(1 + 2) * 3") == "9");
    CHECK(value_of("app.team_size * 2 - 1", app({{"team_size", "12"}})) == "23");
  }
  SUBCASE("division gives a number") {
    CHECK(value_of("7 / 2") == "3.5");
    CHECK(truth("7 / 2 == 3.5") == "true");
  }
  SUBCASE("a number mixes with an integer") {
    CHECK(value_of("app.panel_score * 2", app({{"panel_score", "2,25"}})) == "4.5");
    CHECK(truth("app.panel_score >= 2", app({{"panel_score", "2,25"}})) == "true");
  }
  SUBCASE("evaluate_value gives a typed value") {
    auto rule = compile_rule("app.panel_score + 1", app_scope());
    CHECK(rule.type() == Type::number);
    auto values = app({{"panel_score", "2,5"}});
    auto v = fundscreen::core::evaluate_value(rule, RecordView{values, {}});
    REQUIRE(std::holds_alternative<double>(v));
    CHECK(std::get<double>(v) == doctest::Approx(3.5));
  }
  SUBCASE("evaluate_value is missing when the expression read a missing value") {
    CHECK(value_of("app.panel_score + 1") == "missing");
  }
  SUBCASE("division by zero is unknown, with the reason") {
    CHECK(truth("1 / 0 > 0") == "unknown");
    CHECK(reason("1 / 0 > 0", app({})) == "division by zero");
    CHECK(reason("call.budget / app.own_resources_eur > 1", app({{"own_resources_eur", "0"}})) == "division by zero");
    CHECK(value_of("1 / 0") == "missing");
  }
  SUBCASE("strings compare alphabetically by bytes") {
    CHECK(truth(R"(app.thesis < "3C")", app({{"thesis", "3B"}})) == "true");
  }
}

TEST_CASE("core::evaluate missing values") {
  auto none = app({});
  const std::string missing = "app.programme_started < 2021-01-01";

  SUBCASE("a comparison that reads a missing value is unknown, naming the field") {
    CHECK(truth(missing, none) == "unknown");
    CHECK(reason(missing, none) == "app.programme_started is missing");
  }
  SUBCASE("'and' is false when either side is false, whatever the other") {
    CHECK(truth("false and " + missing, none) == "false");
    CHECK(truth(missing + " and false", none) == "false");
  }
  SUBCASE("'or' is true when either side is true, whatever the other") {
    CHECK(truth(missing + " or true", none) == "true");
    CHECK(truth("true or " + missing, none) == "true");
  }
  SUBCASE("otherwise the missing value makes the result unknown") {
    CHECK(truth(missing + " and true", none) == "unknown");
    CHECK(reason(missing + " and true", none) == "app.programme_started is missing");
    CHECK(truth("true and " + missing, none) == "unknown");
    CHECK(truth(missing + " or false", none) == "unknown");
  }
  SUBCASE("'not' of an unknown is unknown") {
    CHECK(truth("not (" + missing + ")", none) == "unknown");
    CHECK(reason("not (" + missing + ")", none) == "app.programme_started is missing");
  }
  SUBCASE("has() is never unknown") {
    CHECK(truth("has(app.programme_started)", none) == "false");
    CHECK(truth("not has(app.programme_started)", none) == "true");
  }
  SUBCASE("a guard with has() turns a missing value into a plain false") {
    CHECK(truth("has(app.own_resources_eur) and app.own_resources_eur > 0", none) == "false");
  }
  SUBCASE("default() replaces a missing value") {
    CHECK(truth("default(app.own_resources_eur, 0) > 0", none) == "false");
    CHECK(truth("default(app.programme_started, 2021-01-01) == 2021-01-01", none) == "true");
    CHECK(truth("default(app.team_size, 0) == 0", none) == "true");
  }
  SUBCASE("default() with a decimal fallback widens an integer to a number") {
    CHECK(compile_rule("default(app.team_size, 2.5)", app_scope()).type() == Type::number);
    CHECK(value_of("default(app.team_size, 2.5)", none) == "2.5");
    CHECK(value_of("default(app.team_size, 2.5)", app({{"team_size", "3"}})) == "3");
    CHECK(compile_rule("default(app.panel_score, 0)", app_scope()).type() == Type::number);
    CHECK(value_of("default(app.panel_score, 0) + 0.5", none) == "0.5");
  }
  SUBCASE("arithmetic, membership and text tests on a missing value are unknown") {
    CHECK(truth("app.team_size + 1 > 0", none) == "unknown");
    CHECK(truth(R"(app.stage in ["idea"])", none) == "unknown");
    CHECK(truth(R"("Sitra" in app.actors)", none) == "unknown");
    CHECK(truth(R"(app.thesis.starts_with("3"))", none) == "unknown");
    CHECK(reason("size(app.actors) > 0", none) == "app.actors is missing");
  }
  SUBCASE("any() is true if one element passes, even when others are unknown") {
    auto a = app({{"actors", "Kela|Sitra"}});
    CHECK(truth(R"(any(app.actors, x, x == "Sitra" or x == app.thesis))", a) == "true");
    CHECK(truth(R"(any(app.actors, x, x == "Aalto" or x == app.thesis))", a) == "unknown");
    CHECK(reason(R"(any(app.actors, x, x == "Aalto" or x == app.thesis))", a) == "app.thesis is missing");
  }
  SUBCASE("all() is false if one element fails, even when others are unknown") {
    auto a = app({{"actors", "Kela|Sitra"}});
    CHECK(truth(R"(all(app.actors, x, x != "Sitra" and x != app.thesis))", a) == "false");
    CHECK(truth(R"(all(app.actors, x, x != "Aalto" and x != app.thesis))", a) == "unknown");
  }
  SUBCASE("any() over a missing list is unknown") {
    CHECK(reason("any(app.actors, x, true)", none) == "app.actors is missing");
  }
}

TEST_CASE("core::evaluate the sitra-2021 C7 rule") {
  // Started at least 3 months before the 2021-03-01 deadline, and no end or an end after 2021.
  auto c7 = [](fundscreen::testing::Cells cells) { return truth(k_sitra_c7_rule, app(cells)); };

  SUBCASE("started exactly three months before the deadline passes") {
    CHECK(c7({{"programme_started", "2020-12-01"}}) == "true");
  }
  SUBCASE("started a day later fails") { CHECK(c7({{"programme_started", "2020-12-02"}}) == "false"); }
  SUBCASE("a missing start with no end is unknown") {
    CHECK(c7({}) == "unknown");
    CHECK(reason(k_sitra_c7_rule, app({})) == "app.programme_started is missing");
  }
  SUBCASE("a missing start with an end within 2021 fails, because the second half is false") {
    CHECK(c7({{"programme_ends", "2021-06-30"}}) == "false");
  }
  SUBCASE("ending on the last day of 2021 fails") {
    CHECK(c7({{"programme_started", "2019-01-01"}, {"programme_ends", "2021-12-31"}}) == "false");
  }
  SUBCASE("ending on the first day of 2022 passes") {
    CHECK(c7({{"programme_started", "2019-01-01"}, {"programme_ends", "2022-01-01"}}) == "true");
  }
  SUBCASE("a Finnish start date reads the same") { CHECK(c7({{"programme_started", "1.12.2020"}}) == "true"); }
}

TEST_CASE("core::evaluate reads") {
  SUBCASE("are not recorded unless asked for") {
    auto r = evaluate(k_sitra_c7_rule, app({{"programme_started", "2020-12-01"}}));
    CHECK(r.reads.empty());
  }
  SUBCASE("are recorded with their values, each path once, in the order read") {
    auto r = evaluate(k_sitra_c7_rule, app({{"programme_started", "2020-12-01"}, {"programme_ends", "2022-01-01"}}),
                      TraceReads::yes);
    CHECK(reads_of(r) == "app.programme_started = 2020-12-01\n"
                         "app.programme_ends = 2022-01-01\n");
  }
  SUBCASE("record a missing value as missing") {
    auto r = evaluate(k_sitra_c7_rule, app({{"programme_ends", "2021-06-30"}}), TraceReads::yes);
    CHECK(reads_of(r) == "app.programme_started = missing\n"
                         "app.programme_ends = 2021-06-30\n");
  }
  SUBCASE("leave out a side that 'and' did not need") {
    auto r = evaluate(k_sitra_c7_rule, app({{"programme_started", "2020-12-02"}}), TraceReads::yes);
    CHECK(reads_of(r) == "app.programme_started = 2020-12-02\n");
  }
  SUBCASE("record has() reads and list values") {
    auto r = evaluate(R"(has(app.actors) and "Sitra" in app.actors)", app({{"actors", "Sitra|Kela"}}), TraceReads::yes);
    CHECK(reads_of(r) == "app.actors = [\"Sitra\", \"Kela\"]\n");
  }
}

// Regression: the evaluator keeps the variables of any()/all() on its stack, 16 of them; a
// 17th used to write past the end. Now 16 work and the 17th is a fault at compile time.
TEST_CASE("core::evaluate many any() calls in one rule") {
  std::string rule;
  for (int i = 0; i < 15; ++i) rule += "any(app.actors, a, a == \"X" + std::to_string(i) + "\") or ";
  rule += "any(app.actors, a, a == \"Sitra\")";
  CHECK(truth(rule, app({{"actors", "Kela|Sitra"}})) == "true");
  CHECK(truth(rule, app({{"actors", "Kela|X14"}})) == "true");
  CHECK(truth(rule, app({{"actors", "Kela"}})) == "false");
  std::string seventeen = "any(app.actors, b, b == \"Y\") or " + rule;
  CHECK(fault_of(seventeen).message == "a rule may use at most 16 any() and all()");
}

// Regression (found by fuzz_rule): integer and money arithmetic overflowed, which is
// undefined behaviour. A result that does not fit is now unknown, with the reason.
TEST_CASE("core::evaluate arithmetic that overflows is unknown") {
  auto a = app({{"requested_eur", "95000"}});
  auto r = evaluate("99999999999 * 99999999999 > 0", a, TraceReads::no);
  CHECK(r.truth == fundscreen::core::Truth::unknown);
  CHECK(r.reason == "a number is too large to compute");
  CHECK(evaluate("app.requested_eur * 99999999999999999 > 0", a, TraceReads::no).reason ==
        "a number is too large to compute");
  CHECK(fault_of("app.requested_eur < 9223372036854775807").message ==
        "'9223372036854775807' is not an amount of money: the amount is too large");
  // found by the sanitizers: the most negative integer has no opposite in 64 bits
  CHECK(evaluate("-(0 - 9223372036854775807 - 1) > 0", a, TraceReads::no).reason == "a number is too large to compute");
}

// Regression (found by fuzz_rule): thousands of '(' overflowed the parser's stack.
TEST_CASE("core::compile_rule rejects a rule that nests too deeply") {
  CHECK(fault_of(std::string(2000, '(') + "true" + std::string(2000, ')')).message == "the rule nests too deeply");
  CHECK(fault_of(std::string(50, '(') + "true" + std::string(50, ')')).message == "(compiled without a fault)");
  std::string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  CHECK(fault_of(nots + "true").message == "the rule nests too deeply");
}

// ---- what funders write (issue 13) -----------------------------------------------------------

TEST_CASE("core::compile_rule number literals") {
  SUBCASE("with an exponent, a leading dot or a capital E") {
    CHECK(value_of("1.5e3") == "1500");
    CHECK(value_of(".8") == "0.8");
    CHECK(value_of("2E-1") == "0.2");
    CHECK(value_of("1e+2") == "100");
    CHECK(truth("1.5e3 == 1500") == "true");
    CHECK(compile_rule("1.5e3", app_scope()).type() == Type::number);
  }
  SUBCASE("a percentage is the number divided by a hundred, with or without a space") {
    CHECK(value_of("80 %") == "0.8");
    CHECK(value_of("80%") == "0.8");
    CHECK(value_of("12.5 %") == "0.125");
    CHECK(truth("80 % == 0.8") == "true");
    CHECK(truth("80% * 2 == 1.6") == "true");
  }
  SUBCASE("decimals are exact where floating point is not") {
    CHECK(truth("0.1 + 0.2 == 0.3") == "true");
    CHECK(truth("0.1 * 3 == 0.3") == "true");
    CHECK(truth("1 / 3 * 3 == 1") == "true");
    CHECK(truth("1 / 3 + 1 / 3 + 1 / 3 == 1") == "true");
  }
  SUBCASE("integer division is an exact fraction") {
    CHECK(value_of("7 / 2") == "3.5");
    CHECK(truth("7 / 2 > 3") == "true");
    CHECK(truth("2 / 3 == 4 / 6") == "true");
    CHECK(compile_rule("7 / 2", app_scope()).type() == Type::number);
  }
  SUBCASE("a number field is exact as written") {
    auto a = app({{"panel_score", "0,1"}});
    CHECK(truth("app.panel_score * 3 == 0.3", a) == "true");
    CHECK(truth("app.panel_score + 0.2 == 0.3", a) == "true");
  }
  SUBCASE("any literal form compared with money is money") {
    auto a = app({{"requested_eur", "1500"}});
    CHECK(truth("app.requested_eur == 1.5e3", a) == "true");
    CHECK(truth("app.requested_eur > .5", a) == "true");
    CHECK(truth("app.requested_eur < 1.5e3", a) == "false");
  }
}

TEST_CASE("core::evaluate money times and divided by a number") {
  auto a = app({{"requested_eur", "210000"}, {"programme_budget_eur", "250000"}, {"own_resources_eur", "1234.57"}});

  SUBCASE("is money, exact") {
    CHECK(compile_rule("0.8 * app.programme_budget_eur", app_scope()).type() == Type::money);
    CHECK(value_of("0.8 * app.programme_budget_eur", a) == "200000");
    CHECK(value_of("app.programme_budget_eur * 80 %", a) == "200000");
    CHECK(value_of("app.programme_budget_eur / 4", a) == "62500");
    CHECK(value_of("app.programme_budget_eur / 1.25", a) == "200000");
  }
  SUBCASE("a fraction of a cent compares exactly, and is rounded only as a value") {
    CHECK(truth("0.8 * app.own_resources_eur * 1000 == 987656", a) == "true");
    CHECK(truth("0.8 * app.own_resources_eur > 987.65", a) == "true");
    CHECK(truth("0.8 * app.own_resources_eur < 987.66", a) == "true");
    CHECK(value_of("0.8 * app.own_resources_eur", a) == "987.66");
    CHECK(truth("app.own_resources_eur / 3 * 3 == app.own_resources_eur", a) == "true");
  }
  SUBCASE("adds to money") {
    CHECK(value_of("app.requested_eur + 0.5 * app.programme_budget_eur", a) == "335000");
    CHECK(truth("app.requested_eur - 0.8 * app.programme_budget_eur == 10000", a) == "true");
  }
  SUBCASE("money over money is an exact number") {
    CHECK(value_of("app.requested_eur / app.programme_budget_eur", a) == "0.84");
    CHECK(truth("app.requested_eur / app.programme_budget_eur <= 0.8", a) == "false");
    CHECK(truth("app.requested_eur / app.programme_budget_eur <= 84 %", a) == "true");
  }
  SUBCASE("the two ways of writing a share agree at the boundary") {
    auto at = app({{"requested_eur", "200000"}, {"programme_budget_eur", "250000"}});
    auto above = app({{"requested_eur", "200000.01"}, {"programme_budget_eur", "250000"}});
    for (auto rule :
         {"app.requested_eur <= 0.8 * app.programme_budget_eur", "app.requested_eur / app.programme_budget_eur <= 0.8",
          "app.requested_eur / app.programme_budget_eur <= 80 %"}) {
      CAPTURE(rule);
      CHECK(truth(rule, at) == "true");
      CHECK(truth(rule, above) == "false");
    }
  }
  SUBCASE("a result too large for an amount is unknown, with the reason") {
    CHECK(reason("app.requested_eur * 1e18 > 0", a) == "a number is too large to compute");
    CHECK(reason("app.requested_eur / 0.05 > 0", app({{"requested_eur", "9000000000000000"}})) ==
          "a number is too large to compute");
  }
  SUBCASE("division by zero is unknown, with the reason") {
    CHECK(reason("app.requested_eur / 0 > 0", a) == "division by zero");
    CHECK(reason("app.requested_eur / app.team_size > 0", app({{"requested_eur", "1"}, {"team_size", "0"}})) ==
          "division by zero");
    CHECK(reason("app.requested_eur / app.programme_budget_eur > 0",
                 app({{"requested_eur", "1"}, {"programme_budget_eur", "0"}})) == "division by zero");
  }
}

TEST_CASE("core::evaluate the arithmetic in the audit trail") {
  auto steps = [](std::string_view rule, const std::vector<fundscreen::core::Value>& values) {
    return fundscreen::util::join(evaluate(rule, values, TraceReads::yes).steps, "\n");
  };
  auto a = app({{"requested_eur", "210000"}, {"programme_budget_eur", "250000"}, {"own_resources_eur", "1234.57"}});
  SUBCASE("shows products and quotients with their values") {
    CHECK(steps("app.requested_eur <= 0.8 * app.programme_budget_eur", a) == "0.8 * 250000 = 200000");
    CHECK(steps("app.requested_eur / app.programme_budget_eur <= 80 %", a) == "210000 / 250000 = 0.84");
    CHECK(steps("0.8 * app.own_resources_eur > 0", a) == "0.8 * 1234.57 = 987.656");
  }
  SUBCASE("rounds a decimal that does not end, and says so") {
    CHECK(steps("app.requested_eur / 3 > 0", app({{"requested_eur", "100"}})) == "100 / 3 \u2248 33.3333333333");
  }
  SUBCASE("shows each step once, and a month count") {
    CHECK(steps("months_between(app.programme_started, app.programme_ends) >= 12 and "
                "months_between(app.programme_started, app.programme_ends) <= 36",
                app({{"programme_started", "2025-01-01"}, {"programme_ends", "2025-12-30"}})) ==
          "months_between(2025-01-01, 2025-12-30) = 11");
  }
  SUBCASE("only when the reads are recorded as copies") {
    CHECK(evaluate("0.8 * app.programme_budget_eur > 0", a, TraceReads::no).steps.empty());
    CHECK(evaluate("0.8 * app.programme_budget_eur > 0", a, TraceReads::views).steps.empty());
  }
  SUBCASE("a sum, or a step whose operand is missing, is not shown") {
    CHECK(steps("app.requested_eur + app.programme_budget_eur > 0", a) == "");
    CHECK(steps("0.8 * app.programme_budget_eur > 0", app({})) == "");
  }
}

TEST_CASE("core::evaluate strings joined with +") {
  auto a = app({{"thesis", "3B"}, {"stage", "new"}});
  CHECK(value_of(R"("thesis " + app.thesis)", a) == "\"thesis 3B\"");
  CHECK(truth(R"(app.thesis + "/" + app.stage == "3B/new")", a) == "true");
  CHECK(truth(R"("a" + "b" == "ab")") == "true");
  CHECK(truth(R"(app.thesis + "x" == "3Bx")") == "unknown");
}

TEST_CASE("core::evaluate matches") {
  auto a = app({{"applicant", "1234567-8"}, {"thesis", "3B"}});
  SUBCASE("the pattern matches the whole text, in either form") {
    CHECK(truth(R"(matches(app.applicant, "[0-9]{7}-[0-9]"))", a) == "true");
    CHECK(truth(R"(app.applicant.matches('^[0-9]{7}-[0-9]$'))", a) == "true");
    CHECK(truth(R"(matches(app.applicant, "[0-9]{7}"))", a) == "false");
    CHECK(truth(R"(matches(app.thesis, "3[A-C]"))", a) == "true");
  }
  SUBCASE("a backslash other than before a quote or a backslash stays in the pattern") {
    CHECK(truth(R"(matches(app.applicant, "\d{7}-\d"))", a) == "true");
    CHECK(truth(R"(matches(app.applicant, "\\d{7}-\\d"))", a) == "true");
    CHECK(truth(R"(matches(app.thesis, "3\."))", a) == "false");
  }
  SUBCASE("a missing text is unknown") {
    CHECK(truth(R"(matches(app.evidence, ".*"))", a) == "unknown");
    CHECK(reason(R"(matches(app.evidence, ".*"))", a) == "app.evidence is missing");
  }
  SUBCASE("a pattern that does not compile is a fault at the pattern, with RE2's reason") {
    CHECK(fault_of(R"(matches(app.applicant, "[0-9"))") == RuleFault{"invalid pattern '[0-9': missing ]: [0-9", 23, 6});
    CHECK(fault_of(R"(app.applicant.matches("a**"))") ==
          RuleFault{"invalid pattern 'a**': bad repetition operator: **", 22, 5});
  }
  SUBCASE("the pattern is a string literal") {
    CHECK(fault_of(R"(matches(app.applicant, app.thesis))") ==
          RuleFault{"matches() takes its pattern as a string literal, as in matches(app.business_id, "
                    "'[0-9]{7}-[0-9]')",
                    23, 10});
    CHECK(fault_of(R"(matches(app.applicant, call.name))").message.starts_with("matches() takes its pattern"));
    CHECK(fault_of("matches(app.actors, \"x\")") == RuleFault{"matches() needs a string, but this is a list", 8, 10});
  }
}

TEST_CASE("core::evaluate months_between") {
  auto period = [](std::string_view start, std::string_view end) {
    return value_of("months_between(app.programme_started, app.programme_ends)",
                    app({{"programme_started", start}, {"programme_ends", end}}));
  };
  SUBCASE("counts whole calendar months, the end day included") {
    CHECK(period("2025-01-01", "2025-12-31") == "12");
    CHECK(period("2025-03-15", "2026-03-14") == "12");
    CHECK(period("2025-01-01", "2025-12-30") == "11");
    CHECK(period("2024-01-31", "2024-02-29") == "1");
  }
  SUBCASE("an end before the start is a negative count, so that a minimum fails") {
    CHECK(period("2025-03-01", "2025-01-31") == "-1");
    CHECK(truth("months_between(2025-03-01, 2024-03-01) >= 12") == "false");
  }
  SUBCASE("a duration of 12 to 36 months as a funder writes it") {
    const std::string rule = "months_between(app.programme_started, app.programme_ends) >= 12 and "
                             "months_between(app.programme_started, app.programme_ends) <= 36";
    auto run = [&](std::string_view start, std::string_view end) {
      return truth(rule, app({{"programme_started", start}, {"programme_ends", end}}));
    };
    CHECK(run("2025-01-01", "2025-12-31") == "true");
    CHECK(run("2025-01-01", "2025-12-30") == "false");
    CHECK(run("2025-01-01", "2027-12-31") == "true");
    CHECK(run("2025-01-01", "2028-01-01") == "true"); // 36 months and a day
    CHECK(run("2025-01-01", "2028-01-31") == "false");
  }
  SUBCASE("is an integer, and unknown when a date is missing") {
    CHECK(compile_rule("months_between(call.deadline, call.continues_after)", app_scope()).type() == Type::integer);
    CHECK(value_of("months_between(call.deadline, call.continues_after)") == "10");
    CHECK(reason("months_between(app.programme_started, call.deadline) > 1", app({})) ==
          "app.programme_started is missing");
  }
  SUBCASE("takes two dates") {
    CHECK(fault_of("months_between(app.programme_started) > 1") ==
          RuleFault{"months_between() takes 2 arguments, not 1", 0, 14});
    CHECK(fault_of("months_between(app.programme_started, 3) > 1") ==
          RuleFault{"months_between() needs a date, but this is an integer", 38, 1});
  }
}

TEST_CASE("core::compile_rule faults with a fix") {
  SUBCASE("a misspelt unit of a duration") {
    CHECK(fault_of("call.deadline - 12 moths > app.programme_started") ==
          RuleFault{"unknown unit 'moths'; did you mean 'months'?", 19, 5});
    CHECK(fault_of("call.deadline + 2 wekes > app.programme_started") ==
          RuleFault{"unknown unit 'wekes'; did you mean 'weeks'?", 18, 5});
    CHECK(fault_of("call.deadline + 1 yaer > app.programme_started").message ==
          "unknown unit 'yaer'; did you mean 'year'?");
  }
  SUBCASE("a duration of a count that is not whole") {
    CHECK(fault_of("call.deadline + 1.5 years > app.programme_started") ==
          RuleFault{"a duration is a whole number of days, weeks, months or years, as in 18 months", 16, 9});
  }
  SUBCASE("a word after a number that is no unit is left to the general fault") {
    CHECK(fault_of("12 app.team_size").message == "unexpected 'app' after the end of the expression");
    CHECK(fault_of("1 < 2 and 2 in [1, 2] or 3 > 4").message == "(compiled without a fault)");
  }
  SUBCASE("a date written as people write it says how to write it") {
    CHECK(fault_of("app.programme_started < 28.2.2025") ==
          RuleFault{"'28.2.2025' is not a date literal; write the date as 2025-02-28", 24, 9});
    CHECK(fault_of("app.programme_started < 01.03.2021").message ==
          "'01.03.2021' is not a date literal; write the date as 2021-03-01");
    CHECK(fault_of("app.programme_started < 31.2.2025").message ==
          "'31.2.2025' is not a date literal; a date is written YYYY-MM-DD, e.g. 2021-03-01");
  }
  SUBCASE("'%' anywhere but after a number") {
    CHECK(fault_of("app.team_size % 2 == 0") ==
          RuleFault{"'%' makes a percentage of the number written just before it, as in 80 %", 14, 1});
    CHECK(fault_of("% 2 == 0") == RuleFault{"expected an expression but found '%'", 0, 1});
  }
  SUBCASE("a literal that cannot be exact") {
    CHECK(fault_of("app.panel_score < 1e-30") ==
          RuleFault{"the number is too large or has too many decimals to be exact", 18, 5});
    CHECK(fault_of("app.requested_eur < 1.5e-3") ==
          RuleFault{"'1.5e-3' is not an amount of money: money has at most two decimals (cents)", 20, 6});
  }
}
