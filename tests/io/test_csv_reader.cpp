// SPDX-License-Identifier: Apache-2.0
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "io/csv_reader.hpp"
#include "util/error.hpp"

using fundscreen::io::CsvField;
using fundscreen::io::CsvOptions;
using fundscreen::io::CsvReader;
using fundscreen::io::Encoding;
using fundscreen::util::Error;
using fundscreen::util::ErrorKind;

namespace {

// A field copied out of the reader, so it outlives the next call of next().
struct Field {
  std::string text;
  int line = 0;
  int column = 0;
  bool quoted = false;
  bool operator==(const Field&) const = default;
};

using Rows = std::vector<std::vector<std::string>>;
using Records = std::vector<std::vector<Field>>;

Records read_all(std::string_view csv, CsvOptions options = {}) {
  std::istringstream in{std::string(csv)};
  CsvReader reader(in, "apps.csv", options);
  Records records;
  std::vector<CsvField> fields;
  while (reader.next(fields)) {
    auto& record = records.emplace_back();
    for (const CsvField& f : fields) record.push_back({std::string(f.text), f.line, f.column, f.quoted});
  }
  return records;
}

Rows texts(std::string_view csv, CsvOptions options = {}) {
  Rows rows;
  for (const auto& record : read_all(csv, options)) {
    auto& row = rows.emplace_back();
    for (const Field& f : record) row.push_back(f.text);
  }
  return rows;
}

// The error reading all of `csv` throws, or nothing.
std::optional<Error> error_of(std::string_view csv, CsvOptions options = {}) {
  try {
    read_all(csv, options);
  } catch (const Error& e) {
    return e;
  }
  return std::nullopt;
}

CsvOptions chunked(size_t chunk_size, CsvOptions options = {}) {
  options.chunk_size = chunk_size;
  return options;
}

std::string show(const Field& f) {
  return "{\"" + f.text + "\" " + std::to_string(f.line) + ":" + std::to_string(f.column) +
         (f.quoted ? " quoted}" : "}");
}

} // namespace

namespace doctest {
template <> struct StringMaker<Rows> {
  static String convert(const Rows& rows) {
    std::string out;
    for (const auto& row : rows) {
      out += "\n  [";
      for (const auto& text : row) out += "\"" + text + "\" ";
      out += "]";
    }
    return out.c_str();
  }
};
template <> struct StringMaker<Records> {
  static String convert(const Records& records) {
    std::string out;
    for (const auto& record : records) {
      out += "\n  [";
      for (const auto& f : record) out += show(f) + " ";
      out += "]";
    }
    return out.c_str();
  }
};
} // namespace doctest

TEST_CASE("io::CsvReader") {
  SUBCASE("reads simple records with their lines and columns") {
    auto records = read_all("name,amount\nAlpha,100\nBeta,200\n");
    REQUIRE(records.size() == 3);
    CHECK(records[0] == std::vector<Field>{{"name", 1, 1}, {"amount", 1, 6}});
    CHECK(records[2] == std::vector<Field>{{"Beta", 3, 1}, {"200", 3, 6}});
  }

  SUBCASE("tells the delimiter and the line of the last record") {
    std::istringstream in("a,b\n\n1,2\n");
    CsvReader reader(in, "apps.csv");
    CHECK(reader.source() == "apps.csv");
    std::vector<CsvField> fields{{"stale", 9, 9, true}};
    REQUIRE(reader.next(fields));
    CHECK(reader.delimiter() == ',');
    CHECK(reader.record_line() == 1);
    REQUIRE(reader.next(fields));
    CHECK(reader.record_line() == 3);
    CHECK(fields.size() == 2);
    CHECK_FALSE(reader.next(fields));
    CHECK(fields.empty());
  }

  SUBCASE("skips a byte order mark without shifting columns") {
    auto records = read_all("\xEF\xBB\xBFname,amount\nA,1\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0] == std::vector<Field>{{"name", 1, 1}, {"amount", 1, 6}});
  }

  SUBCASE("reads nothing from empty input or a lone byte order mark") {
    CHECK(read_all("").empty());
    CHECK(read_all("\xEF\xBB\xBF").empty());
    CHECK(read_all("\n\r\n\r").empty());
  }

  SUBCASE("accepts CRLF, LF and lone CR line ends, also mixed") {
    auto records = read_all("a,b\r\nc,d\ne,f\rg,h\r\n");
    REQUIRE(records.size() == 4);
    CHECK(records[1] == std::vector<Field>{{"c", 2, 1}, {"d", 2, 3}});
    CHECK(records[2] == std::vector<Field>{{"e", 3, 1}, {"f", 3, 3}});
    CHECK(records[3] == std::vector<Field>{{"g", 4, 1}, {"h", 4, 3}});
  }

  SUBCASE("keeps delimiters, doubled quotes and newlines inside quotes") {
    auto records = read_all("name,note,more\n"
                            "\"Smith, J.\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                            "next,row,x\n");
    REQUIRE(records.size() == 3);
    CHECK(records[1] ==
          std::vector<Field>{{"Smith, J.", 2, 1, true}, {"say \"hi\"", 2, 13, true}, {"two\nlines", 2, 26, true}});
    CHECK(records[2] == std::vector<Field>{{"next", 4, 1}, {"row", 4, 6}, {"x", 4, 10}});
  }

  SUBCASE("keeps CRLF and lone CR inside quotes byte for byte and counts their lines") {
    auto records = read_all("\"a\r\nb\",\"c\rd\"\r\ne,f\r\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0] == std::vector<Field>{{"a\r\nb", 1, 1, true}, {"c\rd", 2, 4, true}});
    CHECK(records[1] == std::vector<Field>{{"e", 4, 1}, {"f", 4, 3}});
  }

  SUBCASE("keeps a quote inside an unquoted field as it is") {
    CHECK(texts("ab\"c,d \"e\"\n") == Rows{{"ab\"c", "d \"e\""}});
  }

  SUBCASE("keeps empty fields, quoted or not") {
    auto records = read_all(",a,,\"\"\n");
    REQUIRE(records.size() == 1);
    CHECK(records[0] == std::vector<Field>{{"", 1, 1}, {"a", 1, 2}, {"", 1, 4}, {"", 1, 5, true}});
    CHECK(texts("a,\n") == Rows{{"a", ""}});
  }

  SUBCASE("detects a semicolon delimiter from the header") {
    std::istringstream in("name;amount\nMäkelä;1,5\n");
    CsvReader reader(in, "apps.csv");
    std::vector<CsvField> fields;
    CHECK(reader.delimiter() == 0);
    REQUIRE(reader.next(fields));
    CHECK(reader.delimiter() == ';');
    REQUIRE(reader.next(fields));
    REQUIRE(fields.size() == 2);
    CHECK(fields[1].text == "1,5");
  }

  SUBCASE("prefers the comma on a tie") { CHECK(texts("a;b,c\n1;2,3\n") == Rows{{"a;b", "c"}, {"1;2", "3"}}); }

  SUBCASE("does not count delimiters inside quotes when detecting") {
    CHECK(texts("\"a;b;c\",d\n") == Rows{{"a;b;c", "d"}});
    CHECK(texts("\"x,y,\"\"z,\";a;b\n") == Rows{{"x,y,\"z,", "a", "b"}});
  }

  SUBCASE("detects from the first non-empty line only") {
    CHECK(texts("\n\na;b\n1,2,3,4;5\n") == Rows{{"a", "b"}, {"1,2,3,4", "5"}});
  }

  SUBCASE("uses an explicit delimiter without detecting") {
    CsvOptions options;
    options.delimiter = ';';
    CHECK(texts("a,b,c;d\n", options) == Rows{{"a,b,c", "d"}});
    options.delimiter = '\t';
    CHECK(texts("a;b\tc,d\n", options) == Rows{{"a;b", "c,d"}});
  }

  SUBCASE("reads the last line with or without a final newline") {
    CHECK(texts("a,b\n1,2") == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(texts("a,b\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
    CHECK(texts("a,\"b\"") == Rows{{"a", "b"}});
  }

  SUBCASE("skips empty lines and still counts them") {
    auto records = read_all("\n\na,b\n\n\r\n\nc,d\n\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0][0] == Field{"a", 3, 1});
    CHECK(records[1][0] == Field{"c", 7, 1});
  }

  SUBCASE("counts columns in characters, not bytes") {
    auto records = read_all("Mäkelä,Östersund,5\nå,\"ö\",x\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0] == std::vector<Field>{{"Mäkelä", 1, 1}, {"Östersund", 1, 8}, {"5", 1, 18}});
    CHECK(records[1] == std::vector<Field>{{"å", 2, 1}, {"ö", 2, 3, true}, {"x", 2, 7}});
  }

  SUBCASE("reads a field larger than a chunk") {
    std::string big(200'000, 'x');
    std::string quoted_big = big + "\n" + big;
    auto records = read_all("a,b\n1," + big + "\n\"" + quoted_big + "\",2\nlast,row\n");
    REQUIRE(records.size() == 4);
    CHECK(records[1][1].text == big);
    CHECK(records[2][0].text == quoted_big);
    CHECK(records[2][1] == Field{"2", 4, 200'003});
    CHECK(records[3][0] == Field{"last", 5, 1});
  }

  SUBCASE("gives the same records whatever the chunk size") {
    std::string csv = "\xEF\xBB\xBFnamn;belopp;\"not;e\"\r\n"
                      "Mäkelä;€ 5;\"säger \"\"hej\"\"\r\nrad två\"\r\n"
                      "\r\n"
                      "Åström;𝄞;x\rÖ;\"\";\n"
                      "sista;rad;\"ä\"";
    Records expected = {
        {{"namn", 1, 1}, {"belopp", 1, 6}, {"not;e", 1, 13, true}},
        {{"Mäkelä", 2, 1}, {"€ 5", 2, 8}, {"säger \"hej\"\r\nrad två", 2, 12, true}},
        {{"Åström", 5, 1}, {"𝄞", 5, 8}, {"x", 5, 10}},
        {{"Ö", 6, 1}, {"", 6, 3, true}, {"", 6, 6}},
        {{"sista", 7, 1}, {"rad", 7, 7}, {"ä", 7, 11, true}},
    };
    CHECK(read_all(csv) == expected);
    for (size_t size = 1; size <= 7; ++size) {
      CAPTURE(size);
      CHECK(read_all(csv, chunked(size)) == expected);
    }
  }

  SUBCASE("decodes Windows-1252 input to UTF-8") {
    CsvOptions options;
    options.encoding = Encoding::windows_1252;
    Records expected = {{{"Mäkelä", 1, 1}, {"€ 5", 1, 8}}};
    CHECK(read_all("M\xe4kel\xe4;\x80 5", options) == expected);
    for (size_t size = 1; size <= 3; ++size) {
      CAPTURE(size);
      CHECK(read_all("M\xe4kel\xe4;\x80 5", chunked(size, options)) == expected);
    }
  }

  SUBCASE("reads UTF-8 when a byte order mark says so, even if Windows-1252 was asked for") {
    CsvOptions options;
    options.encoding = Encoding::windows_1252;
    CHECK(texts("\xEF\xBB\xBFMäkelä;€\n", options) == Rows{{"Mäkelä", "€"}});
  }

  SUBCASE("reports an unterminated quote at the opening quote") {
    std::string csv = "name,note\nA,\"open\nmore,text\n";
    for (size_t size : {size_t{65536}, size_t{1}, size_t{2}, size_t{5}}) {
      CAPTURE(size);
      auto e = error_of(csv, chunked(size));
      REQUIRE(e);
      CHECK(e->kind() == ErrorKind::input);
      REQUIRE(e->diagnostics().size() == 1);
      const auto& d = e->diagnostics().front();
      CHECK(d.message == "unterminated quoted field; add the closing '\"'");
      CHECK(d.where.source == "apps.csv");
      CHECK(d.where.line == 2);
      CHECK(d.where.column == 3);
    }
  }

  SUBCASE("reports text after a closing quote at that character") {
    auto e = error_of("a,b\nx,\"ab\"c,d\n");
    REQUIRE(e);
    CHECK(e->kind() == ErrorKind::input);
    const auto& d = e->diagnostics().front();
    CHECK(d.message == "unexpected character 'c' after closing quote");
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 7);

    auto wide = error_of("\"äb\"ö,d\n", chunked(1));
    REQUIRE(wide);
    CHECK(wide->diagnostics().front().message == "unexpected character 'ö' after closing quote");
    CHECK(wide->diagnostics().front().where.column == 5);
  }

  SUBCASE("reports invalid UTF-8 at the bad byte and suggests Windows-1252") {
    std::string csv = "name,city\nå,\"M\xe4kel\xe4\"\n";
    for (size_t size : {size_t{65536}, size_t{1}, size_t{2}, size_t{3}, size_t{7}}) {
      CAPTURE(size);
      auto e = error_of(csv, chunked(size));
      REQUIRE(e);
      CHECK(e->kind() == ErrorKind::input);
      const auto& d = e->diagnostics().front();
      CHECK(d.message == "invalid UTF-8 (byte 0xE4); the file looks like Windows-1252: "
                         "save it as \"CSV UTF-8\" or pass --encoding windows-1252");
      CHECK(d.where.source == "apps.csv");
      CHECK(d.where.line == 2);
      CHECK(d.where.column == 5);
    }
  }

  SUBCASE("refuses a workbook by its first bytes, in any encoding and whatever the chunks") {
    // The local headers of a zip's first entries, as an .xlsx starts: the entry names are
    // past the first chunks, so the reader reads on to tell an .xlsx from another zip.
    std::string xlsx;
    for (std::string name : {"[Content_Types].xml", "xl/workbook.xml"})
      xlsx += std::string("PK\x03\x04", 4) + std::string(22, '\0') + static_cast<char>(name.size()) + '\0' +
              std::string(2, '\0') + name + "\x8A\xE4;\n\x01\x02";
    CsvOptions windows_1252;
    windows_1252.encoding = Encoding::windows_1252;
    for (CsvOptions options : {CsvOptions{}, chunked(1), chunked(3), windows_1252, chunked(1, windows_1252)}) {
      CAPTURE(options.chunk_size);
      auto e = error_of(xlsx, options);
      REQUIRE(e);
      CHECK(e->kind() == ErrorKind::input);
      REQUIRE(e->diagnostics().size() == 1);
      const auto& d = e->diagnostics().front();
      CHECK(d.message == "this is an Excel workbook (.xlsx), not a CSV file; in Excel choose File > Save As > "
                         "\"CSV UTF-8 (comma delimited) (*.csv)\" and screen that file");
      CHECK(d.where.source == "apps.csv");
      CHECK(d.where.line == 1);
      CHECK(d.where.column == 1);
    }
  }

  SUBCASE("reads a file whose header merely starts with PK as CSV") {
    CHECK(texts("PKG,id\nP,A-1\n", chunked(1)) == Rows{{"PKG", "id"}, {"P", "A-1"}});
    CHECK(texts("PK", chunked(1)) == Rows{{"PK"}});
  }

  SUBCASE("reports invalid UTF-8 in the header line and a character cut off at the end") {
    auto header = error_of("n\x80me;x\n");
    REQUIRE(header);
    CHECK(header->diagnostics().front().message.starts_with("invalid UTF-8 (byte 0x80);"));
    CHECK(header->diagnostics().front().where.column == 2);

    auto cut = error_of("a,b\r\nä,\xC3");
    REQUIRE(cut);
    CHECK(cut->diagnostics().front().message.starts_with("invalid UTF-8 (byte 0xC3);"));
    CHECK(cut->diagnostics().front().where.line == 2);
    CHECK(cut->diagnostics().front().where.column == 3);
  }

  SUBCASE("returns the records before invalid UTF-8") {
    std::istringstream in("a,b\n1,2\n\xff,3\n");
    CsvReader reader(in, "apps.csv");
    std::vector<CsvField> fields;
    CHECK(reader.next(fields));
    CHECK(reader.next(fields));
    CHECK_THROWS_AS(reader.next(fields), Error);
  }
}
