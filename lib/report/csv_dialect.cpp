// SPDX-License-Identifier: Apache-2.0
// The spreadsheet dialects of csv output: the standard csv every writer makes, rewritten cell
// by cell on its way out (a stream buffer), so that each writer has one csv of its own.
#include "report/csv_dialect.hpp"

#include <algorithm>
#include <streambuf>
#include <string>

namespace fundscreen::report {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

// True if `cell` is a decimal number with a fraction (`-3.05`): Excel with a Finnish or
// Swedish locale reads it as a number only with a decimal comma (and `3.05` as a date).
bool is_decimal(std::string_view cell) {
  if (cell.starts_with('-')) cell.remove_prefix(1);
  size_t dot = cell.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == cell.size()) return false;
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return digits(cell.substr(0, dot)) && digits(cell.substr(dot + 1));
}

// Takes standard csv and writes the Excel dialect to `out`, a record at a time.
class DialectBuffer : public std::streambuf {
public:
  explicit DialectBuffer(std::ostream& out) : m_out(out) { m_out.write(k_bom.data(), k_bom.size()); }

  void finish() {
    if (!m_cell.empty() || m_cells > 0) end_row(); // a last row without its line break
    flush_out();
  }

protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) take(static_cast<char>(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) take(s[i]);
    return n;
  }
  int sync() override {
    flush_out();
    return 0;
  }

private:
  void take(char c) {
    if (m_quoted) {
      if (m_quote_pending) {
        m_quote_pending = false;
        if (c == '"') { // "" inside quotes
          m_cell += '"';
          return;
        }
        m_quoted = false; // the closing quote; `c` follows it
      } else if (c == '"') {
        m_quote_pending = true;
        return;
      } else {
        m_cell += c;
        return;
      }
    }
    if (c == '"' && m_cell.empty()) {
      m_quoted = true;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n') {
      end_row();
    } else if (c != '\r') {
      m_cell += c;
    }
  }

  void end_cell() {
    if (m_cells++ > 0) m_pending += ';';
    if (is_decimal(m_cell)) std::replace(m_cell.begin(), m_cell.end(), '.', ',');
    if (m_cell.find_first_of(";\"\r\n") != std::string::npos) {
      m_pending += '"';
      for (char c : m_cell) {
        if (c == '"') m_pending += '"';
        m_pending += c;
      }
      m_pending += '"';
    } else {
      m_pending += m_cell;
    }
    m_cell.clear();
  }

  void end_row() {
    if (m_quote_pending) { // the closing quote ended the row's last cell
      m_quote_pending = false;
      m_quoted = false;
    }
    end_cell();
    m_pending += "\r\n";
    m_cells = 0;
    if (m_pending.size() >= (size_t{1} << 16)) flush_out();
  }

  void flush_out() {
    m_out.write(m_pending.data(), static_cast<std::streamsize>(m_pending.size()));
    m_pending.clear();
  }

  std::ostream& m_out;
  std::string m_cell, m_pending;
  size_t m_cells = 0;
  bool m_quoted = false, m_quote_pending = false;
};

} // namespace

std::optional<CsvDialect> parse_csv_dialect(std::string_view name) {
  if (name == "standard") return CsvDialect::standard;
  if (name == "excel-fi") return CsvDialect::excel_fi;
  if (name == "excel-sv") return CsvDialect::excel_sv;
  return std::nullopt;
}

void write_csv_dialect(std::ostream& out, CsvDialect dialect, const std::function<void(std::ostream&)>& write) {
  if (dialect == CsvDialect::standard) {
    write(out);
    return;
  }
  DialectBuffer buffer(out);
  std::ostream stream(&buffer);
  write(stream);
  buffer.finish();
}

} // namespace fundscreen::report
