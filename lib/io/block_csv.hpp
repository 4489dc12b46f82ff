// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "io/record_loaders.hpp"

namespace fundscreen::io {

// Which of a set's fields a screening reads: the id, the funding amount, the applicant (for
// conflicts of interest), the tie-break fields and every field a rule or the ranking
// expression reads. The others are checked but not kept.
std::vector<bool> fields_screening_reads(const core::CriteriaSet& set);

// A fast reader of well-formed application CSV files, for screening large calls: the file is
// read in large blocks, fields are views into the block (a quoted field with "" is unescaped
// in place), and only the fields in `keep` are typed and kept; the others are checked and
// left missing. It handles only the common case: UTF-8, a plain header naming each field of
// the set once, rows that all parse. At anything else (a bad cell, a row of the wrong width,
// an unknown column, bad UTF-8, windows-1252, no rows) it stops and returns false, and the
// caller reads the file again with read_applications(), which reports every problem
// exactly. It never prints or throws for bad data. On a machine with more than one core, the
// reading and typing run on a thread of their own, a batch of rows ahead of the sink, which
// is called on the caller's thread in input order as before.
class BlockCsvApplications {
public:
  BlockCsvApplications(const core::CriteriaSet& set, const InputOptions& options, std::vector<bool> keep);

  // Reads `path`, calling `sink` for each application in input order; false when it stopped
  // at something it does not handle (after calling `sink` for the rows before it).
  bool read(const std::string& path, const std::function<void(core::Application&&)>& sink);

private:
  enum class Scan { record, more, end, unhandled };
  enum class Next { row, stop };
  struct Batch;

  bool open(const std::string& path);
  // The next application into `app`; stop at the end (m_end) or at something unhandled.
  Next next_row(core::Application& app, const std::string& path);
  // read() with the reading, checking and typing on a thread of its own, a batch ahead of
  // the caller's sink.
  bool read_in_parallel(const std::string& path, const std::function<void(core::Application&&)>& sink);
  bool refill();
  Scan scan_record();
  bool read_header();
  bool type_row(core::Application& app);
  void unescape(std::string_view& field);

  const core::CriteriaSet& m_set;
  InputOptions m_options;
  std::vector<char> m_keep; // bytes, not bits: read for every cell
  int m_fd = -1;
  bool m_eof = false;
  bool m_end = false;    // every record was read
  std::string m_buf;     // the block: [m_pos, m_size) not yet consumed
  size_t m_pos = 0;      // start of the next record
  size_t m_size = 0;     // bytes in the block
  size_t m_valid = 0;    // bytes of the block checked to be UTF-8
  char m_delimiter = 0;  // the field separator, from the options or the header
  int m_line = 1;        // line where the next record starts
  int m_record_line = 0; // line where the current record starts
  std::vector<std::string_view> m_fields;
  std::vector<char> m_escaped; // the field has "" to unescape
  std::vector<int> m_columns;  // field index in the set, by column
  core::Value m_scratch;       // a checked value that is not kept
};

} // namespace fundscreen::io
