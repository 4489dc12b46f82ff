// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <deque>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace fundscreen::report {

// A workbook written as Office Open XML (.xlsx), with libxlsxwriter, that Excel and LibreOffice
// open typed: text cells are always strings (never a formula, whatever they hold: `=1+1`
// stays text), numbers are numbers in a format (whole, decimal, money in the call's currency,
// date), the header row is bold and frozen, an autofilter covers the table and columns are as
// wide as their widest cell. The bytes depend on the cells alone (the document's creation time
// is fixed at 1980-01-01, as the zip's entries are dated), so the same screening writes the
// same file.
class XlsxBook {
public:
  enum class Style { text, integer, number, money, date };
  struct Cell {
    Style style = Style::text;
    std::string text; // text cells; empty for an empty cell
    double number = 0;
    bool empty = true;
  };
  struct Sheet {
    std::string name;
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
    // Rows (from 0, below the header) drawn with a thick line under them: a funding line.
    std::vector<size_t> lines;
  };

  // `currency` is shown after money amounts: `1 200,50 €`.
  explicit XlsxBook(std::string currency) : m_currency(std::move(currency)) {}

  Sheet& add_sheet(std::string name, std::vector<std::string> header);

  static Cell text(std::string_view value);
  static Cell number(double value, Style style = Style::number);
  // A date as days since 1970-01-01 (core::Date), written as the 1900 date system's serial.
  static Cell date(int32_t days_since_1970);
  static Cell empty() { return Cell{}; }

  // Writes the workbook to `out` (through a temporary file in $TMPDIR, removed after). A sheet
  // of more rows or a cell of more characters than Excel holds, or no room for the temporary
  // file, throws util::Error.
  void write(std::ostream& out) const;

private:
  std::string m_currency;
  std::deque<Sheet> m_sheets; // a deque: add_sheet()'s references stay valid
};

// Writes to `out` a workbook of one sheet `sheet_name` holding the table `csv` (standard csv
// as the csv writers make it, a header first): cells that are a decimal number become numbers
// (not one with a leading zero, such as the id 0012), the others text (without the `'` the csv puts before a leading =
// + - @, which a workbook's text cell does not need).
void write_csv_as_xlsx(std::string_view sheet_name, std::string_view csv, std::ostream& out);
// The same for the table that `write_csv` writes: how diff, impact and reviews write a workbook.
void write_csv_as_xlsx(std::string_view sheet_name, const std::function<void(std::ostream&)>& write_csv,
                       std::ostream& out);

} // namespace fundscreen::report
