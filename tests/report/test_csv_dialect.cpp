// SPDX-License-Identifier: Apache-2.0
// The spreadsheet dialects of csv output: the standard csv rewritten for a Finnish or Swedish
// Excel, and the standard left as it is.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "report/csv_dialect.hpp"

using fundscreen::report::CsvDialect;
using fundscreen::report::parse_csv_dialect;
using fundscreen::report::write_csv_dialect;

namespace {

std::string in_dialect(CsvDialect dialect, const std::string& csv, bool in_pieces = false) {
  std::ostringstream out;
  write_csv_dialect(out, dialect, [&](std::ostream& o) {
    if (!in_pieces) {
      o << csv;
      return;
    }
    for (char c : csv) o.put(c); // a row may arrive a byte at a time
  });
  return out.str();
}

} // namespace

TEST_CASE("report::write_csv_dialect") {
  const std::string csv = "id,decision,score,amount,reason\n"
                          "OA-1,fund,3.50,95000.50,\"ranked 1, within budget\"\n"
                          "OA-2,reject,,-3.05,\"failed C1;C2 \"\"hard\"\"\"\n"
                          "2.1,clarify,4,45000,'=1+1\n";
  SUBCASE("standard is the csv as written, byte for byte") { CHECK(in_dialect(CsvDialect::standard, csv) == csv); }
  SUBCASE("excel-fi: a byte order mark, ';', a decimal comma, CRLF") {
    std::string expected = "\xEF\xBB\xBFid;decision;score;amount;reason\r\n"
                           "OA-1;fund;3,50;95000,50;ranked 1, within budget\r\n"
                           "OA-2;reject;;-3,05;\"failed C1;C2 \"\"hard\"\"\"\r\n"
                           "2,1;clarify;4;45000;'=1+1\r\n";
    CHECK(in_dialect(CsvDialect::excel_fi, csv) == expected);
    CHECK(in_dialect(CsvDialect::excel_fi, csv, true) == expected);
    CHECK(in_dialect(CsvDialect::excel_sv, csv) == expected);
  }
  SUBCASE("names") {
    CHECK(parse_csv_dialect("excel-fi") == CsvDialect::excel_fi);
    CHECK(parse_csv_dialect("excel-sv") == CsvDialect::excel_sv);
    CHECK(parse_csv_dialect("standard") == CsvDialect::standard);
    CHECK_FALSE(parse_csv_dialect("excel"));
  }
}
