// SPDX-License-Identifier: Apache-2.0
// Builds the flat program of a compiled rule: its tree in post-order, each node's value in
// a register numbered by its depth, constants typed once, and the comparison, arithmetic
// and conversions each operation needs chosen from the operands' types at compile time.
#include "core/rule_program.hpp"

#include <algorithm>

namespace fundscreen::core {

Cell constant_cell(const RuleNode& n) {
  const Value& v = n.value;
  Cell c;
  c.i = 0;
  c.why = 0;
  switch (v.index()) {
  case 1: c.i = std::get<bool>(v) ? 1 : 0; break;
  case 2: c.i = std::get<int64_t>(v); break;
  case 3:
  case 4: c.q = n.exact; break;
  case 5: c.s = std::get<std::string>(v); break;
  case 6: c.i = std::get<Date>(v).days; break;
  case 7: c.duration = std::get<Duration>(v); break;
  case 8: c.list = &std::get<StringList>(v); break;
  default: c.why = static_cast<int32_t>(Problem::not_evaluated); break;
  }
  return c;
}

namespace {

// The bits of Instr::mask: which of less, equal and greater make a comparison true.
uint8_t compare_mask(RuleOp op) {
  switch (op) {
  case RuleOp::equal: return 0b010;
  case RuleOp::not_equal: return 0b101;
  case RuleOp::less: return 0b001;
  case RuleOp::less_equal: return 0b011;
  case RuleOp::greater: return 0b100;
  case RuleOp::greater_equal: return 0b110;
  default: return 0;
  }
}

// The Value alternative that holds a field of type `t`.
int32_t value_index(Type t) {
  switch (t) {
  case Type::boolean: return 1;
  case Type::integer: return 2;
  case Type::number: return 3;
  case Type::money: return 4;
  case Type::string: return 5;
  case Type::date: return 6;
  case Type::duration: return 7;
  case Type::list: return 8;
  }
  return 0;
}

} // namespace

// Emits a node's code so that its value ends in register `r` (or, for an operand that is a
// constant, in no register at all), registers above `r` being free for its operands.
class ProgramBuilder {
public:
  ProgramBuilder(const Rule& rule, RuleProgram& program) : m_nodes(rule.m_nodes), m_rule(rule), m_p(program) {}

  // Emits the rule into register 0; false, leaving the program as it was, if it cannot.
  bool build() {
    size_t code = m_p.m_code.size(), constants = m_p.m_constants.size(), lists = m_p.m_lists.size(),
           patterns = m_p.m_patterns.size();
    if (m_rule.m_root >= 0) emit(m_rule.m_root, 0);
    if (m_ok && m_rule.m_root >= 0) return true;
    m_p.m_code.resize(code);
    m_p.m_constants.resize(constants);
    m_p.m_lists.resize(lists);
    m_p.m_patterns.resize(patterns);
    return false;
  }

private:
  const RuleNode& node(int n) const { return m_nodes[static_cast<size_t>(n)]; }
  static bool is_field(const RuleNode& n) { return n.op == RuleOp::app_field || n.op == RuleOp::outcome_field; }
  int32_t here() const { return static_cast<int32_t>(m_p.m_code.size()); }

  Instr& push(Code code, int r, Type type) {
    Instr in;
    in.code = code;
    in.dst = static_cast<int16_t>(r);
    in.type = type;
    m_p.m_code.push_back(in);
    return m_p.m_code.back();
  }

  int16_t constant(int n) {
    m_p.m_constants.push_back(constant_cell(node(n)));
    return static_cast<int16_t>(~static_cast<int>(m_p.m_constants.size() - 1));
  }

  // The operand that holds node `n`'s value: a constant, or register `r` after its code.
  int16_t operand(int n, int r) {
    if (node(n).op == RuleOp::constant) return constant(n);
    emit(n, r);
    return static_cast<int16_t>(r);
  }

  static void set_field(Instr& in, const RuleNode& f) {
    in.slot = f.slot;
    in.read = f.read;
    in.outcome = f.op == RuleOp::outcome_field;
    in.index = value_index(f.type);
  }

  // An instruction on the values of nodes `a` and `b` (if any), into register `r`; a field
  // as `a` is read by the instruction itself.
  Instr& binary(Code code, const RuleNode& n, int r) {
    const RuleNode& na = node(n.a);
    bool field_a = is_field(na);
    int16_t a = field_a ? int16_t{0} : operand(n.a, r);
    int16_t b = n.b >= 0 ? operand(n.b, r + 1) : int16_t{0};
    Instr& in = push(code, r, n.type);
    in.op = n.op;
    in.a = a;
    in.b = b;
    in.ta = na.type;
    if (field_a) {
      in.field_a = true;
      set_field(in, na);
    }
    if (n.b >= 0) in.tb = node(n.b).type;
    return in;
  }

  void emit(int n, int r) {
    if (!m_ok) return;
    if (r + 1 >= k_max_registers) {
      m_ok = false;
      return;
    }
    const RuleNode& nd = node(n);
    switch (nd.op) {
    case RuleOp::constant: push(Code::move, r, nd.type).a = constant(n); return;
    case RuleOp::app_field:
    case RuleOp::outcome_field: {
      Instr& in = push(Code::load, r, nd.type);
      set_field(in, nd);
      in.ta = nd.type;
      return;
    }
    case RuleOp::has: set_field(push(Code::has, r, Type::boolean), node(nd.a)); return;
    case RuleOp::logical_and: kleene(nd, r, false); return;
    case RuleOp::logical_or: kleene(nd, r, true); return;
    case RuleOp::logical_not: binary(Code::logical_not, nd, r); return;
    case RuleOp::negate: binary(Code::negate, nd, r); return;
    case RuleOp::equal:
    case RuleOp::not_equal:
    case RuleOp::less:
    case RuleOp::less_equal:
    case RuleOp::greater:
    case RuleOp::greater_equal: comparison(nd, r); return;
    case RuleOp::add:
    case RuleOp::subtract:
    case RuleOp::multiply:
    case RuleOp::divide:
      if (nd.type == Type::string) { // strings joined need memory for the result: the tree walk's
        m_ok = false;
        return;
      }
      binary(Code::arithmetic, nd, r);
      return;
    case RuleOp::in_list: membership(nd, r); return;
    case RuleOp::size: binary(Code::size, nd, r); return;
    case RuleOp::starts_with: binary(Code::starts_with, nd, r); return;
    case RuleOp::ends_with: binary(Code::ends_with, nd, r); return;
    case RuleOp::contains: binary(Code::contains, nd, r); return;
    case RuleOp::fallback: binary(Code::fallback, nd, r); return;
    case RuleOp::months_between: binary(Code::months_between, nd, r); return;
    case RuleOp::matches: {
      Instr& in = binary(Code::matches, nd, r);
      in.first = static_cast<int32_t>(m_p.m_patterns.size());
      m_p.m_patterns.push_back(&*nd.pattern);
      return;
    }
    case RuleOp::variable:
    case RuleOp::any:
    case RuleOp::all: m_ok = false; return;
    }
    m_ok = false;
  }

  // The has() of `n`, or of `not n`, or null: a left side that is never unknown.
  const RuleNode* has_test(const RuleNode& n, bool& negated) const {
    negated = n.op == RuleOp::logical_not && node(n.a).op == RuleOp::has;
    if (negated) return &node(n.a);
    return n.op == RuleOp::has ? &n : nullptr;
  }

  // `a and b`, `a or b`: a known false (true) left side decides, skipping the right side.
  // A has() on the left is never unknown, so when it does not decide the right side is
  // the value, with no join.
  void kleene(const RuleNode& nd, int r, bool stop_on) {
    bool negated = false;
    if (const RuleNode* has = has_test(node(nd.a), negated)) {
      size_t at = m_p.m_code.size();
      Instr& in = push(Code::has_skip, r, Type::boolean);
      set_field(in, node(has->a));
      in.op = negated ? RuleOp::logical_not : RuleOp::has;
      in.mask = stop_on ? 1 : 0;
      emit(nd.b, r);
      m_p.m_code[at].target = here();
      return;
    }
    emit(nd.a, r);
    size_t at = m_p.m_code.size();
    push(stop_on ? Code::skip_if_true : Code::skip_if_false, r, Type::boolean);
    emit(nd.b, r + 1);
    Instr& in = push(stop_on ? Code::join_or : Code::join_and, r, Type::boolean);
    in.a = static_cast<int16_t>(r);
    in.b = static_cast<int16_t>(r + 1);
    m_p.m_code[at].target = here();
  }

  void comparison(const RuleNode& nd, int r) {
    Instr& in = binary(Code::compare, nd, r);
    in.order = order_of(in.ta, in.tb);
    in.mask = compare_mask(nd.op);
    if (in.order == Order::text && (nd.op == RuleOp::equal || nd.op == RuleOp::not_equal)) in.order = Order::text_equal;
  }

  // `a in [x, y]` over constants, or `a in list`.
  void membership(const RuleNode& nd, int r) {
    if (nd.items.empty() && nd.b >= 0) {
      binary(Code::in_list, nd, r);
      return;
    }
    bool constants =
        std::all_of(nd.items.begin(), nd.items.end(), [&](int item) { return node(item).op == RuleOp::constant; });
    if (!constants) {
      m_ok = false;
      return;
    }
    Instr& in = binary(Code::in_values, nd, r);
    in.first = static_cast<int32_t>(m_p.m_lists.size());
    in.count = static_cast<int32_t>(nd.items.size());
    for (int item : nd.items) {
      const RuleNode& c = node(item);
      Order order = order_of(in.ta, c.type);
      if (order == Order::text) order = Order::text_equal; // only equality counts here
      m_p.m_lists.push_back(ListValue{constant_cell(c), c.type, order});
    }
  }

  std::span<const RuleNode> m_nodes;
  const Rule& m_rule;
  RuleProgram& m_p;
  bool m_ok = true;
};

std::unique_ptr<RuleProgram> RuleProgram::build(const Rule& rule) {
  auto program = std::make_unique<RuleProgram>();
  if (!ProgramBuilder(rule, *program).build()) return nullptr;
  return program;
}

bool RuleProgram::add_verdict(const Rule& rule, int bit) {
  size_t code = m_code.size(), constants = m_constants.size(), lists = m_lists.size(), patterns = m_patterns.size();
  if (rule.type() != Type::boolean || !ProgramBuilder(rule, *this).build()) return false;
  // A jump to the end of the rule must leave the rule's value, in register 0, as the
  // builder always does; otherwise the rule is left to evaluate_truth().
  int32_t end = static_cast<int32_t>(m_code.size());
  bool ok = std::none_of(m_code.begin() + static_cast<ptrdiff_t>(code), m_code.end(),
                         [&](const Instr& in) { return in.target == end && in.dst != 0; });
  if (!ok) {
    m_code.resize(code);
    m_constants.resize(constants);
    m_lists.resize(lists);
    m_patterns.resize(patterns);
    return false;
  }
  m_code.back().verdict = static_cast<int16_t>(bit);
  return true;
}

} // namespace fundscreen::core
