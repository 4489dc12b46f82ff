// SPDX-License-Identifier: Apache-2.0
// Builders for unit-test data: a rule scope shaped like the sitra-2021 set, applications
// from cell texts, small criteria sets, and compact views of rule errors and results.
#pragma once

#include <initializer_list>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "core/rule.hpp"
#include "core/screener.hpp"
#include "core/value.hpp"
#include "util/error.hpp"

namespace fundscreen::testing {

using core::FieldSpec;
using core::FieldType;

// The application fields of sitra-2021, then three fields of the types it lacks
// (integer, number, boolean) so that every type can be read by a rule.
inline const std::vector<FieldSpec>& sitra_fields() {
  static const std::vector<FieldSpec> fields = {
      {"id", FieldType::string, true, {}},
      {"applicant", FieldType::string, true, {}},
      {"title", FieldType::string, true, {}},
      {"thesis", FieldType::string, false, {}},
      {"stage", FieldType::enumeration, true, {"idea", "new", "ongoing"}},
      {"kind", FieldType::enumeration, true, {"development", "technology"}},
      {"programme_started", FieldType::date, false, {}},
      {"programme_ends", FieldType::date, false, {}},
      {"requested_eur", FieldType::money, true, {}},
      {"own_resources_eur", FieldType::money, false, {}},
      {"programme_budget_eur", FieldType::money, false, {}},
      {"actors", FieldType::list, false, {}},
      {"problem", FieldType::text, false, {}},
      {"evidence", FieldType::text, false, {}},
      {"team_size", FieldType::integer, false, {}},
      {"panel_score", FieldType::number, false, {}},
      {"has_partner", FieldType::boolean, false, {}},
  };
  return fields;
}

// The field called `name` in `fields`; a test that names a field the list lacks is wrong.
inline const FieldSpec& field(std::string_view name, std::span<const FieldSpec> fields = sitra_fields()) {
  for (const FieldSpec& f : fields)
    if (f.name == name) return f;
  throw std::invalid_argument("the test names no such field: " + std::string(name));
}

inline core::Date date(std::string_view text) {
  std::string why;
  if (auto d = core::parse_date(text, why)) return *d;
  throw std::invalid_argument("the test writes a bad date: " + std::string(text));
}

inline core::Money money(std::string_view text) {
  std::string why;
  if (auto m = core::parse_money(text, why)) return *m;
  throw std::invalid_argument("the test writes a bad amount: " + std::string(text));
}

// The call values of sitra-2021 (deadline 2021-03-01, budget 800000, continues_after
// 2021-12-31) and two parameters from docs/criteria-format.md: an integer and a list.
inline const std::vector<core::NamedValue>& sitra_call() {
  static const std::vector<core::NamedValue> call = {
      {"name", core::Value(std::string("Osaamisen aika 2021"))},
      {"currency", core::Value(std::string("EUR"))},
      {"deadline", core::Value(date("2021-03-01"))},
      {"budget", core::Value(money("800000"))},
      {"continues_after", core::Value(date("2021-12-31"))},
      {"max_request", core::Value(int64_t{150000})},
      {"themes", core::Value(core::StringList{"3A", "3B", "3C"})},
  };
  return call;
}

// What a criteria rule may read: app.* over sitra_fields() and call.*.
inline core::RuleScope app_scope() {
  core::RuleScope scope;
  scope.app_enabled = true;
  scope.app_fields = sitra_fields();
  scope.call = sitra_call();
  return scope;
}

// What an impact indicator may read: outcome.* and call.*, not app.*.
inline core::RuleScope indicator_scope() {
  core::RuleScope scope;
  scope.outcome_enabled = true;
  scope.outcome_fields = core::outcome_fields();
  scope.call = sitra_call();
  return scope;
}

using Cells = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// The values of an application given as `{field, cell text}` pairs, each parsed as a CSV cell
// would be; fields not named are missing.
inline std::vector<core::Value> app(Cells cells, std::span<const FieldSpec> fields = sitra_fields()) {
  std::vector<core::Value> values(fields.size());
  for (auto [name, text] : cells) {
    const FieldSpec& f = field(name, fields);
    std::string why;
    auto value = core::parse_field_value(text, f, why);
    if (!value) throw std::invalid_argument("the test writes a bad cell: " + why);
    values[static_cast<size_t>(&f - fields.data())] = std::move(*value);
  }
  return values;
}

// The sitra-2021 C7 rule exactly as the shipped set's `>-` block folds it into one line.
inline constexpr std::string_view k_sitra_c7_rule =
    "app.programme_started <= call.deadline - 3 months "
    "and (not has(app.programme_ends) or app.programme_ends > call.continues_after)";

// The fault a rule's text has, as a user sees it: the message and where it points.
struct RuleFault {
  std::string message;
  size_t offset = 0;
  size_t length = 0;
  bool operator==(const RuleFault&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const RuleFault& f) {
  return out << "{\"" << f.message << "\", " << f.offset << ", " << f.length << "}";
}

// The fault compiling `text` in `scope` reports; a rule that compiles gives a fault that
// says so, so that a comparison with the expected fault fails readably.
inline RuleFault fault_of(std::string_view text, const core::RuleScope& scope = app_scope()) {
  try {
    core::compile_rule(text, scope);
  } catch (const core::RuleError& e) {
    return RuleFault{e.what(), e.offset, e.length};
  }
  return RuleFault{"(compiled without a fault)", 0, 0};
}

// `truth` as a word: "true", "false" or "unknown".
inline std::string truth_name(core::Truth truth) {
  switch (truth) {
  case core::Truth::yes: return "true";
  case core::Truth::no: return "false";
  case core::Truth::unknown: return "unknown";
  }
  return "?";
}

// Everything an assessment says, as text: its decision and each criterion's status, reasons,
// reads and reviews; two assessments that give the same text are the same.
inline std::string trail_text(const core::Assessed& a) {
  std::string out = a.id + " " + std::to_string(a.amount.cents) + " " + std::string(core::decision_name(a.decision)) +
                    (a.eligible ? " eligible " : " ") + (a.score ? core::to_string(*a.score) : "-") + " [" +
                    a.decided_by + "]";
  for (const auto* list : {&a.failed, &a.unclear, &a.pending}) {
    out += " (";
    for (const std::string& id : *list) out += id + ",";
    out += ")";
  }
  for (const core::CriterionResult& r : a.criteria) {
    out += "\n" + r.criterion->id + " " + std::string(core::status_name(r.status)) + " [" + r.reason + "] " +
           std::string(core::status_name(r.rule_status)) + " " + std::string(core::status_name(r.review_status)) + " " +
           (r.mean_score ? core::to_string(*r.mean_score) : "-");
    if (r.rule) {
      out += " rule " + truth_name(r.rule->truth) + " [" + r.rule->reason + "]";
      for (const core::RuleRead& read : r.rule->reads)
        out += " " + read.path + "=" + std::to_string(read.value_read().index()) + ":" +
               core::to_display(read.value_read());
    }
    for (const core::Review& v : r.reviews)
      out += " review " + v.reviewer + " " + std::string(core::verdict_name(v.verdict)) + (v.derived ? "*" : "") + " " +
             (v.score_halves ? std::to_string(*v.score_halves) : "-") + " [" + v.note + "] [" + v.left_out + "]";
  }
  return out;
}

// Compiles `rule` as a criteria rule and evaluates it on application `values`.
inline core::RuleResult evaluate(std::string_view rule, const std::vector<core::Value>& values,
                                 core::TraceReads trace = core::TraceReads::no) {
  core::Rule compiled = core::compile_rule(rule, app_scope());
  return core::evaluate(compiled, core::RecordView{values, {}}, trace);
}

// "true", "false" or "unknown": what `rule` says about application `values`.
inline std::string truth(std::string_view rule, const std::vector<core::Value>& values = app({})) {
  return truth_name(evaluate(rule, values).truth);
}

// The value of expression `rule` of any type on application `values`, as an audit trail shows it.
inline std::string value_of(std::string_view rule, const std::vector<core::Value>& values = app({})) {
  core::Rule compiled = core::compile_rule(rule, app_scope());
  return core::to_display(core::evaluate_value(compiled, core::RecordView{values, {}}));
}

// A criteria set: a fixed head of exactly 10 lines (id, version, call and the fields id,
// stage and requested_eur), then `body` from line 11 on.
inline std::string criteria_set_yaml(std::string_view body) {
  return R"(id: mini
version: 1
call:
  name: Mini call
  deadline: 2021-03-01
  budget: 800000
fields:
  - {name: id, type: string, required: true}
  - {name: stage, type: enum, values: [idea, ongoing], required: true}
  - {name: requested_eur, type: money, required: true}
)" + std::string(body);
}

// A criteria set with nothing wrong in it: one rule criterion, one judgement criterion and
// the impact they protect.
inline std::string minimal_criteria_yaml() {
  return criteria_set_yaml(R"(criteria:
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
    description: the work goes on after the funding
    indicator: outcome.continued
)");
}

// A criteria set of three criteria: X1 a rule, J1 a judgement and B1 both (a rule and the
// reviewers' verdicts), all protecting one impact.
inline std::string rule_judgement_both_yaml() {
  return criteria_set_yaml(R"(criteria:
  - {id: X1, kind: rule, rule: 'app.stage != "idea"', protects: [i]}
  - {id: J1, kind: judgement, protects: [i]}
  - {id: B1, kind: both, rule: 'app.requested_eur > 0', protects: [i]}
impacts:
  - {id: i, indicator: outcome.continued}
)");
}

// A diagnostic as a user reads it on one line: `line:column: message`.
inline std::string place_and_message(const util::Diagnostic& d) {
  return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
}

// Every diagnostic in `items`, one place_and_message() a line, in order.
inline std::string listing(std::span<const util::Diagnostic> items) {
  std::string out;
  for (const auto& d : items) out += place_and_message(d) + "\n";
  return out;
}

} // namespace fundscreen::testing
