// SPDX-License-Identifier: Apache-2.0
// The flat form of a compiled rule: a short list of typed instructions over a few registers,
// for evaluation without an audit trail (the decision of every application). The audit
// trail keeps the tree walk of rule_eval.cpp, which records each value read in the order
// read; both give the same truth, value and reason (tests/core/test_rule_program.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/rule.hpp"
#include "core/rule_node.hpp"

namespace fundscreen::core {

// A value in a register of a program. Its type is not in it: the program knows it.
struct Cell {
  // Initialises nothing, so that the registers of a run cost nothing to make.
  Cell() {}
  union {
    int64_t i;  // boolean (0 or 1), integer, date in days
    Fraction q; // number, money in euros: exact
    Duration duration;
    std::string_view s; // a view into the record, a constant, or a string the tree walk made
    const StringList* list;
  };
  // 0 when the value is known; otherwise why not: read `why - 1` was missing (> 0), or a
  // Problem (< 0).
  int32_t why;
};

// Why a value is unknown when no read was missing, as Cell::why.
enum class Problem : int32_t { too_large = -1, division_by_zero = -2, not_evaluated = -3 };

// The reason a person reads for `problem`; null for not_evaluated, which has its own words.
inline const char* problem_text(Problem problem) {
  switch (problem) {
  case Problem::too_large: return N_("a number is too large to compute");
  case Problem::division_by_zero: return N_("division by zero");
  case Problem::not_evaluated: break;
  }
  return nullptr;
}

// What an instruction does; see RuleProgram::execute for each.
enum class Code : uint8_t {
  move,
  load,
  has,
  // has(field) (or `not has(field)` with op logical_not) that goes to `target` when it is
  // `mask`: the left side of an `and` (mask 0) or `or` (mask 1) that decides alone.
  has_skip,
  skip_if_false,
  skip_if_true,
  join_and,
  join_or,
  // From here on, instructions read operand `a`.
  logical_not,
  negate,
  compare,
  arithmetic,
  in_values,
  in_list,
  size,
  starts_with,
  ends_with,
  contains,
  fallback,
  matches,
  months_between,
};

// How compare() orders two values, chosen at compile time from their types; `integer`
// orders 64-bit integers (integers, dates in days, booleans); text_equal tells equal
// strings (0) from different ones (1), all that `==` and `!=` need. `exact` compares two
// fractions (numbers, money), `integer_exact` and `exact_integer` an integer (whole euros
// beside money) with one.
enum class Order : uint8_t { integer, exact, integer_exact, exact_integer, text, text_equal, duration, none };

// One instruction: `dst` and the operands `a`, `b` are registers, or constants when
// negative (constant `~a`). With `field_a` operand `a` is the field `slot` itself.
struct Instr {
  Code code = Code::move;
  Order order = Order::none;
  // compare: a bit per outcome (less, equal, greater) that makes it true; has_skip: the
  // value that skips.
  uint8_t mask = 0;
  bool field_a = false;
  // load, has, has_skip, field_a: an outcome field rather than an application field.
  bool outcome = false;
  RuleOp op = RuleOp::constant;
  Type ta = Type::boolean;
  Type tb = Type::boolean;
  Type type = Type::boolean; // of the result
  int16_t dst = 0;
  int16_t a = 0;
  int16_t b = 0;
  // load, has, has_skip, field_a: the field's index.
  int32_t slot = 0;
  // load, field_a: the index of the field's path in Rule::reads().
  int32_t read = 0;
  // load, field_a: the Value alternative of the field's type.
  int32_t index = 0;
  // skip_if_*, has_skip: the instruction to go to.
  int32_t target = 0;
  // in_values: the first value of its list in RuleProgram::m_lists, and how many;
  // matches: its pattern in RuleProgram::m_patterns.
  int32_t first = 0;
  int32_t count = 0;
  // The last instruction of a criterion's rule in run_verdicts(): the criterion's bit, which
  // register 0 then decides. A jump to the end of the rule lands on it too (the jump goes
  // to the instruction after it), so that both ways record the outcome. -1 otherwise.
  int16_t verdict = -1;
};

// A value of a written list (`app.stage in ["idea", "new"]`), with how it orders against
// the value looked for.
struct ListValue {
  Cell cell;
  Type type = Type::string;
  Order order = Order::none;
};

// The registers one evaluation may use, on the caller's stack.
inline constexpr int k_max_registers = 32;

class RuleProgram {
public:
  // The program of `rule`, or null for a rule it does not cover (any(), all(), a written
  // list of values that are not constants, strings joined from fields, very deep nesting):
  // such a rule is evaluated by the tree walk. Its constants and patterns point into the
  // rule's nodes.
  static std::unique_ptr<RuleProgram> build(const Rule& rule);

  // Appends `rule` with a verdict instruction for criterion bit `bit`, for run_verdicts();
  // false, leaving the program as it was, for a rule that build() does not cover.
  bool add_verdict(const Rule& rule, int bit);

  // Evaluates on `record` into `out`; false, with `out` undefined, when a field holds a value
  // of another type than its declared one, which the tree walk then evaluates as it does.
  bool run(const RecordView& record, Cell& out) const;

  // Runs every rule add_verdict() added, setting the bit of each rule that is false in
  // `failed` and of each that is unknown in `unclear`; false as run() is.
  bool run_verdicts(const RecordView& record, uint64_t& failed, uint64_t& unclear) const;

  // The number of instructions, for tests.
  size_t size() const { return m_code.size(); }

private:
  friend class ProgramBuilder;
  bool execute(const RecordView& record, Cell* registers, uint64_t* masks) const;
  std::vector<Instr> m_code;
  std::vector<Cell> m_constants;
  std::vector<ListValue> m_lists;
  std::vector<const Pattern*> m_patterns;
};

// The cell of constant node `n`, as the tree walk reads a constant; unknown when missing.
Cell constant_cell(const RuleNode& n);

// `a op b` (add, subtract, multiply or divide) into `out`, exactly, as both evaluations
// compute numbers and money: 0, or the Problem (as Cell::why) that makes it unknown. A
// `money` result must come to 64 bits of cents when rounded.
int32_t exact_arithmetic(RuleOp op, Fraction a, Fraction b, bool money, Fraction& out);

// A number of the exact value `q`, as evaluate_value() gives it: the nearest double.
inline Value number_value(Fraction q) { return Value(to_double(q)); }

// Money of the exact value `q` (euros), as evaluate_value() gives it: rounded to the cent
// (half away from zero); missing when that does not fit.
inline Value money_value(Fraction q) {
  auto cents = to_cents(q);
  return cents ? Value(Money{*cents}) : Value{};
}

// How compare_cells() orders a value of type `l` with one of type `r`.
inline Order order_of(Type l, Type r) {
  bool exact = l == Type::money || r == Type::money || l == Type::number || r == Type::number;
  if (exact && l == Type::integer) return Order::integer_exact;
  if (exact && r == Type::integer) return Order::exact_integer;
  if (exact) return Order::exact;
  switch (l) {
  case Type::integer: return Order::integer;
  case Type::number:
  case Type::money: return Order::exact;
  case Type::string: return Order::text;
  case Type::date:
  case Type::boolean: return Order::integer;
  case Type::duration: return Order::duration;
  case Type::list: break;
  }
  return Order::none;
}

// -1, 0 or 1 as `l` sorts before, with or after `r`, both known, ordered by `order`: the
// rule language's one comparison (equality and order of integers, numbers and money
// exactly, dates, strings, booleans, durations), which the program and the tree walk both
// use.
__attribute__((always_inline)) inline int compare_cells(const Cell& l, const Cell& r, Order order) {
  auto by = [](auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); };
  switch (order) {
  case Order::integer: return by(l.i, r.i);
  case Order::exact: return compare_exact(l.q, r.q);
  case Order::integer_exact: return compare_exact(Fraction{l.i, 1}, r.q);
  case Order::exact_integer: return compare_exact(l.q, Fraction{r.i, 1});
  case Order::text: return l.s.compare(r.s) < 0 ? -1 : (l.s == r.s ? 0 : 1);
  case Order::text_equal: return l.s == r.s ? 0 : 1;
  case Order::duration:
    return l.duration.months != r.duration.months ? by(l.duration.months, r.duration.months)
                                                  : by(l.duration.days, r.duration.days);
  case Order::none: break;
  }
  return 0;
}

// The tree walk's evaluation, whatever the rule: the audit trail's, and for tests that
// compare the two forms.
RuleResult evaluate_by_tree(const Rule& rule, const RecordView& record, TraceReads trace);
// The tree walk's evaluate_value().
Value evaluate_value_by_tree(const Rule& rule, const RecordView& record);
// The rule's flat program, or null when the tree walk evaluates it.
const RuleProgram* program_of(const Rule& rule);

} // namespace fundscreen::core
