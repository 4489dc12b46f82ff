// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/encoding.hpp"

namespace fundscreen::io {

class Sha256;

// How to read a CSV file.
struct CsvOptions {
  // The field separator; 0 detects it from the header line: ',', ';' or a tab, whichever
  // occurs most often outside quotes (',' then ';' on a tie).
  char delimiter = 0;
  // The encoding of the bytes; a UTF-8 byte order mark at the start overrides it.
  Encoding encoding = Encoding::utf8;
  // How many bytes to read from the stream at a time; tests make it tiny.
  size_t chunk_size = 65536;
};

// One field of the current record; `text` is valid until the next call of next().
struct CsvField {
  std::string_view text; // unquoted: surrounding quotes removed, "" inside quotes becomes "
  int line = 0;          // 1-based line where the field starts
  int column = 0;        // 1-based column in characters (code points) where the field starts
  bool quoted = false;
  bool reported = false; // a spreadsheet cell whose problem its reader has reported: not parsed
};

// Reads RFC 4180 records from a stream a chunk at a time, so only the current record is held
// in memory. Bad input throws a util::Error of kind input located at the offending
// character; the reader never prints.
class CsvReader {
public:
  // A reader of `in`, whose errors name `source` (usually the file name); `digest`, if given,
  // is fed every byte read from `in`, in order, as it is read.
  CsvReader(std::istream& in, std::string source, CsvOptions options = {}, Sha256* digest = nullptr);

  // Reads the next record into `fields` (cleared first); false at the end of the input.
  // Empty lines are skipped.
  bool next(std::vector<CsvField>& fields);

  // The delimiter in use; when detecting, 0 until the first call of next().
  char delimiter() const { return m_delimiter; }

  // The line where the last record read started; 0 before the first record.
  int record_line() const { return m_record_line; }

  // The source name given to the constructor.
  const std::string& source() const { return m_source; }

private:
  // Where a field lies in m_record; turned into a CsvField once m_record stops growing.
  struct FieldSpan {
    size_t begin = 0;
    size_t end = 0;
    int line = 0;
    int column = 0;
    bool quoted = false;
  };
  using ByteSet = std::array<bool, 256>;
  // The bytes that end a run of plain text: a table for any byte and the three bytes for a
  // vector compare.
  struct Stops {
    ByteSet table{};
    std::array<char, 3> bytes{};
  };

  void start();
  void skip_bom();
  void detect_delimiter();
  void read_raw();
  void decode_raw();
  bool fill();
  bool more();
  bool skip_empty_lines();
  bool read_field();
  void read_unquoted();
  void read_quoted(const FieldSpan& span);
  bool end_field();
  void take_plain(const Stops& stops);
  std::string_view take_line_end();
  void skip_character();
  [[noreturn]] void throw_invalid_utf8() const;
  [[noreturn]] void throw_unexpected_character() const;

  std::istream& m_in;
  Sha256* m_digest;
  std::string m_source;
  Encoding m_encoding;
  size_t m_chunk_size;
  char m_delimiter;
  bool m_started = false;
  bool m_eof = false;
  std::optional<unsigned char> m_bad_byte; // the first invalid UTF-8 byte, once read
  std::string m_raw;                       // bytes read but not yet decoded
  std::string m_buf;                       // decoded UTF-8 text; m_pos is the next byte
  size_t m_pos = 0;
  int m_line = 1;   // line of the byte at m_pos
  int m_column = 1; // column of the character at m_pos
  int m_record_line = 0;
  std::string m_record; // the texts of the current record's fields, one after another
  std::vector<FieldSpan> m_spans;
  Stops m_unquoted_stops;
  Stops m_quoted_stops;
};

} // namespace fundscreen::io
