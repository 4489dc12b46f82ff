// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report/columns.hpp"

using namespace fundscreen::report;

TEST_CASE("report::cut") {
  CHECK(cut("Åbo Öljy Ab", 11) == "Åbo Öljy Ab");
  CHECK(cut("Åbo Öljy Ab", 10) == "Åbo Öljy …");
  CHECK(cut("ääää", 3) == "ää…");
  CHECK(cut("abc", 1) == "…");
  CHECK(cut("abc", 0) == "");
}

TEST_CASE("report::Columns") {
  Columns table({{"id"}, {"name", Align::left, 6}, {"n", Align::right}});
  table.add({"A-1", "Åbo Öljy Ab", "3"});
  table.add({"A-22", "Oy", "12"});
  table.add({"A-3", "ESC\x1b", "1"});

  SUBCASE("pads by characters and cuts to the limit") {
    CHECK(table.header() == "id    name     n");
    CHECK(table.row(0) == "A-1   Åbo Ö…   3");
    CHECK(table.row(1) == "A-22  Oy      12");
  }
  SUBCASE("makes control characters harmless") { CHECK(table.row(2) == "A-3   ESC      1"); }
  SUBCASE("wraps the last cell in a colour that takes no width") {
    CHECK(table.row(1, "<", ">") == "A-22  Oy      <12>");
  }
  SUBCASE("knows where each column starts") {
    CHECK(table.offset(0) == 0);
    CHECK(table.offset(2) == 14);
  }
}
