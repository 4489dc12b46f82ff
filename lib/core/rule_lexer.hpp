// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace fundscreen::core {

enum class TokenKind { end, number, string, date, identifier, symbol };

// One token of a rule; `text` views the rule, except for strings where it is the unescaped value.
struct Token {
  TokenKind kind = TokenKind::end;
  std::string_view text;
  std::string value;
  size_t offset = 0;
  size_t length = 0;
};

// Splits a rule into tokens; throws RuleError on a character that starts no token.
class RuleLexer {
public:
  explicit RuleLexer(std::string_view text) : m_text(text) {}
  // The next token; TokenKind::end at the end of the text.
  Token next();

private:
  void skip_space();
  Token lex_number(size_t start);
  [[noreturn]] void lex_dotted_date(size_t start);
  Token lex_string(size_t start);
  Token lex_symbol(size_t start);

  std::string_view m_text;
  size_t m_pos = 0;
};

} // namespace fundscreen::core
