// SPDX-License-Identifier: Apache-2.0
#include "report/json_out.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/date.hpp"
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

namespace {

// A value a rule read, typed: money, dates and durations as strings, lists as arrays.
struct ValueJson {
  JsonOut& json;
  void operator()(std::monostate) const { json.null(); }
  void operator()(bool b) const { json.boolean(b); }
  void operator()(int64_t i) const { json.integer(i); }
  void operator()(double d) const {
    if (std::isfinite(d))
      json.number(fmt::format("{}", d));
    else
      json.null();
  }
  void operator()(core::Money m) const { json.string(core::to_string(m)); }
  void operator()(const std::string& s) const { json.string(s); }
  void operator()(core::Date d) const { json.string(core::to_string(d)); }
  void operator()(core::Duration d) const { json.string(core::to_string(d)); }
  void operator()(const core::StringList& list) const {
    json.begin_array();
    for (const std::string& s : list) json.string(s);
    json.end_array();
  }
};

} // namespace

void write_value(JsonOut& json, const core::Value& value) { std::visit(ValueJson{json}, value); }

} // namespace fundscreen::report
