// SPDX-License-Identifier: Apache-2.0
// The workbooks fundscreen writes, read back with fundscreen's own reader of workbooks: the
// cells keep their types, text stays text (no formula), and the bytes depend on the cells only.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/criteria_set.hpp"
#include "core/date.hpp"
#include "io/table_reader.hpp"
#include "report/xlsx_book.hpp"
#include "test_builders.hpp"

using fundscreen::core::FieldSpec;
using fundscreen::core::FieldType;
using fundscreen::report::XlsxBook;

namespace {

std::string written(const XlsxBook& book) {
  std::ostringstream out;
  book.write(out);
  return out.str();
}

XlsxBook sample() {
  XlsxBook book("€");
  XlsxBook::Sheet& sheet = book.add_sheet("decisions", {"id", "amount", "rank", "day", "note"});
  sheet.rows.push_back({XlsxBook::text("OA-1"), XlsxBook::number(95000.5, XlsxBook::Style::money),
                        XlsxBook::number(1, XlsxBook::Style::integer),
                        XlsxBook::date(fundscreen::core::make_date(2021, 3, 1)->days), XlsxBook::text("=1+1")});
  sheet.rows.push_back(
      {XlsxBook::text("OA-2"), XlsxBook::empty(), XlsxBook::empty(), XlsxBook::empty(), XlsxBook::text("@SUM(A1)")});
  sheet.lines.push_back(0);
  book.add_sheet("criteria", {"id"});
  return book;
}

} // namespace

TEST_CASE("report::XlsxBook writes a workbook that reads back typed") {
  const std::vector<FieldSpec> schema = {
      {"id", FieldType::string, true, {}},     {"amount", FieldType::money, false, {}},
      {"rank", FieldType::integer, false, {}}, {"day", FieldType::date, false, {}},
      {"note", FieldType::string, false, {}},
  };
  std::vector<std::string> rows;
  fundscreen::util::Diagnostics d;
  fundscreen::io::TableOptions options;
  fundscreen::io::read_xlsx_table(written(sample()), "out.xlsx", schema, options, d, [&](fundscreen::io::TypedRow&& r) {
    std::string row;
    for (const auto& v : r.values) {
      const auto* text = std::get_if<std::string>(&v);
      row += fundscreen::core::is_missing(v) ? "-" : text ? *text : fundscreen::core::to_display(v);
      row += "|";
    }
    rows.push_back(row);
  });
  CHECK(fundscreen::testing::listing(d.items()) == "");
  CHECK(rows == std::vector<std::string>{"OA-1|95000.50|1|2021-03-01|=1+1|", "OA-2|-|-|-|@SUM(A1)|"});
}

TEST_CASE("report::XlsxBook's bytes depend on the cells alone") {
  std::string a = written(sample()), b = written(sample());
  CHECK(a == b);
  CHECK(a.find("docProps") == std::string::npos); // no creation time anywhere
}

TEST_CASE("report::write_csv_as_xlsx types the cells of a csv table") {
  std::ostringstream out;
  fundscreen::report::write_csv_as_xlsx("changes", "id,rank,score,note\n0012,3,3.50,'=1+1\n", out);
  const std::vector<FieldSpec> schema = {
      {"id", FieldType::string, true, {}},
      {"rank", FieldType::integer, false, {}},
      {"score", FieldType::number, false, {}},
      {"note", FieldType::string, false, {}},
  };
  std::vector<std::string> rows;
  fundscreen::util::Diagnostics d;
  fundscreen::io::read_xlsx_table(out.str(), "changes.xlsx", schema, fundscreen::io::TableOptions{}, d,
                                  [&](fundscreen::io::TypedRow&& r) {
                                    std::string row;
                                    for (const auto& v : r.values) row += fundscreen::core::to_display(v) + "|";
                                    rows.push_back(row);
                                  });
  CHECK(fundscreen::testing::listing(d.items()) == "");
  CHECK(rows == std::vector<std::string>{"\"0012\"|3|3.5|\"=1+1\"|"});
  CHECK(out.str().find("<v>12</v>") == std::string::npos); // the id is text, not the number 12
}
