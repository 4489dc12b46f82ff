// SPDX-License-Identifier: Apache-2.0
// Files that are not CSV or YAML, known by their magic numbers: the workbooks, documents and
// archives a funder may give instead of the CSV export, refused with how to export it
// rather than read as Windows-1252 text or a CSV row of odd bytes.
#include "io/file_format.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/error.hpp"

namespace fundscreen::io {

namespace {

constexpr std::string_view k_zip = "PK\x03\x04"; // a local file header
constexpr std::string_view k_empty_zip = "PK\x05\x06";
constexpr std::string_view k_ole2 = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view k_pdf = "%PDF-";
constexpr std::string_view k_gzip = "\x1F\x8B\x08"; // and deflate, the only method in use
constexpr std::string_view k_utf16_le = "\xFF\xFE";
constexpr std::string_view k_utf16_be = "\xFE\xFF";
constexpr std::string_view k_open_document = "application/vnd.oasis.opendocument.";
constexpr std::string_view k_ods = "application/vnd.oasis.opendocument.spreadsheet";

// The longest magic number above.
constexpr size_t k_magic_size = k_ole2.size();
// How far into a zip archive the names of its entries are looked for: Excel, LibreOffice
// and Python write the telling ones within the first few kilobytes.
constexpr size_t k_zip_head_size = size_t{1} << 16;
// The size of a zip local file header before the entry's name.
constexpr size_t k_local_header_size = 30;

size_t little_endian_16(std::string_view bytes, size_t at) {
  return static_cast<unsigned char>(bytes[at]) | size_t{static_cast<unsigned char>(bytes[at + 1])} << 8;
}

// The kind of zip archive `head` starts, from the local headers of the entries within it.
FileFormat zip_format(std::string_view head) {
  bool office = false;
  for (size_t at = head.find(k_zip); at != std::string_view::npos; at = head.find(k_zip, at + 1)) {
    if (at + k_local_header_size > head.size()) break;
    size_t name_size = little_endian_16(head, at + 26), extra_size = little_endian_16(head, at + 28);
    std::string_view name = head.substr(at + k_local_header_size, name_size);
    if (name == "mimetype") { // stored first and uncompressed, so its content follows as it is
      std::string_view content = head.substr(std::min(head.size(), at + k_local_header_size + name_size + extra_size));
      if (content.starts_with(k_ods)) return FileFormat::ods;
      if (content.starts_with(k_open_document)) return FileFormat::open_document;
    }
    if (name.starts_with("xl/")) return FileFormat::xlsx;
    if (name.starts_with("word/")) return FileFormat::docx;
    office = office || name == "[Content_Types].xml";
  }
  return office ? FileFormat::office : FileFormat::zip;
}

// How Excel and LibreOffice Calc save a sheet as CSV in UTF-8.
constexpr std::string_view k_excel_save_as = R"x(File > Save As > "CSV UTF-8 (comma delimited) (*.csv)")x";
constexpr std::string_view k_calc_save_as =
    R"x(File > Save As, file type "Text CSV (.csv)" with the character set "Unicode (UTF-8)")x";

// What a file of `format` is, as the message names it.
std::string_view what(FileFormat format) {
  switch (format) {
  case FileFormat::text: break;
  case FileFormat::xlsx: return "an Excel workbook (.xlsx)";
  case FileFormat::docx: return "a Word document (.docx)";
  case FileFormat::office: return "an Office document (.xlsx, .docx or .pptx)";
  case FileFormat::ods: return "an OpenDocument spreadsheet (.ods)";
  case FileFormat::open_document: return "an OpenDocument document (.odt or .odp)";
  case FileFormat::zip: return "a zip archive";
  case FileFormat::ole2: return "an old Office file (.xls or .doc)";
  case FileFormat::pdf: return "a PDF document";
  case FileFormat::gzip: return "a gzip-compressed file";
  case FileFormat::utf16: return "UTF-16 text";
  }
  return "text";
}

// How to get the CSV file a table is read from out of a file of `format`.
std::string table_advice(FileFormat format) {
  switch (format) {
  case FileFormat::text: break;
  case FileFormat::xlsx:
  case FileFormat::ole2:
  case FileFormat::utf16: return fmt::format("in Excel choose {} and screen that file", k_excel_save_as);
  case FileFormat::docx:
    return fmt::format("copy its table into Excel, choose {} and screen that file", k_excel_save_as);
  case FileFormat::office: return fmt::format("open it in Excel, choose {} and screen that file", k_excel_save_as);
  case FileFormat::ods: return fmt::format("in LibreOffice Calc choose {}, and screen that file", k_calc_save_as);
  case FileFormat::open_document:
    return fmt::format("copy its table into LibreOffice Calc, choose {}, and screen that file", k_calc_save_as);
  case FileFormat::zip: return "unpack it and screen the CSV file inside";
  case FileFormat::pdf: return "export the data from the form system as CSV (UTF-8) and screen that file";
  case FileFormat::gzip: return "unpack it (gunzip) and screen the file inside";
  }
  return "";
}

} // namespace

size_t file_format_head_size(std::string_view head) { return head.starts_with(k_zip) ? k_zip_head_size : k_magic_size; }

FileFormat detect_file_format(std::string_view head) {
  if (head.starts_with(k_zip)) return zip_format(head.substr(0, k_zip_head_size)); // the same however much was read
  if (head.starts_with(k_empty_zip)) return FileFormat::zip;
  if (head.starts_with(k_ole2)) return FileFormat::ole2;
  if (head.starts_with(k_pdf)) return FileFormat::pdf;
  if (head.starts_with(k_gzip)) return FileFormat::gzip;
  if (head.starts_with(k_utf16_le) || head.starts_with(k_utf16_be)) return FileFormat::utf16;
  return FileFormat::text;
}

std::string foreign_format_message(FileFormat format, ExpectedFormat expected) {
  if (format == FileFormat::utf16) {
    std::string advice = expected == ExpectedFormat::csv ? table_advice(format)
                                                         : "save it as UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)";
    return fmt::format("this is {}, not UTF-8; {}", what(format), advice);
  }
  if (expected == ExpectedFormat::criteria)
    return fmt::format("this is {}, not a criteria set (YAML); a criteria set is a YAML text file (see "
                       "docs/criteria-format.md)",
                       what(format));
  return fmt::format("this is {}, not a {} file; {}", what(format), expected == ExpectedFormat::csv ? "CSV" : "YAML",
                     table_advice(format));
}

void check_file_format(std::string_view head, const std::string& source, ExpectedFormat expected) {
  FileFormat format = detect_file_format(head);
  if (format == FileFormat::text) return;
  util::ErrorKind kind = expected == ExpectedFormat::criteria ? util::ErrorKind::criteria : util::ErrorKind::input;
  throw util::Error(
      kind, util::Diagnostic{
                util::Location{source, 1, 1}, util::Severity::error, foreign_format_message(format, expected), {}});
}

} // namespace fundscreen::io
