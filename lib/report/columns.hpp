// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fundscreen::report {

// `text` at most `width` characters long: a longer text is cut and ends with `…`.
std::string cut(std::string_view text, size_t width);

enum class Align { left, right };

// A text table for a terminal: columns are measured in characters, not bytes, so names
// with ä, ö and å line up. Cells are printable() and cut to their column's limit.
class Columns {
public:
  struct Column {
    std::string header;
    Align align = Align::left;
    size_t limit = 0; // the widest a cell may be; 0: no limit
  };
  explicit Columns(std::vector<Column> columns);

  // Adds a row with one cell per column; returns its index.
  size_t add(std::vector<std::string> cells);
  // The header line, without a trailing space.
  std::string header() const;
  // Row `row`; the last cell is wrapped in `before` and `after` (a colour), which take no width.
  std::string row(size_t row, std::string_view before = {}, std::string_view after = {}) const;
  // The number of rows.
  size_t size() const { return m_rows.size(); }
  // The character position at which column `column` starts.
  size_t offset(size_t column) const;

private:
  std::string line(const std::vector<std::string>& cells, std::string_view before, std::string_view after) const;

  std::vector<Column> m_columns;
  std::vector<size_t> m_widths;
  std::vector<std::vector<std::string>> m_rows;
};

} // namespace fundscreen::report
