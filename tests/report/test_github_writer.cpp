// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report_fixture.hpp"

using fundscreen::report::Format;
using fundscreen::testing::ReportExample;

TEST_CASE("report::github") {
  ReportExample example;
  std::string out = example.render(Format::github);
  INFO(out);

  SUBCASE("a rejected application is an ::error at its row, its failed criteria one a line") {
    CHECK(out.find("::error file=apps.csv,line=4,title=fundscreen%3A reject A-3::A-3 (Tech \"Robotti\" Oy & "
                   "<Partners>): reject, failed X1, C6%0AX1 Not a technological solution: the rule does not hold%0AC6 "
                   "The whole is sufficiently resourced: the rule does not hold\n") != std::string::npos);
  }

  SUBCASE("clarify is a ::notice there; fund and reserve get no annotation") {
    CHECK(out.find("::notice file=apps.csv,line=5,title=fundscreen%3A clarify A-4::") != std::string::npos);
    CHECK(out.find("A-1") == std::string::npos);
    CHECK(out.find("A-2") == std::string::npos);
  }

  SUBCASE("the last line is a ::notice with the counts and the funding line") {
    CHECK(out.ends_with("::notice title=fundscreen%3A screening::4 applications against mini-2021 version 2: 1 fund, "
                        "1 reserve, 1 clarify, 0 pending, 1 reject; 1 funded, 95 000.50 EUR of 200 000.00 EUR\n"));
  }
}
