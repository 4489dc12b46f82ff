// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_reader.hpp"
#include "io/zip_archive.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::io {

// True if `bytes` (a whole file) is an Excel workbook: a zip archive with the part
// `xl/workbook.xml`. A damaged zip that starts as a workbook (an `xl/` part among its first
// entries) throws util::Error saying so.
bool is_workbook(const std::string& bytes, const std::string& source);

// The name a sheet's cells are located by: `apps.xlsx:Sheet1!`, the sheet name quoted as
// Excel quotes it when it holds other than letters, digits and '_' (`apps.xlsx:'Vuosi 2021'!`).
// util::format_diagnostic prints a location in such a source as `apps.xlsx:Sheet1!C12`.
std::string sheet_source(const std::string& path, std::string_view sheet);

// Reads one sheet of a workbook row by row, as CsvReader reads a CSV file: the fields of a
// row are its cells from column A on (a field's `line` is the row, its `column` the column
// number), so that the table reader checks a sheet as it checks a CSV file. The sheet's XML is
// streamed from the zip part (expat; no DTD, no entities), so memory holds one chunk and the
// rows in it; rows without a value are skipped without being held. Problems of single cells
// (an error value, a formula never calculated, a value beyond the header) go to `diagnostics`
// and mark the field `reported`; a workbook that cannot be read throws util::Error.
class XlsxSheetReader {
public:
  // The sheet called `sheet` of the workbook `bytes` read from `path`, or its first sheet
  // when `sheet` is empty.
  XlsxSheetReader(std::string bytes, const std::string& path, const std::string& sheet, util::Diagnostics& diagnostics);
  ~XlsxSheetReader();
  XlsxSheetReader(const XlsxSheetReader&) = delete;
  XlsxSheetReader& operator=(const XlsxSheetReader&) = delete;

  // The next row with a value into `fields`; false at the end of the sheet. The first (the
  // header) has a field for every column up to its last with a value; each later row a field
  // for each cell with a value under the header (by its `column`), and none for empty cells.
  bool next(std::vector<CsvField>& fields);
  // The row of the last row read.
  int record_line() const;
  // For the table reader's message about a CSV row's width, which a sheet never has.
  char delimiter() const { return ','; }
  // Which columns (by index from 0, as the header's fields) hold dates: a number there is a
  // date serial (the workbook's 1900 or 1904 date system), read as the date it stands for.
  void set_date_columns(std::vector<bool> date_columns);
  // Reports what only the end of the sheet tells (merged cells among the rows read).
  void finish();
  // The source that locations in the sheet name.
  const std::string& source() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace fundscreen::io
