// SPDX-License-Identifier: Apache-2.0
#include "report/json_out.hpp"

#include <string>

#include "report/escape.hpp"

namespace fundscreen::report {

void JsonOut::new_line() {
  if (m_style == JsonStyle::compact) return;
  m_out << '\n';
  for (size_t i = 0; i < m_filled.size(); ++i) m_out << "  ";
}

void JsonOut::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_filled.empty()) return;
  if (m_filled.back()) m_out << ',';
  m_filled.back() = true;
  new_line();
}

void JsonOut::key(std::string_view name) {
  before_value();
  m_out << '"' << json_escape(name) << (m_style == JsonStyle::pretty ? "\": " : "\":");
  m_after_key = true;
}

void JsonOut::open(char bracket) {
  before_value();
  m_out << bracket;
  m_filled.push_back(false);
}

void JsonOut::close(char bracket) {
  bool filled = m_filled.back();
  m_filled.pop_back();
  if (filled) new_line();
  m_out << bracket;
}

void JsonOut::string(std::string_view text) {
  before_value();
  m_out << '"' << json_escape(text) << '"';
}

void JsonOut::integer(int64_t value) {
  before_value();
  m_out << std::to_string(value);
}

void JsonOut::number(std::string_view literal) {
  before_value();
  m_out << literal;
}

void JsonOut::boolean(bool value) {
  before_value();
  m_out << (value ? "true" : "false");
}

void JsonOut::null() {
  before_value();
  m_out << "null";
}

} // namespace fundscreen::report
