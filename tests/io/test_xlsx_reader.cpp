// SPDX-License-Identifier: Apache-2.0
// Reading a sheet of an Excel workbook as a table: cell types as a CSV export holds them, the
// date systems, the errors a sheet can hold and the hostile files refused.
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <zlib.h>

#include "core/criteria_set.hpp"
#include "io/table_reader.hpp"
#include "io/xlsx_reader.hpp"
#include "io/zip_archive.hpp"
#include "test_builders.hpp"
#include "util/error.hpp"

using fundscreen::core::FieldSpec;
using fundscreen::core::FieldType;
using fundscreen::io::read_xlsx_table;
using fundscreen::io::TableOptions;
using fundscreen::io::TypedRow;
using fundscreen::testing::listing;
using fundscreen::util::Diagnostics;

namespace {

const std::vector<FieldSpec> k_schema = {
    {"id", FieldType::string, true, {}},      {"requested_eur", FieldType::money, false, {}},
    {"started", FieldType::date, false, {}},  {"committed", FieldType::boolean, false, {}},
    {"count", FieldType::integer, false, {}},
};

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// A zip archive of `parts`, deflated (or stored when `store`); `declared` overrides the
// unpacked size the headers give (a lying zip bomb).
std::string zip(const std::vector<std::pair<std::string, std::string>>& parts, bool store = false,
                uint32_t declared = 0) {
  std::string out, directory;
  for (const auto& [name, data] : parts) {
    std::string packed = data;
    if (!store) {
      z_stream z{};
      deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
      packed.assign(deflateBound(&z, data.size()), '\0');
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
      z.avail_in = static_cast<uInt>(data.size());
      z.next_out = reinterpret_cast<Bytef*>(packed.data());
      z.avail_out = static_cast<uInt>(packed.size());
      deflate(&z, Z_FINISH);
      packed.resize(z.total_out);
      deflateEnd(&z);
    }
    auto size = declared ? declared : static_cast<uint32_t>(data.size());
    auto offset = static_cast<uint32_t>(out.size());
    auto crc =
        static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    // Not `name` itself: clang 14 (clang-tidy's) cannot capture a structured binding.
    auto name_size = static_cast<uint32_t>(name.size());
    auto common = [&](std::string& o) {
      put16(o, 20);
      put16(o, 0);
      put16(o, store ? 0 : 8);
      put32(o, 0x00210000);
      put32(o, crc);
      put32(o, static_cast<uint32_t>(packed.size()));
      put32(o, size);
      put16(o, name_size);
      put16(o, 0);
    };
    put32(out, 0x04034b50);
    common(out);
    out += name + packed;
    put32(directory, 0x02014b50);
    put16(directory, 20);
    common(directory);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += name;
  }
  auto at = static_cast<uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put32(out, 0);
  put16(out, static_cast<uint32_t>(parts.size()));
  put16(out, static_cast<uint32_t>(parts.size()));
  put32(out, static_cast<uint32_t>(directory.size()));
  put32(out, at);
  put16(out, 0);
  return out;
}

const std::string k_ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";

// A workbook of one sheet `Sheet1` whose <sheetData> holds `rows`.
std::string book(const std::string& rows, const std::string& strings = "", bool date1904 = false,
                 const std::string& after = "", const std::string& target = "worksheets/sheet1.xml") {
  std::string rels = R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
  return zip({
      {"xl/workbook.xml", "<workbook " + k_ns + " " + rels + ">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") +
                              R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Target=")" +
           target + R"("/></Relationships>)"},
      {"xl/sharedStrings.xml", "<sst " + k_ns + ">" + strings + "</sst>"},
      {"xl/worksheets/sheet1.xml",
       "<worksheet " + k_ns + "><sheetData>" + rows + "</sheetData>" + after + "</worksheet>"},
  });
}

const std::string k_header = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>)"
                             R"(<c r="B1" t="inlineStr"><is><t>requested_eur</t></is></c>)"
                             R"(<c r="C1" t="inlineStr"><is><t>started</t></is></c>)"
                             R"(<c r="D1" t="inlineStr"><is><t>committed</t></is></c>)"
                             R"(<c r="E1" t="inlineStr"><is><t>count</t></is></c></row>)";

// A value as the tests write it: text as it is, a missing value as `-`.
std::string shown(const fundscreen::core::Value& v) {
  if (fundscreen::core::is_missing(v)) return "-";
  if (const auto* text = std::get_if<std::string>(&v)) return *text;
  return fundscreen::core::to_display(v);
}

struct Table {
  std::vector<TypedRow> rows;
  Diagnostics diagnostics;
  std::string row(size_t r) const {
    std::string out = std::to_string(rows.at(r).where.line) + ":";
    for (const auto& v : rows.at(r).values) out += " " + shown(v);
    return out;
  }
  std::string problems() const { return listing(diagnostics.items()); }
  std::string formatted() const {
    std::string out;
    for (const auto& d : diagnostics.items()) out += fundscreen::util::format_diagnostic(d);
    return out;
  }
};

Table read(std::string bytes, const std::string& sheet = "") {
  Table t;
  TableOptions options;
  options.record_name = "application";
  options.sheet = sheet;
  read_xlsx_table(std::move(bytes), "apps.xlsx", k_schema, options, t.diagnostics,
                  [&](TypedRow&& r) { t.rows.push_back(r); });
  return t;
}

} // namespace

TEST_CASE("io::read_xlsx_table reads each kind of cell as a CSV export holds it") {
  SUBCASE("shared and inline strings, numbers, booleans, a formula's cached value") {
    Table t = read(book(k_header + R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>95000.5</v></c>)"
                                   R"(<c r="C2"><v>44256</v></c><c r="D2" t="b"><v>1</v></c>)"
                                   R"(<c r="E2"><f>1+2</f><v>3</v></c></row>)",
                        "<si><t>OA-</t></si><si><r><t>OA-</t></r><r><t>2</t></r><rPh><t>x</t></rPh></si>")
                       .substr(0));
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: OA-2 95000.50 2021-03-01 true 3"); // the runs' text, without the phonetic guide
  }
  SUBCASE("a binary-float artefact in a money cell is the decimal Excel shows") {
    Table t = read(book(k_header + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>)"
                                   R"(<c r="B2"><v>0.30000000000000004</v></c></row>)"));
    CHECK(t.problems() == "");
    CHECK(t.row(0) == "2: A 0.30 - - -");
  }
  SUBCASE("more than two decimals in money is the money parser's error, at the cell") {
    Table t = read(book(k_header + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>)"
                                   R"(<c r="B2"><v>1234.567</v></c></row>)"));
    CHECK(t.problems().starts_with("2:2: "));
    CHECK(t.formatted().starts_with("apps.xlsx:Sheet1!B2: error: "));
  }
  SUBCASE("rows without a value are skipped, however many") {
    std::string empty;
    for (int i = 0; i < 10000; ++i) empty += "<row/>";
    Table t =
        read(book(k_header + empty + R"(<row r="20000"><c r="A20000" t="inlineStr"><is><t>Z</t></is></c></row>)"));
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].where.line == 20000);
  }
}

TEST_CASE("io::read_xlsx_table reads a sheet's rows by their cells, not by the header's width") {
  SUBCASE("a column without a cell in a row is an empty cell, reported at its place") {
    Table t = read(book(k_header + R"(<row r="2"><c r="B2"><v>5</v></c></row>)"));
    CHECK(t.formatted() == "apps.xlsx:Sheet1!A2: error: missing value for required field 'id'\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: - 5 - - -");
  }
  SUBCASE("a column without a header is not read; a value in it is an error") {
    Table t = read(book(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>)"
                        R"(<c r="C1" t="inlineStr"><is><t>count</t></is></c></row>)"
                        R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>1</v></c></row>)"));
    CHECK(t.formatted() == "apps.xlsx:Sheet1!B2: error: this cell has a value but its column has no header in row 1; "
                           "give the column a header, or clear the cell\n");
  }
  SUBCASE("a header reaching column XFD (the last) with 50,000 rows of one cell each") {
    std::string rows = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>)"
                       R"(<c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row>)";
    for (int r = 2; r <= 50001; ++r) rows += "<row><c><v>" + std::to_string(r) + "</v></c></row>";
    Table t = read(book(rows));
    CHECK(t.formatted() == "apps.xlsx:Sheet1!XFD1: warning: unknown column 'far' is ignored\n");
    REQUIRE(t.rows.size() == 50000);
    CHECK(t.row(49999) == "50001: 50001 - - - -");
  }
}

TEST_CASE("io::read_xlsx_table reads date serials in both date systems") {
  auto date = [](const std::string& serial, bool date1904) {
    Table t = read(book(k_header + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="C2"><v>)" + serial +
                            "</v></c></row>",
                        "", date1904));
    return t.rows.empty() ? "" : t.row(0) + (t.problems().empty() ? "" : " | " + t.problems());
  };
  CHECK(date("1", false) == "2: A - 1900-01-01 - -");
  CHECK(date("59", false) == "2: A - 1900-02-28 - -");
  CHECK(date("61", false) == "2: A - 1900-03-01 - -");
  CHECK(date("44256.75", false) == "2: A - 2021-03-01 - -"); // the time of day is dropped
  CHECK(date("0", true) == "2: A - 1904-01-01 - -");
  CHECK(date("42794", true) == "2: A - 2021-03-01 - -");
  CHECK(date("60", false) ==
        "2: A - - - - | 2:3: the date serial number 60 is 29 February 1900, a day that did not "
        "exist (Excel counts it as the Lotus 1-2-3 spreadsheet did); type the date that was meant\n");
}

TEST_CASE("io::read_xlsx_table reports the cells a CSV file cannot hold") {
  Table t = read(book(k_header + R"(<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>)"
                                 R"(<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2"><f>SUM(X1)</f></c>)"
                                 R"(<c r="G2" t="inlineStr"><is><t>extra</t></is></c></row>)",
                      "", false, R"(<mergeCells count="1"><mergeCell ref="C2:D2"/></mergeCells>)"));
  CHECK(t.formatted() ==
        "apps.xlsx:Sheet1!B2: error: the cell holds the error '#DIV/0!' of its formula; correct the formula, or type "
        "the value\n"
        "apps.xlsx:Sheet1!E2: error: the cell's formula has no saved value (the workbook was saved without "
        "calculating it); open it in Excel or LibreOffice and save it, so that the values are saved with the "
        "formulas\n"
        "apps.xlsx:Sheet1!G2: error: this cell has a value but its column has no header in row 1; give the column a "
        "header, or clear the cell\n"
        "apps.xlsx:Sheet1!C2: error: the cells C2:D2 are merged; unmerge them (in Excel: Home > Merge & Center) and "
        "give each cell its own value\n");
  REQUIRE(t.rows.size() == 1);
  CHECK_FALSE(t.rows[0].complete);
}

TEST_CASE("io::read_xlsx_table refuses hostile workbooks") {
  SUBCASE("a document type (entity expansion)") {
    Table t = read(zip({{"xl/workbook.xml", R"(<!DOCTYPE a [<!ENTITY b "c">]><workbook>&b;</workbook>)"}}));
    CHECK(t.formatted().find("declares a document type (DTD)") != std::string::npos);
  }
  SUBCASE("a sheet outside the archive") {
    Table t = read(book(k_header, "", false, "", "../../etc/passwd"));
    CHECK(t.formatted() == "apps.xlsx: error: the workbook's sheet 'Sheet1' points outside the workbook "
                           "('../../etc/passwd'); fundscreen reads only the workbook's own parts: open it in Excel and "
                           "save it again\n");
  }
  SUBCASE("a zip bomb whose headers tell") {
    std::string spaces(20 << 20, ' ');
    Table t = read(book(k_header + "<row>" + spaces + "</row>"));
    CHECK(t.formatted().find("as a zip bomb does") != std::string::npos);
  }
  SUBCASE("a zip bomb whose headers lie") {
    std::string sheet = "<worksheet " + k_ns + "><sheetData>" + std::string(20 << 20, ' ') + "</sheetData></worksheet>";
    std::string bytes = zip({{"xl/worksheets/sheet1.xml", sheet}}, false, 100);
    fundscreen::io::ZipArchive archive(bytes, "bomb.xlsx");
    CHECK_THROWS_WITH_AS(archive.read_all(*archive.find("xl/worksheets/sheet1.xml")),
                         doctest::Contains("as a zip bomb does"), fundscreen::util::Error);
  }
  SUBCASE("an encrypted part") {
    std::string bytes = book(k_header);
    // the flags of each header: bit 0, encrypted (the local header's at 6, the directory's at 8)
    for (size_t at = bytes.find("PK\x03\x04"); at != std::string::npos; at = bytes.find("PK\x03\x04", at + 4))
      bytes[at + 6] = 1;
    for (size_t at = bytes.find("PK\x01\x02"); at != std::string::npos; at = bytes.find("PK\x01\x02", at + 4))
      bytes[at + 8] = 1;
    Table t = read(bytes);
    CHECK(t.formatted() == "apps.xlsx: error: the workbook's part 'xl/workbook.xml' is encrypted; save the workbook "
                           "without a password\n");
  }
  SUBCASE("a ZIP64 archive") {
    // ZIP64's end record and its locator before the end record, as a writer of a workbook of
    // over 4 GB puts them: libzip reads it, fundscreen refuses it
    std::string bytes = book(k_header);
    size_t end = bytes.size() - 22; // the end record, no comment
    auto field = [&](size_t at, int size) {
      uint32_t v = 0;
      for (int i = size - 1; i >= 0; --i)
        v = v << 8 | static_cast<unsigned char>(bytes[end + at + static_cast<size_t>(i)]);
      return v;
    };
    std::string zip64;
    put32(zip64, 0x06064b50);
    put32(zip64, 44); // the record's size after this field (8 bytes)
    put32(zip64, 0);
    put16(zip64, 45); // made by: 4.5
    put16(zip64, 45); // needed: 4.5
    put32(zip64, 0);  // this disk
    put32(zip64, 0);  // the directory's disk
    for (auto [at, size] : {std::pair{8, 2}, std::pair{10, 2}, std::pair{12, 4}, std::pair{16, 4}}) {
      put32(zip64, field(static_cast<size_t>(at), size)); // entries here, entries, the directory's size and offset
      put32(zip64, 0);
    }
    put32(zip64, 0x07064b50); // the locator: disk, the record's offset, disks
    put32(zip64, 0);
    put32(zip64, static_cast<uint32_t>(end));
    put32(zip64, 0);
    put32(zip64, 1);
    bytes.insert(end, zip64);
    Table t = read(bytes);
    CHECK(t.formatted() == "apps.xlsx: error: the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), larger "
                           "than fundscreen reads; save the sheet as CSV UTF-8 and screen that\n");
  }
  SUBCASE("a part whose bytes do not match its CRC") {
    std::string bytes = zip({{"xl/workbook.xml", "<workbook/>"}}, true);
    bytes[bytes.find("<workbook/>") + 1] = 'W';
    fundscreen::io::ZipArchive archive(bytes, "crc.xlsx");
    CHECK_THROWS_WITH_AS(archive.read_all(*archive.find("xl/workbook.xml")),
                         "the workbook is damaged (its part 'xl/workbook.xml' does not unpack); open it in Excel and "
                         "save it again",
                         fundscreen::util::Error);
  }
  SUBCASE("a damaged archive") {
    std::string bytes = book(k_header);
    Table t = read(bytes.substr(0, bytes.size() - 30));
    CHECK(t.formatted() == "apps.xlsx: error: the workbook is damaged (its zip directory cannot be read); open it in "
                           "Excel and save it again\n");
  }
  SUBCASE("a sheet that --sheet names and the workbook lacks") {
    Table t = read(book(k_header), "Hakemukset");
    CHECK(t.formatted() == "apps.xlsx: error: the workbook has no sheet 'Hakemukset' (--sheet); its sheets are "
                           "'Sheet1'\n");
  }
}

TEST_CASE("io::sheet_source quotes a sheet name as Excel does") {
  CHECK(fundscreen::io::sheet_source("a.xlsx", "Sheet1") == "a.xlsx:Sheet1!");
  CHECK(fundscreen::io::sheet_source("a.xlsx", "Vuosi 2021") == "a.xlsx:'Vuosi 2021'!");
  CHECK(fundscreen::io::sheet_source("a.xlsx", "O'Hara") == "a.xlsx:'O''Hara'!");
}
