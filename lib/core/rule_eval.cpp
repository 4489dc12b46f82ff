// SPDX-License-Identifier: Apache-2.0
// Evaluates a compiled rule over one record. Values are views into the record, so a rule
// evaluates without allocating unless the caller asks for the values it read.
#include <algorithm>
#include <array>
#include <forward_list>
#include <limits>

#include <fmt/format.h>

#include "core/rule.hpp"
#include "core/rule_node.hpp"
#include "core/rule_program.hpp"
#include "util/text.hpp"

namespace fundscreen::core {

namespace {

// A value during evaluation; `known` is false when it depends on a missing value.
struct Eval {
  bool known = true;
  Type type = Type::boolean;
  bool b = false;
  int64_t i = 0;
  Fraction q; // number, money in euros
  int32_t date = 0;
  Duration duration;
  std::string_view s;
  const StringList* list = nullptr;
  // The read that was missing, or -1; an unknown value also says why.
  int missing_read = -1;
  const char* problem = nullptr;
};

Eval unknown(int read, const char* problem = nullptr) {
  Eval e;
  e.known = false;
  e.missing_read = read;
  e.problem = problem;
  return e;
}

Eval boolean(bool b) {
  Eval e;
  e.b = b;
  return e;
}

Eval from_value(const Value& v, Type t) {
  Eval e;
  e.type = t;
  switch (v.index()) {
  case 1: e.b = std::get<bool>(v); break;
  case 2: e.i = std::get<int64_t>(v); break;
  case 3: // one object returned, so that it is built in place
    if (auto q = fraction_of(std::get<double>(v)))
      e.q = *q;
    else
      e.known = false, e.problem = problem_text(Problem::too_large);
    break;
  case 4: e.q = Fraction{std::get<Money>(v).cents, 100}; break;
  case 5: e.s = std::get<std::string>(v); break;
  case 6: e.date = std::get<Date>(v).days; break;
  case 7: e.duration = std::get<Duration>(v); break;
  case 8: e.list = &std::get<StringList>(v); break;
  default: e.known = false; break;
  }
  return e;
}

// The exact value of a numeric value: an integer is a whole fraction (whole euros beside money).
Fraction exact_of(const Eval& e) { return e.type == Type::integer ? Fraction{e.i, 1} : e.q; }

bool is_exact(Type t) { return t == Type::number || t == Type::money; }

// A known value as the program holds it in a register.
Cell cell_of(const Eval& e) {
  Cell c;
  c.why = 0;
  switch (e.type) {
  case Type::boolean: c.i = e.b ? 1 : 0; break;
  case Type::integer: c.i = e.i; break;
  case Type::number:
  case Type::money: c.q = e.q; break;
  case Type::string: c.s = e.s; break;
  case Type::date: c.i = e.date; break;
  case Type::duration: c.duration = e.duration; break;
  case Type::list: c.list = e.list; break;
  }
  return c;
}

// -1, 0 or 1 as `l` sorts before, with or after `r`, by the program's comparison; the
// compiler made sure they compare.
int compare(const Eval& l, const Eval& r) { return compare_cells(cell_of(l), cell_of(r), order_of(l.type, r.type)); }

} // namespace

class RuleEvaluator {
public:
  RuleEvaluator(const Rule& rule, const RecordView& record, std::vector<RuleRead>* trace,
                std::span<std::string_view> variables, bool views = false, std::vector<std::string>* steps = nullptr)
      : m_rule(rule), m_record(record), m_trace(trace), m_views(views), m_variables(variables), m_steps(steps) {}

  Eval eval(int n) {
    const RuleNode& node = m_rule.m_nodes[n];
    switch (node.op) {
    case RuleOp::constant: {
      if (!is_exact(node.type)) return from_value(node.value, node.type);
      Eval e;
      e.type = node.type;
      e.q = node.exact;
      return e;
    }
    case RuleOp::app_field: return field(node, m_record.app);
    case RuleOp::outcome_field: return field(node, m_record.outcome);
    case RuleOp::variable: {
      Eval e;
      e.type = Type::string;
      e.s = m_variables[node.slot];
      return e;
    }
    case RuleOp::negate: return negate(eval(node.a));
    case RuleOp::logical_not: {
      Eval e = eval(node.a);
      if (e.known) e.b = !e.b;
      return e;
    }
    case RuleOp::logical_and: return kleene(node, false);
    case RuleOp::logical_or: return kleene(node, true);
    case RuleOp::equal: return comparison(node, [](int c) { return c == 0; });
    case RuleOp::not_equal: return comparison(node, [](int c) { return c != 0; });
    case RuleOp::less: return comparison(node, [](int c) { return c < 0; });
    case RuleOp::less_equal: return comparison(node, [](int c) { return c <= 0; });
    case RuleOp::greater: return comparison(node, [](int c) { return c > 0; });
    case RuleOp::greater_equal: return comparison(node, [](int c) { return c >= 0; });
    case RuleOp::add:
    case RuleOp::subtract:
    case RuleOp::multiply:
    case RuleOp::divide: return arithmetic(node);
    case RuleOp::in_list: return in_list(node);
    case RuleOp::has: return has(m_rule.m_nodes[node.a]);
    case RuleOp::size: return size(eval(node.a));
    case RuleOp::starts_with:
    case RuleOp::ends_with:
    case RuleOp::contains: return text_test(node);
    case RuleOp::any:
    case RuleOp::all: return quantifier(node);
    case RuleOp::fallback: {
      Eval e = eval(node.a);
      if (!e.known) e = eval(node.b);
      if (node.type == Type::number && e.type == Type::integer) e.q = Fraction{e.i, 1}, e.type = Type::number;
      return e;
    }
    case RuleOp::matches: {
      Eval text = eval(node.a);
      return text.known ? boolean(node.pattern->matches(text.s)) : text;
    }
    case RuleOp::months_between: return months(node);
    }
    return unknown(-1);
  }

  int missing_read(const Eval& e) const { return e.missing_read; }

  // Drops what is left of the trace of an earlier evaluation.
  void finish() {
    if (m_trace) m_trace->erase(m_trace->begin() + static_cast<ptrdiff_t>(m_used), m_trace->end());
  }

private:
  const Value& record_value(const RuleNode& node, std::span<const Value> values) {
    static const Value k_missing;
    const Value& v = node.slot < static_cast<int>(values.size()) ? values[node.slot] : k_missing;
    if (m_trace) note(node.read, v);
    return v;
  }

  // Records the first read of path `read` with its value `v`, over the entries of the trace
  // from an earlier evaluation (reusing their memory) before adding any.
  void note(int read, const Value& v) {
    const std::string& path = m_rule.m_reads[static_cast<size_t>(read)];
    if (read < 64) { // each path once in Rule::reads(): its index tells it
      uint64_t bit = uint64_t{1} << read;
      if (m_seen & bit) return;
      m_seen |= bit;
    } else {
      for (size_t i = 0; i < m_used; ++i)
        if ((*m_trace)[i].path == path) return;
    }
    if (m_used < m_trace->size()) {
      RuleRead& r = (*m_trace)[m_used];
      r.path = path;
      r.read = read;
      if (m_views) {
        if (!is_missing(r.value)) r.value = Value{};
        r.view = &v;
      } else {
        r.value = v;
        r.view = nullptr;
      }
    } else if (m_views) {
      m_trace->push_back(RuleRead{path, Value{}, read, &v});
    } else {
      m_trace->push_back(RuleRead{path, v, read});
    }
    ++m_used;
  }

  Eval field(const RuleNode& node, std::span<const Value> values) {
    const Value& v = record_value(node, values);
    if (is_missing(v)) return unknown(node.read);
    return from_value(v, node.type);
  }

  Eval has(const RuleNode& field_node) {
    std::span<const Value> values = field_node.op == RuleOp::app_field ? m_record.app : m_record.outcome;
    return boolean(!is_empty(record_value(field_node, values)));
  }

  // -e; the most negative integer or amount has no opposite in 64 bits: too large.
  Eval negate(Eval e) {
    if (!e.known) return e;
    constexpr int64_t k_most_negative = std::numeric_limits<int64_t>::min();
    if (e.type == Type::integer && e.i == k_most_negative) return too_large();
    if (is_exact(e.type) && !negate_exact(e.q, e.q)) return too_large();
    e.i = e.type == Type::integer ? -e.i : e.i;
    e.duration = core::negate(e.duration);
    return e;
  }

  // `and` (stop_on = false) and `or` (stop_on = true) in Kleene's three-valued logic: a
  // known false (true) side decides even when the other side is unknown.
  Eval kleene(const RuleNode& node, bool stop_on) {
    Eval l = eval(node.a);
    if (l.known && l.b == stop_on) return l;
    Eval r = eval(node.b);
    if (r.known && r.b == stop_on) return r;
    if (!l.known) return l;
    return r;
  }

  template <typename Test> Eval comparison(const RuleNode& node, Test test) {
    Eval l = eval(node.a);
    if (!l.known) return l;
    Eval r = eval(node.b);
    if (!r.known) return r;
    return boolean(test(compare(l, r)));
  }

  Eval arithmetic(const RuleNode& node) {
    Eval l = eval(node.a);
    if (!l.known) return l;
    Eval r = eval(node.b);
    if (!r.known) return r;
    Eval e;
    e.type = node.type;
    switch (node.type) {
    case Type::integer:
      if (l.type == Type::date)
        e.i = static_cast<int64_t>(l.date) - r.date;
      else if (!integer_op(node.op, l.i, r.i, e.i))
        return too_large();
      step(node, l, r, e);
      return e;
    case Type::number:
    case Type::money: {
      int32_t why = exact_arithmetic(node.op, exact_of(l), exact_of(r), node.type == Type::money, e.q);
      if (why) return unknown(-1, problem_text(static_cast<Problem>(why)));
      step(node, l, r, e);
      return e;
    }
    case Type::string: {
      m_joined.push_front(std::string(l.s) + std::string(r.s));
      e.s = m_joined.front();
      return e;
    }
    case Type::date: return date_op(node.op, l, r);
    case Type::duration:
      e.duration = node.op == RuleOp::add
                       ? Duration{l.duration.months + r.duration.months, l.duration.days + r.duration.days}
                       : Duration{l.duration.months - r.duration.months, l.duration.days - r.duration.days};
      return e;
    default: return unknown(-1);
    }
  }

  // `a op b` into `out`; false when it does not fit 64 bits.
  static bool integer_op(RuleOp op, int64_t a, int64_t b, int64_t& out) {
    if (op == RuleOp::add) return !__builtin_add_overflow(a, b, &out);
    if (op == RuleOp::subtract) return !__builtin_sub_overflow(a, b, &out);
    return !__builtin_mul_overflow(a, b, &out);
  }

  static Eval too_large() { return unknown(-1, problem_text(Problem::too_large)); }

  // months_between(a, b).
  Eval months(const RuleNode& node) {
    Eval l = eval(node.a);
    if (!l.known) return l;
    Eval r = eval(node.b);
    if (!r.known) return r;
    Eval e;
    e.type = Type::integer;
    e.i = months_between(Date{l.date}, Date{r.date});
    if (m_steps)
      add_step(fmt::format("months_between({}, {}) = {}", to_string(Date{l.date}), to_string(Date{r.date}), e.i));
    return e;
  }

  // Records `l op r = e` for the audit trail, for a product or a quotient: the arithmetic a
  // reader cannot see in the values read.
  void step(const RuleNode& node, const Eval& l, const Eval& r, const Eval& e) {
    if (!m_steps || (node.op != RuleOp::multiply && node.op != RuleOp::divide)) return;
    bool exact = true;
    std::string text = shown(l, exact) + (node.op == RuleOp::multiply ? " * " : " / ") + shown(r, exact);
    std::string result = shown(e, exact);
    add_step(text + (exact ? " = " : " \u2248 ") + result);
  }

  // A numeric value as the audit trail shows it; `exact` becomes false if it was rounded.
  static std::string shown(const Eval& e, bool& exact) {
    if (e.type == Type::integer) return std::to_string(e.i);
    bool written_exactly = true;
    std::string text = to_decimal(e.q, e.type == Type::money, written_exactly);
    exact = exact && written_exactly;
    return text;
  }

  void add_step(std::string text) {
    if (std::find(m_steps->begin(), m_steps->end(), text) == m_steps->end()) m_steps->push_back(std::move(text));
  }

  static Eval date_op(RuleOp op, const Eval& l, const Eval& r) {
    Eval e;
    e.type = Type::date;
    const Eval& date = l.type == Type::date ? l : r;
    Duration by = l.type == Type::date ? r.duration : l.duration;
    if (op == RuleOp::subtract) by = core::negate(by);
    e.date = add(Date{date.date}, by).days;
    return e;
  }

  Eval in_list(const RuleNode& node) {
    Eval needle = eval(node.a);
    if (!needle.known) return needle;
    if (node.items.empty() && node.b >= 0) {
      Eval list = eval(node.b);
      if (!list.known) return list;
      return boolean(std::find(list.list->begin(), list.list->end(), needle.s) != list.list->end());
    }
    for (int item : node.items) {
      Eval candidate = eval(item);
      if (!candidate.known) return candidate;
      if (compare(needle, candidate) == 0) return boolean(true);
    }
    return boolean(false);
  }

  static Eval size(const Eval& v) {
    if (!v.known) return v;
    Eval e;
    e.type = Type::integer;
    e.i = static_cast<int64_t>(v.type == Type::list ? v.list->size() : util::utf8_length(v.s));
    return e;
  }

  Eval text_test(const RuleNode& node) {
    Eval l = eval(node.a);
    if (!l.known) return l;
    Eval r = eval(node.b);
    if (!r.known) return r;
    if (node.op == RuleOp::starts_with) return boolean(l.s.starts_with(r.s));
    if (node.op == RuleOp::ends_with) return boolean(l.s.ends_with(r.s));
    if (l.type == Type::list) return boolean(std::find(l.list->begin(), l.list->end(), r.s) != l.list->end());
    return boolean(l.s.find(r.s) != std::string_view::npos);
  }

  // any(): true if some element passes; all(): false if some element fails. Otherwise an
  // element whose test was unknown makes the whole unknown.
  Eval quantifier(const RuleNode& node) {
    Eval list = eval(node.a);
    if (!list.known) return list;
    bool decisive = node.op == RuleOp::any;
    Eval undecided = boolean(!decisive);
    for (const std::string& item : *list.list) {
      m_variables[node.slot] = item;
      Eval test = eval(node.b);
      if (test.known && test.b == decisive) return test;
      if (!test.known && undecided.known) undecided = test;
    }
    return undecided;
  }

  const Rule& m_rule;
  const RecordView& m_record;
  std::vector<RuleRead>* m_trace;
  // Whether the trace holds views into the record rather than copies.
  bool m_views = false;
  // The entries of the trace this evaluation has written, and the reads among the first 64
  // it has recorded.
  size_t m_used = 0;
  uint64_t m_seen = 0;
  // The elements bound by any()/all(); empty for the many rules that have none, so that
  // they do not clear an array for every application.
  std::span<std::string_view> m_variables;
  // The arithmetic done, for the audit trail; null when not asked for.
  std::vector<std::string>* m_steps;
  // The strings joined by `+`, which the values of the evaluation view.
  std::forward_list<std::string> m_joined;
};

// Room for the variables of any()/all(), left uninitialised (a union member): any() and
// all() bind a variable before its test reads it.
union VariableStorage {
  VariableStorage() {}
  std::array<std::string_view, k_max_variables> slots;
};

// The reason of an unknown value in `lang`: the problem, the read that was missing, or that
// the rule could not be evaluated.
static void append_unknown_reason(i18n::Lang lang, std::string& out, const Rule& rule, int missing_read,
                                  const char* problem) {
  if (problem) {
    out += i18n::tr(lang, problem);
  } else if (missing_read >= 0) {
    out += rule.reads()[static_cast<size_t>(missing_read)];
    out += ' ';
    out += i18n::tr(lang, "is missing");
  } else {
    out += i18n::tr(lang, "the rule could not be evaluated");
  }
}

void evaluate_by_tree_into(const Rule& rule, const RecordView& record, TraceReads trace, RuleResult& out,
                           i18n::Lang lang) {
  VariableStorage storage;
  std::span<std::string_view> bound;
  if (rule.m_variables > 0) bound = storage.slots;
  out.steps.clear();
  RuleEvaluator evaluator(rule, record, trace != TraceReads::no ? &out.reads : nullptr, bound,
                          trace == TraceReads::views, trace == TraceReads::yes ? &out.steps : nullptr);
  Eval e = evaluator.eval(rule.m_root);
  evaluator.finish();
  if (trace == TraceReads::no) out.reads.clear();
  out.reason.clear();
  if (!e.known) {
    out.truth = Truth::unknown;
    append_unknown_reason(lang, out.reason, rule, e.missing_read, e.problem);
  } else {
    out.truth = e.b ? Truth::yes : Truth::no;
  }
}

RuleResult evaluate_by_tree(const Rule& rule, const RecordView& record, TraceReads trace) {
  RuleResult result;
  evaluate_by_tree_into(rule, record, trace, result, i18n::Lang::en);
  return result;
}

Value evaluate_value_by_tree(const Rule& rule, const RecordView& record) {
  VariableStorage storage;
  std::span<std::string_view> bound;
  if (rule.m_variables > 0) bound = storage.slots;
  RuleEvaluator evaluator(rule, record, nullptr, bound);
  Eval e = evaluator.eval(rule.m_root);
  if (!e.known) return Value{};
  switch (e.type) {
  case Type::boolean: return Value(e.b);
  case Type::integer: return Value(e.i);
  case Type::number: return number_value(e.q);
  case Type::money: return money_value(e.q);
  case Type::string: return Value(std::string(e.s));
  case Type::date: return Value(Date{e.date});
  case Type::duration: return Value(e.duration);
  case Type::list: return Value(*e.list);
  }
  return Value{};
}

const RuleProgram* program_of(const Rule& rule) { return rule.m_program.get(); }

static Truth truth_of(const Cell& c) {
  if (c.why) return Truth::unknown;
  return c.i ? Truth::yes : Truth::no;
}

// The reason of an unknown cell, as the tree walk words it.
static void append_unknown_reason(i18n::Lang lang, std::string& out, const Rule& rule, const Cell& c) {
  switch (static_cast<Problem>(c.why)) {
  case Problem::too_large:
  case Problem::division_by_zero:
  case Problem::not_evaluated:
    append_unknown_reason(lang, out, rule, -1, problem_text(static_cast<Problem>(c.why)));
    return;
  }
  append_unknown_reason(lang, out, rule, c.why - 1, nullptr);
}

static Value to_value(const Cell& c, Type type) {
  if (c.why) return Value{};
  switch (type) {
  case Type::boolean: return Value(c.i != 0);
  case Type::integer: return Value(c.i);
  case Type::number: return number_value(c.q);
  case Type::money: return money_value(c.q);
  case Type::string: return Value(std::string(c.s));
  case Type::date: return Value(Date{static_cast<int32_t>(c.i)});
  case Type::duration: return Value(c.duration);
  case Type::list: return Value(*c.list);
  }
  return Value{};
}

void evaluate_into(const Rule& rule, const RecordView& record, TraceReads trace, RuleResult& out, i18n::Lang lang) {
  Cell c;
  if (trace != TraceReads::no || !rule.m_program || !rule.m_program->run(record, c)) {
    evaluate_by_tree_into(rule, record, trace, out, lang);
    return;
  }
  out.truth = truth_of(c);
  out.reason.clear();
  out.reads.clear();
  out.steps.clear();
  if (c.why) append_unknown_reason(lang, out.reason, rule, c);
}

RuleResult evaluate(const Rule& rule, const RecordView& record, TraceReads trace) {
  RuleResult result;
  evaluate_into(rule, record, trace, result);
  return result;
}

Truth evaluate_truth(const Rule& rule, const RecordView& record) {
  Cell c;
  if (!rule.m_program || !rule.m_program->run(record, c)) return evaluate_by_tree(rule, record, TraceReads::no).truth;
  return truth_of(c);
}

Value evaluate_value(const Rule& rule, const RecordView& record) {
  Cell c;
  if (!rule.m_program || !rule.m_program->run(record, c)) return evaluate_value_by_tree(rule, record);
  return to_value(c, rule.m_type);
}

} // namespace fundscreen::core
