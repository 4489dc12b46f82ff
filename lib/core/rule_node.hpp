// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

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
  add,
  subtract,
  multiply,
  divide,
  in_list,     // a in items, or a in b (a list value)
  has,         // has(a): a is a field that is present and not empty
  size,        // size(a) of a string (characters) or list
  starts_with, // starts_with(a, b)
  ends_with,   // ends_with(a, b)
  contains,    // contains(a, b): substring, or list element
  any,         // any(a, variable slot, b)
  all,         // all(a, variable slot, b)
  fallback,    // default(a, b): a, or b if a is missing
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
};

} // namespace fundscreen::core
