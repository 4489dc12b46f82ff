// SPDX-License-Identifier: Apache-2.0
#include "report/columns.hpp"

#include <algorithm>

#include "report/escape.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

std::string cut(std::string_view text, size_t width) {
  if (util::utf8_length(text) <= width) return std::string(text);
  if (width == 0) return {};
  size_t keep = width - 1, chars = 0, i = 0;
  for (; i < text.size(); ++i) {
    if (util::is_utf8_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (chars == keep) break;
    ++chars;
  }
  return std::string(text.substr(0, i)) + "\xE2\x80\xA6"; // …
}

Columns::Columns(std::vector<Column> columns) : m_columns(std::move(columns)) {
  for (const Column& c : m_columns) m_widths.push_back(util::utf8_length(c.header));
}

size_t Columns::add(std::vector<std::string> cells) {
  cells.resize(m_columns.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string cell = printable(cells[i]);
    cells[i] = m_columns[i].limit ? cut(cell, m_columns[i].limit) : cell;
    m_widths[i] = std::max(m_widths[i], util::utf8_length(cells[i]));
  }
  m_rows.push_back(std::move(cells));
  return m_rows.size() - 1;
}

std::string Columns::line(const std::vector<std::string>& cells, std::string_view before,
                          std::string_view after) const {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    bool last = i + 1 == cells.size();
    std::string pad(m_widths[i] - util::utf8_length(cells[i]), ' ');
    if (i > 0) out += "  ";
    if (m_columns[i].align == Align::right) out += pad;
    if (last) out += before;
    out += cells[i];
    if (last) out += after;
    if (m_columns[i].align == Align::left && !last) out += pad;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

size_t Columns::offset(size_t column) const {
  size_t at = 0;
  for (size_t i = 0; i < column; ++i) at += m_widths[i] + 2;
  return at;
}

std::string Columns::header() const {
  std::vector<std::string> headers;
  for (const Column& c : m_columns) headers.push_back(c.header);
  return line(headers, {}, {});
}

std::string Columns::row(size_t row, std::string_view before, std::string_view after) const {
  return line(m_rows[row], before, after);
}

} // namespace fundscreen::report
