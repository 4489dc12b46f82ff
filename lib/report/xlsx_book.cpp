// SPDX-License-Identifier: Apache-2.0
// The workbook written with libxlsxwriter, in its constant_memory mode (rows streamed to a
// temporary file of its own, text cells as inline strings). libxlsxwriter 1.1 writes only to
// a named file: the workbook goes to a temporary file in $TMPDIR, which is copied to the
// output and removed.
#include "report/xlsx_book.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "util/error.hpp"

namespace fundscreen::report {

namespace {

constexpr size_t k_styles = 5;           // XlsxBook::Style's values
constexpr double k_max_width = 60;       // characters: longer texts wrap in the cell when opened
constexpr int32_t k_1899_12_30 = -25569; // days from 1970-01-01; serials from 61 (1900-03-01) count from it
// The document's creation time in its properties (docProps/core.xml): fixed, so that the
// bytes depend on the cells alone. 1980-01-01, as the zip entries' dates.
constexpr time_t k_created = 315532800;

// The characters of UTF-8 `text` (its width in a column, near enough).
size_t characters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string number_text(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

[[noreturn]] void fail(std::string source, std::string message) {
  throw util::Error(
      util::ErrorKind::input,
      util::Diagnostic{util::Location{std::move(source), 0, 0}, util::Severity::error, std::move(message), {}});
}

// The workbook's temporary file: a unique name in $TMPDIR, removed when this goes, also on
// an exception.
class TemporaryBook {
public:
  TemporaryBook() {
    const char* tmp = std::getenv("TMPDIR");
    m_dir = tmp && *tmp ? tmp : "/tmp";
    m_path = m_dir + "/fundscreen-XXXXXX.xlsx";
    int fd = mkstemps(m_path.data(), 5);
    if (fd < 0)
      fail(m_dir, fmt::format("cannot create a temporary file of the workbook: {} (set TMPDIR to a writable "
                              "directory)",
                              std::strerror(errno)));
    close(fd);
  }
  ~TemporaryBook() { unlink(m_path.c_str()); }
  TemporaryBook(const TemporaryBook&) = delete;
  TemporaryBook& operator=(const TemporaryBook&) = delete;
  const std::string& dir() const { return m_dir; }
  const std::string& path() const { return m_path; }

private:
  std::string m_dir, m_path;
};

// The workbook while it is written: closed (and freed) by close(), or freed unwritten when an
// exception leaves before.
class Workbook {
public:
  explicit Workbook(const TemporaryBook& file) : m_file(file) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    m_tmpdir = file.dir();
    options.tmpdir = m_tmpdir.data();
    m_book = workbook_new_opt(file.path().c_str(), &options);
    if (!m_book)
      fail(file.dir(), "cannot write the workbook: out of memory or no temporary file (set TMPDIR to a "
                       "writable directory)");
    lxw_doc_properties properties{};
    properties.created = k_created;
    check(workbook_set_properties(m_book, &properties));
  }
  ~Workbook() {
    if (m_book) lxw_workbook_free(m_book);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  lxw_workbook* get() const { return m_book; }
  void check(lxw_error error) const {
    if (error != LXW_NO_ERROR) fail("", fmt::format("cannot write the workbook: {}", lxw_strerror(error)));
  }
  // Writes the workbook's file (the parts zipped from libxlsxwriter's own temporary files).
  void close() {
    lxw_error error = workbook_close(m_book); // frees it, also on an error
    m_book = nullptr;
    if (error != LXW_NO_ERROR)
      fail(m_file.dir(), fmt::format("cannot write the workbook: {} (set TMPDIR to a writable directory with room for "
                                     "it)",
                                     lxw_strerror(error)));
  }

private:
  const TemporaryBook& m_file;
  std::string m_tmpdir;
  lxw_workbook* m_book = nullptr;
};

// The cell formats: for each style, without then with a thick line under it; then the header's.
std::vector<lxw_format*> add_formats(lxw_workbook* book, const std::string& currency) {
  std::vector<lxw_format*> formats;
  std::string money = "#,##0.00" + (currency.empty() ? "" : fmt::format(R"(\ "{}")", currency));
  for (int line = 0; line < 2; ++line)
    for (size_t style = 0; style < k_styles; ++style) {
      lxw_format* f = workbook_add_format(book);
      switch (static_cast<XlsxBook::Style>(style)) {
      case XlsxBook::Style::text: break;
      case XlsxBook::Style::integer: format_set_num_format_index(f, 1); break; // 0
      case XlsxBook::Style::number: format_set_num_format_index(f, 2); break;  // 0.00
      case XlsxBook::Style::money: format_set_num_format(f, money.c_str()); break;
      case XlsxBook::Style::date: format_set_num_format(f, "yyyy\\-mm\\-dd"); break;
      }
      if (line) format_set_bottom(f, LXW_BORDER_THICK);
      formats.push_back(f);
    }
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  formats.push_back(header);
  return formats;
}

// Each column as wide as its widest cell (the header's with room for the filter's button).
std::vector<double> column_widths(const XlsxBook::Sheet& sheet) {
  size_t columns = sheet.header.size();
  std::vector<double> widths(columns, 0);
  auto widen = [&](size_t c, double w) { widths[c] = std::max(widths[c], std::min(w, k_max_width)); };
  for (size_t c = 0; c < columns; ++c) widen(c, static_cast<double>(characters(sheet.header[c])) + 4);
  for (const auto& row : sheet.rows)
    for (size_t c = 0; c < row.size() && c < columns; ++c) {
      const XlsxBook::Cell& cell = row[c];
      if (cell.empty) continue;
      switch (cell.style) {
      case XlsxBook::Style::text: widen(c, static_cast<double>(characters(cell.text))); break;
      case XlsxBook::Style::date: widen(c, 10); break;
      case XlsxBook::Style::money:
        widen(c, static_cast<double>(number_text(std::round(cell.number)).size()) * 1.4 + 6);
        break;
      default: widen(c, static_cast<double>(number_text(cell.number).size())); break;
      }
    }
  return widths;
}

} // namespace

XlsxBook::Sheet& XlsxBook::add_sheet(std::string name, std::vector<std::string> header) {
  m_sheets.push_back(Sheet{std::move(name), std::move(header), {}, {}});
  return m_sheets.back();
}

XlsxBook::Cell XlsxBook::text(std::string_view value) {
  return Cell{Style::text, std::string(value), 0, value.empty()};
}

XlsxBook::Cell XlsxBook::number(double value, Style style) { return Cell{style, {}, value, false}; }

XlsxBook::Cell XlsxBook::date(int32_t days_since_1970) {
  return Cell{Style::date, {}, static_cast<double>(days_since_1970 - k_1899_12_30), false};
}

void XlsxBook::write(std::ostream& out) const {
  for (const Sheet& sheet : m_sheets)
    if (sheet.rows.size() + 1 > LXW_ROW_MAX)
      fail("", fmt::format("the workbook's sheet '{}' would have {} rows, more than the {} a sheet holds; write "
                           "--format csv instead",
                           sheet.name, sheet.rows.size() + 1, LXW_ROW_MAX));
  TemporaryBook file;
  Workbook book(file);
  std::vector<lxw_format*> formats = add_formats(book.get(), m_currency);
  lxw_format* header_format = formats.back();
  for (const Sheet& sheet : m_sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(book.get(), sheet.name.c_str());
    if (!ws) fail("", fmt::format("cannot write the workbook: its sheet '{}' cannot be added", sheet.name));
    auto columns = static_cast<lxw_col_t>(sheet.header.size());
    std::vector<double> widths = column_widths(sheet);
    for (lxw_col_t c = 0; c < columns; ++c)
      book.check(worksheet_set_column(ws, c, c, std::ceil(widths[c] + 1), nullptr));
    worksheet_freeze_panes(ws, 1, 0);
    // Text is written as a string, never a formula, whatever it holds (`=1+1` stays text).
    auto write_text = [&](lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* format) {
      lxw_error error = worksheet_write_string(ws, r, c, text.c_str(), format);
      if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        fail("", fmt::format("the workbook's cell '{}'!{}{} would hold {} characters, more than the 32767 a cell "
                             "holds; write --format csv instead",
                             sheet.name, util::column_letters(static_cast<int>(c) + 1), r + 1, characters(text)));
      book.check(error);
    };
    for (lxw_col_t c = 0; c < columns; ++c) write_text(0, c, sheet.header[c], header_format);
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      bool line = std::find(sheet.lines.begin(), sheet.lines.end(), r) != sheet.lines.end();
      auto row = static_cast<lxw_row_t>(r + 1);
      const auto& cells = sheet.rows[r];
      for (size_t c = 0; c < cells.size() && c < columns; ++c) {
        const Cell& cell = cells[c];
        lxw_format* format = formats[static_cast<size_t>(cell.style) + (line ? k_styles : 0)];
        auto column = static_cast<lxw_col_t>(c);
        if (cell.empty) {
          if (line) book.check(worksheet_write_blank(ws, row, column, format));
        } else if (cell.style == Style::text) {
          write_text(row, column, cell.text, line ? format : nullptr);
        } else {
          book.check(worksheet_write_number(ws, row, column, cell.number, format));
        }
      }
    }
    if (columns > 0) book.check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), columns - 1));
  }
  book.close();
  std::ifstream written(file.path(), std::ios::binary);
  if (!written || !(out << written.rdbuf()))
    fail(file.dir(), fmt::format("cannot read back the workbook written to '{}'", file.path()));
}

namespace {

// The rows of standard csv `text`, unquoted.
std::vector<std::vector<std::string>> csv_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(cell));
      cell.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(std::move(cell));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

XlsxBook::Cell typed_cell(std::string text) {
  if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos)
    text.erase(0, 1);
  std::string_view t = text;
  if (t.starts_with('-')) t.remove_prefix(1);
  size_t dot = t.find('.');
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  bool number = digits(t.substr(0, dot)) && (dot == std::string_view::npos || digits(t.substr(dot + 1)));
  number = number && !(t.size() > 1 && t[0] == '0' && t[1] != '.'); // an id such as 0012 stays text
  if (number && text.size() < 16) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return XlsxBook::number(value, dot == std::string_view::npos ? XlsxBook::Style::integer : XlsxBook::Style::number);
  }
  return XlsxBook::text(text);
}

} // namespace

void write_csv_as_xlsx(std::string_view sheet_name, const std::function<void(std::ostream&)>& write_csv,
                       std::ostream& out) {
  std::ostringstream csv;
  write_csv(csv);
  write_csv_as_xlsx(sheet_name, csv.str(), out);
}

void write_csv_as_xlsx(std::string_view sheet_name, std::string_view csv, std::ostream& out) {
  auto rows = csv_rows(csv);
  XlsxBook book("");
  XlsxBook::Sheet& sheet = book.add_sheet(std::string(sheet_name), rows.empty() ? std::vector<std::string>{} : rows[0]);
  for (size_t r = 1; r < rows.size(); ++r) {
    std::vector<XlsxBook::Cell> cells;
    for (std::string& text : rows[r]) cells.push_back(typed_cell(std::move(text)));
    sheet.rows.push_back(std::move(cells));
  }
  book.write(out);
}

} // namespace fundscreen::report
