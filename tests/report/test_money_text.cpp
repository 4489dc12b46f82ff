// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report/money_text.hpp"

using fundscreen::core::Money;
using fundscreen::report::money_text;

TEST_CASE("report::money_text") {
  SUBCASE("groups thousands with a space and always shows cents") {
    CHECK(money_text(Money{69770050}, "EUR") == "697 700.50 EUR");
    CHECK(money_text(Money{80000000}, "EUR") == "800 000.00 EUR");
    CHECK(money_text(Money{100000}) == "1 000.00");
    CHECK(money_text(Money{99900}) == "999.00");
    CHECK(money_text(Money{5}) == "0.05");
    CHECK(money_text(Money{0}) == "0.00");
    CHECK(money_text(Money{123456789012}) == "1 234 567 890.12");
  }
  SUBCASE("puts the sign before the digits") { CHECK(money_text(Money{-123450}, "EUR") == "-1 234.50 EUR"); }
}
