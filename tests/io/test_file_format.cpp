// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <string>

#include <doctest/doctest.h>

#include "io/file_format.hpp"
#include "util/error.hpp"

using fundscreen::io::detect_file_format;
using fundscreen::io::ExpectedFormat;
using fundscreen::io::file_format_head_size;
using fundscreen::io::FileFormat;
using fundscreen::io::foreign_format_message;

namespace {

std::string little_endian_16(size_t n) { return {static_cast<char>(n & 0xFF), static_cast<char>(n >> 8)}; }

// A zip local file header for an entry `name` stored with `content` (no compression), as
// the first bytes of an archive show it.
std::string zip_entry(const std::string& name, const std::string& content = "") {
  std::string size = little_endian_16(content.size()) + std::string(2, '\0');
  return std::string("PK\x03\x04", 4) + std::string(10, '\0') + std::string(4, '\0') + size + size +
         little_endian_16(name.size()) + little_endian_16(0) + name + content;
}

} // namespace

TEST_CASE("io::detect_file_format") {
  SUBCASE("takes CSV and YAML text for text, whatever letters it starts with") {
    for (std::string text : {"id,title\nA-1,x\n", "PKG,id,title\nP,A-1,x\n", "PK,id\n1,2\n", "%PDF,id\n", "- id: A-1\n",
                             "\xEF\xBB\xBFid;nimi\n", "", "P"}) {
      CAPTURE(text);
      CHECK(detect_file_format(text) == FileFormat::text);
    }
  }
  SUBCASE("needs the whole magic number: a file cut short of it is text") {
    CHECK(detect_file_format(std::string("PK\x03", 3)) == FileFormat::text);
    CHECK(detect_file_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A") == FileFormat::text);
    CHECK(detect_file_format("%PDF") == FileFormat::text);
    CHECK(detect_file_format("\x1F\x8B") == FileFormat::text);
  }
  SUBCASE("tells an Excel workbook, a Word document and an OpenDocument spreadsheet by their entries") {
    CHECK(detect_file_format(zip_entry("[Content_Types].xml", "<x/>") + zip_entry("_rels/.rels") +
                             zip_entry("xl/workbook.xml")) == FileFormat::xlsx);
    CHECK(detect_file_format(zip_entry("docProps/app.xml") + zip_entry("xl/worksheets/sheet1.xml")) ==
          FileFormat::xlsx);
    CHECK(detect_file_format(zip_entry("[Content_Types].xml") + zip_entry("word/document.xml")) == FileFormat::docx);
    CHECK(detect_file_format(zip_entry("[Content_Types].xml") + zip_entry("ppt/presentation.xml")) ==
          FileFormat::office);
    CHECK(detect_file_format(zip_entry("mimetype", "application/vnd.oasis.opendocument.spreadsheet") +
                             zip_entry("content.xml")) == FileFormat::ods);
    CHECK(detect_file_format(zip_entry("mimetype", "application/vnd.oasis.opendocument.text")) ==
          FileFormat::open_document);
  }
  SUBCASE("takes any other zip, an empty one too, for a zip archive") {
    CHECK(detect_file_format(zip_entry("applications.csv", "id,title\n")) == FileFormat::zip);
    CHECK(detect_file_format(std::string("PK\x05\x06", 4) + std::string(18, '\0')) == FileFormat::zip);
    CHECK(detect_file_format(zip_entry("mimetype", "text/plain")) == FileFormat::zip);
    std::string cut = zip_entry("xl/workbook.xml");
    CHECK(detect_file_format(cut.substr(0, 32)) == FileFormat::zip); // the name cut off: no telling
    std::string far = zip_entry("a", std::string(65536 - 31 - 30, 'x')) + zip_entry("xl/workbook.xml");
    CHECK(detect_file_format(far) == FileFormat::zip); // past the first 64 KiB: not looked at
    CHECK(detect_file_format(far.substr(0, 65536)) == FileFormat::zip);
  }
  SUBCASE("tells the old Office files, PDF, gzip and UTF-16 by their magic numbers") {
    CHECK(detect_file_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')) ==
          FileFormat::ole2);
    CHECK(detect_file_format("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n") == FileFormat::pdf);
    CHECK(detect_file_format(std::string("\x1F\x8B\x08\0\0\0\0\0", 8)) == FileFormat::gzip);
    CHECK(detect_file_format(std::string("\xFF\xFEi\0d\0", 6)) == FileFormat::utf16);
    CHECK(detect_file_format(std::string("\xFE\xFF\0i\0d", 6)) == FileFormat::utf16);
  }
}

TEST_CASE("io::file_format_head_size") {
  CHECK(file_format_head_size("") == 8);
  CHECK(file_format_head_size("id,title") == 8);
  CHECK(file_format_head_size(zip_entry("a")) == 65536); // a zip's entry names are read too
}

TEST_CASE("io::foreign_format_message") {
  SUBCASE("says what the file is and how to export it as CSV") {
    CHECK(foreign_format_message(FileFormat::xlsx, ExpectedFormat::csv) ==
          "this is an Excel workbook (.xlsx), not a CSV file; in Excel choose File > Save As > \"CSV UTF-8 (comma "
          "delimited) (*.csv)\" and screen that file");
    CHECK(foreign_format_message(FileFormat::ods, ExpectedFormat::csv) ==
          "this is an OpenDocument spreadsheet (.ods), not a CSV file; in LibreOffice Calc choose File > Save As, "
          "file type \"Text CSV (.csv)\" with the character set \"Unicode (UTF-8)\", and screen that file");
    CHECK(foreign_format_message(FileFormat::pdf, ExpectedFormat::csv) ==
          "this is a PDF document, not a CSV file; export the data from the form system as CSV (UTF-8) and screen "
          "that file");
    CHECK(foreign_format_message(FileFormat::zip, ExpectedFormat::csv) ==
          "this is a zip archive, not a CSV file; unpack it and screen the CSV file inside");
  }
  SUBCASE("names YAML for a table read as YAML") {
    CHECK(foreign_format_message(FileFormat::xlsx, ExpectedFormat::yaml)
              .starts_with("this is an Excel workbook (.xlsx), not a YAML file; in Excel choose File > Save As"));
  }
  SUBCASE("names a criteria set, and what one is") {
    CHECK(foreign_format_message(FileFormat::pdf, ExpectedFormat::criteria) ==
          "this is a PDF document, not a criteria set (YAML); a criteria set is a YAML text file (see "
          "docs/criteria-format.md)");
  }
  SUBCASE("says to save UTF-16 text as UTF-8") {
    CHECK(foreign_format_message(FileFormat::utf16, ExpectedFormat::csv) ==
          "this is UTF-16 text, not UTF-8; in Excel choose File > Save As > \"CSV UTF-8 (comma delimited) (*.csv)\" "
          "and screen that file");
    CHECK(foreign_format_message(FileFormat::utf16, ExpectedFormat::criteria) ==
          "this is UTF-16 text, not UTF-8; save it as UTF-8 (iconv -f UTF-16 -t UTF-8 converts it)");
  }
}

TEST_CASE("io::check_file_format") {
  SUBCASE("lets text through") {
    CHECK_NOTHROW(fundscreen::io::check_file_format("id\n", "a.csv", ExpectedFormat::csv));
  }
  SUBCASE("throws an error at line 1, column 1, of kind input for a table and criteria for a criteria set") {
    for (auto [expected, kind] : {std::pair{ExpectedFormat::csv, fundscreen::util::ErrorKind::input},
                                  std::pair{ExpectedFormat::yaml, fundscreen::util::ErrorKind::input},
                                  std::pair{ExpectedFormat::criteria, fundscreen::util::ErrorKind::criteria}}) {
      try {
        fundscreen::io::check_file_format("%PDF-1.7\n", "hakemukset.csv", expected);
        FAIL("no error");
      } catch (const fundscreen::util::Error& e) {
        CHECK(e.kind() == kind);
        REQUIRE(e.diagnostics().size() == 1);
        const fundscreen::util::Diagnostic& d = e.diagnostics()[0];
        CHECK(d.where.source == "hakemukset.csv");
        CHECK(d.where.line == 1);
        CHECK(d.where.column == 1);
        CHECK(d.message == foreign_format_message(FileFormat::pdf, expected));
      }
    }
  }
}
