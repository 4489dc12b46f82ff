// SPDX-License-Identifier: Apache-2.0
// Parses a rule and type-checks it in the same pass: every parse function returns the index
// of a compiled node whose type is already known, so an error points at the exact operand.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/rule.hpp"
#include "core/rule_lexer.hpp"
#include "core/rule_node.hpp"
#include "core/rule_program.hpp"
#include "util/text.hpp"

namespace fundscreen::core {

Rule::Rule() = default;
Rule::~Rule() = default;
Rule::Rule(Rule&&) noexcept = default;
Rule& Rule::operator=(Rule&&) noexcept = default;
// A copy builds its own program, whose constants point into its own nodes.
Rule::Rule(const Rule& other)
    : m_text(other.m_text), m_type(other.m_type), m_nodes(other.m_nodes), m_root(other.m_root), m_reads(other.m_reads),
      m_variables(other.m_variables), m_program(other.m_program ? RuleProgram::build(*this) : nullptr) {}

Rule& Rule::operator=(const Rule& other) {
  if (this != &other) *this = Rule(other);
  return *this;
}

namespace {

struct Span {
  size_t offset = 0;
  size_t length = 0;
};

Span cover(Span a, Span b) { return Span{a.offset, b.offset + b.length - a.offset}; }

bool is_numeric(Type t) { return t == Type::integer || t == Type::number; }

// The functions, in the order "unknown function" lists them.
const std::array<std::string, 10> k_functions = {"all", "any",     "contains",       "default", "ends_with",
                                                 "has", "matches", "months_between", "size",    "starts_with"};

// The units of a duration literal and the length of one.
constexpr std::array<std::pair<std::string_view, Duration>, 8> k_units = {{
    {"day", {0, 1}},
    {"days", {0, 1}},
    {"week", {0, 7}},
    {"weeks", {0, 7}},
    {"month", {1, 0}},
    {"months", {1, 0}},
    {"year", {12, 0}},
    {"years", {12, 0}},
}};

// The words that may follow a number in a rule: anything else there is a misspelt unit or a
// mistake.
bool is_keyword(std::string_view word) { return word == "and" || word == "or" || word == "not" || word == "in"; }

} // namespace

class RuleCompiler {
public:
  RuleCompiler(std::string_view text, const RuleScope& scope) : m_lexer(text), m_scope(scope) {
    m_rule.m_text = std::string(text);
    advance();
  }

  Rule compile() {
    if (m_token.kind == TokenKind::end) fail(m_token, "the rule is empty");
    m_rule.m_root = parse_or();
    if (m_token.kind != TokenKind::end)
      fail(m_token, fmt::format("unexpected '{}' after the end of the expression", m_token.text));
    m_rule.m_type = m_rule.m_nodes[m_rule.m_root].type;
    m_rule.m_program = RuleProgram::build(m_rule);
    return std::move(m_rule);
  }

private:
  [[noreturn]] void fail(Span at, std::string message) {
    throw RuleError(at.offset, std::max<size_t>(at.length, 1), std::move(message));
  }
  [[noreturn]] void fail(const Token& at, std::string message) { fail(Span{at.offset, at.length}, std::move(message)); }

  void advance() { m_token = m_lexer.next(); }

  bool at_symbol(std::string_view s) const { return m_token.kind == TokenKind::symbol && m_token.text == s; }
  bool at_word(std::string_view w) const { return m_token.kind == TokenKind::identifier && m_token.text == w; }

  void expect(std::string_view symbol, std::string_view what) {
    if (!at_symbol(symbol)) {
      std::string found = m_token.kind == TokenKind::end ? "the end of the rule" : fmt::format("'{}'", m_token.text);
      fail(m_token, fmt::format("expected {} but found {}", what, found));
    }
    advance();
  }

  int add(RuleNode node, Span span) {
    m_rule.m_nodes.push_back(std::move(node));
    m_spans.push_back(span);
    return static_cast<int>(m_rule.m_nodes.size() - 1);
  }
  const RuleNode& node(int n) const { return m_rule.m_nodes[n]; }
  Type type(int n) const { return m_rule.m_nodes[n].type; }
  Span span(int n) const { return m_spans[n]; }

  void require(int n, Type t, std::string_view context) {
    if (type(n) != t)
      fail(span(n), fmt::format("{} needs {}, but this is {}", context, with_article(t), with_article(type(n))));
  }

  // ---- boolean layers -------------------------------------------------------------------

  // Counts how deep the parser has recursed, so that a rule of thousands of '(' is a fault
  // and not a stack overflow.
  struct Depth {
    explicit Depth(RuleCompiler& c) : m_c(c) {
      if (++m_c.m_depth > k_max_depth) m_c.fail(m_c.m_token, "the rule nests too deeply");
    }
    ~Depth() { --m_c.m_depth; }
    RuleCompiler& m_c;
  };
  static constexpr int k_max_depth = 200;

  int parse_or() {
    Depth depth(*this);
    int left = parse_and();
    while (at_word("or") || at_symbol("||")) {
      advance();
      left = logical(RuleOp::logical_or, "'or'", left, parse_and());
    }
    return left;
  }

  int parse_and() {
    int left = parse_not();
    while (at_word("and") || at_symbol("&&")) {
      advance();
      left = logical(RuleOp::logical_and, "'and'", left, parse_not());
    }
    return left;
  }

  int logical(RuleOp op, std::string_view name, int left, int right) {
    require(left, Type::boolean, fmt::format("{} on its left", name));
    require(right, Type::boolean, fmt::format("{} on its right", name));
    return add(RuleNode{op, Type::boolean, left, right}, cover(span(left), span(right)));
  }

  int parse_not() {
    Depth depth(*this);
    if (at_word("not") || at_symbol("!")) {
      Token op = m_token;
      advance();
      int operand = parse_not();
      require(operand, Type::boolean, "'not'");
      return add(RuleNode(RuleOp::logical_not, Type::boolean, operand), cover({op.offset, op.length}, span(operand)));
    }
    return parse_comparison();
  }

  // ---- comparison -----------------------------------------------------------------------

  int parse_comparison() {
    int left = parse_additive();
    static const std::array<std::pair<std::string_view, RuleOp>, 6> ops = {{
        {"==", RuleOp::equal},
        {"!=", RuleOp::not_equal},
        {"<=", RuleOp::less_equal},
        {">=", RuleOp::greater_equal},
        {"<", RuleOp::less},
        {">", RuleOp::greater},
    }};
    if (at_word("in")) {
      advance();
      return parse_in(left);
    }
    for (auto [symbol, op] : ops) {
      if (!at_symbol(symbol)) continue;
      Token where = m_token;
      advance();
      int right = parse_additive();
      return compare(op, where, left, right);
    }
    return left;
  }

  // Money compared with a number literal: the literal becomes exact money, in whole cents.
  // Call values keep their type (an integer compares with money as whole euros).
  void coerce_constant_to_money(int n) {
    RuleNode& c = m_rule.m_nodes[n];
    if (c.op != RuleOp::constant || !is_numeric(c.type)) return;
    std::string why;
    std::string literal = m_rule.m_text.substr(m_spans[n].offset, m_spans[n].length);
    if (literal.empty() || !(literal[0] == '.' || (literal[0] >= '0' && literal[0] <= '9'))) return;
    // A plain decimal reads as an amount does (three decimals are ambiguous: 95.000).
    bool plain = literal[0] != '.' && literal.find_first_not_of("0123456789.") == std::string::npos;
    std::optional<Money> money = plain ? parse_money(literal, why) : std::nullopt;
    Fraction euros = c.type == Type::integer ? Fraction{std::get<int64_t>(c.value), 1} : c.exact;
    Fraction cents;
    if (!plain && multiply_exact(euros, Fraction{100, 1}, cents) && reduced(cents).den == 1)
      money = Money{reduced(cents).num};
    else if (!plain)
      why = "money has at most two decimals (cents)";
    if (!money) fail(span(n), fmt::format("'{}' is not an amount of money: {}", literal, why));
    c.value = *money;
    c.exact = Fraction{money->cents, 100};
    c.type = Type::money;
  }

  bool comparable(int left, int right) {
    Type l = type(left), r = type(right);
    if (l == Type::money && is_numeric(r)) coerce_constant_to_money(right);
    if (r == Type::money && is_numeric(l)) coerce_constant_to_money(left);
    l = type(left), r = type(right);
    if (l == r) return true;
    if (is_numeric(l) && is_numeric(r)) return true;
    return (l == Type::money && r == Type::integer) || (l == Type::integer && r == Type::money);
  }

  int compare(RuleOp op, const Token& where, int left, int right) {
    if (!comparable(left, right))
      fail(where, fmt::format("cannot compare {} with {}", type_name(type(left)), type_name(type(right))));
    bool ordering = op != RuleOp::equal && op != RuleOp::not_equal;
    if (ordering && (type(left) == Type::boolean || type(left) == Type::list))
      fail(where, fmt::format("'{}' does not order {} values", where.text, type_name(type(left))));
    if (type(left) == Type::list) fail(where, "lists cannot be compared; use size(), contains() or any()");
    check_enum_literal(left, right);
    check_enum_literal(right, left);
    return add(RuleNode{op, Type::boolean, left, right}, cover(span(left), span(right)));
  }

  // A string literal compared with an enum field must be one of the enum's values.
  void check_enum_literal(int field, int literal) {
    const RuleNode& f = node(field);
    const RuleNode& c = node(literal);
    if (c.op != RuleOp::constant || c.type != Type::string) return;
    const FieldSpec* spec = field_spec(f);
    if (!spec || spec->type != FieldType::enumeration || spec->values.empty()) return;
    const std::string& value = std::get<std::string>(c.value);
    if (std::find(spec->values.begin(), spec->values.end(), value) != spec->values.end()) return;
    std::string message = fmt::format("'{}' is not a value of {}; allowed: {}", value, m_rule.m_reads[f.read],
                                      util::join(spec->values, ", "));
    std::string hint = util::nearest(value, spec->values);
    if (!hint.empty()) message += fmt::format(" (did you mean '{}'?)", hint);
    fail(span(literal), message);
  }

  const FieldSpec* field_spec(const RuleNode& n) const {
    if (n.op == RuleOp::app_field) return &m_scope.app_fields[n.slot];
    if (n.op == RuleOp::outcome_field) return &m_scope.outcome_fields[n.slot];
    return nullptr;
  }

  int parse_in(int left) {
    Token open = m_token;
    if (!at_symbol("[")) {
      int list = parse_additive();
      require(list, Type::list, "'in'");
      require(left, Type::string, "'in' a list on its left");
      return add(RuleNode(RuleOp::in_list, Type::boolean, left, list), cover(span(left), span(list)));
    }
    advance();
    RuleNode n(RuleOp::in_list, Type::boolean, left);
    while (!at_symbol("]")) {
      int item = parse_additive();
      if (!comparable(left, item))
        fail(span(item),
             fmt::format("this list holds {} values, but this is {}", type_name(type(left)), with_article(type(item))));
      check_enum_literal(left, item);
      n.items.push_back(item);
      if (!at_symbol(",")) break;
      advance();
    }
    Token close = m_token;
    expect("]", "',' or ']'");
    return add(std::move(n), cover(span(left), {close.offset, close.length}));
  }

  // ---- arithmetic -----------------------------------------------------------------------

  int parse_additive() {
    int left = parse_multiplicative();
    while (at_symbol("+") || at_symbol("-")) {
      Token op = m_token;
      advance();
      left = arithmetic(op, left, parse_multiplicative());
    }
    return left;
  }

  int parse_multiplicative() {
    int left = parse_unary();
    while (at_symbol("*") || at_symbol("/")) {
      Token op = m_token;
      advance();
      left = arithmetic(op, left, parse_unary());
    }
    if (at_symbol("%")) fail(m_token, "'%' makes a percentage of the number written just before it, as in 80 %");
    return left;
  }

  // The type of `l op r`, or nothing when the operation makes no sense. Integer division
  // and anything with a number is an exact number; money times or divided by a number is
  // exact money, which may hold a fraction of a cent.
  static std::optional<Type> arithmetic_type(char op, Type l, Type r) {
    if (is_numeric(l) && is_numeric(r)) {
      if (op == '/' || l == Type::number || r == Type::number) return Type::number;
      return Type::integer;
    }
    bool money_int = (l == Type::money && r == Type::integer) || (l == Type::integer && r == Type::money);
    bool money_factor = (l == Type::money && is_numeric(r)) || (is_numeric(l) && r == Type::money);
    switch (op) {
    case '+':
      if (l == Type::money && (r == Type::money || r == Type::integer)) return Type::money;
      if (money_int) return Type::money;
      if ((l == Type::date && r == Type::duration) || (l == Type::duration && r == Type::date)) return Type::date;
      if (l == Type::duration && r == Type::duration) return Type::duration;
      if (l == Type::string && r == Type::string) return Type::string;
      break;
    case '-':
      if (l == Type::money && (r == Type::money || r == Type::integer)) return Type::money;
      if (l == Type::integer && r == Type::money) return Type::money;
      if (l == Type::date && r == Type::duration) return Type::date;
      if (l == Type::date && r == Type::date) return Type::integer;
      if (l == Type::duration && r == Type::duration) return Type::duration;
      break;
    case '*':
      if (money_factor) return Type::money;
      break;
    case '/':
      if (l == Type::money && r == Type::money) return Type::number;
      if (l == Type::money && is_numeric(r)) return Type::money;
      break;
    }
    return std::nullopt;
  }

  int arithmetic(const Token& op, int left, int right) {
    char symbol = op.text[0];
    auto result = arithmetic_type(symbol, type(left), type(right));
    if (!result)
      fail(op, fmt::format("cannot apply '{}' to {} and {}", op.text, type_name(type(left)), type_name(type(right))));
    static const std::array<std::pair<char, RuleOp>, 4> ops = {
        {{'+', RuleOp::add}, {'-', RuleOp::subtract}, {'*', RuleOp::multiply}, {'/', RuleOp::divide}}};
    RuleOp rule_op = std::find_if(ops.begin(), ops.end(), [&](auto& p) { return p.first == symbol; })->second;
    if (*result == Type::string && node(left).op == RuleOp::constant && node(right).op == RuleOp::constant) {
      // Two strings written in the rule are joined once, here.
      std::string joined = std::get<std::string>(node(left).value) + std::get<std::string>(node(right).value);
      return add(RuleNode::constant(Type::string, Value(std::move(joined))), cover(span(left), span(right)));
    }
    return add(RuleNode{rule_op, *result, left, right}, cover(span(left), span(right)));
  }

  int parse_unary() {
    Depth depth(*this);
    if (at_symbol("-")) {
      Token op = m_token;
      advance();
      int operand = parse_unary();
      Type t = type(operand);
      if (!is_numeric(t) && t != Type::money && t != Type::duration)
        fail(span(operand), fmt::format("cannot negate {}", with_article(t)));
      return add(RuleNode(RuleOp::negate, t, operand), cover({op.offset, op.length}, span(operand)));
    }
    return parse_postfix();
  }

  // ---- primaries, fields and functions ---------------------------------------------------

  int parse_postfix() {
    int left = parse_primary();
    while (at_symbol(".")) {
      advance();
      Token name = m_token;
      if (name.kind != TokenKind::identifier) fail(name, "expected a function name after '.'");
      advance();
      if (!at_symbol("("))
        fail(name, fmt::format("expected '(' after '{}': only app, call and outcome have fields", name.text));
      left = parse_call(name, left);
    }
    return left;
  }

  int parse_primary() {
    Token t = m_token;
    switch (t.kind) {
    case TokenKind::number: advance(); return parse_number_or_duration(t);
    case TokenKind::string:
      advance();
      return add(RuleNode::constant(Type::string, Value(t.value)), {t.offset, t.length});
    case TokenKind::date: advance(); return date_constant(t);
    case TokenKind::identifier: advance(); return parse_identifier(t);
    case TokenKind::symbol:
      if (t.text == "(") {
        advance();
        int inner = parse_or();
        expect(")", "')'");
        return inner;
      }
      if (t.text == "[") fail(t, "a list can only follow 'in'");
      break;
    case TokenKind::end: fail(t, "expected an expression but found the end of the rule");
    }
    fail(t, fmt::format("expected an expression but found '{}'", t.text));
  }

  int date_constant(const Token& t) {
    std::string why;
    auto date = parse_date(t.text, why);
    if (!date) fail(t, fmt::format("impossible date '{}': {}", t.text, why));
    return add(RuleNode::constant(Type::date, Value(*date)), {t.offset, t.length});
  }

  int parse_number_or_duration(const Token& t) {
    bool whole = t.text.find_first_of(".eE") == std::string_view::npos;
    if (m_token.kind == TokenKind::identifier && !is_keyword(m_token.text)) check_unit(t, whole);
    if (whole && m_token.kind == TokenKind::identifier) {
      for (auto [unit, step] : k_units) {
        if (m_token.text != unit) continue;
        auto count = parse_integer(t.text);
        // A thousand years is longer than any call; past that a date would leave the calendar.
        // (The product is checked for overflow: a count may have up to 19 digits.)
        int64_t length = 0;
        bool too_large = !count || __builtin_mul_overflow(*count, step.months ? step.months : step.days, &length) ||
                         length >= (step.months ? 12'000 : 366'000);
        if (too_large) fail(cover({t.offset, t.length}, {m_token.offset, m_token.length}), "the duration is too large");
        int32_t n = static_cast<int32_t>(*count);
        Token u = m_token;
        advance();
        Duration d{step.months * n, step.days * n};
        return add(RuleNode::constant(Type::duration, Value(d)), cover({t.offset, t.length}, {u.offset, u.length}));
      }
    }
    if (at_symbol("%")) return percentage(t);
    if (whole) {
      auto i = parse_integer(t.text);
      if (!i) fail(t, "the number is too large");
      return add(RuleNode::constant(Type::integer, Value(*i)), {t.offset, t.length});
    }
    auto q = parse_decimal(t.text);
    if (!q) fail(t, "the number is too large or has too many decimals to be exact");
    return add(number_constant(*q), {t.offset, t.length});
  }

  // A number constant of the exact value `q`.
  static RuleNode number_constant(Fraction q) {
    RuleNode n = RuleNode::constant(Type::number, Value(to_double(q)));
    n.exact = q;
    return n;
  }

  // `t` followed by '%': the number divided by a hundred, exactly (`80 %` is 4/5).
  int percentage(const Token& t) {
    Token sign = m_token;
    advance();
    auto q = parse_decimal(t.text);
    if (!q || !divide_exact(*q, Fraction{100, 1}, *q))
      fail(t, "the number is too large or has too many decimals to be exact");
    return add(number_constant(*q), cover({t.offset, t.length}, {sign.offset, sign.length}));
  }

  // A number followed by a word that is not a keyword: a duration with a misspelt unit, or
  // with a count that is not whole; anything else is left to the caller's fault.
  void check_unit(const Token& count, bool whole) {
    std::string_view word = m_token.text;
    bool unit = std::any_of(k_units.begin(), k_units.end(), [&](auto& u) { return u.first == word; });
    if (unit && !whole)
      fail(cover({count.offset, count.length}, {m_token.offset, m_token.length}),
           "a duration is a whole number of days, weeks, months or years, as in 18 months");
    if (unit) return;
    std::vector<std::string> names;
    for (auto [name, step] : k_units) names.emplace_back(name);
    std::string hint = util::nearest(word, names);
    if (!hint.empty()) fail(m_token, fmt::format("unknown unit '{}'; did you mean '{}'?", word, hint));
  }

  int parse_identifier(const Token& t) {
    if (t.text == "true" || t.text == "false")
      return add(RuleNode::constant(Type::boolean, Value(t.text == "true")), {t.offset, t.length});
    if (t.text == "app" || t.text == "call" || t.text == "outcome") return parse_field(t);
    if (at_symbol("(")) return parse_call(t, -1);
    for (auto it = m_variables.rbegin(); it != m_variables.rend(); ++it)
      if (it->first == t.text)
        return add(RuleNode(RuleOp::variable, Type::string, -1, -1, it->second), {t.offset, t.length});
    std::string message = fmt::format("unknown name '{}'", t.text);
    std::vector<std::string> roots = {"app", "call", "outcome", "true", "false"};
    std::string hint = util::nearest(t.text, roots);
    if (!hint.empty())
      message += fmt::format("; did you mean '{}'?", hint);
    else
      message += "; fields are read as app.NAME, call.NAME or outcome.NAME";
    fail(t, message);
  }

  int parse_field(const Token& root) {
    expect(".", fmt::format("'.' and a field name after '{}'", root.text));
    Token name = m_token;
    if (name.kind != TokenKind::identifier) fail(name, fmt::format("expected a field name after '{}.'", root.text));
    advance();
    Span where = cover({root.offset, root.length}, {name.offset, name.length});
    std::string path = fmt::format("{}.{}", root.text, name.text);
    if (root.text == "call") return call_constant(name, where);
    bool app = root.text == "app";
    bool enabled = app ? m_scope.app_enabled : m_scope.outcome_enabled;
    if (!enabled)
      fail(where, fmt::format("'{}' cannot be read here; {}", path,
                              app ? "impact indicators read outcome.NAME" : "criteria rules read app.NAME"));
    std::span<const FieldSpec> fields = app ? m_scope.app_fields : m_scope.outcome_fields;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].name != name.text) continue;
      RuleNode n(app ? RuleOp::app_field : RuleOp::outcome_field, value_type(fields[i].type), -1, -1,
                 static_cast<int>(i));
      n.read = read_index(path);
      return add(std::move(n), where);
    }
    std::vector<std::string> names;
    for (const auto& f : fields) names.push_back(f.name);
    fail({name.offset, name.length}, unknown_message("field", path, root.text, name.text, names));
  }

  static std::string unknown_message(std::string_view what, std::string_view path, std::string_view root,
                                     std::string_view name, const std::vector<std::string>& names) {
    std::string message = fmt::format("unknown {} '{}'", what, path);
    std::string hint = util::nearest(name, names);
    if (!hint.empty()) message += fmt::format("; did you mean '{}.{}'?", root, hint);
    return message;
  }

  int read_index(const std::string& path) {
    auto& reads = m_rule.m_reads;
    auto it = std::find(reads.begin(), reads.end(), path);
    if (it != reads.end()) return static_cast<int>(it - reads.begin());
    reads.push_back(path);
    return static_cast<int>(reads.size() - 1);
  }

  int call_constant(const Token& name, Span where) {
    std::vector<std::string> names;
    for (const NamedValue& v : m_scope.call) {
      if (v.name == name.text) {
        RuleNode c = RuleNode::constant(constant_type(v.value), v.value);
        if (auto d = std::get_if<double>(&v.value)) {
          auto q = fraction_of(*d);
          if (!q) fail(where, fmt::format("call.{} is too large to compute with exactly: '{}'", name.text, *d));
          c.exact = *q;
        }
        return add(std::move(c), where);
      }
      names.push_back(v.name);
    }
    fail({name.offset, name.length},
         unknown_message("call parameter", fmt::format("call.{}", name.text), "call", name.text, names));
  }

  static Type constant_type(const Value& v) {
    static constexpr std::array<Type, 9> by_index = {Type::string, Type::boolean,  Type::integer,
                                                     Type::number, Type::money,    Type::string,
                                                     Type::date,   Type::duration, Type::list};
    return by_index[v.index()];
  }

  std::vector<int> parse_arguments(int receiver, const Token& name, size_t bind_at) {
    expect("(", "'('");
    std::vector<int> args;
    if (receiver >= 0) args.push_back(receiver);
    while (!at_symbol(")")) {
      if (args.size() == bind_at) {
        args.push_back(bind_variable(name));
      } else {
        args.push_back(parse_or());
      }
      if (!at_symbol(",")) break;
      advance();
    }
    expect(")", "',' or ')'");
    return args;
  }

  // The variable of any()/all(): a bare name, in scope until the call's ')'.
  int bind_variable(const Token& function) {
    Token v = m_token;
    if (v.kind != TokenKind::identifier)
      fail(v, fmt::format("{}() needs a variable name here, as in {}(app.actors, a, size(a) > 0)", function.text,
                          function.text));
    advance();
    if (m_rule.m_variables == k_max_variables)
      fail(v, fmt::format("a rule may use at most {} any() and all()", k_max_variables));
    int slot = m_rule.m_variables++;
    m_variables.emplace_back(std::string(v.text), slot);
    return add(RuleNode(RuleOp::variable, Type::string, -1, -1, slot), {v.offset, v.length});
  }

  int parse_call(const Token& name, int receiver) {
    if (std::find(k_functions.begin(), k_functions.end(), name.text) == k_functions.end()) {
      std::string message = fmt::format("unknown function '{}'", name.text);
      std::string hint = util::nearest(name.text, k_functions);
      if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
      fail(name, message + fmt::format(" (functions: {})", util::join(k_functions, ", ")));
    }
    bool binds = name.text == "any" || name.text == "all";
    size_t scope_depth = m_variables.size();
    std::vector<int> args = parse_arguments(receiver, name, binds ? 1 : size_t(-1));
    m_variables.resize(scope_depth);
    Span where{name.offset, name.length};
    if (!args.empty()) where = cover(where, span(args.back()));
    if (receiver >= 0) where = cover(span(receiver), where);
    return check_call(name, args, where);
  }

  void arity(const Token& name, const std::vector<int>& args, size_t n) {
    if (args.size() != n)
      fail(name, fmt::format("{}() takes {} argument{}, not {}", name.text, n, n == 1 ? "" : "s", args.size()));
  }

  int check_call(const Token& name, const std::vector<int>& args, Span where) {
    std::string_view f = name.text;
    std::string context = fmt::format("{}()", f);
    if (f == "has") {
      arity(name, args, 1);
      RuleOp op = node(args[0]).op;
      if (op != RuleOp::app_field && op != RuleOp::outcome_field)
        fail(span(args[0]), "has() takes a field, as in has(app.thesis)");
      return add(RuleNode(RuleOp::has, Type::boolean, args[0]), where);
    }
    if (f == "size") {
      arity(name, args, 1);
      if (type(args[0]) != Type::string && type(args[0]) != Type::list)
        fail(span(args[0]),
             fmt::format("size() needs a string or a list, but this is {}", with_article(type(args[0]))));
      return add(RuleNode(RuleOp::size, Type::integer, args[0]), where);
    }
    if (f == "starts_with" || f == "ends_with") {
      arity(name, args, 2);
      require(args[0], Type::string, context);
      require(args[1], Type::string, context);
      return add(
          RuleNode{f == "starts_with" ? RuleOp::starts_with : RuleOp::ends_with, Type::boolean, args[0], args[1]},
          where);
    }
    if (f == "contains") {
      arity(name, args, 2);
      if (type(args[0]) != Type::list) require(args[0], Type::string, context);
      require(args[1], Type::string, context);
      return add(RuleNode(RuleOp::contains, Type::boolean, args[0], args[1]), where);
    }
    if (f == "any" || f == "all") {
      arity(name, args, 3);
      require(args[0], Type::list, context);
      require(args[2], Type::boolean, context);
      return add(RuleNode{f == "any" ? RuleOp::any : RuleOp::all, Type::boolean, args[0], args[2], node(args[1]).slot},
                 where);
    }
    if (f == "matches") return check_matches(name, args, where);
    if (f == "months_between") {
      arity(name, args, 2);
      require(args[0], Type::date, context);
      require(args[1], Type::date, context);
      return add(RuleNode(RuleOp::months_between, Type::integer, args[0], args[1]), where);
    }
    arity(name, args, 2); // default()
    if (!comparable(args[0], args[1]) || (type(args[0]) == Type::money) != (type(args[1]) == Type::money))
      fail(span(args[1]), fmt::format("default() needs {} here, but this is {}", with_article(type(args[0])),
                                      with_article(type(args[1]))));
    bool widened = type(args[0]) == Type::number || type(args[1]) == Type::number;
    return add(RuleNode(RuleOp::fallback, widened ? Type::number : type(args[0]), args[0], args[1]), where);
  }

  // matches(text, "pattern"): the pattern a string literal, compiled here once.
  int check_matches(const Token& name, const std::vector<int>& args, Span where) {
    arity(name, args, 2);
    require(args[0], Type::string, "matches()");
    const RuleNode& p = node(args[1]);
    char first = m_rule.m_text[span(args[1]).offset];
    if (p.op != RuleOp::constant || p.type != Type::string || (first != '"' && first != '\''))
      fail(span(args[1]), "matches() takes its pattern as a string literal, as in matches(app.business_id, "
                          "'[0-9]{7}-[0-9]')");
    const std::string& source = std::get<std::string>(p.value);
    std::string why;
    auto pattern = Pattern::compile(source, why);
    if (!pattern) fail(span(args[1]), fmt::format("invalid pattern '{}': {}", source, why));
    RuleNode n(RuleOp::matches, Type::boolean, args[0]);
    n.pattern = std::move(pattern);
    return add(std::move(n), where);
  }

  RuleLexer m_lexer;
  const RuleScope& m_scope;
  Token m_token;
  Rule m_rule;
  std::vector<Span> m_spans;
  std::vector<std::pair<std::string, int>> m_variables;
  int m_depth = 0;
};

Rule compile_rule(std::string_view text, const RuleScope& scope) { return RuleCompiler(text, scope).compile(); }

} // namespace fundscreen::core
