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

// Wide enough that whole euros never overflow on the way to cents.
__extension__ using WideCents = __int128;

template <typename T> int order(T a, T b) { return a < b ? -1 : (b < a ? 1 : 0); }

double as_double(const Cell& c, Type t) {
  if (t == Type::integer) return static_cast<double>(c.i);
  if (t == Type::money) return static_cast<double>(c.i) / 100.0;
  return c.d;
}

Cell whole(int64_t i) {
  Cell c;
  c.i = i;
  c.why = 0;
  return c;
}

Cell real(double d) {
  Cell c;
  c.d = d;
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

// a == b; short strings, the usual case of `==` and `in`, without a call to memcmp.
__attribute__((always_inline)) inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return a == b;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// compare_cells(), inlined into the run.
__attribute__((always_inline)) inline int order_cells(const Cell& l, const Cell& r, Order o, Type tl, Type tr) {
  switch (o) {
  case Order::whole: return order(l.i, r.i);
  case Order::money_whole_euros: return order(WideCents(l.i), WideCents(r.i) * 100);
  case Order::whole_euros_money: return order(WideCents(l.i) * 100, WideCents(r.i));
  case Order::real: return order(as_double(l, tl), as_double(r, tr));
  case Order::text: {
    std::string_view a = *l.s, b = *r.s;
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
  }
  case Order::text_equal: return same_text(*l.s, *r.s) ? 0 : 1;
  case Order::duration:
    return l.duration.months != r.duration.months ? order(l.duration.months, r.duration.months)
                                                  : order(l.duration.days, r.duration.days);
  case Order::none: break;
  }
  return 0;
}

// `a op b` into `out`; false when it does not fit 64 bits.
bool integer_op(RuleOp op, int64_t a, int64_t b, int64_t& out) {
  if (op == RuleOp::add) return !__builtin_add_overflow(a, b, &out);
  if (op == RuleOp::subtract) return !__builtin_sub_overflow(a, b, &out);
  return !__builtin_mul_overflow(a, b, &out);
}

// Money plus or minus money or whole euros, in cents.
bool cents_op(const Instr& in, const Cell& l, const Cell& r, int64_t& out) {
  int64_t a = l.i, b = r.i;
  if (in.ta == Type::integer && __builtin_mul_overflow(l.i, 100, &a)) return false;
  if (in.tb == Type::integer && __builtin_mul_overflow(r.i, 100, &b)) return false;
  return integer_op(in.op, a, b, out);
}

Cell number_op(const Instr& in, const Cell& l, const Cell& r) {
  double a = as_double(l, in.ta), b = as_double(r, in.tb);
  if (in.ta == Type::money && in.tb == Type::money) a = static_cast<double>(l.i), b = static_cast<double>(r.i);
  switch (in.op) {
  case RuleOp::add: return real(a + b);
  case RuleOp::subtract: return real(a - b);
  case RuleOp::multiply: return real(a * b);
  default:
    if (b == 0) return unknown(Problem::division_by_zero);
    return real(a / b);
  }
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
  case Type::number: return number_op(in, l, r);
  case Type::money: {
    bool money_first = in.ta == Type::money;
    bool ok = in.op == RuleOp::multiply
                  ? !__builtin_mul_overflow(money_first ? l.i : r.i, money_first ? r.i : l.i, &e.i)
                  : cents_op(in, l, r, e.i);
    return ok ? e : unknown(Problem::too_large);
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
  if (t == Type::number)
    e.d = -a.d;
  else if (t == Type::duration)
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
    if (same_text(s, item)) return true;
  return false;
}

Cell text_test(const Instr& in, const Cell& l, const Cell& r) {
  std::string_view needle = *r.s;
  if (in.code == Code::starts_with) return whole(std::string_view(*l.s).starts_with(needle));
  if (in.code == Code::ends_with) return whole(std::string_view(*l.s).ends_with(needle));
  if (in.ta == Type::list) return whole(listed(*l.list, needle));
  return whole(l.s->find(needle) != std::string::npos);
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
  case Type::number: dst.d = *std::get_if<double>(v); break;
  case Type::money: dst.i = std::get_if<Money>(v)->cents; break;
  case Type::string: dst.s = std::get_if<std::string>(v); break;
  case Type::date: dst.i = std::get_if<Date>(v)->days; break;
  case Type::duration: dst.duration = *std::get_if<Duration>(v); break;
  case Type::list: dst.list = std::get_if<StringList>(v); break;
  }
  return true;
}

Cell in_values(const Cell& needle, const ListValue* v, const ListValue* end, Type type) {
  for (; v != end; ++v) {
    if (v->cell.why) return v->cell;
    if (order_cells(needle, v->cell, v->order, type, v->type) == 0) return whole(1);
  }
  return whole(0);
}

Cell size_of(const Cell& a, Type type) {
  return whole(static_cast<int64_t>(type == Type::list ? a.list->size() : util::utf8_length(*a.s)));
}

// default(a, b): `a`, or `b` when `a` is unknown, widened to a number when it is one.
Cell fallback(const Instr& in, const Cell& a, const Cell& b) {
  bool second = a.why != 0;
  const Cell& chosen = second ? b : a;
  bool widen = in.type == Type::number && (second ? in.tb : in.ta) == Type::integer && !chosen.why;
  return widen ? real(static_cast<double>(chosen.i)) : chosen;
}

} // namespace

int compare_cells(const Cell& l, const Cell& r, Order o, Type tl, Type tr) { return order_cells(l, r, o, tl, tr); }

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
    case Code::compare_field_constant:
      if (!load(*in, fields, loaded)) return false;
      dst = loaded.why
                ? loaded
                : whole((in->mask >> (order_cells(loaded, constants[~in->b], in->order, in->ta, in->tb) + 1)) & 1);
      break;
    case Code::in_list_field_constant:
      if (!load(*in, fields, loaded)) return false;
      dst = loaded.why ? loaded : whole(listed(*constants[~in->b].list, *loaded.s));
      break;
    case Code::logical_not: dst = a->why ? *a : whole(!a->i); break;
    case Code::negate: dst = negated(*a, in->ta); break;
    case Code::compare: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst))
        dst = whole((in->mask >> (order_cells(*a, b, in->order, in->ta, in->tb) + 1)) & 1);
      break;
    }
    case Code::arithmetic: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst)) dst = arithmetic(*in, *a, b);
      break;
    }
    case Code::in_values: {
      const ListValue* first_value = m_lists.data() + in->first;
      dst = a->why ? *a : in_values(*a, first_value, first_value + in->count, in->ta);
      break;
    }
    case Code::in_list: {
      const Cell& b = get(in->b);
      if (!first_unknown(*a, b, dst)) dst = whole(listed(*b.list, *a->s));
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
