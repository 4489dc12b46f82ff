// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <vector>

#include "core/fraction.hpp"
#include "core/pattern.hpp"
#include "core/rule.hpp"

namespace fundscreen::core {

// The operations of the compiled form; `a`, `b`, `c` are child node indices.
enum class RuleOp {
  constant,      // `value`
  app_field,     // app field number `slot`
  outcome_field, // outcome field number `slot`
  variable,      // the element bound to variable `slot` by any()/all()
  negate,        // -a
  logical_not,   // not a
  logical_and,   // a and b, Kleene logic
  logical_or,    // a or b, Kleene logic
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  add, // numbers and money exactly (Fraction), dates and durations, strings joined
  subtract,
  multiply,
  divide,
  in_list,        // a in items, or a in b (a list value)
  has,            // has(a): a is a field that is present and not empty
  size,           // size(a) of a string (characters) or list
  starts_with,    // starts_with(a, b)
  ends_with,      // ends_with(a, b)
  contains,       // contains(a, b): substring, or list element
  any,            // any(a, variable slot, b)
  all,            // all(a, variable slot, b)
  fallback,       // default(a, b): a, or b if a is missing
  matches,        // matches(a, pattern): `pattern` matches the whole of a
  months_between, // months_between(a, b): whole calendar months from date a to date b, inclusive
};

// How many any()/all() variables one rule may bind; the evaluator keeps them on its stack.
inline constexpr int k_max_variables = 16;

struct RuleNode {
  RuleNode() = default;
  RuleNode(RuleOp op_, Type type_, int a_ = -1, int b_ = -1, int slot_ = -1)
      : op(op_), type(type_), a(a_), b(b_), slot(slot_) {}
  // A node that holds the constant `v` of type `t`.
  static RuleNode constant(Type t, Value v) {
    RuleNode n(RuleOp::constant, t);
    if (auto m = std::get_if<Money>(&v)) n.exact = Fraction{m->cents, 100};
    n.value = std::move(v);
    return n;
  }

  RuleOp op = RuleOp::constant;
  Type type = Type::boolean;
  int a = -1;
  int b = -1;
  int slot = -1;
  std::vector<int> items;
  Value value;
  // Index into Rule::reads() for field nodes.
  int read = -1;
  // The exact value of a number or money constant (`value` holds a double for a number).
  Fraction exact;
  // The compiled pattern of matches().
  std::optional<Pattern> pattern;
};

} // namespace fundscreen::core
