// SPDX-License-Identifier: Apache-2.0
// The inside of the block reader (block_csv.hpp): finding where records end in a chunk of a
// CSV file, and typing a chunk's records into applications.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/records.hpp"

namespace fundscreen::io {

// Where a chunk that starts at a record start (outside quotes) can end: the offset after the
// last line feed of `data[0, size)` with an even number of quotes before it (RFC 4180: a
// record end), or 0 if there is none. A quote inside an unquoted field makes it wrong, which
// the parser of the chunk then notices (see RecordParser::next).
size_t last_record_end(const char* data, size_t size);

// How a parser treats the cells a screening does not keep.
enum class CellChecks { all, kept_only };

// Finds and types the records of one chunk of whole records, as the block reader handles
// them (see BlockCsvApplications). Each thread has its own: it keeps scratch between rows.
class RecordParser {
public:
  // `columns`: the set's field index of each column; `keep`: by field, whether it is typed.
  RecordParser(const core::CriteriaSet& set, const std::vector<int>& columns, const std::vector<char>& keep,
               char delimiter, CellChecks checks);

  // Starts on the chunk `data[0, size)` (edited in place: "" unescaped), whose first byte is
  // on line `line`; the chunk ends at a record end or at the end of the file.
  void start(char* data, size_t size, int line);
  // The line after the last record read (that of the chunk's end once next() gave `end`).
  int line() const { return m_line; }
  enum class Next { row, end, unhandled };
  // The next application into `app`; `end` after the last, `unhandled` at anything the block
  // reader leaves to the streaming reader.
  Next next(core::Application& app);

private:
  enum class Scan { record, end, unhandled };
  Scan scan_record();
  bool type_row(core::Application& app);

  const core::CriteriaSet& m_set;
  const std::vector<int>& m_columns;
  const std::vector<char>& m_keep;
  char m_delimiter;
  CellChecks m_checks;
  char* m_data = nullptr;
  size_t m_size = 0;
  size_t m_pos = 0;      // start of the next record
  int m_line = 1;        // line where the next record starts
  int m_record_line = 0; // line where the current record starts
  std::vector<std::string_view> m_fields;
  std::vector<char> m_escaped; // the field has "" to unescape
  core::Value m_scratch;       // a checked value that is not kept
};

} // namespace fundscreen::io
