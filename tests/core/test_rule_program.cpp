// SPDX-License-Identifier: Apache-2.0
// The flat program of a rule against the tree walk it replaces when no audit trail is
// asked for: the same truth, reason and value for every rule of the shipped criteria sets,
// the peer job and the rule cases of test_rule.cpp, over thousands of generated
// applications with missing, empty, extreme and wrongly typed values.
#include <cmath>
#include <fstream>
#include <limits>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "core/rule_program.hpp"
#include "core/screener.hpp"
#include "io/criteria_loader.hpp"
#include "test_builders.hpp"
#include "test_files.hpp"
#include "util/text.hpp"

namespace core = fundscreen::core;
using core::FieldType;
using core::Value;
using fundscreen::testing::app_scope;

namespace {

// The rule cases of test_rule.cpp's evaluation tests, and more that reach every operation
// with every pair of types it takes.
const std::vector<std::string> k_rule_cases = {
    "app.requested_eur > 95000",
    "app.requested_eur == 95000",
    "app.requested_eur <= 95000",
    "app.requested_eur == 95000.50",
    "app.requested_eur < 95000.51",
    "95000.50 >= app.requested_eur",
    "app.own_resources_eur + app.programme_budget_eur == 0.30",
    "app.own_resources_eur + app.programme_budget_eur",
    "app.requested_eur * 2",
    "3 * app.requested_eur",
    "app.requested_eur - 95000",
    "app.requested_eur + 1",
    "app.requested_eur > app.team_size",
    "call.budget / app.requested_eur",
    "app.requested_eur <= call.max_request",
    "-app.requested_eur",
    "2021-05-31 - 3 months",
    "app.programme_started - 3 months",
    "2021-05-31 - 3 months == 2021-02-28",
    "3 months + 2020-12-01",
    "call.deadline - (1 month + 14 days)",
    "call.deadline + -3 months",
    "call.deadline - app.programme_started",
    "call.continues_after - call.deadline > 300",
    "(1 + 2) * 3",
    "app.team_size * 2 - 1",
    "7 / 2 == 3.5",
    "app.panel_score * 2",
    "app.panel_score >= 2",
    "app.panel_score + 1",
    "1 / 0 > 0",
    "call.budget / app.own_resources_eur > 1",
    "1 / 0",
    R"(app.thesis < "3C")",
    "false and app.programme_started < 2021-01-01",
    "app.programme_started < 2021-01-01 and false",
    "app.programme_started < 2021-01-01 or true",
    "true or app.programme_started < 2021-01-01",
    "app.programme_started < 2021-01-01 and true",
    "true and app.programme_started < 2021-01-01",
    "app.programme_started < 2021-01-01 or false",
    "not (app.programme_started < 2021-01-01)",
    "has(app.programme_started)",
    "not has(app.programme_started)",
    "has(app.own_resources_eur) and app.own_resources_eur > 0",
    "default(app.own_resources_eur, 0) > 0",
    "default(app.programme_started, 2021-01-01) == 2021-01-01",
    "default(app.team_size, 0) == 0",
    "default(app.team_size, 2.5)",
    "default(app.panel_score, 0) + 0.5",
    "app.team_size + 1 > 0",
    R"(app.stage in ["idea"])",
    R"("Sitra" in app.actors)",
    R"(app.thesis.starts_with("3"))",
    "size(app.actors) > 0",
    R"(any(app.actors, x, x == "Sitra" or x == app.thesis))",
    R"(all(app.actors, x, x != "Aalto" and x != app.thesis))",
    R"(has(app.actors) and "Sitra" in app.actors)",
    "99999999999 * 99999999999 > 0",
    "app.requested_eur * 99999999999999999 > 0",
    "not false or true and false",
    "!(false || true)",
    "-2 * 3 == -6",
    "not 1 + 1 == 2 or true",
    "app.team_size == 12",
    "app.panel_score == 2.5",
    R"("it's" == 'it\'s')",
    R"(size("say \"hi\"") == 8)",
    "call.deadline + 1 year",
    "3 months",
    "1 year == 12 months",
    "call.budget",
    R"(ends_with(app.thesis, "3"))",
    R"(app.problem.contains("ei uud"))",
    R"(app.actors.contains("Kela"))",
    "size(app.applicant)",
    R"(app.stage in ["idea", "ongoing"])",
    "app.thesis in []",
    "app.requested_eur in [95000, 95000.50]",
    "2 in [1, 2, 3]",
    "app.thesis in call.themes",
    "app.thesis.has()",
    "has(app.actors)",
    R"(default(app.thesis, "none"))",
    "default(app.own_resources_eur, 0)",
    // Beyond test_rule.cpp: mixed types, both orders, every operation.
    "app.team_size < app.panel_score",
    "app.team_size <= app.requested_eur",
    "app.team_size * 100 == app.requested_eur",
    "app.requested_eur + app.team_size",
    "app.team_size - app.requested_eur",
    "app.team_size * app.requested_eur",
    "app.requested_eur - app.own_resources_eur",
    "app.requested_eur / app.own_resources_eur",
    "app.requested_eur / app.own_resources_eur > 1.5",
    "app.panel_score / app.team_size",
    "app.panel_score - app.team_size < 0",
    "app.team_size / 0",
    "-app.panel_score",
    "-app.team_size",
    "-(3 months) + app.programme_started",
    "app.programme_ends - app.programme_started > 365",
    "app.programme_started + 1 year < app.programme_ends",
    "app.programme_started - (1 month + 2 days)",
    "(3 months - 1 day) == 2 months",
    "2 weeks + 1 month > 1 month + 13 days",
    "app.has_partner == true",
    "app.has_partner != app.has_partner",
    "not app.has_partner",
    "app.has_partner or app.team_size > 3",
    "app.has_partner and app.panel_score > 2",
    "app.stage < app.kind",
    R"(app.applicant >= "M")",
    "app.id == app.applicant",
    "app.team_size in [1, 2, 12]",
    "app.panel_score in [2.5, 3]",
    "app.team_size in [1.5, 12]",
    "app.programme_started in [2020-12-01, 2021-01-01]",
    "app.has_partner in [true]",
    "app.requested_eur in [call.budget, 100, 95000.5]",
    "app.thesis in [app.stage, \"3B\"]",
    "default(app.team_size, app.panel_score)",
    "default(app.panel_score, app.team_size) > 2",
    "default(app.requested_eur, call.budget)",
    "default(app.programme_ends, call.continues_after) > 2021-06-01",
    "size(app.problem) > 10",
    "app.problem.contains(app.thesis)",
    "app.actors.contains(app.thesis)",
    "app.thesis in app.actors",
    "app.applicant.starts_with(app.thesis)",
    "app.applicant.ends_with(app.evidence)",
    "app.team_size * app.team_size > 100",
    "app.team_size + 9223372036854775807 > 0",
    "app.team_size - 9223372036854775807 < 0",
    "-(app.team_size - 9223372036854775807 - 1) > 0",
    "-(app.team_size - 9223372036854775807 - 1) > 0 or true",
    "app.requested_eur * app.team_size > 0",
    "app.requested_eur + 92233720368547758 > 0",
    "call.deadline - app.programme_started > app.team_size",
    "app.team_size > 1 and app.panel_score > 1",
    "app.team_size > 1 or app.panel_score > 1",
    "not (app.team_size > 1 or app.panel_score > 1) and app.has_partner",
    "has(app.thesis) or app.team_size > 2",
    "not has(app.thesis) and app.team_size > 2",
    "(has(app.thesis) and app.team_size > 2) or (not has(app.evidence) and app.panel_score < 3)",
    "((((app.team_size + 1) * 2 - 3) * 4 + 5) * 6) > 7",
    "app.panel_score != app.panel_score",
    "app.panel_score / app.panel_score == 1",
    fundscreen::testing::k_sitra_c7_rule.data(),
    // Issue 13: exact arithmetic with money and numbers, percentages, months_between(),
    // matches() and strings joined.
    "app.requested_eur <= 0.8 * app.programme_budget_eur",
    "app.requested_eur / app.programme_budget_eur <= 0.8",
    "app.requested_eur / app.programme_budget_eur <= 80 %",
    "0.8 * app.programme_budget_eur",
    "app.requested_eur / app.programme_budget_eur",
    "app.requested_eur / 3",
    "app.requested_eur / app.team_size",
    "app.requested_eur * app.panel_score",
    "app.panel_score * app.requested_eur >= app.own_resources_eur",
    "app.requested_eur - app.panel_score * app.own_resources_eur",
    "app.requested_eur / app.panel_score < app.programme_budget_eur",
    "app.requested_eur / 0.8 <= app.programme_budget_eur + 1",
    "app.panel_score < 1.5e3",
    "app.panel_score * 80 % > .5",
    "app.team_size / 7",
    "app.team_size / app.team_size == 1",
    "app.panel_score - 0.1 == app.panel_score - 1 / 10",
    "-(0.8 * app.requested_eur)",
    "-(app.panel_score / 3)",
    "default(app.panel_score, 1 / 3)",
    "app.panel_score in [2.5, .5, 12]",
    "app.requested_eur in [0.8 * call.budget, 95000.50]",
    "1 / 3 + 1 / 3 + 1 / 3 == 1",
    "months_between(app.programme_started, app.programme_ends) >= 12",
    "months_between(app.programme_started, call.deadline)",
    R"(matches(app.thesis, "3[A-C]"))",
    "app.applicant.matches('[A-Z].*')",
    R"(not matches(app.id, "OA-[0-9]+") or app.team_size > 1)",
    R"(app.thesis + "x" == "3Bx")",
    R"("a" + "b" == "ab")",
};

// The values a field of `type` takes in generated applications: ordinary ones, the odd
// ones, and missing.
std::vector<Value> samples_of(FieldType type, const std::vector<std::string>& enum_values) {
  using core::Date;
  using core::Money;
  constexpr int64_t k_max = std::numeric_limits<int64_t>::max();
  constexpr int64_t k_min = std::numeric_limits<int64_t>::min();
  constexpr double k_inf = std::numeric_limits<double>::infinity();
  std::vector<Value> out = {Value{}, Value{}};
  switch (type) {
  case FieldType::string:
  case FieldType::text:
  case FieldType::enumeration:
    for (const char* s : {"", " ", "3", "3A", "3B", "3E", "4A", "M", "Sitra", "Kela", "osaaminen ei uudistu",
                          "\xC3\x84\xC3\xA4nekoski", "idea", "new", "ongoing", "technology"})
      out.emplace_back(std::string(s));
    for (const std::string& v : enum_values) out.emplace_back(v);
    break;
  case FieldType::date:
    for (int32_t d : {0, -1, 18597, 18596, 18598, 18627, 18992, 18993, 19000, -100000, 100000})
      out.emplace_back(Date{d});
    out.emplace_back(int64_t{18597}); // another type than declared
    break;
  case FieldType::money:
    for (int64_t c : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{9500050}, int64_t{9500000}, int64_t{15000000},
                      int64_t{15000001}, int64_t{30000000}, int64_t{80000000}, k_max, k_min, k_max / 100 + 1})
      out.emplace_back(Money{c});
    out.emplace_back(int64_t{95000}); // another type than declared
    break;
  case FieldType::integer:
    for (int64_t i : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{2}, int64_t{3}, int64_t{12}, int64_t{95000}, k_max,
                      k_min + 1, k_max / 100 + 1})
      out.emplace_back(i);
    out.emplace_back(Money{1200}); // another type than declared
    break;
  case FieldType::number:
    for (double d : {0.0, -0.0, 0.5, 2.0, 2.5, 3.0, 12.0, 950.0005, 1e300, -1e300, k_inf, -k_inf, std::nan("")})
      out.emplace_back(d);
    out.emplace_back(int64_t{2}); // another type than declared
    break;
  case FieldType::boolean:
    out.emplace_back(true);
    out.emplace_back(false);
    out.emplace_back(int64_t{1}); // another type than declared
    break;
  case FieldType::list:
    out.emplace_back(core::StringList{});
    out.emplace_back(core::StringList{"Sitra"});
    out.emplace_back(core::StringList{"Kela", "Sitra"});
    out.emplace_back(core::StringList{"", "3B", "Discovery Street Oy"});
    out.emplace_back(core::StringList{"3A", "3B", "3C", "Kela"});
    break;
  }
  return out;
}

enum class Shorter { never, sometimes };

// `count` applications over `fields`, each value drawn from samples_of(), the same every run;
// `shorter` sometimes leaves out the last fields, as a record of a shorter row.
std::vector<std::vector<Value>> generate(std::span<const core::FieldSpec> fields, size_t count, uint64_t seed,
                                         Shorter shorter = Shorter::sometimes) {
  std::mt19937_64 random(seed);
  std::vector<std::vector<Value>> samples;
  for (const auto& f : fields) samples.push_back(samples_of(f.type, f.values));
  std::vector<std::vector<Value>> apps(count);
  for (auto& app : apps) {
    for (const auto& s : samples) app.push_back(s[random() % s.size()]);
    if (shorter == Shorter::sometimes && random() % 50 == 0) app.resize(random() % fields.size());
  }
  return apps;
}

// A value with its alternative, so that two values of different types never look equal.
std::string shown(const Value& v) { return std::to_string(v.index()) + ":" + core::to_display(v); }

// The values a rule read, in the order read, as a line.
std::string reads_of(const core::RuleResult& r) {
  std::string out;
  for (const core::RuleRead& read : r.reads) out += " " + read.path + "=" + shown(read.value_read());
  return out;
}

// How the flat program and the tree walk differ on `rule` over `records`, one line each
// (at most a few); empty when they agree everywhere. The traced evaluation goes into one
// result reused over the records, as a screening's worker does, and must give the reads of
// a fresh tree walk, and so must the reads as views into the record. Adds to `varied` if the records gave more than one
// outcome, so that a test can tell that its records reach the rule's cases.
std::string differences(const core::Rule& rule, const std::vector<std::vector<Value>>& records, bool outcome,
                        int& varied) {
  std::string out;
  int shown_lines = 0;
  std::set<std::string> outcomes;
  core::RuleResult reused, viewed, untraced;
  for (const auto& values : records) {
    core::RecordView record = outcome ? core::RecordView{{}, values} : core::RecordView{values, {}};
    std::string flat, tree, expected;
    if (rule.type() == core::Type::boolean) {
      core::RuleResult f = core::evaluate(rule, record),
                       t = core::evaluate_by_tree(rule, record, core::TraceReads::yes);
      core::evaluate_into(rule, record, core::TraceReads::yes, reused);
      core::evaluate_into(rule, record, core::TraceReads::views, viewed);
      core::evaluate_into(rule, record, core::TraceReads::no, untraced);
      core::Truth truth = core::evaluate_truth(rule, record);
      using fundscreen::testing::truth_name;
      flat = truth_name(f.truth) + " " + f.reason + reads_of(f) + " | " + truth_name(truth) + " | " +
             truth_name(reused.truth) + " " + reused.reason + reads_of(reused) + " | " + truth_name(viewed.truth) +
             " " + viewed.reason + reads_of(viewed) + " | " + truth_name(untraced.truth) + " " + untraced.reason +
             reads_of(untraced);
      tree = truth_name(t.truth) + " " + t.reason;
      expected =
          tree + " | " + truth_name(t.truth) + " | " + tree + reads_of(t) + " | " + tree + reads_of(t) + " | " + tree;
    }
    std::string value = " = " + shown(core::evaluate_value_by_tree(rule, record));
    flat += " = " + shown(core::evaluate_value(rule, record));
    expected += value;
    if (flat != expected && shown_lines++ < 3) out += rule.text() + ": flat " + flat + ", tree " + expected + "\n";
    outcomes.insert(tree + value);
  }
  if (outcomes.size() > 1) ++varied;
  return out;
}

} // namespace

TEST_CASE("core::RuleProgram agrees with the tree walk on the rule cases") {
  auto apps = generate(fundscreen::testing::sitra_fields(), 3000, 20211);
  int flat = 0, varied = 0;
  for (const std::string& text : k_rule_cases) {
    CAPTURE(text);
    core::Rule rule = core::compile_rule(text, app_scope());
    if (core::program_of(rule)) ++flat;
    CHECK(differences(rule, apps, false, varied) == "");
  }
  // Only any(), all(), a written list of fields or of computed values, and strings joined
  // from a field are left to the tree walk.
  CHECK(flat == static_cast<int>(k_rule_cases.size()) - 5);
  // All but the rules of constants alone, and the few a constant decides, saw several outcomes.
  CHECK(varied == static_cast<int>(k_rule_cases.size()) - 32);
}

TEST_CASE("core::RuleProgram agrees with the tree walk on the shipped sets and the peer job") {
  for (const char* path : {"criteria/sitra-2021.yaml", "criteria/sitra-2021-revised.yaml", "bench/peer-job.yaml"}) {
    CAPTURE(path);
    std::string text = fundscreen::testing::source_file(path);
    REQUIRE(!text.empty());
    core::CriteriaSet set = fundscreen::io::parse_criteria(text, path);
    auto apps = generate(set.fields, 4000, 7);
    auto reports = generate(core::outcome_fields(), 1000, 8);
    int rules = 0, varied = 0;
    for (const auto& c : set.criteria) {
      if (!c.rule) continue;
      CAPTURE(c.id);
      ++rules;
      CHECK(core::program_of(*c.rule) != nullptr);
      CHECK(differences(*c.rule, apps, false, varied) == "");
    }
    for (const auto& impact : set.impacts) {
      if (!impact.indicator) continue;
      ++rules;
      CHECK(core::program_of(*impact.indicator) != nullptr);
      CHECK(differences(*impact.indicator, reports, true, varied) == "");
    }
    if (set.ranking.expression) {
      ++rules;
      CHECK(differences(*set.ranking.expression, apps, false, varied) == "");
    }
    CHECK(rules >= 9);
    CHECK(varied == rules);
  }
}

TEST_CASE("core::Screener::outline agrees with assess, on two threads at once") {
  core::CriteriaSet set =
      fundscreen::io::parse_criteria(fundscreen::testing::source_file("bench/peer-job.yaml"), "peer-job.yaml");
  auto values = generate(set.fields, 3000, 99, Shorter::never);
  std::vector<core::Application> apps(values.size());
  for (size_t i = 0; i < values.size(); ++i) apps[i].values = values[i];
  core::Screener screener(set, nullptr, nullptr);
  auto outcome = [&](size_t i) {
    core::Outline o = screener.outline(apps[i]);
    return std::to_string(static_cast<int>(o.decision)) + " " + std::to_string(o.failed) + " " +
           std::to_string(o.unclear) + " " + (o.score ? core::to_string(*o.score) : "-");
  };
  std::vector<std::string> alone(apps.size()), first(apps.size()), second(apps.size());
  for (size_t i = 0; i < apps.size(); ++i) alone[i] = outcome(i);
  std::thread a([&] {
    for (size_t i = 0; i < apps.size(); ++i) first[i] = outcome(i);
  });
  std::thread b([&] {
    for (size_t i = apps.size(); i-- > 0;) second[i] = outcome(i);
  });
  a.join();
  b.join();
  CHECK(first == alone);
  CHECK(second == alone);
  int mismatches = 0, reuse_mismatches = 0;
  core::Assessed reused; // as a screening's worker keeps one
  for (size_t i = 0; i < apps.size(); ++i) {
    core::Assessed full = screener.assess(apps[i], core::TraceReads::yes);
    screener.assess_into(apps[i], core::TraceReads::yes, reused);
    if (fundscreen::testing::trail_text(reused) != fundscreen::testing::trail_text(full)) ++reuse_mismatches;
    screener.assess_into(apps[i], core::TraceReads::views, reused);
    if (fundscreen::testing::trail_text(reused) != fundscreen::testing::trail_text(full)) ++reuse_mismatches;
    core::Outline o = screener.outline(apps[i]);
    std::string failed, unclear;
    core::append_criteria(failed, set, o.failed, ", ");
    core::append_criteria(unclear, set, o.unclear, ", ");
    if (full.decision != o.decision || failed != fundscreen::util::join(full.failed, ", ") ||
        unclear != fundscreen::util::join(full.unclear, ", "))
      ++mismatches;
  }
  CHECK(mismatches == 0);
  CHECK(reuse_mismatches == 0);
}

TEST_CASE("core::RuleProgram in a copied rule reads the copy's constants") {
  auto values = fundscreen::testing::app({{"stage", "idea"}, {"thesis", "3B"}});
  std::optional<core::Rule> original =
      core::compile_rule(R"(app.stage != "idea" or app.thesis in ["3A", "3C"])", app_scope());
  core::Rule copy = *original;
  core::Rule assigned = core::compile_rule("true", app_scope());
  assigned = copy;
  original.reset();
  CHECK(core::program_of(copy) != nullptr);
  CHECK(core::evaluate_truth(copy, core::RecordView{values, {}}) == core::Truth::no);
  CHECK(core::evaluate_truth(assigned, core::RecordView{values, {}}) == core::Truth::no);
}

namespace {

std::string fraction(const core::Score& s) {
  return std::to_string(s.numerator()) + "/" + std::to_string(s.denominator());
}

// The exact fraction of a double as Screener's to_score() computed it before it halved by
// counting trailing zeros: one bit a loop.
std::string fraction_by_halving(double d) {
  if (d == 0 || !std::isfinite(d)) return fraction(core::Score(0, 1));
  int exponent = 0;
  double mantissa = std::frexp(d, &exponent);
  int64_t m = static_cast<int64_t>(std::ldexp(mantissa, 53));
  int shift = 53 - exponent;
  while (shift > 62 || (shift > 0 && (m % 2 == 0))) {
    m /= 2;
    --shift;
  }
  if (shift <= 0) return fraction(core::Score(m * (int64_t{1} << std::min(-shift, 9)), 1));
  return fraction(core::Score(m, int64_t{1} << shift));
}

} // namespace

TEST_CASE("core::to_score of a number is the exact fraction it stores") {
  std::mt19937_64 random(5);
  std::vector<double> numbers = {0.5, 2.5, -0.75, 3.0, 0.1, 1e-30, -1e-25, 4.25, 1e15, 7.0 / 3.0, 1.0 / 1024};
  for (int i = 0; i < 2000; ++i) numbers.push_back(static_cast<double>(random() % 100000) / 8.0 - 5000.0);
  for (int i = 0; i < 2000; ++i) numbers.push_back(std::ldexp(static_cast<double>(random() % 1000003), -(i % 80)));
  int differ = 0;
  for (double d : numbers)
    if (fraction(*core::to_score(Value(d))) != fraction_by_halving(d)) ++differ;
  CHECK(differ == 0);
  CHECK(fraction(*core::to_score(Value(2.5))) == "5/2");
}

// Issue 13: "at most 80 % of the total budget", written any way, is decided by integer
// arithmetic on the cents and never by floating point, in the flat program and in the tree
// walk alike: for many (requested, total) pairs, among them every boundary where the request
// is exactly 80 % of the total and a cent either side.
TEST_CASE("core::evaluate a share of money exactly, in the program and in the tree walk") {
  const std::vector<std::string> forms = {
      "app.requested_eur <= 0.8 * app.programme_budget_eur", "app.requested_eur <= app.programme_budget_eur * 80 %",
      "app.requested_eur / app.programme_budget_eur <= 0.8", "app.requested_eur / app.programme_budget_eur <= 80 %",
      "app.requested_eur / 0.8 <= app.programme_budget_eur", "app.requested_eur * 10 <= app.programme_budget_eur * 8",
  };
  const auto& fields = fundscreen::testing::sitra_fields();
  auto slot = [&](std::string_view name) {
    return static_cast<size_t>(&fundscreen::testing::field(name) - fields.data());
  };
  size_t requested = slot("requested_eur"), total = slot("programme_budget_eur");
  // Totals of every size up to 9e14 euros; the request at 80 % of each (rounded down), a
  // cent below and above, and one at random.
  std::mt19937_64 random(2025);
  std::vector<std::pair<int64_t, int64_t>> pairs = {{16'000'000'000'000'001, 20'000'000'000'000'000}};
  for (int i = 0; i < 4000; ++i) {
    int64_t scale = 1;
    for (int digits = static_cast<int>(random() % 17); digits > 0; --digits) scale *= 10;
    int64_t t = 1 + static_cast<int64_t>(random() % static_cast<uint64_t>(scale * 9));
    if (i % 2 == 0) t = (t + 4) / 5 * 5; // a total whose 80 % is whole cents
    int64_t b = t / 10 * 8 + t % 10 * 8 / 10;
    for (int64_t r : {b - 1, b, b + 1, static_cast<int64_t>(random() % static_cast<uint64_t>(t + 1))})
      pairs.emplace_back(r, t);
  }
  std::vector<core::Rule> rules;
  for (const auto& f : forms) rules.push_back(core::compile_rule(f, app_scope()));
  int wrong = 0, boundaries = 0;
  std::string first_wrong;
  std::vector<Value> values(fields.size());
  __extension__ using Wide = __int128;
  for (auto [r, t] : pairs) {
    values[requested] = core::Money{r};
    values[total] = core::Money{t};
    core::RecordView record{values, {}};
    bool expected = Wide(r) * 10 <= Wide(t) * 8;
    if (Wide(r) * 10 == Wide(t) * 8) ++boundaries;
    core::Truth truth = expected ? core::Truth::yes : core::Truth::no;
    for (const auto& rule : rules) {
      REQUIRE(core::program_of(rule) != nullptr);
      bool right = core::evaluate_truth(rule, record) == truth &&
                   core::evaluate_by_tree(rule, record, core::TraceReads::yes).truth == truth;
      if (!right && wrong++ == 0)
        first_wrong = rule.text() + " on " + std::to_string(r) + " / " + std::to_string(t) + " cents";
    }
  }
  CHECK(first_wrong == "");
  CHECK(wrong == 0);
  CHECK(boundaries >= 2000);
}
