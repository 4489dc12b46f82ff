// SPDX-License-Identifier: Apache-2.0
// The workbooks fundscreen writes, read back with fundscreen's own reader of workbooks: the
// cells keep their types, text stays text (no formula), and the bytes depend on the cells only.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <unistd.h>

#include "core/criteria_set.hpp"
#include "core/date.hpp"
#include "io/table_reader.hpp"
#include "io/zip_archive.hpp"
#include "report/xlsx_book.hpp"
#include "test_builders.hpp"
#include "util/error.hpp"

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
  std::string a = written(sample());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // a second later: no clock in the bytes
  std::string b = written(sample());
  CHECK(a == b);
  fundscreen::io::ZipArchive archive(a, "out.xlsx");
  const auto* core = archive.find("docProps/core.xml");
  REQUIRE(core);
  CHECK(archive.read_all(*core).find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z<") !=
        std::string::npos);
}

namespace {

// TMPDIR set to a new folder while this lives; files() lists what is left in it.
class TemporaryDir {
public:
  TemporaryDir() {
    const char* old = std::getenv("TMPDIR");
    if (old) m_old = old;
    std::string base = m_old.empty() ? "/tmp" : m_old;
    m_path = std::filesystem::path(base) / ("fundscreen-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_path);
    ::setenv("TMPDIR", m_path.c_str(), 1);
  }
  ~TemporaryDir() {
    if (m_old.empty())
      ::unsetenv("TMPDIR");
    else
      ::setenv("TMPDIR", m_old.c_str(), 1);
    std::filesystem::remove_all(m_path);
  }
  size_t files() const { return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(m_path), {})); }
  const std::filesystem::path& path() const { return m_path; }

private:
  std::string m_old;
  std::filesystem::path m_path;
};

std::string message(const fundscreen::util::Error& e) {
  return fundscreen::util::format_diagnostic(e.diagnostics().at(0));
}

} // namespace

TEST_CASE("report::XlsxBook writes through a temporary file in TMPDIR, removed after") {
  TemporaryDir tmp;
  SUBCASE("written") {
    CHECK(written(sample()).starts_with("PK\x03\x04"));
    CHECK(tmp.files() == 0);
  }
  SUBCASE("a cell longer than Excel holds: an error, and no file left") {
    XlsxBook book("€");
    book.add_sheet("decisions", {"id", "title"})
        .rows.push_back({XlsxBook::text("OA-1"), XlsxBook::text(std::string(40000, 'x'))});
    std::ostringstream out;
    try {
      book.write(out);
      FAIL("no error");
    } catch (const fundscreen::util::Error& e) {
      CHECK(message(e) ==
            "fundscreen: error: the workbook's cell 'decisions'!B2 would hold 40000 characters, more than "
            "the 32767 a cell holds; write --format csv instead\n");
    }
    CHECK(out.str().empty());
    CHECK(tmp.files() == 0);
  }
  SUBCASE("no folder for the temporary file") {
    ::setenv("TMPDIR", (tmp.path() / "missing").c_str(), 1);
    try {
      written(sample());
      FAIL("no error");
    } catch (const fundscreen::util::Error& e) {
      CHECK(message(e) == (tmp.path() / "missing").string() +
                              ": error: cannot create a temporary file of the workbook: No such file or directory "
                              "(set TMPDIR to a writable directory)\n");
    }
  }
}

TEST_CASE("report::XlsxBook refuses a sheet of more rows than Excel holds") {
  XlsxBook book("");
  book.add_sheet("decisions", {"id"}).rows.resize(1048576);
  std::ostringstream out;
  try {
    book.write(out);
    FAIL("no error");
  } catch (const fundscreen::util::Error& e) {
    CHECK(message(e) == "fundscreen: error: the workbook's sheet 'decisions' would have 1048577 rows, more than the "
                        "1048576 a sheet holds; write --format csv instead\n");
  }
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
  fundscreen::io::ZipArchive archive(out.str(), "changes.xlsx");
  CHECK(archive.read_all(*archive.find("xl/worksheets/sheet1.xml")).find("<v>12</v>") ==
        std::string::npos); // the id is text, not the number 12
}
