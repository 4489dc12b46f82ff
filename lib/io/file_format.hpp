// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fundscreen::io {

// What a file is by its first bytes: text (which the readers go on to read as CSV or YAML) or
// a format fundscreen does not read, which a funder has at hand instead of CSV.
enum class FileFormat {
  text,
  xlsx,          // a zip with an `xl/` entry
  docx,          // a zip with a `word/` entry
  office,        // another Office Open XML zip (a `[Content_Types].xml` entry), or one whose
                 // telling entries lie past the first bytes
  ods,           // a zip whose `mimetype` entry is the OpenDocument spreadsheet one
  open_document, // another OpenDocument zip (text, presentation)
  zip,           // any other zip archive, an empty one too
  ole2,          // the compound file of the old Office formats (.xls, .doc)
  pdf,
  gzip,
  utf16, // text that starts with a UTF-16 byte order mark
};

// What a reader expected to find, for the message about what it found instead.
enum class ExpectedFormat {
  csv,      // a table read as CSV (exit 3)
  yaml,     // a table read as YAML (exit 3)
  criteria, // a criteria set (exit 4)
};

// How many first bytes detect_file_format() wants, given the first bytes `head` a reader has
// so far: the longest magic number, or, once `head` starts a zip archive, enough to see the
// names of its first entries. A reader that streams reads that many (or to the end) first.
size_t file_format_head_size(std::string_view head);

// The format of a file whose first bytes are `head` (all of the file, or at least
// file_format_head_size(head) bytes of it; bytes past that are not looked at). Only whole
// magic numbers count: a CSV file whose header starts with "PK" or "%PDF" as text is text.
FileFormat detect_file_format(std::string_view head);

// The message for a file of `format` where a reader expected `expected`: what the file is,
// and how to export the data as the file fundscreen reads ("this is an Excel workbook
// (.xlsx), not a CSV file; in Excel choose ...").
std::string foreign_format_message(FileFormat format, ExpectedFormat expected);

// Throws util::Error located at `source`:1:1 (of kind criteria for a criteria set, else
// input) when `head` starts a file that is not text; returns for text.
void check_file_format(std::string_view head, const std::string& source, ExpectedFormat expected);

} // namespace fundscreen::io
