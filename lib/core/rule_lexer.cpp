// SPDX-License-Identifier: Apache-2.0
#include "core/rule_lexer.hpp"

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/rule.hpp"

namespace fundscreen::core {

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_identifier_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

static bool is_identifier_char(char c) { return is_identifier_start(c) || is_digit(c); }

void RuleLexer::skip_space() {
  while (m_pos < m_text.size()) {
    char c = m_text[m_pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++m_pos;
    } else if (c == '#') { // a comment runs to the end of the line
      while (m_pos < m_text.size() && m_text[m_pos] != '\n') ++m_pos;
    } else {
      break;
    }
  }
}

Token RuleLexer::next() {
  skip_space();
  size_t start = m_pos;
  if (m_pos >= m_text.size()) return Token{TokenKind::end, {}, {}, start, 0};
  char c = m_text[m_pos];
  if (is_digit(c) || (c == '.' && m_pos + 1 < m_text.size() && is_digit(m_text[m_pos + 1]))) return lex_number(start);
  if (c == '"' || c == '\'') return lex_string(start);
  if (is_identifier_start(c)) {
    while (m_pos < m_text.size() && is_identifier_char(m_text[m_pos])) ++m_pos;
    return Token{TokenKind::identifier, m_text.substr(start, m_pos - start), {}, start, m_pos - start};
  }
  return lex_symbol(start);
}

// A number (`150000`, `2.5`, `.8`, `1.5e3`, `2E-1`) or a date (`2021-03-01`).
Token RuleLexer::lex_number(size_t start) {
  auto digits = [&] {
    size_t from = m_pos;
    while (m_pos < m_text.size() && is_digit(m_text[m_pos])) ++m_pos;
    return m_pos - from;
  };
  auto at = [&](size_t i) { return m_pos + i < m_text.size() ? m_text[m_pos + i] : '\0'; };
  size_t n = digits();
  bool is_date = n == 4 && m_text.substr(m_pos).size() >= 6 && m_text[m_pos] == '-' && is_digit(m_text[m_pos + 1]);
  if (is_date) {
    ++m_pos;
    bool ok = digits() == 2 && m_pos < m_text.size() && m_text[m_pos] == '-';
    if (ok) ++m_pos;
    if (!ok || digits() != 2) throw RuleError(start, m_pos - start, "a date is written YYYY-MM-DD, e.g. 2021-03-01");
    return Token{TokenKind::date, m_text.substr(start, m_pos - start), {}, start, m_pos - start};
  }
  if (at(0) == '.' && is_digit(at(1))) {
    ++m_pos;
    digits();
    if (at(0) == '.' && is_digit(at(1))) lex_dotted_date(start);
  }
  bool exponent =
      (at(0) == 'e' || at(0) == 'E') && (is_digit(at(1)) || ((at(1) == '+' || at(1) == '-') && is_digit(at(2))));
  if (exponent) {
    m_pos += is_digit(at(1)) ? 1 : 2;
    digits();
  }
  return Token{TokenKind::number, m_text.substr(start, m_pos - start), {}, start, m_pos - start};
}

// A date written as people write it (`28.2.2025`), which a rule does not read: a fault
// that says how to write it.
void RuleLexer::lex_dotted_date(size_t start) {
  ++m_pos;
  while (m_pos < m_text.size() && (is_digit(m_text[m_pos]) || m_text[m_pos] == '.')) ++m_pos;
  std::string_view text = m_text.substr(start, m_pos - start);
  std::string why;
  auto date = parse_date(text, why);
  std::string fix = date ? fmt::format("write the date as {}", to_string(*date))
                         : std::string("a date is written YYYY-MM-DD, e.g. 2021-03-01");
  throw RuleError(start, text.size(), fmt::format("'{}' is not a date literal; {}", text, fix));
}

Token RuleLexer::lex_string(size_t start) {
  char quote = m_text[m_pos++];
  std::string value;
  while (m_pos < m_text.size() && m_text[m_pos] != quote) {
    // `\"`, `\'` and `\\` are escapes; any other backslash is kept, so that a pattern of
    // matches() can write `\d` or `\.`.
    char next = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
    if (m_text[m_pos] == '\\' && (next == '"' || next == '\'' || next == '\\')) ++m_pos;
    value += m_text[m_pos++];
  }
  if (m_pos >= m_text.size()) throw RuleError(start, 1, fmt::format("unterminated string; add the closing {}", quote));
  ++m_pos;
  return Token{TokenKind::string, m_text.substr(start, m_pos - start), std::move(value), start, m_pos - start};
}

Token RuleLexer::lex_symbol(size_t start) {
  static constexpr std::string_view two[] = {"==", "!=", "<=", ">=", "&&", "||"};
  for (std::string_view s : two) {
    if (m_text.substr(m_pos).starts_with(s)) {
      m_pos += 2;
      return Token{TokenKind::symbol, s, {}, start, 2};
    }
  }
  char c = m_text[m_pos];
  if (c == '=') throw RuleError(start, 1, "unexpected '='; use '==' to compare");
  if (std::string_view("<>+-*/()[],.!%").find(c) == std::string_view::npos) {
    size_t len = 1;
    while (start + len < m_text.size() && (m_text[start + len] & 0xC0) == 0x80) ++len;
    throw RuleError(start, len, fmt::format("unexpected character '{}'", m_text.substr(start, len)));
  }
  ++m_pos;
  return Token{TokenKind::symbol, m_text.substr(start, 1), {}, start, 1};
}

} // namespace fundscreen::core
