// SPDX-License-Identifier: Apache-2.0
// Runs the flat program of a rule: each instruction does what the tree walk of
// rule_eval.cpp does for its node, with the operands' types fixed at compile time, so that
// no value is converted, copied or recorded on the way. The registers are on the stack.
#include <algorithm>
#include <limits>

#include "core/rule_program.hpp"
#include "util/text.hpp"

namespace fundscreen::core {

namespace {

// The exact value of a numeric cell of type `t`: an integer is a whole fraction.
inline Fraction exact_of(const Cell& c, Type t) { return t == Type::integer ? Fraction{c.i, 1} : c.q; }

Cell whole(int64_t i) {
  Cell c;
  c.i = i;
  c.why = 0;
  return c;
}

Cell exact(Fraction q) {
  Cell c;
  c.q = q;
  c.why = 0;
  return c;
}

Cell unknown(Problem p) {
  Cell c;
  c.i = 0;
  c.why = static_cast<int32_t>(p);
  return c;
}

// Copies the first unknown of `a` and `b` to `dst`: true if there was one.
inline bool first_unknown(const Cell& a, const Cell& b, Cell& dst) {
  if (a.why) {
    dst = a;
    return true;
  }
  if (b.why) {
    dst = b;
    return true;
  }
  return false;
}

// `a op b` into `out`; false when it does not fit 64 bits.
bool integer_op(RuleOp op, int64_t a, int64_t b, int64_t& out) {
  if (op == RuleOp::add) return !__builtin_add_overflow(a, b, &out);
  if (op == RuleOp::subtract) return !__builtin_sub_overflow(a, b, &out);
  return !__builtin_mul_overflow(a, b, &out);
}

Cell date_op(const Instr& in, const Cell& l, const Cell& r) {
  bool date_first = in.ta == Type::date;
  const Cell& date = date_first ? l : r;
  Duration by = date_first ? r.duration : l.duration;
  if (in.op == RuleOp::subtract) by = negate(by);
  return whole(add(Date{static_cast<int32_t>(date.i)}, by).days);
}

Cell arithmetic(const Instr& in, const Cell& l, const Cell& r) {
  Cell e = whole(0);
  switch (in.type) {
  case Type::integer:
    if (in.ta == Type::date) return whole(l.i - r.i);
    return integer_op(in.op, l.i, r.i, e.i) ? e : unknown(Problem::too_large);
  case Type::money:
    if (in.op == RuleOp::multiply && (in.ta == Type::integer || in.tb == Type::integer)) {
      // Money in whole cents times a whole number (`app.requested_eur * 2`) without a call,
      // to the value exact_arithmetic() gives.
      const Fraction& m = in.ta == Type::money ? l.q : r.q;
      int64_t n = 0;
      if (m.den == 100 && !__builtin_mul_overflow(m.num, in.ta == Type::money ? r.i : l.i, &n))
        return exact(Fraction{n, 100});
    }
    [[fallthrough]];
  case Type::number: {
    Fraction q;
    int32_t why = exact_arithmetic(in.op, exact_of(l, in.ta), exact_of(r, in.tb), in.type == Type::money, q);
    return why ? unknown(static_cast<Problem>(why)) : exact(q);
  }
  case Type::date: return date_op(in, l, r);
  case Type::duration: {
    bool add = in.op == RuleOp::add;
    e.duration = add ? Duration{l.duration.months + r.duration.months, l.duration.days + r.duration.days}
                     : Duration{l.duration.months - r.duration.months, l.duration.days - r.duration.days};
    return e;
  }
  default: return unknown(Problem::not_evaluated);
  }
}

// -a; the most negative integer or amount has no opposite in 64 bits: too large.
Cell negated(const Cell& a, Type t) {
  if (a.why) return a;
  Cell e = a;
  if (t == Type::number || t == Type::money) return negate_exact(a.q, e.q) ? e : unknown(Problem::too_large);
  if (t == Type::duration)
    e.duration = negate(a.duration);
  else if (a.i == std::numeric_limits<int64_t>::min())
    return unknown(Problem::too_large);
  else
    e.i = -a.i;
  return e;
}

// std::find over the list.
bool listed(const StringList& list, std::string_view item) {
  for (const std::string& s : list)
    if (s == item) return true;
  return false;
}

Cell text_test(const Instr& in, const Cell& l, const Cell& r) {
  std::string_view needle = r.s;
  if (in.code == Code::starts_with) return whole(l.s.starts_with(needle));
  if (in.code == Code::ends_with) return whole(l.s.ends_with(needle));
  if (in.ta == Type::list) return whole(listed(*l.list, needle));
  return whole(l.s.find(needle) != std::string_view::npos);
}

// The value of the field of `in`, or null when the record is shorter (a missing value).
inline const Value* field_of(const Instr& in, const std::span<const Value>* fields) {
  std::span<const Value> values = fields[in.outcome ? 1 : 0];
  return static_cast<size_t>(in.slot) < values.size() ? &values[static_cast<size_t>(in.slot)] : nullptr;
}

// What has() denies: missing, a blank string, an empty list.
__attribute__((always_inline)) inline bool is_blank(const Value* v) {
  if (!v) return true;
  switch (v->index()) {
  case 0: return true;
  case 5: {
    const std::string& s = *std::get_if<std::string>(v);
    bool spaced = s.empty() || s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n';
    return spaced && util::trim(s).empty(); // a first byte that is not white space is not blank
  }
  case 8: return std::get_if<StringList>(v)->empty();
  default: return false;
  }
}

// The field of `in` into `dst`; false when it holds a value of another type than declared.
__attribute__((always_inline)) inline bool load(const Instr& in, const std::span<const Value>* fields, Cell& dst) {
  const Value* v = field_of(in, fields);
  if (!v || static_cast<int32_t>(v->index()) != in.index) {
    if (v && v->index() != 0) return false;
    dst.i = 0;
    dst.why = in.read + 1;
    return true;
  }
  dst.why = 0;
  switch (in.ta) {
  case Type::boolean: dst.i = *std::get_if<bool>(v) ? 1 : 0; break;
  case Type::integer: dst.i = *std::get_if<int64_t>(v); break;
  case Type::number:
    if (auto q = fraction_of(*std::get_if<double>(v)))
      dst.q = *q;
    else
      dst.why = static_cast<int32_t>(Problem::too_large);
    break;
  case Type::money: dst.q = Fraction{std::get_if<Money>(v)->cents, 100}; break;
  case Type::string: dst.s = *std::get_if<std::string>(v); break;
  case Type::date: dst.i = std::get_if<Date>(v)->days; break;
  case Type::duration: dst.duration = *std::get_if<Duration>(v); break;
  case Type::list: dst.list = std::get_if<StringList>(v); break;
  }
  return true;
}

Cell in_values(const Cell& needle, const ListValue* v, const ListValue* end) {
  for (; v != end; ++v) {
    if (v->cell.why) return v->cell;
    if (compare_cells(needle, v->cell, v->order) == 0) return whole(1);
  }
  return whole(0);
}

Cell size_of(const Cell& a, Type type) {
  return whole(static_cast<int64_t>(type == Type::list ? a.list->size() : util::utf8_length(a.s)));
}

// default(a, b): `a`, or `b` when `a` is unknown, widened to a number when it is one.
Cell fallback(const Instr& in, const Cell& a, const Cell& b) {
  bool second = a.why != 0;
  const Cell& chosen = second ? b : a;
  bool widen = in.type == Type::number && (second ? in.tb : in.ta) == Type::integer && !chosen.why;
  return widen ? exact(Fraction{chosen.i, 1}) : chosen;
}

} // namespace

int32_t exact_arithmetic(RuleOp op, Fraction a, Fraction b, bool money, Fraction& out) {
  bool ok = false;
  switch (op) {
  case RuleOp::add: ok = add_exact(a, b, out); break;
  case RuleOp::subtract: ok = subtract_exact(a, b, out); break;
  case RuleOp::multiply: ok = multiply_exact(a, b, out); break;
  default:
    if (b.num == 0) return static_cast<int32_t>(Problem::division_by_zero);
    ok = divide_exact(a, b, out);
  }
  // Money stays within what an amount can hold, whole cents or not.
  if (ok && money && out.den != 100) ok = to_cents(out).has_value();
  return ok ? 0 : static_cast<int32_t>(Problem::too_large);
}

// One switch over the instructions; each case is the tree walk's node of the same name.
// Over 80 lines because splitting the switch would put a call in every instruction.
bool RuleProgram::execute(const RecordView& record, Cell* reg, uint64_t* masks) const {
  const std::span<const Value> fields[2] = {record.app, record.outcome};
  const Cell* constants = m_constants.data();
  const Instr* const code = m_code.data();
  const Instr* in = code;
  Cell loaded;
  for (const Instr* const end = code + m_code.size(); in < end; ++in) {
    Cell& dst = reg[in->dst];
    auto get = [&](int16_t operand) -> const Cell& { return operand >= 0 ? reg[operand] : constants[~operand]; };
    // Operand `a`: a register, a constant, or the field itself (null: not its declared type).
    auto first = [&]() -> const Cell* {
      if (!in->field_a) return &get(in->a);
      return load(*in, fields, loaded) ? &loaded : nullptr;
    };
    const Cell* a = nullptr;
    if (in->code >= Code::logical_not && !(a = first())) return false;
    switch (in->code) {
    case Code::move: dst = constants[~in->a]; break;
    case Code::load:
      if (!load(*in, fields, dst)) return false;
      break;
    case Code::has: dst = whole(!is_blank(field_of(*in, fields))); break;
    case Code::has_skip: {
      bool h = !is_blank(field_of(*in, fields)) != (in->op == RuleOp::logical_not);
      dst = whole(h);
      if (h == (in->mask != 0)) in = code + in->target - 1;
      break;
    }
    case Code::skip_if_false:
      if (!dst.why && !dst.i) in = code + in->target - 1;
      break;
    case Code::skip_if_true:
      if (!dst.why && dst.i) in = code + in->target - 1;
      break;
    case Code::join_and: {
      const Cell& r = reg[in->b];
      if (!dst.why || (!r.why && !r.i)) dst = r;
      break;
    }
    case Code::join_or: {
      const Cell& r = reg[in->b];
      if (!dst.why || (!r.why && r.i)) dst = r;
      break;
    }
    case Code::logical_not: dst = a->why ? *a : whole(!a->i); break;
    case Code::negate: dst = negated(*a, in->ta); break;
    case Code::compare: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst)) dst = whole((in->mask >> (compare_cells(*a, b, in->order) + 1)) & 1);
      break;
    }
    case Code::arithmetic: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst)) dst = arithmetic(*in, *a, b);
      break;
    }
    case Code::in_values: {
      const ListValue* first_value = m_lists.data() + in->first;
      dst = a->why ? *a : in_values(*a, first_value, first_value + in->count);
      break;
    }
    case Code::in_list: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst)) dst = whole(listed(*b.list, a->s));
      break;
    }
    case Code::size: dst = a->why ? *a : size_of(*a, in->ta); break;
    case Code::starts_with:
    case Code::ends_with:
    case Code::contains: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst)) dst = text_test(*in, *a, b);
      break;
    }
    case Code::fallback: dst = fallback(*in, *a, get(in->b)); break;
    case Code::matches: dst = a->why ? *a : whole(m_patterns[static_cast<size_t>(in->first)]->matches(a->s)); break;
    case Code::months_between: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst))
        dst = whole(months_between(Date{static_cast<int32_t>(a->i)}, Date{static_cast<int32_t>(b.i)}));
      break;
    }
    }
    if (in->verdict >= 0) { // the rule's last instruction, or a jump to its end, is done
      uint64_t bit = uint64_t{1} << in->verdict;
      if (reg[0].why)
        masks[1] |= bit;
      else if (!reg[0].i)
        masks[0] |= bit;
    }
  }
  return true;
}

bool RuleProgram::run(const RecordView& record, Cell& out) const {
  Cell reg[k_max_registers];
  if (!execute(record, reg, nullptr)) return false;
  out = reg[0];
  return true;
}

bool RuleProgram::run_verdicts(const RecordView& record, uint64_t& failed, uint64_t& unclear) const {
  Cell reg[k_max_registers];
  uint64_t masks[2] = {0, 0};
  if (!execute(record, reg, masks)) return false;
  failed |= masks[0];
  unclear |= masks[1];
  return true;
}

} // namespace fundscreen::core
